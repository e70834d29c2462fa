"""The shipped label templates (drafts until QA approves them): one per container type.

Positions are millimetres from the top-left corner.  Linear symbols keep a 10X quiet zone
(x >= 2.5 mm at X = 0.25 mm) and Data Matrix at least X (ST-001 §6, standards §1.6).  The
eye-readable DIN is laid out by ``din_text`` (flags turned, K boxed).

| code         | container   | size (mm) | notes                                              |
|--------------|-------------|-----------|----------------------------------------------------|
| LT-BAG       | cryobag     | 100 × 100 | ISBT 128 full face: four quadrants                 |
| LT-VIAL      | cryovial    | 50 × 30   | full content, small print (1.7 mm ≈ 4.8 pt)        |
| LT-VIAL-MINI | cryovial    | 25 × 10   | partial (flags 12) + LT-INFO (flags 13), S13       |
| LT-SYRINGE   | syringe     | 50 × 30   | the vial's content as a flag label on the barrel   |
| LT-TUBE      | sample_tube | 50 × 25   | QC sample                                          |
| LT-SHIP      | shipper     | 100 × 150 | full face, larger print                            |
| LT-INFO      | info_sheet  | 100 × 150 | the information sheet that goes with a partial one |
"""

from __future__ import annotations

from dataclasses import dataclass

from models.kernel.canonical import canonical_json
from models.labeling.default_full import full_face
from models.labeling.default_small import sample_tube, vial, vial_partial


@dataclass(frozen=True)
class DefaultTemplate:
    code: str
    container_type: str
    partial: bool
    layout: str  # canonical JSON


def default_templates() -> tuple[DefaultTemplate, ...]:
    info_title = "Product information sheet 产品信息说明单"
    ship_title = "Cryogenic - keep upright 低温运输 请勿倒置"
    return (
        DefaultTemplate("LT-BAG", "cryobag", False, canonical_json(full_face(100, ""))),
        DefaultTemplate("LT-VIAL", "cryovial", False, canonical_json(vial())),
        DefaultTemplate("LT-VIAL-MINI", "cryovial", True, canonical_json(vial_partial())),
        DefaultTemplate("LT-SYRINGE", "syringe", False, canonical_json(vial())),
        DefaultTemplate("LT-INFO", "info_sheet", False, canonical_json(full_face(150, info_title))),
        DefaultTemplate("LT-SHIP", "shipper", False, canonical_json(full_face(150, ship_title))),
        DefaultTemplate("LT-TUBE", "sample_tube", False, canonical_json(sample_tube())),
    )

"""A unit's container decides its label template (R-LBL-07): a template sized for another
kind of container is refused wherever a label is made for a unit, and the default is the
approved full label of the unit's own container."""

from __future__ import annotations

import pytest

from models.core import Core
from models.entities.production import ProductUnit
from models.i18n import describe
from models.labeling.containers import template_for_unit
from models.labeling.errors import NoTemplateForContainerError, WrongContainerTemplateError
from models.labeling.unit_labels import UnitLabelReads
from tests.labeling.conftest import Lot, make_lot, template_row

DIN_OF_FIRST = "=A99902500000100"  # make_lot's first unit (sequence 1)


def _request(core: Core, lot: Lot, template_id: int, station: str = "C-201/BSC-02") -> int:
    return core.labeling.request_labels(
        batch_id=lot.batch_id,
        template_id=template_id,
        unit_ids=lot.unit_ids,
        printer_address="memory://x",
        station=station,
        actor="wang",
    )


def test_a_vial_is_refused_a_bag_label(core: Core, templates: dict[str, int]) -> None:
    lot = make_lot(core, "B-VIAL-BAG", container="cryovial")
    with pytest.raises(WrongContainerTemplateError) as refused:
        _request(core, lot, templates["LT-BAG"])
    assert refused.value.params["unit_container"] == "cryovial"
    assert "LT-BAG" in describe(refused.value, "en") and "冻存管" in describe(refused.value, "zh")
    with pytest.raises(WrongContainerTemplateError):  # nor rendered for it
        UnitLabelReads(core.uow).unit_label(DIN_OF_FIRST, "LT-BAG")


def test_a_bag_is_refused_a_vial_label_full_or_partial(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    for code in ("LT-VIAL", "LT-VIAL-MINI"):
        with pytest.raises(WrongContainerTemplateError):
            _request(core, lot, templates[code])


def test_the_default_template_follows_the_container(
    core: Core, templates: dict[str, int], lot: Lot
) -> None:
    vials = make_lot(core, "B-VIAL-DEF", container="cryovial", first_sequence=11)
    with core.uow() as uow:
        chosen = {
            unit: template_for_unit(uow.session, uow.session.get_one(ProductUnit, unit)).code
            for unit in (lot.unit_ids[0], vials.unit_ids[0])
        }
    assert chosen == {lot.unit_ids[0]: "LT-BAG", vials.unit_ids[0]: "LT-VIAL"}
    label = UnitLabelReads(core.uow).unit_label("=A99902500001100")  # no template named
    assert label.template == "LT-VIAL"
    assert (label.content.width_mm, label.content.height_mm) == (50, 30)


def test_a_vial_may_take_its_partial_label_and_any_unit_a_shipper_label(
    core: Core, templates: dict[str, int]
) -> None:
    vials = make_lot(core, "B-VIAL-OK", container="cryovial")
    assert _request(core, vials, templates["LT-VIAL-MINI"])
    bags = make_lot(core, "B-BAG-SHIP", first_sequence=21)
    assert _request(core, bags, templates["LT-SHIP"], station="C-201/BSC-03")
    assert template_row(core, templates["LT-SHIP"]).container_type == "shipper"


def test_a_container_no_approved_template_fits_is_named(
    core: Core, templates: dict[str, int]
) -> None:
    # a unit recorded before its container had a template (or one typed outside the app)
    make_lot(core, "B-AMPOULE", container="ampoule", count=1, first_sequence=31)
    with pytest.raises(NoTemplateForContainerError) as refused:
        UnitLabelReads(core.uow).unit_label("=A99902500003100")
    assert refused.value.params["container"] == "ampoule"


def test_a_syringe_takes_its_own_flag_label_and_no_bag_label(
    core: Core, templates: dict[str, int]
) -> None:
    syringes = make_lot(core, "B-SYRINGE", container="syringe", count=1, first_sequence=41)
    label = UnitLabelReads(core.uow).unit_label("=A99902500004100")
    assert label.template == "LT-SYRINGE"
    assert (label.content.width_mm, label.content.height_mm) == (50, 30)
    with pytest.raises(WrongContainerTemplateError) as refused:
        _request(core, syringes, templates["LT-BAG"])
    assert "注射器" in describe(refused.value, "zh")
    assert _request(core, syringes, templates["LT-SYRINGE"])

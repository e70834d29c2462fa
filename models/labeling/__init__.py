"""Label content from the record: field extraction, template layouts, and LabelContent building.

Pure functions over the database record and the ``printing`` library; the workflow (requests,
printing, verification, reconciliation) lives in ``models.labeling.service``.
"""

from models.labeling.build import build_label, expected_scans, symbol_data
from models.labeling.fields import LabelFields, label_fields
from models.labeling.layout import (
    CONTAINER_TYPES,
    Layout,
    LayoutError,
    human_readable_fields,
    parse_layout,
    validate_layout,
)

__all__ = [
    "CONTAINER_TYPES",
    "LabelFields",
    "Layout",
    "LayoutError",
    "build_label",
    "expected_scans",
    "human_readable_fields",
    "label_fields",
    "parse_layout",
    "symbol_data",
    "validate_layout",
]

"""A unit is filled (or split) only into a container CellTrail knows a label for (R-LBL-07)."""

from __future__ import annotations

from models.chain.errors import UnknownContainerError
from models.entities.production import UNIT_CONTAINERS


def require_unit_container(container_type: str) -> str:
    """``container_type`` if a unit may be filled into it; refused otherwise."""
    if container_type not in UNIT_CONTAINERS:
        raise UnknownContainerError(container=container_type)
    return container_type

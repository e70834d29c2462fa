"""R-LBL-11: splitting, pooling and material use at the manufacturer are tied to a workspace
that holds no other batch; a hospital's re-processing has no workspace."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.chain import lookup
from models.cleanroom.line_clearance import BASE_ITEMS
from models.core import Core
from models.demo.quality import add_material_lots
from models.entities.materials import MaterialUsage
from models.entities.production import UnitLink
from models.entities.workspaces import Workspace
from models.kernel.operating_space import WorkspaceBusyForError, WorkspaceNeededForError
from tests.chain.conftest import Flow, add_site_config
from tests.conftest import PASSWORD

ROOM, OTHER_ROOM = "C-201/BSC-02", "C-202/BSC-01"


def _open_in_room(core: Core, flow: Flow, donor: str) -> tuple[str, int]:
    """A second batch, planned and started in ROOM after a line clearance."""
    flow.eligible_donor(donor)
    flow.accepted_collection(donor, f"CL-{donor}")
    number = core.chain.batches.create_batch(
        actor="wang", collections=f"CL-{donor}", product_code="S1389"
    )
    core.line_clearance.record_clearance(
        workspace_code=ROOM,
        checklist={item.value: True for item in BASE_ITEMS},
        performer="wang",
        performer_password=PASSWORD,
        verifier="zhao",
        verifier_password=PASSWORD,
    )
    core.line_clearance.start_in_workspace(actor="wang", batch_number=number, workspace_code=ROOM)
    with core.uow() as uow:
        return number, lookup.batch(uow.session, number).id


def _workspace_of_links(core: Core, unit: str) -> set[str | None]:
    with core.uow() as uow:
        parent = lookup.unit(uow.session, f"{unit}/00")
        return set(
            uow.session.scalars(
                select(Workspace.code)
                .select_from(UnitLink)
                .outerjoin(Workspace, Workspace.id == UnitLink.workspace_id)
                .where(UnitLink.parent_unit_id == parent.id)
            )
        )


@pytest.mark.req("R-LBL-11")
def test_a_split_or_pool_is_refused_in_a_workspace_holding_another_batch(core: Core) -> None:
    add_site_config(core)
    flow = Flow(core)
    _, units = flow.released_batch("DN-WS1", 4)  # made before the site had workspaces
    for code in (ROOM, OTHER_ROOM):
        core.line_clearance.add_workspace(actor="admin", code=code, name=code)
    other, _ = _open_in_room(core, flow, "DN-WS2")
    split = core.chain.genealogy.split
    args = {"actor": "wang", "parts": 2, "reason": "two doses", "verifier": "zhao"}
    with pytest.raises(WorkspaceBusyForError) as refused:
        split(**args, unit_code=units[0], verifier_password=PASSWORD, workspace=ROOM)
    assert other in str(refused.value) and ROOM in str(refused.value)
    with pytest.raises(WorkspaceNeededForError):  # not open anywhere: say where
        split(**args, unit_code=units[0], verifier_password=PASSWORD)
    split(**args, unit_code=units[0], verifier_password=PASSWORD, workspace=OTHER_ROOM)
    assert _workspace_of_links(core, units[0]) == {OTHER_ROOM}
    pool = core.chain.genealogy.pool_units
    pool_args = {"actor": "wang", "reason": "dose", "verifier": "zhao"}
    with pytest.raises(WorkspaceBusyForError):
        pool(**pool_args, unit_codes=units[2:], verifier_password=PASSWORD, workspace=ROOM)
    pool(**pool_args, unit_codes=units[2:], verifier_password=PASSWORD, workspace=OTHER_ROOM)
    assert _workspace_of_links(core, units[2]) == {OTHER_ROOM}


@pytest.mark.req("R-LBL-11")
def test_a_hospital_splits_without_a_workspace(core: Core) -> None:
    add_site_config(core)
    flow = Flow(core)
    _, units = flow.released_batch("DN-WS3", 1)
    core.line_clearance.add_workspace(actor="admin", code=ROOM, name=ROOM)
    flow.ship_and_receive("SH-WS-1", units, None, hospital="HOSP-B")
    children = flow.split(units[0], actor="liu")
    assert len(children) == 2 and _workspace_of_links(core, units[0]) == {None}


@pytest.mark.req("R-LBL-11")
def test_material_goes_into_a_batch_in_the_workspace_it_is_open_in(core: Core) -> None:
    add_site_config(core)
    flow = Flow(core)
    lots = add_material_lots(core, PASSWORD)
    flow.eligible_donor("DN-WS4")
    flow.accepted_collection("DN-WS4", "CL-DN-WS4")
    idle = core.chain.batches.create_batch(
        actor="wang", collections="CL-DN-WS4", product_code="S1389"
    )
    core.line_clearance.add_workspace(actor="admin", code=ROOM, name=ROOM)
    _, open_id = _open_in_room(core, flow, "DN-WS5")
    issue = core.quality.materials.issue_to_batch
    usage = issue(lot_id=lots["medium"], batch_id=open_id, quantity=1, actor="wang")
    with core.uow() as uow:
        row = uow.session.get(MaterialUsage, usage)
        assert row is not None and row.workspace_id is not None
        assert uow.session.get(Workspace, row.workspace_id).code == ROOM  # type: ignore[union-attr]
        idle_id = lookup.batch(uow.session, idle).id
    with pytest.raises(WorkspaceNeededForError):
        issue(lot_id=lots["medium"], batch_id=idle_id, quantity=1, actor="wang")

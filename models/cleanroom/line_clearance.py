"""Workspaces, line clearance and who is processed where (R-SEG-01, -02, -03, -05, -06).

Rules as enforced here:

- **Workspaces** (cleanroom suites, biosafety cabinets) are registered by admin or QA, with
  an ``infectious_area`` flag; audited.
- **Line clearance** (清场): a fixed checklist, every item confirmed; an item not confirmed
  means no clearance, and nothing is recorded (the refusal names the items).  After an
  infectious batch (or any batch in an infectious area) the item "no residual infection
  risk" is required too (R-SEG-06).  The operator who performed it and a *different* person
  (verifier or QA) who verified it both e-sign, bound to the same content; both re-enter
  their password before the transaction opens.  A workspace cannot be cleared while a batch
  is in it.  The record is append-only and names the batch it clears: the one that last
  ended in the workspace (none for a new workspace).
- **Start** (``start_in_workspace``): only a batch in process, filled or in quarantine
  (not voided); not while it is active in another workspace; not while another batch
  occupies the workspace (one batch per workspace, R-SEG-03 / R-LBL-11); an infectious
  batch only in an infectious area and a non-infectious batch never there (R-SEG-05); and
  only on the workspace's newest clearance, recorded after the previous batch there ended
  and not used by another start (R-SEG-01).  A start uses the clearance up
  (``workspace_use.clearance_id`` is unique), so a new clearance is needed for every batch.
  "After" is checked twice: structurally (no clearance is possible while a batch is in the
  workspace, so the newest unused one came after the last stay ended; its recorded previous
  batch must be that stay's batch) and by the times recorded (clearance ≥ end).
- **Finish** (``finish_in_workspace``) ends the batch's stay; the workspace needs a new
  clearance before the next batch (R-SEG-02).
- **Processing records**: once the site has registered any workspace, a process step, a
  harvest or a fill is recorded only for a batch that is active in a workspace, and only
  while that workspace is still the right kind for it (a donor found infectious mid-process
  stops the work until the batch is moved, R-SEG-05).  ``require_in_workspace`` is the hook
  ``StepService.record_step`` and ``BatchService.record_harvest``/``fill`` call.  Verifying
  an existing step is not processing and is not restricted.
- **Databases without any workspace** keep working as before: existing tests create batches
  and record steps, harvests and fills with no workspace at all (tests/core: test_audit,
  test_backup, test_signatures, test_lost_commit, test_connection_loss, test_archive;
  tests/robustness; tests/chain's Flow helpers; tests/gui's demo scenarios, whose batches
  carry only the free-text ``batch.workspace`` label).  The switch is per site, not per
  batch: a per-batch exemption would let any batch skip clearance by never being started.
- ``BatchService.create_batch`` with a ``workspace`` label naming a registered workspace
  refuses the R-SEG-05 mismatch at planning time; ``start_in_workspace`` sets the label to
  the workspace the batch is actually in.

Every refusal is a DomainError (a code with parameters, its words in models/i18n) naming the
workspace, the batch and the reason.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.chain import lookup
from models.chain.genealogy_sql import donors_of_batches
from models.entities.accounts import Role, SignatureMeaning
from models.entities.production import Batch, BatchStatus
from models.entities.workspaces import LineClearance, Workspace, WorkspaceUse
from models.i18n import Message, Phrases, terms
from models.identity.accounts import find_user, require_actor, require_role
from models.identity.signatures import SignatureService, require_different_person
from models.kernel.audit import AuditAction
from models.kernel.canonical import canonical_json
from models.kernel.errors import DomainError, InvalidTransitionError, NotFoundError, ValidationError
from models.kernel.unit_of_work import UnitOfWork, UowFactory

WORKSPACE_ADMINS = (Role.ADMIN, Role.QA)
PERFORMERS = (Role.OPERATOR,)
VERIFIERS = (Role.VERIFIER, Role.QA)
OPERATORS = (Role.OPERATOR,)
STARTABLE = (BatchStatus.IN_PROCESS, BatchStatus.FILLED, BatchStatus.QUARANTINE)


class ChecklistItem(enum.StrEnum):
    NO_PREVIOUS_PRODUCT = "no_previous_product"
    NO_PREVIOUS_DOCUMENTS = "no_previous_documents"
    NO_PREVIOUS_MATERIALS = "no_previous_materials"
    EQUIPMENT_CLEAN_READY = "equipment_clean_ready"
    CLEANED_DISINFECTED = "cleaned_disinfected"
    NO_RESIDUAL_INFECTION_RISK = "no_residual_infection_risk"


# What the checklist says is the catalogue's clearance_item.<item>, in the words of
# R-SEG-01/03/06 (002 L1764–1768, L3192–3196); the GUI's checklist shows the same words.
BASE_ITEMS = tuple(i for i in ChecklistItem if i is not ChecklistItem.NO_RESIDUAL_INFECTION_RISK)


def required_items(residual_risk: bool) -> tuple[ChecklistItem, ...]:
    """Every item that must be confirmed; ``residual_risk`` after an infectious batch."""
    return (*BASE_ITEMS, ChecklistItem.NO_RESIDUAL_INFECTION_RISK) if residual_risk else BASE_ITEMS


def clearance_ref(workspace_code: str, number: int) -> str:
    """How signatures, the audit trail and screens name one clearance."""
    return f"{workspace_code}/LC-{number:03d}"


# -- refusals -------------------------------------------------------------------------------


class WorkspaceNotClearedError(DomainError):
    code = "workspace_not_cleared"


class ClearanceOutdatedError(DomainError):
    code = "workspace_clearance_outdated"


class WorkspaceOccupiedError(DomainError):
    code = "workspace_occupied"


class ClearanceWhileOccupiedError(DomainError):
    code = "workspace_clearance_occupied"


class BatchActiveElsewhereError(DomainError):
    code = "batch_in_other_workspace"


class InfectiousBatchInGeneralAreaError(DomainError):
    code = "workspace_segregation_infectious"


class GeneralBatchInInfectiousAreaError(DomainError):
    code = "workspace_segregation_general"


class ClearanceIncompleteError(DomainError):
    code = "line_clearance_incomplete"


class ResidualInfectionRiskError(ClearanceIncompleteError):
    code = "line_clearance_residual_risk"


class BatchNotInWorkspaceError(DomainError):
    code = "batch_not_in_workspace"


class BatchLeftWorkspaceError(DomainError):
    code = "batch_left_workspace"


class NotActiveHereError(DomainError):
    code = "batch_not_active_here"


# -- what screens read ------------------------------------------------------------------------


class WorkspaceState(enum.StrEnum):
    CLEARED = "cleared"
    NEEDS_CLEARANCE = "needs_clearance"
    OCCUPIED = "occupied"


@dataclass(frozen=True)
class WorkspaceStatus:
    code: str
    name: str
    infectious_area: bool
    state: WorkspaceState
    occupant: str | None  # batch number while occupied
    previous_batch: str | None  # the batch a clearance now would clear
    residual_risk_required: bool  # a clearance now needs the R-SEG-06 item
    last_clearance: str | None  # reference of the newest clearance
    last_clearance_at: datetime | None
    last_cleared_by: tuple[str, str] | None  # (performed by, verified by)

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return required_items(self.residual_risk_required)


@dataclass(frozen=True)
class _Facts:
    open_use: WorkspaceUse | None
    last_use: WorkspaceUse | None  # newest stay (open or ended)
    clearance: LineClearance | None  # newest clearance
    clearance_used: bool


# -- hooks for the other services -----------------------------------------------------------


def workspaces_configured(session: Session) -> bool:
    """True once the site has registered any workspace: from then on, processing needs one."""
    return session.scalar(select(Workspace.id).limit(1)) is not None


def batch_is_infectious(session: Session, batch: Batch) -> bool:
    return any(d.infectious for d in donors_of_batches(session, [batch.id]))


def check_segregation(session: Session, workspace: Workspace, batch: Batch) -> None:
    """R-SEG-05: infectious material only in an infectious area, and nothing else there."""
    infectious = batch_is_infectious(session, batch)
    if infectious and not workspace.infectious_area:
        raise InfectiousBatchInGeneralAreaError(batch=batch.number, workspace=workspace.code)
    if workspace.infectious_area and not infectious:
        raise GeneralBatchInInfectiousAreaError(batch=batch.number, workspace=workspace.code)


def check_planned_workspace(session: Session, batch: Batch, label: str | None) -> None:
    """At batch creation: a ``workspace`` label naming a registered workspace must suit it."""
    if not label:
        return
    workspace = session.scalar(select(Workspace).where(Workspace.code == label.strip()))
    if workspace is not None:
        check_segregation(session, workspace, batch)


def require_in_workspace(uow: UnitOfWork, batch: Batch, action: Message) -> None:
    """Refuse a processing record for ``batch`` unless it is active in a suitable workspace.

    A no-op until the site registers its first workspace (see the module docstring).  The
    open stay is read FOR SHARE, so a concurrent finish cannot slip in between the check
    and the caller's commit on PostgreSQL (SQLite admits one writer at a time anyway).
    """
    session = uow.session
    if not workspaces_configured(session):
        return
    use = session.scalars(
        select(WorkspaceUse)
        .where(WorkspaceUse.batch_id == batch.id, WorkspaceUse.ended_at.is_(None))
        .with_for_update(read=True)
    ).one_or_none()
    if use is None:
        last = session.scalars(
            select(WorkspaceUse)
            .where(WorkspaceUse.batch_id == batch.id)
            .order_by(WorkspaceUse.id.desc())
            .limit(1)
        ).one_or_none()
        if last is None:
            raise BatchNotInWorkspaceError(batch=batch.number, action=action)
        raise BatchLeftWorkspaceError(
            batch=batch.number, workspace=last.workspace.code, action=action
        )
    check_segregation(session, use.workspace, batch)


# -- the service ----------------------------------------------------------------------------


class LineClearanceService:
    def __init__(self, uow_factory: UowFactory, signatures: SignatureService) -> None:
        self._uow = uow_factory
        self._signatures = signatures

    def add_workspace(
        self, *, actor: str, code: str, name: str, infectious_area: bool = False
    ) -> None:
        code, name = code.strip(), name.strip()
        if not code or len(code) > 40:
            raise ValidationError(field="workspace code", reason="1 to 40 characters")
        if not name or len(name) > 200:
            raise ValidationError(field="workspace name", reason="1 to 200 characters")
        with self._uow() as uow:
            require_actor(uow.session, actor, WORKSPACE_ADMINS, "register workspaces")
            lookup.require_unused(uow.session, Workspace.code, code, "workspace code")
            uow.session.add(
                Workspace(
                    code=code,
                    name=name,
                    infectious_area=infectious_area,
                    created_at=uow.clock(),
                    created_by=actor,
                )
            )
            uow.audit.record(
                AuditAction.CREATE,
                actor=actor,
                subject_type="workspace",
                subject_id=code,
                new={"name": name, "infectious_area": infectious_area},
            )
            uow.commit()

    def statuses(self) -> tuple[WorkspaceStatus, ...]:
        """Every workspace with its state, for the cleanroom screen (read-only)."""
        with self._uow().reading() as uow:
            workspaces = uow.session.scalars(select(Workspace).order_by(Workspace.code))
            return tuple(_status(uow.session, w) for w in workspaces)

    def status(self, workspace_code: str) -> WorkspaceStatus:
        with self._uow().reading() as uow:
            return _status(uow.session, _workspace(uow.session, workspace_code))

    def record_clearance(
        self,
        *,
        workspace_code: str,
        checklist: Mapping[str, bool],
        performer: str,
        performer_password: str,
        verifier: str,
        verifier_password: str,
    ) -> int:
        """Record a completed, two-person-signed line clearance; returns its id."""
        require_different_person(performer, verifier)  # refuse before asking for passwords
        confirmed = _read_checklist(checklist)
        with self._uow().reading() as uow:  # an early refusal costs nobody a password try
            for username, roles, action in (
                (performer, PERFORMERS, "perform line clearances"),
                (verifier, VERIFIERS, "verify line clearances"),
            ):
                user = find_user(uow.session, username)
                if user is not None:  # an unknown name fails at re-authentication, as usual
                    require_role(user, roles, action)
            _plan_clearance(uow.session, _workspace(uow.session, workspace_code), confirmed)
        performed = self._signatures.reauthenticate(
            performer, performer_password, SignatureMeaning.PERFORMED
        )
        verified = self._signatures.reauthenticate(
            verifier, verifier_password, SignatureMeaning.VERIFIED
        )
        with self._uow() as uow:
            session = uow.session
            workspace = _workspace(session, workspace_code, lock=True)
            previous, previous_infectious = _plan_clearance(session, workspace, confirmed)
            number = (
                session.scalar(
                    select(func.max(LineClearance.number)).where(
                        LineClearance.workspace_id == workspace.id
                    )
                )
                or 0
            ) + 1
            ref = clearance_ref(workspace.code, number)
            now = uow.clock()
            content = {
                "clearance": ref,
                "workspace": workspace.code,
                "infectious_area": workspace.infectious_area,
                "previous_batch": previous.number if previous else None,
                "previous_infectious": previous_infectious,
                "checklist": {i.value: confirmed[i] for i in confirmed},
                "performed_by": performer,
                "performed_at": now,
            }
            signatures = [
                self._signatures.sign(
                    uow,
                    signer=signer,
                    meaning=meaning,
                    subject_type="line_clearance",
                    subject_id=ref,
                    content=content,
                    allowed_roles=roles,
                )
                for signer, meaning, roles in (
                    (performed, SignatureMeaning.PERFORMED, PERFORMERS),
                    (verified, SignatureMeaning.VERIFIED, VERIFIERS),
                )
            ]
            record = LineClearance(
                workspace_id=workspace.id,
                number=number,
                previous_batch_id=previous.id if previous else None,
                previous_infectious=previous_infectious,
                checklist=canonical_json(content["checklist"]),
                performed_by=performer,
                performed_at=now,
                performed_signature_id=signatures[0].id,
                verified_by=verifier,
                verified_at=signatures[1].signed_at,
                verified_signature_id=signatures[1].id,
            )
            session.add(record)
            session.flush()
            uow.audit.record(
                AuditAction.CREATE,
                actor=performer,
                subject_type="line_clearance",
                subject_id=ref,
                new={**content, "verified_by": verifier},
            )
            uow.commit()
            return record.id

    def start_in_workspace(self, *, actor: str, batch_number: str, workspace_code: str) -> None:
        """Batch ``batch_number`` starts its work in ``workspace_code`` (see module rules)."""
        with self._uow() as uow:
            session = uow.session
            require_actor(session, actor, OPERATORS, "start batches in workspaces")
            workspace = _workspace(session, workspace_code, lock=True)
            batch = _batch(session, batch_number)
            if batch.voided_reason or batch.status not in STARTABLE:
                raise InvalidTransitionError(
                    kind="batch",
                    ident=batch.number,
                    current="voided" if batch.voided_reason else batch.status.value,
                    target=f"started in workspace {workspace.code}",
                )
            elsewhere = session.scalars(
                select(WorkspaceUse).where(
                    WorkspaceUse.batch_id == batch.id, WorkspaceUse.ended_at.is_(None)
                )
            ).one_or_none()
            if elsewhere is not None:
                raise BatchActiveElsewhereError(
                    batch=batch.number, workspace=workspace.code, other=elsewhere.workspace.code
                )
            facts = _facts(session, workspace)
            if facts.open_use is not None:
                raise WorkspaceOccupiedError(
                    batch=batch.number,
                    workspace=workspace.code,
                    occupant=facts.open_use.batch.number,
                )
            check_segregation(session, workspace, batch)
            clearance = facts.clearance
            if clearance is None:
                raise WorkspaceNotClearedError(batch=batch.number, workspace=workspace.code)
            if not _clears(facts):
                previous = facts.last_use.batch.number if facts.last_use else "—"
                raise ClearanceOutdatedError(
                    batch=batch.number, workspace=workspace.code, previous=previous
                )
            use = WorkspaceUse(
                workspace_id=workspace.id,
                batch_id=batch.id,
                clearance_id=clearance.id,
                started_at=uow.clock(),
                started_by=actor,
            )
            session.add(use)
            old_label, batch.workspace = batch.workspace, workspace.code
            session.flush()
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="batch",
                subject_id=batch.number,
                old={"workspace": old_label, "active_in": None},
                new={
                    "workspace": workspace.code,
                    "active_in": workspace.code,
                    "workspace_use": use.id,
                    "clearance": clearance_ref(workspace.code, clearance.number),
                },
            )
            uow.commit()

    def finish_in_workspace(self, *, actor: str, batch_number: str, workspace_code: str) -> None:
        """The batch's work in the workspace ends; the workspace needs clearance again."""
        with self._uow() as uow:
            session = uow.session
            require_actor(session, actor, OPERATORS, "finish batches in workspaces")
            workspace = _workspace(session, workspace_code, lock=True)
            batch = _batch(session, batch_number)
            use = session.scalars(
                select(WorkspaceUse)
                .where(
                    WorkspaceUse.workspace_id == workspace.id,
                    WorkspaceUse.batch_id == batch.id,
                    WorkspaceUse.ended_at.is_(None),
                )
                .with_for_update()
            ).one_or_none()
            if use is None:
                raise NotActiveHereError(batch=batch.number, workspace=workspace.code)
            use.ended_at, use.ended_by = uow.clock(), actor
            uow.audit.record(
                AuditAction.TRANSITION,
                actor=actor,
                subject_type="batch",
                subject_id=batch.number,
                old={"active_in": workspace.code},
                new={
                    "active_in": None,
                    "workspace_use": use.id,
                    "workspace_needs_clearance": workspace.code,
                },
            )
            uow.commit()


# -- helpers --------------------------------------------------------------------------------


def _workspace(session: Session, code: str, *, lock: bool = False) -> Workspace:
    """The workspace; ``lock`` serialises starts, finishes and clearances on PostgreSQL."""
    query = select(Workspace).where(Workspace.code == code.strip())
    if lock:
        query = query.with_for_update()
    found = session.scalars(query).one_or_none()
    if found is None:
        raise NotFoundError(kind="workspace", ident=code)
    return found


def _batch(session: Session, number: str) -> Batch:
    """The batch, locked FOR NO KEY UPDATE: it serialises starts of one batch without
    blocking a step being inserted for it (whose foreign key takes FOR KEY SHARE)."""
    found = session.scalars(
        select(Batch).where(Batch.number == number.strip()).with_for_update(key_share=True)
    ).one_or_none()
    if found is None:
        raise NotFoundError(kind="batch", ident=number)
    return found


def _facts(session: Session, workspace: Workspace) -> _Facts:
    last_use = session.scalars(
        select(WorkspaceUse)
        .where(WorkspaceUse.workspace_id == workspace.id)
        .order_by(WorkspaceUse.id.desc())
        .limit(1)
    ).one_or_none()
    clearance = session.scalars(
        select(LineClearance)
        .where(LineClearance.workspace_id == workspace.id)
        .order_by(LineClearance.number.desc())
        .limit(1)
    ).one_or_none()
    used = clearance is not None and (
        session.scalar(select(WorkspaceUse.id).where(WorkspaceUse.clearance_id == clearance.id))
        is not None
    )
    open_use = last_use if last_use is not None and last_use.ended_at is None else None
    return _Facts(open_use=open_use, last_use=last_use, clearance=clearance, clearance_used=used)


def _clears(facts: _Facts) -> bool:
    """Does the newest clearance allow the next start? (See "After" in the module rules.)"""
    clearance, last = facts.clearance, facts.last_use
    if clearance is None or facts.clearance_used or facts.open_use is not None:
        return False
    if last is None:
        return clearance.previous_batch_id is None
    assert last.ended_at is not None  # not open, so ended
    return clearance.previous_batch_id == last.batch_id and clearance.performed_at >= last.ended_at


def _status(session: Session, workspace: Workspace) -> WorkspaceStatus:
    facts = _facts(session, workspace)
    clearance = facts.clearance
    if facts.open_use is not None:
        state = WorkspaceState.OCCUPIED
    elif _clears(facts):
        state = WorkspaceState.CLEARED
    else:
        state = WorkspaceState.NEEDS_CLEARANCE
    previous = facts.last_use.batch if facts.last_use else None
    residual = previous is not None and (
        workspace.infectious_area or batch_is_infectious(session, previous)
    )
    return WorkspaceStatus(
        code=workspace.code,
        name=workspace.name,
        infectious_area=workspace.infectious_area,
        state=state,
        occupant=facts.open_use.batch.number if facts.open_use else None,
        previous_batch=previous.number if previous else None,
        residual_risk_required=residual,
        last_clearance=clearance_ref(workspace.code, clearance.number) if clearance else None,
        last_clearance_at=clearance.verified_at if clearance else None,
        last_cleared_by=(clearance.performed_by, clearance.verified_by) if clearance else None,
    )


def _plan_clearance(
    session: Session, workspace: Workspace, confirmed: dict[ChecklistItem, bool]
) -> tuple[Batch | None, bool]:
    """Refuse a clearance that may not be recorded now; else (previous batch, infectious?)."""
    facts = _facts(session, workspace)
    if facts.open_use is not None:
        raise ClearanceWhileOccupiedError(
            workspace=workspace.code, batch=facts.open_use.batch.number
        )
    previous = facts.last_use.batch if facts.last_use else None
    infectious = previous is not None and batch_is_infectious(session, previous)
    residual = previous is not None and (infectious or workspace.infectious_area)
    needed = required_items(residual)
    missing = [i for i in ChecklistItem if (i in needed or i in confirmed) and not confirmed.get(i)]
    previous_number = previous.number if previous else "—"
    if missing == [ChecklistItem.NO_RESIDUAL_INFECTION_RISK] and residual:
        raise ResidualInfectionRiskError(
            workspace=workspace.code, previous=previous_number, **_item_names(missing)
        )
    if missing:
        raise ClearanceIncompleteError(
            workspace=workspace.code, previous=previous_number, **_item_names(missing)
        )
    return previous, infectious


def _read_checklist(checklist: Mapping[str, Any]) -> dict[ChecklistItem, bool]:
    confirmed: dict[ChecklistItem, bool] = {}
    for key, value in checklist.items():
        try:
            item = ChecklistItem(key)
        except ValueError:
            raise ValidationError(field="checklist", reason=f"unknown item {key!r}") from None
        if not isinstance(value, bool):
            raise ValidationError(field="checklist", reason=f"{key!r} must be true or false")
        confirmed[item] = value
    return confirmed


def _item_names(items: list[ChecklistItem]) -> dict[str, Phrases]:
    return {"items": terms("clearance_item", items, "i18n.sentences")}


class SegregationRules:
    """``check_planned_workspace`` and ``require_in_workspace`` as the batch service's
    ``WorkspaceRules`` (it is given them by the core instead of importing this area)."""

    check_planned_workspace = staticmethod(check_planned_workspace)
    require_in_workspace = staticmethod(require_in_workspace)

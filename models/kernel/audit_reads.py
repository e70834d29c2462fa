"""The audit desk's reads as a service: each call opens its own read-only unit of work (the
queries, which take a Session, stay in audit_queries.py and audit.py); a page of entries and
the filter choices are read in one snapshot."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from models.kernel.audit import ChainReport, verify_chain
from models.kernel.audit_queries import (
    AuditFacets,
    AuditFilter,
    AuditPage,
    AuditRow,
    SignatureRow,
    Subject,
    audit_facets,
    audit_trail,
    count_audit,
    iter_audit,
    position_of,
    search_audit,
    signatures_for,
)
from models.kernel.record_check import RecordReport, check_records
from models.kernel.record_version import RecordChange, change_since
from models.kernel.unit_of_work import UowFactory

# Each subject is two bound parameters; SQLite allows 32766 per statement, PostgreSQL 65535.
_SUBJECTS_PER_QUERY = 400


class AuditReads:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def changed_since(
        self, table: str, record_id: object, version: int, ident: object | None = None
    ) -> RecordChange | None:
        """Who changed the record after ``version``, where and when (a window still open on
        the record says so before it can be signed); None if it did not change. ``ident``:
        how the person knows the record (a batch number, a DIN), by default its id."""
        with self._uow().reading() as uow:
            return change_since(uow.session, table, record_id, version, ident)

    def search(
        self, flt: AuditFilter, *, offset: int = 0, limit: int = 200
    ) -> tuple[AuditPage, AuditFacets]:
        with self._uow().reading() as uow:
            page = search_audit(uow.session, flt, offset=offset, limit=limit)
            return page, audit_facets(uow.session)

    def page_with(
        self, flt: AuditFilter, seq: int, *, limit: int = 200
    ) -> tuple[AuditPage, AuditFacets]:
        """The page of ``limit`` entries that holds entry ``seq`` (pages start at multiples
        of ``limit``)."""
        with self._uow().reading() as uow:
            offset = position_of(uow.session, flt, seq) // limit * limit
            page = search_audit(uow.session, flt, offset=offset, limit=limit)
            return page, audit_facets(uow.session)

    def record_history(
        self, subjects: Sequence[Subject]
    ) -> tuple[tuple[AuditRow, ...], tuple[SignatureRow, ...]]:
        """The audit trail and the signatures of the records ``subjects``."""
        with self._uow().reading() as uow:
            return audit_trail(uow.session, subjects), signatures_for(uow.session, subjects)

    def signatures(self, subjects: Sequence[Subject]) -> tuple[SignatureRow, ...]:
        """The signatures of the records ``subjects`` (an export's records: thousands at
        once), oldest first; asked in chunks so no query grows past a backend's limits."""
        found: list[SignatureRow] = []
        with self._uow().reading() as uow:
            for start in range(0, len(subjects), _SUBJECTS_PER_QUERY):
                chunk = subjects[start : start + _SUBJECTS_PER_QUERY]
                found.extend(signatures_for(uow.session, chunk))
        return tuple(sorted(found, key=lambda s: (s.signed_at, s.id)))

    def verify_chain(self) -> ChainReport:
        with self._uow().reading() as uow:
            return verify_chain(uow.session)

    def verify(self) -> tuple[ChainReport, RecordReport]:
        """The chain and every record against it, from one snapshot (the audit desk's
        "Verify": what `celltrail audit verify` checks)."""
        with self._uow().reading() as uow:
            return verify_chain(uow.session), check_records(uow.session)

    def extract(self, flt: AuditFilter) -> Iterator[tuple[int, AuditRow]]:
        """Every entry ``flt`` matches, streamed from one snapshot for an export, each with the
        total (counted in that same snapshot, so progress and the extract agree)."""
        with self._uow().reading() as uow:
            total = count_audit(uow.session, flt)
            for row in iter_audit(uow.session, flt):
                yield total, row

    def chain_head(self) -> tuple[int, str]:
        """The newest entry's (seq, hash): printed on an audit report as its anchor."""
        from models.kernel.audit_anchor import chain_head  # only an export needs it

        with self._uow().reading() as uow:
            return chain_head(uow.session)

"""The read services on Core (issue 11: the desktop client reads only through services) give
exactly what the Session-taking queries give in one read-only unit of work, and write nothing:
the audit chain and every table's row count are the same after every read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models.chain.disposal_queue import units_awaiting_destruction
from models.cleanroom import work
from models.core import Core, open_core
from models.demo.build import build_demo_site
from models.entities.audit import AuditEntry
from models.entities.database import Purpose
from models.entities.labeling import PrintedLabel
from models.identity.passwords import fast_passwords_for_tests
from models.identity.people import list_users
from models.kernel import audit_queries as aq
from models.kernel.audit import verify_chain
from models.labeling import station_view as q
from models.overview.dashboard import load_dashboard


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Core]:
    path = tmp_path_factory.mktemp("reads") / "demo.db"
    core = open_core(
        f"sqlite:///{path}", passwords=fast_passwords_for_tests(), purpose=Purpose.TRAINING
    )
    build_demo_site(core)
    yield core
    core.close()


def _audit_head(core: Core) -> tuple[int, int]:
    with core.uow().reading() as uow:
        count = uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return count, uow.session.scalar(select(func.max(AuditEntry.seq))) or 0


def test_label_station_reads_match_the_queries(demo: Core) -> None:
    reads, before = demo.label_station_reads, _audit_head(demo)
    choices = reads.choices()
    with demo.uow().reading() as uow:
        s = uow.session
        assert choices.batches == q.label_batches(s)
        assert choices.templates == q.approved_templates(s)
        batch_id = choices.batches[0].id
        loaded = reads.batch_labels(batch_id)
        assert loaded.units == q.batch_units(s, batch_id)
        assert loaded.jobs == q.print_jobs(s, batch_id)
        assert loaded.labels == q.printed_labels(s, batch_id)
        label_id = s.scalar(select(func.min(PrintedLabel.id)))
        assert label_id is not None
        assert reads.archived_label(label_id) == q.archived_label(s, label_id)
        checked = reads.label_to_check(label_id)
        assert (checked.content, checked.printer) == q.archived_label(s, label_id)
        assert (checked.requested_by, checked.printed_by) == q.job_people(s, label_id)
        assert reads.deviation_code(None) is None
        unit, template = loaded.units[0].id, choices.templates[0].id
        assert reads.unit_preview(unit, template) == q.unit_preview(s, unit, template)
    assert _audit_head(demo) == before


def test_cleanroom_dashboard_disposal_and_people_reads_match(demo: Core) -> None:
    now, before = datetime.now(UTC), _audit_head(demo)
    with demo.uow().reading() as uow:
        s = uow.session
        work_list = demo.cleanroom_reads.work_list()
        assert work_list == work.work_list(s)
        assert work_list.batches, "the demo has open batches"
        batch_id = work_list.batches[0].id
        assert demo.cleanroom_reads.batch_steps(batch_id) == work.batch_steps(s, batch_id)
        assert demo.cleanroom_reads.release_batches() == work.release_batches(s)
        assert demo.dashboard_reads.dashboard() == load_dashboard(s)
        assert demo.disposal_reads.awaiting_destruction(now) == units_awaiting_destruction(s, now)
        assert demo.people_reads.users(active_only=True) == list_users(s, active_only=True)
        assert demo.people_reads.users() == list_users(s)
    assert _audit_head(demo) == before


@pytest.mark.req("R-CSV-28", "R-SYS-04")
def test_audit_reads_match_and_page_to_an_entry(demo: Core) -> None:
    reads, flt, before = demo.audit_reads, aq.AuditFilter(), _audit_head(demo)
    page, facets = reads.search(flt, offset=0, limit=5)
    with demo.uow().reading() as uow:
        s = uow.session
        assert page == aq.search_audit(s, flt, offset=0, limit=5)
        assert facets == aq.audit_facets(s)
        oldest = page.total  # seq 1 is the last of the newest-first list
        holding, _ = reads.page_with(flt, 1, limit=5)
        assert holding.offset == (oldest - 1) // 5 * 5
        assert 1 in {row.seq for row in holding.rows}
        subjects = [(page.rows[0].subject_type, page.rows[0].subject_id)]
        assert reads.record_history(subjects) == (
            aq.audit_trail(s, subjects),
            aq.signatures_for(s, subjects),
        )
        assert reads.verify_chain() == verify_chain(s)
    assert reads.verify_chain().first_break is None
    assert _audit_head(demo) == before


def test_a_read_service_holds_no_session_between_calls(demo: Core) -> None:
    """Each call opens and closes its own unit of work: nothing stays checked out of the pool."""
    demo.cleanroom_reads.work_list()
    demo.audit_reads.search(aq.AuditFilter(), limit=1)
    assert demo.engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_home_page_activity_lists_actions_not_record_states(demo: Core) -> None:
    with demo.uow().reading() as uow:
        recent = load_dashboard(uow.session).recent
    assert recent and all(row.action != "state" for row in recent)

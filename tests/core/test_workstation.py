"""Any host name the machine has, the audit trail records it and stays verifiable.

The workstation defaults to ``socket.gethostname()``; the audit column holds 64 characters
and every entry's hash covers it. A 64-byte Linux name, a longer one (other systems, or one
passed in), a Chinese name and one with bytes that are not UTF-8 must all leave the core
writable: the name is stored cleaned and cut to 64 characters.
"""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import select

from models.entities.audit import AuditEntry
from models.kernel.audit import verify_chain
from models.kernel.workstation import workstation_name
from tests.conftest import PASSWORD, make_core

UNDECODABLE = ("工作站".encode() * 7 + b"\xff").decode("utf-8", "surrogateescape")


@pytest.mark.parametrize(
    ("host", "stored"),
    [
        ("h" * 64, "h" * 64),
        ("洁净室-" * 20, ("洁净室-" * 20)[:64]),
        ("ws-" + "x" * 80, ("ws-" + "x" * 80)[:64]),
        (UNDECODABLE, "工作站" * 7 + "\ufffd"),
        ("bad\tname\n", "badname"),
    ],
    ids=["64-ascii", "chinese-80", "ascii-83", "not-utf8", "control"],
)
@pytest.mark.req("R-CSV-01")
def test_the_host_name_is_stored_cleaned_and_cut_to_64_characters(
    db_url: str, monkeypatch: pytest.MonkeyPatch, host: str, stored: str
) -> None:
    monkeypatch.setattr(socket, "gethostname", lambda: host)
    core = make_core(db_url, workstation=None)
    try:
        with core.uow() as uow:
            names = set(uow.session.scalars(select(AuditEntry.workstation)))
            assert names == {stored}
            assert verify_chain(uow.session).intact
    finally:
        core.close()


def test_a_given_name_wins_over_the_host_name_and_an_empty_one_does_not() -> None:
    assert workstation_name("C-201/BSC-02") == "C-201/BSC-02"
    assert workstation_name("") == workstation_name(None) != ""
    assert workstation_name(" \t ") == "unknown"


def test_a_renamed_workstation_is_on_every_entry_written_after(db_url: str) -> None:
    """The desktop may learn (or change) its configured station name after the core was
    opened: entries from then on carry the new name, and the chain stays verifiable."""
    core = make_core(db_url, workstation=None)
    try:
        core.set_workstation("QA-Desk-3")
        core.accounts.authenticate("sun", PASSWORD)
        with core.uow() as uow:
            last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
            assert last is not None and last.workstation == "QA-Desk-3"
            assert verify_chain(uow.session).intact
    finally:
        core.close()

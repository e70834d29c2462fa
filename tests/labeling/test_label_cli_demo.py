"""`celltrail label render|print` and the demo's labeling history."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from models.cli.app import run
from models.core import Core, open_core
from models.demo.build import build_demo_site
from models.demo.site import demo_site
from models.entities.database import Purpose
from models.entities.production import Batch
from models.identity.passwords import fast_passwords_for_tests
from models.isbt128 import make_din
from models.labeling.reconciliation import require_labels_reconciled
from tests.conftest import PASSWORD
from tests.fakes.printers import FakeZebraPrinter
from tests.labeling.conftest import decode, make_lot, zpl_to_image


@pytest.fixture
def db(core: Core, templates: dict[str, int], sqlite_url: str) -> str:
    make_lot(core)
    return sqlite_url


@pytest.mark.parametrize("fmt", ["zpl", "png", "pdf"])
def test_render_writes_a_decodable_label_for_a_typed_din(db: str, tmp_path: Path, fmt: str) -> None:
    din = make_din("A9990", 25, 1)
    out = tmp_path / f"label.{fmt}"
    typed = din.format_eye_readable()
    assert (
        run(
            [
                "label",
                "render",
                typed,
                "--template",
                "LT-BAG",
                "--format",
                fmt,
                "-o",
                str(out),
                "--db",
                db,
                "--dpi",
                "203",
            ]
        )
        == 0
    )
    payload = out.read_bytes()
    if fmt == "pdf":
        assert payload.startswith(b"%PDF")
        return
    image = zpl_to_image(payload, 203, 100, 76) if fmt == "zpl" else Image.open(io.BytesIO(payload))
    assert ("]C0", din.data_content()) in decode(image)


def test_render_of_an_unknown_din_fails_cleanly(db: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = run(
        [
            "label",
            "render",
            "=A99902599999900",
            "--template",
            "LT-BAG",
            "-o",
            str(tmp_path / "x.pdf"),
            "--db",
            db,
        ]
    )
    assert code == 2 and "No product unit" in capsys.readouterr().err


def test_print_sends_the_batch_to_a_zebra(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    with FakeZebraPrinter() as zebra:
        code = run(
            [
                "label",
                "print",
                "--batch",
                "B-LBL-0001",
                "--template",
                "LT-BAG",
                "--printer",
                zebra.url,
                "--station",
                "S1",
                "--user",
                "wang",
                "--password-stdin",
                "--db",
                db,
            ]
        )
        zebra.wait_for_connections(5)  # probe: ~HS, ~HI; print run: ~HI, two labels
    assert code == 0 and len(zebra.jobs) == 2


def test_demo_site_has_approved_templates_and_a_reconciled_history(sqlite_url: str) -> None:
    core = open_core(sqlite_url, passwords=fast_passwords_for_tests(), purpose=Purpose.TRAINING)
    try:
        build_demo_site(core, password=PASSWORD)
        report = core.labeling.reconciliation(_batch_id(core))
        assert (report.printed, report.applied) == (4, 4)
        with core.uow() as uow:
            require_labels_reconciled(uow.session, report.batch_id)
    finally:
        core.close()


def _batch_id(core: Core) -> int:
    number = demo_site(core).msc_batch
    with core.uow() as uow:
        batch = uow.session.query(Batch).filter_by(number=number).one()
        return batch.id

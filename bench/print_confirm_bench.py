"""Printing with confirmed output vs without (issue 13 goal: confirmed <= 1.5x unconfirmed).

End to end through the labeling service on a SQLite database: claim, render, archive, send
to the loopback fake Zebra (tests/fakes/printers.py), record.  "Confirmed" asks ``~HS`` after
each label until the printer has consumed it; "unconfirmed" is ``status=off`` (send only).
The two modes alternate over ``--rounds`` rounds of ``--labels`` labels each, so a change in
machine load hits both.

Usage: python bench/print_confirm_bench.py [--labels 100] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench._common import load, sqlite_database  # noqa: E402
from models.entities.labeling import PrintJobStatus  # noqa: E402
from printing.registry import open_printer  # noqa: E402
from tests.conftest import make_core  # noqa: E402
from tests.fakes.printers import FakeZebraPrinter  # noqa: E402
from tests.labeling.conftest import approve_defaults, make_lot  # noqa: E402

MODES = {"confirmed": "", "unconfirmed": "&status=off"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    seconds: dict[str, list[float]] = {mode: [] for mode in MODES}
    with sqlite_database("print_confirm") as url:
        core = make_core(url)
        templates = approve_defaults(core)
        with FakeZebraPrinter(lifetime=3600) as zebra:
            run = 0
            for _ in range(args.rounds):
                for mode, option in MODES.items():
                    run += 1
                    lot = make_lot(
                        core, f"B-BENCH-{run:03d}", count=args.labels, first_sequence=run * 1000
                    )
                    job_id = core.labeling.request_labels(
                        batch_id=lot.batch_id,
                        template_id=templates["LT-BAG"],
                        unit_ids=lot.unit_ids,
                        printer_address=zebra.url,
                        station=f"BENCH-{run}",  # one batch per station
                        actor="wang",
                    )
                    printer = open_printer(zebra.url + option)
                    before = zebra.printed
                    start = time.perf_counter()
                    outcome = core.labeling.print_job(job_id=job_id, printer=printer, actor="wang")
                    seconds[mode].append(time.perf_counter() - start)
                    confirmed = mode == "confirmed"
                    expected = PrintJobStatus.UNCONFIRMED
                    assert outcome.status is (PrintJobStatus.PRINTED if confirmed else expected)
                    if mode == "confirmed":
                        assert zebra.printed - before == len(outcome.printed_label_ids)
        core.close()
    for mode, runs in seconds.items():
        per_label = statistics.median(runs) / args.labels * 1000
        print(
            f"{args.labels} labels, {mode:<11}  median {statistics.median(runs) * 1000:7.0f} ms"
            f"  ({per_label:5.2f} ms/label; runs {', '.join(f'{s * 1000:.0f}' for s in runs)})"
        )
    ratio = statistics.median(seconds["confirmed"]) / statistics.median(seconds["unconfirmed"])
    print(f"confirmed / unconfirmed = {ratio:.2f}x (goal <= 1.5x)   {load()}")


if __name__ == "__main__":
    main()

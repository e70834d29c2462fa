"""Imports one QC results file in a process of its own, for the SIGKILL test.

Usage: python qc_import_worker.py URL FILE USER.  Prints ``parsed N`` once the file has been
checked, then ``row I`` as the import reaches each row (all inside the one transaction), and
last a JSON line: the report, or the refusal.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from models.core import open_core  # noqa: E402
from models.identity.passwords import fast_passwords_for_tests  # noqa: E402
from models.kernel.errors import DomainError  # noqa: E402
from models.quality.qc_file.importer import QcFileImporter  # noqa: E402

PASSWORD = "Correct-horse-42"


def main(url: str, file: str, user: str) -> dict[str, object]:
    core = open_core(url, migrate=False, passwords=fast_passwords_for_tests(), workstation="qc-w")
    importer = QcFileImporter.for_core(core)
    try:
        parsed = importer.preview(file)
        print(f"parsed {len(parsed.rows)}", flush=True)
        report = importer.import_file(
            file,
            username=user,
            password=PASSWORD,
            expected_sha256=parsed.sha256,
            progress=lambda done, _total: print(f"row {done}", flush=True),
        )
    except DomainError as exc:
        return {"error": exc.code}
    finally:
        core.close()
    return {"imported": len(report.outcomes), "audit_seq": report.audit_seq}


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])), flush=True)

"""English catalogue: message code → ``str.format`` template (see ``models.i18n``)."""

MESSAGES: dict[str, str] = {}

# cli — the command line's own words (models/cli/); domain errors keep their own codes.
MESSAGES.update(
    {
        # isbt128: a read longer than any symbol (models/isbt128/structures.py)
        "isbt128_too_long": (
            "The scan is {length} characters long, but no ISBT 128 bar code holds more than "
            "{limit}; scan the label's bar codes one read at a time, not pasted text or a file."
        ),
        "cli.error": "error: {message}",
        "cli.field.arguments": "arguments",
        "cli.field.password": "password",
        "cli.field.printer": "printer",
        "cli.no_password": "no password was entered",
        "cli.password_prompt": "Password for {user}: ",
        "cli.help.celltrail": "CellTrail GMP traceability",
        "cli.help.db": (
            "database URL or SQLite file path (default: CELLTRAIL_DB or the per-user database)"
        ),
        "cli.help.json": "machine-readable output",
        "cli.help.password_stdin": "read the password from standard input",
        "cli.help.init": "create or upgrade the database schema",
        "cli.help.demo": "fill the database with a demo site",
        "cli.help.demo.password": "password for every demo account",
        "cli.help.audit": "audit trail tools",
        "cli.help.audit.verify": "verify the whole hash chain",
        "cli.help.user": "user accounts",
        "cli.help.user.add": "add a user account",
        "cli.help.user.name": "printed name used in signatures",
        "cli.help.user.by": "administrator adding the user (not needed for the first user)",
        "cli.help.din": "ISBT 128 donation identification numbers",
        "cli.help.din.check": "validate a scanned DIN",
        "cli.help.trace": "trace a donor, collection, batch, COI, DIN or recipient both ways",
        "cli.help.label": "product labels",
        "cli.help.label.render": "render a label to a file",
        "cli.help.label.print": "request and print labels",
        "cli.help.label.din": "the unit's DIN, scanned or typed with its check character",
        "cli.help.label.template": "template code, e.g. LT-BAG",
        "cli.help.label.template_with_batch": "template code (with --batch)",
        "cli.help.label.batch": "batch number: label all its units (or --din)",
        "cli.help.label.only_dins": "only these units (repeatable)",
        "cli.help.label.job": "print (or retry) an existing job instead",
        "cli.help.label.printer": "printer URL, e.g. tcp://10.0.0.5:9100",
        "cli.help.label.station": "labeling station (with --batch)",
        "cli.help.qc": "QC results",
        "cli.help.qc.import": (
            "import QC results from an instrument/LIMS CSV export (all rows or none)"
        ),
        "cli.help.qc.file": "the CSV export",
        "cli.help.qc.user": "the analyst signing the results",
        "cli.help.backup": "write a verified backup archive",
        "cli.help.restore": "restore a backup archive into an empty database",
        "cli.help.archive": "export, verify or show the retention archive of a closed batch",
        "cli.help.archive.target": (
            "BATCH -o FILE.zip --user U | verify FILE.zip [--db URL] | show FILE.zip"
        ),
        "cli.help.archive.output": "archive file to write (.zip)",
        "cli.help.archive.user": "QA or auditor account exporting",
        "cli.help.archive.description": (
            "  celltrail archive BATCH -o FILE.zip --user U   export (QA or auditor; audited)\n"
            "  celltrail archive verify FILE.zip [--db URL]    check it; exit 0 intact, 1 not\n"
            "  celltrail archive show FILE.zip                 human summary; exit 0 intact, "
            "1 not\n"
            "\n"
            "verify and show need no database. verify's --db is used only when given explicitly\n"
            "(not CELLTRAIL_DB): it then also cross-checks the archive against that live database."
        ),
        "cli.help.qc.import.description": (
            "The file is checked first (no password needed to learn what is wrong with it); then\n"
            "the analyst's password (prompted, or one line on stdin with --password-stdin) signs\n"
            "every result, all in one transaction. Exit codes: 0 imported; 1 the file was refused\n"
            "(every problem listed with its line and column; nothing imported); 2 the import was\n"
            "refused for another reason (wrong password, missing role, unreachable database ...).\n"
            "\n"
            "File format (CSV, UTF-8/UTF-8-BOM/GB18030, comma, tab or semicolon):\n"
            "  required columns  batch/批号, test/检测项目, result/结果, resulted_at/检测时间\n"
            "  optional columns  unit/单位, method/方法, instrument/仪器, rapid/快速法,\n"
            "                    mutation_detected/基因突变\n"
            "  times             with a UTC offset (2025-04-15T10:30:00+08:00), or without one\n"
            "                    (2025-04-15 10:30:00) read in the site's time zone"
        ),
        "cli.init.done": "schema at {revision}",
        "cli.demo.done": "demo site ready: {summary}",
        "cli.audit.broken": (
            "AUDIT CHAIN BROKEN at entry {seq}: {problem} ({checked} entries intact before it)"
        ),
        "cli.audit.intact": "audit chain intact: {checked} entries, head {seq} {hash}",
        "cli.user.added": "user {user} added",
        "cli.din.valid": "valid DIN {din}",
        "cli.din.invalid": "INVALID: {reason}",
        "cli.trace.focus": "trace of {kind} {focus}",
        "cli.trace.donor": "donor {code} [{donor_type}, {eligibility}{flags}]",
        "cli.trace.infectious": "INFECTIOUS",
        "cli.trace.collection": "collection {code} donor {donor} COI {coi} {material}",
        "cli.trace.batch": "batch {number} {product} [{status}] {origin}",
        "cli.trace.pool_of": "pool of {sources}",
        "cli.trace.from": "from {source}",
        "cli.trace.unit": "unit {code} batch {batch} [{status}]{marks}{parent}: {location}",
        "cli.trace.recalled": "RECALLED",
        "cli.trace.hold": "HOLD",
        "cli.trace.void": "VOID",
        "cli.trace.recipient": "recipient {code} ({initials}) at {hospital}: {given}",
        "cli.trace.nothing_given": "nothing administered yet",
        "cli.label.rendered": "{template} v{version} label for {din} → {file}",
        "cli.label.request_needs": "--batch, --template and --station",
        "cli.label.job_printed": "job {job}: {status}, {count} label(s)",
        "cli.label.job_failed": " — {reason}",
        "cli.qc.imported": (
            "imported {count} QC result(s) from {file} (SHA-256 {sha256}); audit entry {seq}"
        ),
        "cli.qc.oos": "result {result}: OUT OF SPECIFICATION, deviation {deviation}",
        "cli.qc.recall_started": ", recall {recall} started",
        "cli.qc.recall_pending": ", released batch: QA must start the recall",
        "cli.backup.written": (
            "backup written to {file}: {rows} rows, audit chain verified up to entry {seq} "
            "({hash})"
        ),
        "cli.restore.done": (
            "restored {rows} rows from {file}; audit chain verified up to entry {seq}"
        ),
        "cli.archive.usage": "expected {usage}",
        "cli.archive.export_needs": "an export needs -o FILE.zip and --user",
        "cli.archive.written": (
            "archive of batch {batch} written to {file}: {rows} rows, audit chain verified up "
            "to entry {seq} ({hash})"
        ),
        "cli.archive.intact": (
            "archive {file} intact: {members} members, {entries} audit entries, "
            "{signatures} signatures{live}"
        ),
        "cli.archive.live_agrees": "; live database agrees",
        "cli.archive.not_intact": "ARCHIVE NOT INTACT: {file} ({problems} problem(s))",
    }
)

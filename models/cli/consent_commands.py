"""`celltrail consent` and `celltrail request`: consent versions and preparation requests.

    celltrail consent record DONOR --user U --form V --signed DATE --signer-kind K
                             --signer-name N --scope donation,treatment,… [--protocol P]
    celltrail consent withdraw DONOR --user U --reason R [--keep CODE=REASON …]
    celltrail consent hold DONOR --user U --trigger T --detail D
    celltrail consent show DONOR
    celltrail request add CODE --collection C --user U --donor-basics … --clinical …
                          --screening … --plan … [--car-t --initials I --enrolment E]
    celltrail request show CODE

The user enters their password (``--password-stdin`` reads it): it signs consents and
withdrawals, and signs the user in at this station for the rest.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from models.cli.inputs import read_password
from models.cli.registry import Arg, Command, Group, Result
from models.i18n import render, user_language
from models.kernel.errors import ValidationError

if TYPE_CHECKING:
    from models.core import Core

SCOPES = (
    "donation",
    "treatment",
    "biosample_storage",
    "development_use",
    "sharing",
    "destruction",
    "follow_up",
)


def _core(args: argparse.Namespace) -> Core:
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    return open_core(resolve_database_url(args.db), migrate=False)


def _signed_in(core: Core, args: argparse.Namespace, purpose: str) -> str:
    """The user's password, checked at this station (the person acting is signed in)."""
    password = read_password(args, args.user, user_language())
    core.accounts.authenticate(args.user, password, purpose=purpose)
    return password


def _date(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
    except ValueError as exc:
        lang = user_language()
        raise ValidationError(
            field=render("cli.field.date", lang), reason=render("cli.consent.date_format", lang)
        ) from exc


def _scopes(text: str) -> list[str]:
    words = [w.strip() for w in text.split(",") if w.strip()]
    unknown = [w for w in words if w not in SCOPES]
    if unknown or not words:
        lang = user_language()
        raise ValidationError(
            field=render("cli.field.scope", lang),
            reason=render("cli.consent.scope_words", lang, words=", ".join(SCOPES)),
        )
    return words


def cmd_record(args: argparse.Namespace) -> Result:
    from models.chain.consent_records import ConsentInput
    from models.chain.consent_scope import ConsentScope, SignerKind

    data = ConsentInput(
        donor_code=args.donor,
        form_version=args.form,
        signed_on=_date(args.signed),
        signer_kind=SignerKind(args.signer_kind),
        signer_name=args.signer_name,
        scopes=[ConsentScope(s) for s in _scopes(args.scope)],
        protocol=args.protocol,
    )
    core = _core(args)
    try:
        core.chain.consents.show(args.donor)  # an unknown donor is refused before the prompt
        password = _signed_in(core, args, "consent")
        consent_id = core.chain.consents.record(actor=args.user, password=password, data=data)
    finally:
        core.close()
    text = render("cli.consent.recorded", user_language(), donor=args.donor, id=consent_id)
    return 0, {"donor": args.donor, "consent": consent_id}, text


def _kept(pairs: list[str]) -> dict[str, str]:
    kept: dict[str, str] = {}
    for pair in pairs:
        code, _, reason = pair.partition("=")
        if not code.strip() or not reason.strip():
            lang = user_language()
            raise ValidationError(field="--keep", reason=render("cli.consent.keep_format", lang))
        kept[code.strip()] = reason.strip()
    return kept


def cmd_withdraw(args: argparse.Namespace) -> Result:
    from models.chain.errors import ReasonRequiredError

    kept = _kept(args.keep or [])
    if not args.reason.strip():
        raise ReasonRequiredError(action="Withdrawing_consent")
    core = _core(args)
    try:
        core.chain.consents.show(args.donor)
        password = _signed_in(core, args, "consent withdrawal")
        items = core.chain.consents.withdraw(
            actor=args.user,
            password=password,
            donor_code=args.donor,
            reason=args.reason,
            kept_by_law=kept,
        )
    finally:
        core.close()
    lang = user_language()
    lines = [render("cli.consent.withdrawn", lang, donor=args.donor, count=len(items))]
    for item in items:
        fate = render(f"consent_fate.{item.fate}", lang)
        kind = render(f"record_kind.{item.kind}", lang)
        lines.append(f"  {kind} {item.code}: {item.location} → {fate}")
    data: dict[str, Any] = {"donor": args.donor, "items": [vars(i) for i in items]}
    return 0, data, "\n".join(lines)


def cmd_hold(args: argparse.Namespace) -> Result:
    from models.chain.consent_scope import Trigger
    from models.chain.errors import ReasonRequiredError

    if not args.detail.strip():
        raise ReasonRequiredError(action="Requiring_re-consent")
    core = _core(args)
    try:
        core.chain.consents.show(args.donor)
        _signed_in(core, args, "re-consent hold")
        hold = core.chain.consents.require_reconsent(
            actor=args.user,
            donor_code=args.donor,
            trigger=Trigger(args.trigger),
            detail=args.detail,
        )
    finally:
        core.close()
    lang = user_language()
    trigger = render(f"consent_trigger.{args.trigger}", lang)
    text = render("cli.consent.held", lang, donor=args.donor, trigger=trigger)
    return 0, {"donor": args.donor, "hold": hold}, text


def cmd_show(args: argparse.Namespace) -> Result:
    core = _core(args)
    try:
        found = core.chain.consents.show(args.donor)
    finally:
        core.close()
    lang = user_language()
    lines = [render("cli.consent.header", lang, donor=found.donor, count=len(found.versions))]
    for v in found.versions:
        scope = render("i18n.list", lang).join(render(f"consent_scope.{s}", lang) for s in v.scope)
        state = (
            render("cli.consent.state_withdrawn", lang, date=f"{v.withdrawn_at:%Y-%m-%d}")
            if v.withdrawn_at
            else ""
        )
        signer = render(f"consent_signer.{v.signer_kind}", lang)
        lines.append(
            render(
                "cli.consent.version",
                lang,
                id=v.id,
                form=v.form_version,
                signed=f"{v.signed_at:%Y-%m-%d}",
                signer=signer,
                name=v.signer_name,
                scope=scope,
            )
            + state
        )
    for trigger in found.holds:
        lines.append(
            render(
                "cli.consent.hold_line", lang, trigger=render(f"consent_trigger.{trigger}", lang)
            )
        )
    data = {"donor": found.donor, "versions": [vars(v) for v in found.versions]}
    return 0, data | {"holds": list(found.holds)}, "\n".join(lines)


def cmd_request_add(args: argparse.Namespace) -> Result:
    from models.chain.prep_requests import RequestInput, require_complete

    data = RequestInput(
        code=args.code,
        collection_code=args.collection,
        donor_basics=args.donor_basics,
        clinical_information=args.clinical,
        screening_reference=args.screening,
        treatment_plan=args.plan,
        car_t=args.car_t,
        patient_initials=args.initials,
        enrolment_no=args.enrolment,
    )
    require_complete(data)
    core = _core(args)
    try:
        core.chain.requests.require_collection(args.collection)
        _signed_in(core, args, "preparation request")
        core.chain.requests.add(actor=args.user, data=data)
    finally:
        core.close()
    text = render("cli.request.added", user_language(), code=args.code, collection=args.collection)
    return 0, {"code": args.code, "collection": args.collection}, text


def cmd_request_show(args: argparse.Namespace) -> Result:
    core = _core(args)
    try:
        found = core.chain.requests.show(args.code)
    finally:
        core.close()
    lang = user_language()
    lines = [render("cli.request.header", lang, code=found["code"], collection=found["collection"])]
    for key, value in found.items():
        if key not in ("code", "collection") and value not in ("", None):
            lines.append(f"  {render(f'record_field.{key}', lang)}: {value}")
    return 0, found, "\n".join(lines)


_PASSWORD = Arg("--password-stdin", action="store_true", help="cli.help.password_stdin")
_USER = Arg("--user", required=True, help="cli.help.consent.user")

COMMANDS = (
    Group(
        "consent",
        "cli.help.consent",
        (
            Command(
                "record",
                "cli.help.consent.record",
                cmd_record,
                args=(
                    Arg("donor", help="cli.help.consent.donor"),
                    _USER,
                    Arg("--form", required=True, help="cli.help.consent.form"),
                    Arg("--signed", required=True, help="cli.help.consent.signed"),
                    Arg(
                        "--signer-kind",
                        required=True,
                        choices=("donor", "patient", "legal_guardian"),
                        help="cli.help.consent.signer_kind",
                    ),
                    Arg("--signer-name", required=True, help="cli.help.consent.signer_name"),
                    Arg("--scope", required=True, help="cli.help.consent.scope"),
                    Arg("--protocol", help="cli.help.consent.protocol"),
                    _PASSWORD,
                ),
            ),
            Command(
                "withdraw",
                "cli.help.consent.withdraw",
                cmd_withdraw,
                args=(
                    Arg("donor", help="cli.help.consent.donor"),
                    _USER,
                    Arg("--reason", required=True, help="cli.help.consent.reason"),
                    Arg("--keep", action="append", help="cli.help.consent.keep"),
                    _PASSWORD,
                ),
            ),
            Command(
                "hold",
                "cli.help.consent.hold",
                cmd_hold,
                args=(
                    Arg("donor", help="cli.help.consent.donor"),
                    _USER,
                    Arg(
                        "--trigger",
                        required=True,
                        choices=("protocol_change", "scope_change", "use_beyond_scope"),
                        help="cli.help.consent.trigger",
                    ),
                    Arg("--detail", required=True, help="cli.help.consent.detail"),
                    _PASSWORD,
                ),
            ),
            Command(
                "show",
                "cli.help.consent.show",
                cmd_show,
                args=(Arg("donor", help="cli.help.consent.donor"),),
            ),
        ),
    ),
    Group(
        "request",
        "cli.help.request",
        (
            Command(
                "add",
                "cli.help.request.add",
                cmd_request_add,
                args=(
                    Arg("code", help="cli.help.request.code"),
                    Arg("--collection", required=True, help="cli.help.request.collection"),
                    _USER,
                    Arg("--donor-basics", required=True, help="cli.help.request.donor_basics"),
                    Arg("--clinical", required=True, help="cli.help.request.clinical"),
                    Arg("--screening", required=True, help="cli.help.request.screening"),
                    Arg("--plan", required=True, help="cli.help.request.plan"),
                    Arg("--car-t", action="store_true", help="cli.help.request.car_t"),
                    Arg("--initials", help="cli.help.request.initials"),
                    Arg("--enrolment", help="cli.help.request.enrolment"),
                    _PASSWORD,
                ),
            ),
            Command(
                "show",
                "cli.help.request.show",
                cmd_request_show,
                args=(Arg("code", help="cli.help.request.code"),),
            ),
        ),
    ),
)

"""`celltrail site add | list`: the manufacturing site and the hospitals accounts belong to.

The first site is added before the first account (nobody to sign for it yet); after that an
administrator adds sites, proving who they are with ``--by`` and a password."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from models.cli.registry import Arg, Command, Group, Result
from models.i18n import render, user_language

if TYPE_CHECKING:
    from models.core import Core


def _open(args: argparse.Namespace) -> Core:
    from models.core import open_core
    from models.kernel.db import resolve_database_url

    return open_core(resolve_database_url(args.db))


def _kinds() -> list[str]:
    from models.entities.parties import SiteKind

    return [k.value for k in SiteKind]


def cmd_site_add(args: argparse.Namespace) -> Result:
    from models.cli.inputs import read_password

    lang = user_language()
    by_password = read_password(args, args.by, lang) if args.by else None
    core = _open(args)
    try:
        if args.by and by_password is not None:
            core.accounts.authenticate(args.by, by_password, purpose="site add")
        core.sites.add_site(
            actor=args.by,
            code=args.code,
            name=args.name,
            kind=args.kind,
            isbt_facility_code=args.fin,
        )
    finally:
        core.close()
    kind = render(f"site_kind.{args.kind}", lang)
    text = render("cli.site.added", lang, site=args.code, kind=kind)
    return 0, {"code": args.code, "kind": args.kind}, text


def cmd_site_list(args: argparse.Namespace) -> Result:
    lang = user_language()
    core = _open(args)
    try:
        rows = core.sites.sites()
    finally:
        core.close()
    lines = [
        render(
            "cli.site.row",
            lang,
            site=r.code,
            name=r.name,
            kind=render(f"site_kind.{r.kind}", lang),
            fin=r.isbt_facility_code or "-",
            accounts=r.accounts,
        )
        for r in rows
    ]
    data = {"sites": [r.__dict__ for r in rows]}
    return 0, data, "\n".join(lines) or render("cli.site.none", lang)


COMMANDS = (
    Group(
        "site",
        "cli.help.site",
        (
            Command(
                "add",
                "cli.help.site.add",
                cmd_site_add,
                args=(
                    Arg("code"),
                    Arg("--name", required=True, help="cli.help.site.name"),
                    Arg("--kind", required=True, choices=_kinds, help="cli.help.site.kind"),
                    Arg("--fin", default=None, help="cli.help.site.fin"),
                    Arg("--by", help="cli.help.site.by"),
                    Arg(
                        "--password-stdin",
                        action="store_true",
                        help="cli.help.password_stdin",
                    ),
                ),
            ),
            Command("list", "cli.help.site.list", cmd_site_list),
        ),
    ),
)

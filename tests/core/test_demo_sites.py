"""The demo carries the manufacturer and its hospitals, with staff at each: the nurses work
at their hospitals and received the shipments sent there."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from models.core import open_core
from models.demo.build import build_demo_site
from models.demo.people import DEMO_NURSES, DEMO_STAFF
from models.entities.database import Purpose
from models.entities.parties import Site
from models.entities.production import ProductUnit
from models.identity.passwords import fast_passwords_for_tests


@pytest.mark.req("R-CSV-11")
def test_the_demo_has_two_kinds_of_site_with_staff_at_each(tmp_path: Path) -> None:
    core = open_core(
        f"sqlite:///{tmp_path / 'demo.db'}",
        passwords=fast_passwords_for_tests(),
        purpose=Purpose.TRAINING,  # the demo is built only in a training database (0009)
    )
    try:
        build_demo_site(core)
        sites = {s.code: s for s in core.sites.sites()}
        assert sites["TJ-CTF"].kind == "manufacturer" and sites["HOSP-B"].kind == "hospital"
        for hospital, nurse in DEMO_NURSES.items():
            assert core.sites.site_of(nurse) == hospital
            assert sites[hospital].accounts >= 1
        makers = [u for u in DEMO_STAFF if u not in DEMO_NURSES.values()]
        assert {core.sites.site_of(u) for u in makers} == {"TJ-CTF"}
        with core.uow().reading() as uow:
            held = set(
                uow.session.scalars(
                    select(Site.code).join(ProductUnit, ProductUnit.site_id == Site.id)
                )
            )
        assert {"TJ-CTF", "HOSP-B", "HOSP-C"} <= held  # stock at home, units at both hospitals
    finally:
        core.close()

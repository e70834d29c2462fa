"""OQ: the facility codes a database accepts, and the site's approved configuration."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select

from models.core import Core, open_core
from models.demo.chain import product_type
from models.entities.database import Purpose
from models.entities.parties import SiteKind
from models.entities.production import ProductCategory, ProductType
from models.kernel.audit import AuditAction
from models.kernel.db_purpose import FacilityCodeRefusedError
from models.labeling.defaults import default_templates
from models.quality.catalogue import msc_tests
from models.validation import oq_context as oq
from models.validation.oq_context import OqContext
from models.validation.steps import Observation, failed, judged, passed, refusal


def _site_refused(core: Core, actor: str | None, code: str, fin: str) -> bool:
    try:
        core.sites.add_site(
            actor=actor,
            code=code,
            name=f"{code} (validation)",
            kind=SiteKind.MANUFACTURER,
            isbt_facility_code=fin,
        )
    except FacilityCodeRefusedError:
        return True
    return False


def add_run_sites(core: Core) -> None:
    """Our own site (with the test code), a collection site and a hospital, registered
    through the site service before the first account, so every account is placed at one."""
    from models.demo.build import add_sites

    add_sites(
        core,
        [
            (
                oq.MANUFACTURER,
                f"{oq.MANUFACTURER} (validation)",
                SiteKind.MANUFACTURER,
                oq.FACILITY,
            ),
            (
                oq.COLLECTION_SITE,
                f"{oq.COLLECTION_SITE} (validation)",
                SiteKind.COLLECTION_SITE,
                None,
            ),
            (oq.HOSPITAL, f"{oq.HOSPITAL} (validation)", SiteKind.HOSPITAL, None),
        ],
    )


def real_code_refused(ctx: OqContext) -> Observation:
    refused = _site_refused(ctx.core, "admin", "OQ-REAL", oq.REAL_FACILITY)
    return judged(refused, "validate.observed.fin_on_test", fin=oq.REAL_FACILITY)


def test_code_refused_in_production(ctx: OqContext) -> Observation:
    """A production database, made for this step beside the scratch one, refuses A9999 for
    its first site (registered before any account, as a new site's first step)."""
    url = f"sqlite:///{ctx.folder / 'production-probe.db'}"
    core = open_core(
        url,
        purpose=Purpose.PRODUCTION,
        workstation=ctx.core.workstation.name,
        passwords=oq.run_passwords(),
    )
    try:
        refused = _site_refused(core, None, "OQ-PROD", oq.FACILITY)
    finally:
        core.close()
    return judged(refused, "validate.observed.fin_on_production", fin=oq.FACILITY)


def configuration(ctx: OqContext) -> Observation:
    """The product, an LN2 position, the release specification (written by QA, approved by
    the QA head) and the label templates (written by the operator, approved by QA); an author
    approving their own template is refused. The sites were registered before the accounts
    (add_run_sites)."""
    core = ctx.core
    with core.uow() as uow:
        uow.session.add(product_type(oq.PRODUCT, ProductCategory.MSC, thaw=60))
        uow.session.flush()
        uow.audit.record(
            AuditAction.CREATE, actor="admin", subject_type="product_type", subject_id=oq.PRODUCT
        )
        uow.commit()
        type_id = uow.session.scalar(select(ProductType.id).where(ProductType.code == oq.PRODUCT))
    core.chain.storage.add_location(
        actor="wang", code=oq.TANK, name="LN2 (validation)", site_code=oq.MANUFACTURER
    )
    specs = core.quality.specifications
    spec = specs.create_version(
        actor="chen", code="OQ-SPEC", product_type_id=type_id or 0, title="OQ", tests=msc_tests()
    )
    specs.approve(spec_id=spec, username="li", password=ctx.password)
    own_refused = _templates(ctx)
    if not own_refused:
        return failed("validate.observed.own_approval", template="LT-BAG")
    return passed("validate.observed.configured", templates=", ".join(sorted(ctx.templates)))


def _templates(ctx: OqContext) -> bool:
    """Every shipped template, drafted by wang; wang's own approval is tried first."""
    labeling = ctx.core.labeling
    refused = False
    for template in default_templates():
        ident = labeling.create_template_version(
            code=template.code,
            container_type=template.container_type,
            layout=template.layout,
            partial=template.partial,
            actor="wang",
        )
        if template.code == "LT-BAG":
            refused = refusal(partial(_approve, ctx, ident, "wang")) is not None
        _approve(ctx, ident, "chen")
        ctx.templates[template.code] = ident
    return refused


def _approve(ctx: OqContext, template: int, username: str) -> None:
    ctx.core.labeling.approve_template(
        template_id=template, username=username, password=ctx.password
    )

"""The qualification protocol: every IQ and OQ step, in order, with the requirements it proves.

The codes are the registry's (models/validation/requirements.toml); a test holds every one
of them to an implemented requirement, so the report never claims a rule the product does
not enforce.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from models.validation import (
    iq_database,
    iq_host,
    iq_printers,
    oq_chain,
    oq_clinic,
    oq_integrity,
    oq_labels,
    oq_quality,
    oq_setup,
)
from models.validation.iq_printers import StationSettings
from models.validation.oq_context import OqContext
from models.validation.steps import Step


@dataclass(frozen=True)
class IqContext:
    engine: Engine
    station: StationSettings


IQ_STEPS: tuple[Step[IqContext], ...] = (
    Step("IQ-01", ("R-CSV-30", "R-SYS-02"), lambda _: iq_host.versions()),
    Step("IQ-02", ("R-CSV-30", "R-SYS-02"), lambda _: iq_host.installed_files()),
    Step("IQ-03", ("R-CSV-33",), lambda c: iq_database.database_purpose(c.engine)),
    Step("IQ-04", ("R-CSV-23",), lambda c: iq_database.schema_revision(c.engine)),
    Step(
        "IQ-05",
        ("R-CSV-01", "R-CSV-02", "R-CSV-06", "R-CSV-08"),
        lambda c: iq_database.append_only_triggers(c.engine),
    ),
    Step("IQ-06", ("R-CSV-24",), lambda c: iq_database.app_role_rights(c.engine)),
    Step("IQ-07", ("R-CSV-30", "R-LBL-01"), lambda _: iq_host.chinese_fonts()),
    Step("IQ-08", ("R-CSV-30",), lambda c: iq_printers.printers_answer(c.station)),
    Step("IQ-09", ("R-CSV-09",), lambda _: iq_host.password_hashing()),
)

OQ_STEPS: tuple[Step[OqContext], ...] = (
    Step("OQ-01", ("R-CSV-33",), oq_setup.real_code_refused),
    Step("OQ-02", ("R-CSV-33",), oq_setup.test_code_refused_in_production),
    Step("OQ-03", ("R-LBL-04", "R-CSV-25", "R-CSV-14"), oq_setup.configuration),
    Step("OQ-04", ("R-DON-05",), oq_chain.donor_eligibility),
    Step("OQ-05", ("R-RCV-02", "R-RCV-05", "R-ID-05", "R-ID-11"), oq_chain.collection_receipt),
    Step(
        "OQ-06",
        ("R-BAT-01", "R-BAT-02", "R-ID-18", "R-ID-21", "R-SEG-04"),
        oq_chain.one_donor_batch,
    ),
    Step("OQ-07", ("R-PRD-04", "R-CSV-14", "R-CSV-07"), oq_chain.process_record),
    Step("OQ-08", ("R-BAT-07", "R-REL-11", "R-ID-01", "R-ID-03"), oq_chain.fill_in_quarantine),
    Step("OQ-09", ("R-PRD-06", "R-DEV-01", "R-CSV-17", "R-CSV-14"), oq_quality.qc_with_oos),
    Step("OQ-10", ("R-REL-06", "R-REL-11", "R-CSV-15"), oq_quality.release_refused),
    Step("OQ-11", ("R-REL-04", "R-CSV-11", "R-CSV-26"), oq_quality.release_needs_qa),
    Step("OQ-12", ("R-DEV-01", "R-PRD-06", "R-CSV-05"), oq_quality.deviation_closed),
    Step("OQ-13", ("R-REL-07", "R-REL-04", "R-CSV-26", "R-CSV-06"), oq_quality.emergency_release),
    Step(
        "OQ-14",
        ("R-LBL-01", "R-LBL-02", "R-ID-01", "R-CSV-16", "R-CSV-33"),
        oq_labels.labels_printed_and_decoded,
    ),
    Step("OQ-15", ("R-DC-02", "R-LBL-06", "R-CSV-14"), oq_labels.same_person_refused),
    Step("OQ-16", ("R-DC-02", "R-LBL-06", "R-LBL-05"), oq_labels.double_checked),
    Step("OQ-17", ("R-TRN-04", "R-STO-01", "R-ID-08"), oq_clinic.shipped_and_received),
    Step("OQ-18", ("R-HOS-04",), oq_clinic.dispensed_and_thawed),
    Step("OQ-19", ("R-ID-08", "R-CSV-15"), oq_clinic.wrong_patient),
    Step("OQ-20", ("R-CSV-14",), oq_clinic.same_person_at_bedside),
    Step("OQ-21", ("R-AE-06",), oq_clinic.recalled_unit),
    Step("OQ-22", ("R-STO-02",), oq_clinic.expired_unit),
    Step("OQ-23", ("R-REL-05", "R-ID-08", "R-ID-03"), oq_clinic.administered),
    Step("OQ-24", ("R-AE-06", "R-ID-07", "R-ID-12"), oq_integrity.recall_trace),
    Step("OQ-25", ("R-CSV-01", "R-CSV-02", "R-CSV-03"), oq_integrity.trail_intact),
    Step("OQ-26", ("R-CSV-03", "R-SYS-02"), oq_integrity.forgery_caught),
)

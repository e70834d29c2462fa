"""English catalogue: message code → ``str.format`` template (see ``models.i18n``).

One block per area, each with a comment; codes are unique across all areas.
"""

MESSAGES: dict[str, str] = {
    # --- i18n: how lists and unknown stored values read (models/i18n/__init__.py)
    "i18n.list": ", ",
    "i18n.sentences": "; ",
    "i18n.verbatim": "{text}",
    # --- vocabulary: stored statuses of batches, units, donors, shipments (status.<value>) and of
    # print jobs and labels (label_state.<value>). English shows the stored value, as domain
    # messages always did; the GUI humanises it (gui/status_style.py)
    "status.quarantine": "quarantine",
    "status.released": "released",
    "status.emergency_released": "emergency_released",
    "status.rejected": "rejected",
    "status.recalled": "recalled",
    "status.in_process": "in_process",
    "status.filled": "filled",
    "status.eligible": "eligible",
    "status.ineligible": "ineligible",
    "status.pending": "pending",
    "status.pending_retest": "pending_retest",
    "status.accepted": "accepted",
    "label_state.requested": "requested",
    "label_state.printing": "printing",
    "label_state.printed": "printed – check pending",
    "label_state.unconfirmed": "sent, not confirmed – scan what came out",
    "label_state.failed": "failed",
    "label_state.cancelled": "cancelled",
    "label_state.verified": "checked",
    "label_state.applied": "applied",
    "label_state.voided": "voided – destroy",
    "status.in_stock": "in_stock",
    "status.in_transit": "in_transit",
    "status.at_hospital": "at_hospital",
    "status.thawed": "thawed",
    "status.administered": "administered",
    "status.transformed": "transformed",
    "status.destroyed": "destroyed",
    "status.planned": "planned",
    "status.dispatched": "dispatched",
    "status.voided": "voided",
    "status.not_received": "not received",
    "status.draft": "draft",
    "status.approved": "approved",
    "status.retired": "retired",
    "status.open": "open",
    "status.investigation": "investigation",
    "status.capa": "capa",
    "status.closed": "closed",
    "status.received": "received",
    "status.retained": "retained",
    "status.disposed": "disposed",
    # --- vocabulary: kinds of record named in refusals (record_kind.<kind>, spaces as _)
    "record_kind.unit": "unit",
    "record_kind.batch": "batch",
    "record_kind.product_unit": "product unit",
    "record_kind.user": "user",
    "record_kind.badge": "badge",
    "record_kind.record": "record",
    "record_kind.print_job": "print job",
    "record_kind.label": "label",
    "record_kind.label_template": "label template",
    "record_kind.recipient": "recipient",
    "record_kind.donor": "donor",
    "record_kind.collection": "collection",
    "record_kind.shipment": "shipment",
    "record_kind.workspace": "workspace",
    "record_kind.process_step": "process step",
    "record_kind.deviation": "deviation",
    "record_kind.specification": "specification",
    "record_kind.approved_specification": "approved specification",
    "record_kind.QC_result": "QC result",
    "record_kind.material_lot": "material lot",
    "record_kind.retained_sample": "retained sample",
    "record_kind.consent_hold": "re-consent hold",
    "record_kind.consent_withdrawal_item": "item held at withdrawal",
    "record_kind.preparation_request": "preparation request",
    # --- vocabulary: chain actions in refusals (chain_action.<action>, spaces as _), infection
    "chain_action.collection": "collection",
    "chain_action.batch_creation": "batch creation",
    "chain_action.storage": "storage",
    "chain_action.shipment": "shipment",
    "chain_action.dispatch": "dispatch",
    "chain_action.dispensing": "dispensing",
    "chain_action.re-coding": "re-coding",
    "chain_action.thaw": "thaw",
    "chain_action.hospital_receipt": "hospital receipt",
    "chain_action.voiding": "voiding",
    "chain_action.A_recall": "A recall",
    "chain_action.Correcting_a_thaw": "Correcting a thaw",
    "chain_action.Clearing_a_hold": "Clearing a hold",
    "chain_action.Re-coding_a_unit": "Re-coding a unit",
    "chain_action.Recording_a_delay": "Recording a delay",
    "chain_action.Recording_a_temperature_excursion": "Recording a temperature excursion",
    "chain_action.Voiding": "Voiding",
    "infection.infectious": "infectious",
    "infection.non-infectious": "non-infectious",
    # --- chain: a record's facts in the detail panel (record_field.<slug of the English id>)
    "record_field.donor_type": "Donor type",
    "record_field.eligibility": "Eligibility",
    "record_field.abo_rh": "ABO/Rh",
    "record_field.registered": "Registered",
    "record_field.donor": "Donor",
    "record_field.material": "Material",
    "record_field.quantity": "Quantity",
    "record_field.collection_site": "Collection site",
    "record_field.collected": "Collected",
    "record_field.received": "Received",
    "record_field.received_by": "Received by",
    "record_field.transport_temperature_c": "Transport temperature (°C)",
    "record_field.accepted": "Accepted",
    "record_field.product": "Product",
    "record_field.product_chinese": "Product (Chinese)",
    "record_field.collection": "Collection",
    "record_field.chain_of_identity_id": "Chain-of-identity ID",
    "record_field.workspace": "Workspace",
    "record_field.harvest": "Harvest",
    "record_field.created": "Created",
    "record_field.created_by": "Created by",
    "record_field.units": "Units",
    "record_field.batch": "Batch",
    "record_field.product_code": "Product code",
    "record_field.container": "Container",
    "record_field.cell_count": "Cell count",
    "record_field.volume_ml": "Volume (mL)",
    "record_field.expires": "Expires",
    "record_field.disposition": "Disposition",
    "record_field.storage_location": "Storage location",
    "record_field.shipments": "Shipments",
    "record_field.initials": "Initials",
    "record_field.enrolment_number": "Enrolment number",
    "record_field.hospital": "Hospital",
    "record_field.administered": "Administered",
    "record_field.administered_at": "Administered at",
    "record_field.recipient": "Recipient",
    # --- vocabulary: audit trail actions (audit_action.<value>, models/kernel/audit.py AuditAction)
    "audit_action.create": "created",
    "audit_action.change": "changed",
    "audit_action.transition": "status change",
    "audit_action.void": "voided",
    "audit_action.sign": "signed",
    "audit_action.print": "printed",
    "audit_action.login": "signed in",
    "audit_action.login_failed": "sign-in failed",
    "audit_action.logout": "signed out",
    "audit_action.session_lock": "station locked",
    "audit_action.session_unlock": "station unlocked",
    "audit_action.lockout": "account locked",
    "audit_action.unlock": "account unlocked",
    "audit_action.export": "exported",
    "audit_action.verify": "verified",
    "audit_action.scan_rejected": "scan rejected",
    "audit_action.state": "record state",
    # --- vocabulary: audit subjects that are not tables (record_kind.<subject_type>)
    "record_kind.audit_extract": "audit trail extract",
    "record_kind.trace_pdf": "trace report (PDF)",
    "record_kind.trace_csv": "trace report (CSV)",
    "record_kind.batch_pdf": "batch record (PDF)",
    "record_kind.batch_csv": "batch record (CSV)",
    "record_kind.qc_file_import": "QC results file",
    "record_kind.label_destruction": "label destruction",
    # --- vocabulary: container types (container.<type>, models/labeling/layout.py CONTAINER_TYPES)
    "container.cryobag": "cryobag",
    "container.cryovial": "cryovial",
    "container.syringe": "syringe",
    "container.shipper": "shipper",
    "container.sample_tube": "sample tube",
    "container.info_sheet": "information sheet",
    # --- vocabulary: QC test codes (qc_test.<code>, models/quality/catalogue.py)
    "qc_test.sterility": "sterility",
    "qc_test.sterility_rapid": "sterility (rapid method)",
    "qc_test.mycoplasma": "mycoplasma",
    "qc_test.endotoxin": "endotoxin",
    "qc_test.viability": "viability",
    "qc_test.viability_shelf_life": "viability at end of shelf life",
    "qc_test.cell_count": "cell count",
    "qc_test.cd73": "CD73-positive cells",
    "qc_test.cd90": "CD90-positive cells",
    "qc_test.cd105": "CD105-positive cells",
    "qc_test.cd45": "CD45-positive cells",
    "qc_test.cd34": "CD34-positive cells",
    "qc_test.hla_dr": "HLA-DR-positive cells",
    "qc_test.potency": "potency",
    "qc_test.osmolality": "osmolality",
    "qc_test.tagme_pm": "TAGME (PM)",
    "qc_test.car_positive": "CAR-positive cells",
    "qc_test.vcn": "vector copy number",
    "qc_test.non_t_cells": "non-T cells",
    "qc_test.phenotype": "phenotype",
    # --- vocabulary: process steps (process_step.<name>, spaces as _; cleanroom STEP_NAMES)
    "process_step.Thaw": "Thaw",
    "process_step.Seeding": "Seeding",
    "process_step.Passage": "Passage",
    "process_step.Media_change": "Media change",
    "process_step.Harvest": "Harvest",
    "process_step.Wash": "Wash",
    "process_step.Formulation": "Formulation",
    "process_step.Fill": "Fill",
    "process_step.Final_inspection": "Final inspection",
    # the demo's own step names (models/demo/chain.py MSC_STEPS, CAR_T_STEPS)
    "process_step.Line_clearance": "Line clearance",
    "process_step.P0_explant": "P0 explant",
    "process_step.P3_passage": "P3 passage",
    "process_step.Receipt": "Receipt",
    "process_step.Selection": "Selection",
    "process_step.Transduction": "Transduction",
    "process_step.Expansion": "Expansion",
    # --- vocabulary: how a record differs from its trail (record_mismatch.<kind>, record_check.py)
    "record_mismatch.altered": "altered",
    "record_mismatch.deleted": "deleted",
    "record_mismatch.inserted": "inserted",
    # --- vocabulary: record fields named in record-integrity messages (record_field.<column>), one
    # for every column of a table bound to the audit trail (tests/core/test_vocabulary_words.py)
    "record_field.acceptance_window_hours": "acceptance window (hours)",
    "record_field.acknowledged_at": "acknowledged at",
    "record_field.active": "active",
    "record_field.administered_by": "administered by",
    "record_field.allergies": "allergies",
    "record_field.analyst": "analyst",
    "record_field.analyst_signature_id": "analyst's signature",
    "record_field.antibiotics": "antibiotics",
    "record_field.applied_at": "applied at",
    "record_field.applied_by": "applied by",
    "record_field.approval_signature_id": "approval signature",
    "record_field.approved": "approved",
    "record_field.approved_at": "approved at",
    "record_field.approved_by": "approved by",
    "record_field.badge_code": "badge code",
    "record_field.batch_id": "batch",
    "record_field.birth_date": "date of birth",
    "record_field.blood_borne": "blood-borne infection",
    "record_field.capa": "CAPA",
    "record_field.capa_by": "CAPA by",
    "record_field.category": "category",
    "record_field.checklist": "checklist",
    "record_field.child_unit_id": "child unit",
    "record_field.classification": "classification",
    "record_field.clearance_id": "line clearance",
    "record_field.closed_at": "closed at",
    "record_field.closed_by": "closed by",
    "record_field.closure_signature_id": "closure signature",
    "record_field.coa_ref": "certificate of analysis",
    "record_field.code": "code",
    "record_field.coi_id": "chain-of-identity ID",
    "record_field.collected_at": "collected at",
    "record_field.collection_id": "collection",
    "record_field.companion_of_id": "companion of",
    "record_field.contact": "contact",
    "record_field.container_type": "container type",
    "record_field.containers": "containers",
    "record_field.contains_beta_lactam": "contains beta-lactam",
    "record_field.content_hash": "content hash",
    "record_field.content_json": "content",
    "record_field.created_at": "created at",
    "record_field.data": "data",
    "record_field.decided_at": "decided at",
    "record_field.decided_by": "decided by",
    "record_field.description": "description",
    "record_field.destination_site_id": "destination site",
    "record_field.destroyed_at": "destroyed at",
    "record_field.destroyed_by": "destroyed by",
    "record_field.destruction_witness": "destruction witness",
    "record_field.deviation_id": "deviation",
    "record_field.din": "donation identification number (DIN)",
    "record_field.disposal_method": "disposal method",
    "record_field.disposal_signature_id": "disposal signature",
    "record_field.disposed_at": "disposed at",
    "record_field.disposed_by": "disposed by",
    "record_field.division": "division",
    "record_field.donor_id": "donor",
    "record_field.dose_note": "dose note",
    "record_field.ended_at": "ended at",
    "record_field.ended_by": "ended by",
    "record_field.enrolment_no": "enrolment number",
    "record_field.evaluation": "evaluation",
    "record_field.expected_text": "expected result",
    "record_field.expires_at": "expires at",
    "record_field.failed_attempts": "failed sign-in attempts",
    "record_field.failed_criteria": "failed criteria",
    "record_field.failure": "failure",
    "record_field.form_version": "form version",
    "record_field.full_name": "full name",
    "record_field.handed_to": "handed to",
    "record_field.harvest_at": "harvested at",
    "record_field.hla_typing": "HLA typing",
    "record_field.hold_reason": "hold reason",
    "record_field.hospital_id": "hospital",
    "record_field.id": "ID",
    "record_field.infectious": "infectious",
    "record_field.infectious_area": "infectious area",
    "record_field.infectious_only": "infectious material only",
    "record_field.initiated_at": "initiated at",
    "record_field.initiated_by": "initiated by",
    "record_field.instrument": "instrument",
    "record_field.intended_recipient_id": "intended recipient",
    "record_field.internal_lot": "internal lot",
    "record_field.investigated_by": "investigated by",
    "record_field.investigation": "investigation",
    "record_field.is_cell_count": "is a cell count",
    "record_field.is_pool": "pooled",
    "record_field.is_post_release": "after release",
    "record_field.is_reprint": "reprint",
    "record_field.isbt_facility_code": "ISBT 128 facility code",
    "record_field.kind": "kind",
    "record_field.kit_lot": "kit lot",
    "record_field.label_complete": "label complete",
    "record_field.laboratory": "laboratory",
    "record_field.layout": "layout",
    "record_field.limit_kind": "kind of limit",
    "record_field.line_stopped": "line stopped",
    "record_field.linked_at": "linked at",
    "record_field.linked_by": "linked by",
    "record_field.location": "location",
    "record_field.location_at_recall": "location at recall",
    "record_field.location_id": "location",
    "record_field.locked_at": "locked at",
    "record_field.logger_id": "temperature logger",
    "record_field.lot_id": "lot",
    "record_field.lower": "lower limit",
    "record_field.manufacturer": "manufacturer",
    "record_field.material_code": "material code",
    "record_field.material_lot_id": "material lot",
    "record_field.material_name": "material name",
    "record_field.meaning": "meaning",
    "record_field.medical_record_no": "medical record number",
    "record_field.method": "method",
    "record_field.method_kind": "kind of method",
    "record_field.mutation_detected": "mutation detected",
    "record_field.name": "name",
    "record_field.name_en": "name (English)",
    "record_field.name_zh": "name (Chinese)",
    "record_field.national_id": "national ID",
    "record_field.non_conforming": "non-conforming",
    "record_field.note": "note",
    "record_field.number": "number",
    "record_field.occurred_at": "occurred at",
    "record_field.opened_at": "opened at",
    "record_field.opened_by": "opened by",
    "record_field.origin_identifier": "origin identifier",
    "record_field.outcome": "outcome",
    "record_field.override_reason": "override reason",
    "record_field.package": "package",
    "record_field.packaging_intact": "packaging intact",
    "record_field.parent_id": "parent",
    "record_field.parent_unit_id": "parent unit",
    "record_field.partial": "partial",
    "record_field.password_changed_at": "password changed at",
    "record_field.password_hash": "password hash",
    "record_field.payload": "payload",
    "record_field.payload_sha256": "payload SHA-256",
    "record_field.pending_tests": "pending tests",
    "record_field.performed_at": "performed at",
    "record_field.performed_by": "performed by",
    "record_field.performed_signature_id": "performer's signature",
    "record_field.physician_justification": "physician's justification",
    "record_field.physician_name": "physician",
    "record_field.physician_requested_at": "physician's request at",
    "record_field.pool_batch_id": "pooled batch",
    "record_field.position": "position",
    "record_field.post_thaw_minutes": "minutes after thaw",
    "record_field.previous_batch_id": "previous batch",
    "record_field.previous_infectious": "previous infectious material",
    "record_field.print_job_id": "print job",
    "record_field.printed_at": "printed at",
    "record_field.printed_by": "printed by",
    "record_field.printed_name": "printed name",
    "record_field.printer_address": "printer address",
    "record_field.product_type_id": "product type",
    "record_field.qc_result_id": "QC result",
    "record_field.qualified": "qualified",
    "record_field.quality_status": "quality status",
    "record_field.quantity_received": "quantity received",
    "record_field.quantity_remaining": "quantity remaining",
    "record_field.quantity_unit": "unit of quantity",
    "record_field.rapid_method": "rapid method",
    "record_field.reason": "reason",
    "record_field.recall_id": "recall",
    "record_field.recalled": "recalled",
    "record_field.received_at": "received at",
    "record_field.recipient_id": "recipient",
    "record_field.recorded_by": "recorded by",
    "record_field.registered_at": "registered at",
    "record_field.release_signature_id": "release signature",
    "record_field.released_at": "released at",
    "record_field.released_by": "released by",
    "record_field.remarks": "remarks",
    "record_field.reprint_approval_signature_id": "reprint approval signature",
    "record_field.reprint_of_id": "reprint of",
    "record_field.reprint_reason": "reprint reason",
    "record_field.requested_at": "requested at",
    "record_field.requested_by": "requested by",
    "record_field.required": "required",
    "record_field.resulted_at": "resulted at",
    "record_field.retired_at": "retired at",
    "record_field.role": "role",
    "record_field.sample_type": "sample type",
    "record_field.sampled_at": "sampled at",
    "record_field.scope": "scope",
    "record_field.shelf_life_hours": "shelf life (hours)",
    "record_field.shipment_id": "shipment",
    "record_field.signature_id": "signature",
    "record_field.signed_at": "signed at",
    "record_field.site_id": "site",
    "record_field.source": "source",
    "record_field.source_batch_id": "source batch",
    "record_field.spec_test_id": "specification test",
    "record_field.specification_id": "specification",
    "record_field.started_at": "started at",
    "record_field.started_by": "started by",
    "record_field.state": "state",
    "record_field.station": "station",
    "record_field.status": "status",
    "record_field.storage_condition_en": "storage condition (English)",
    "record_field.storage_condition_zh": "storage condition (Chinese)",
    "record_field.storage_location_id": "storage location",
    "record_field.stored_at": "stored at",
    "record_field.stored_by": "stored by",
    "record_field.subject_id": "subject ID",
    "record_field.subject_type": "subject type",
    "record_field.supplier_id": "supplier",
    "record_field.supplier_lot": "supplier lot",
    "record_field.temperature": "temperature",
    "record_field.temperature_c": "temperature (°C)",
    "record_field.template_id": "label template",
    "record_field.test": "test",
    "record_field.timezone": "time zone",
    "record_field.title": "title",
    "record_field.transport_temp_c": "transport temperature (°C)",
    "record_field.treatment_end_at": "treatment ended at",
    "record_field.unit": "unit",
    "record_field.unit_id": "unit",
    "record_field.unit_ids": "units",
    "record_field.upper": "upper limit",
    "record_field.upper_exclusive": "upper limit excluded",
    "record_field.urgent": "urgent",
    "record_field.use_by": "use by",
    "record_field.used_at": "used at",
    "record_field.used_by": "used by",
    "record_field.user_id": "user",
    "record_field.username": "user name",
    "record_field.username_key": "user name key",
    "record_field.value_num": "value",
    "record_field.value_text": "result text",
    "record_field.verdict": "verdict",
    "record_field.verification_signature_id": "verification signature",
    "record_field.verified_at": "verified at",
    "record_field.verified_by": "verified by",
    "record_field.verified_signature_id": "verifier's signature",
    "record_field.verifier_signature_id": "verifier's signature",
    "record_field.version": "version",
    "record_field.viability_pct": "viability (%)",
    "record_field.void_reason": "reason for voiding",
    "record_field.voided_at": "voided at",
    "record_field.voided_by": "voided by",
    "record_field.voided_reason": "reason for voiding",
    "record_field.weight_kg": "weight (kg)",
    "record_field.withdrawn_at": "withdrawn at",
    "record_field.cleared_at": "cleared at",
    "record_field.cleared_by_consent_id": "cleared by consent",
    "record_field.clinical_information": "clinical information",
    "record_field.consent_id": "consent",
    "record_field.detail": "detail",
    "record_field.donor_basics": "donor basics",
    "record_field.fate": "fate",
    "record_field.patient_initials": "patient initials",
    "record_field.protocol": "protocol",
    "record_field.raised_at": "raised at",
    "record_field.raised_by": "raised by",
    "record_field.recorded_at": "recorded at",
    "record_field.screening_reference": "screening results",
    "record_field.signer_kind": "signer",
    "record_field.signer_name": "signer's name",
    "record_field.supersedes_id": "supersedes",
    "record_field.treatment_plan": "treatment plan",
    "record_field.trigger": "re-consent trigger",
    "record_field.variant": "form variant",
    "record_field.withdrawal_reason": "reason for withdrawal",
    "record_field.withdrawn_by": "withdrawn by",
    "record_field.workspace_id": "workspace",
    "record_field.approval_signature": "approval signature",
    # --- kernel: refusals every area shares (models/kernel/errors.py)
    "domain_error": "The action was refused: {detail}",
    "not_found": "No {kind} with identifier {ident!r} exists.",
    "invalid_input": "Invalid {field}: {reason}",
    "invalid_transition": "{kind} {ident} cannot go from {current} to {target}.",
    # --- sites: accounts belong to one; a person acts only on records held there
    # (models/identity/sites.py, site_service.py)
    "site_kind.manufacturer": "manufacturing site",
    "site_kind.hospital": "hospital",
    "site_kind.collection_site": "collection site",
    "site_role_not_allowed": (
        "{site} is a {kind}: it has no role {roles} (a hospital has clinical staff and "
        "checkers, the manufacturing site makes, checks and releases product)."
    ),
    "record_at_other_site": (
        "{username} works at {user_site}; {kind} {ident} is held at {site}. Only staff of "
        "{site} act on it."
    ),
    "account_without_site": (
        "Account {username} belongs to no site: an administrator assigns one before it acts "
        "on records held at a site."
    ),
    "site_needed_first": (
        "No site is registered yet: add the manufacturing site first (celltrail site add)."
    ),
    "site_home_ambiguous": "Name the site of the account: this database has several sites.",
    "label_workspace_busy": (
        "Workspace {workspace} still holds batch {other} ({why}). One batch at a time in one "
        "operating space: finish it before labeling batch {batch} (R-LBL-11)."
    ),
    "label_workspace_why.open": "it is open there",
    "label_workspace_why.unreconciled": "its labels are not reconciled",
    "label_workspace_needed": (
        "This site registers workspaces: set the label station's workspace before labeling "
        "batch {batch} (R-LBL-11)."
    ),
    "workspace_action.split": "splitting",
    "workspace_action.pool": "pooling",
    "workspace_action.material_use": "material use",
    "workspace_needed_for": (
        "This site registers workspaces: name the workspace the {action} of {batch} is done "
        "in (R-LBL-11)."
    ),
    "workspace_busy_for": (
        "Workspace {workspace} holds batch {other}: {action} of {batch} is done in an "
        "operating space with no other batch (R-LBL-11)."
    ),
    "permission_denied": "User {username} (roles: {roles}) may not {action}.",
    "authentication_failed": "Wrong user name or password.",
    "account_locked": (
        "Account {username} is locked after repeated failed sign-ins; an "
        "administrator must unlock it."
    ),
    "not_signed_in": (
        "{username} has not signed in at this station: sign in, or enter the password, "
        "before acting under that name. Nothing was done."
    ),
    "signature_not_authenticated": (
        "A signature needs {username}'s password entered at this station just now. "
        "Nothing was signed."
    ),
    "account_disabled": "Account {username} is disabled.",
    "same_person": (
        "{username} performed this step and cannot also verify it; a second person must verify."
    ),
    "password_policy": "The password does not meet the policy: {reason}",
    "schema": "Database problem: {detail}",
    "database_unavailable": (
        "The database cannot be reached ({detail}). Nothing was saved; try again."
    ),
    "commit_outcome_unknown": (
        "The connection to the database was lost while saving ({detail}) "
        "and CellTrail could not find out whether the record was saved. "
        "When the database is back, look for audit entry {seq} in the audit "
        "trail before you repeat the action."
    ),
    # --- kernel: audit trail (models/kernel/audit.py)
    "audit_tamper": (
        "The application tried to change or delete audit entry {seq}; audit "
        "entries are append-only."
    ),
    # --- identity: sign-in sessions (models/identity/sessions.py)
    "unlock_refused": (
        "Only {locked_user} can unlock this workstation. {badge_user}: "
        "sign {locked_user} out first."
    ),
    # --- isbt128: bar codes and data structures (models/isbt128/errors.py)
    "isbt128": "The ISBT 128 data could not be read: {detail}",
    "isbt128_empty": "Nothing was scanned or typed.",
    "isbt128_foreign": (
        "This is not an ISBT 128 bar code ({kind}); scan the ISBT 128 bar code instead."
    ),
    "isbt128_unknown_di": "Unknown ISBT 128 data identifier {di!r}.",
    "isbt128_unsupported": "{di!r} is {structure} ({name}), which CellTrail does not read here.",
    "isbt128_length": "{structure} must be {expected} characters long; {actual} were read.",
    "isbt128_concatenated": (
        "The scan holds more than one data structure ({structure} followed "
        "by {next_di!r}); scan one bar code at a time."
    ),
    "isbt128_character": (
        "{structure}: character {position} is {char}, but the {field} must be {expected}."
    ),
    "isbt128_check_character": (
        "Wrong check character for DIN {din}: expected {expected}, got {actual}. Re-enter the DIN."
    ),
    "isbt128_check_character_missing": (
        "A typed DIN must end with its boxed check character; DIN {din} has none."
    ),
    "isbt128_flag_checksum": "DIN {din}: Type 3 flag characters must be {expected}, got {actual}.",
    "isbt128_flag_reserved": (
        "DIN flag characters {flags} are reserved by ICCBBA and must not be used."
    ),
    "isbt128_year": "The DIN year must be the last two digits of the year (0–99); got {year!r}.",
    "isbt128_sequence": "The DIN sequence number must be 0–999999; got {sequence!r}.",
    "isbt128_date": "{structure}: {value!r} is not a valid date/time ({reason}).",
    "isbt128_wrong_structure": (
        "This is {structure} ({name}), not {wanted}; scan the right bar code."
    ),
    "isbt128_keyboard_refused": (
        "{text!r} looks typed, not scanned; this step requires scanning the DIN bar code."
    ),
    # --- isbt128: words inside isbt128 messages (fields, expected characters, wanted structures)
    "isbt128_din_valid": "DIN {din} is valid.",
    "isbt128.field.pdc": "product description code",
    "isbt128.field.trial_pdc": "clinical-trial product description code",
    "isbt128.field.year_of_issue": "year of issue",
    "isbt128.field.coi_sequence": "CoI sequence",
    "isbt128.field.fin": "facility identification number (FIN)",
    "isbt128.field.year": "year",
    "isbt128.field.sequence": "sequence number",
    "isbt128.field.flags": "flag characters",
    "isbt128.field.century": "century",
    "isbt128.field.day_of_year": "day of the year",
    "isbt128.field.hour": "hour",
    "isbt128.field.minute": "minute",
    "isbt128.field.check_input": "check-character input",
    "isbt128.expected.digit": "a digit 0-9",
    "isbt128.expected.alnum": "0-9 or A-Z",
    "isbt128.expected.fin_first": "A-N, P-Z or 1-9",
    "isbt128.wanted.din_full": "a Donation Identification Number (DIN)",
    "isbt128.wanted.din": "a DIN",
    "isbt128.wanted.product_code": "a product code (DS003)",
    "isbt128.kind.no_data_identifier": (
        "it does not start with the ISBT 128 data identifier '=' or '&'"
    ),
    "isbt128.kind.gs1": "GS1 bar code",
    "isbt128.kind.symbology": "symbology {aim!r}, which ISBT 128 does not use",
    "isbt128.reason.no_such_day": "day {day} does not exist in {year} (001-{days})",
    "isbt128.reason.not_24_hour": "{time} is not a 24-hour time (00:00-23:59)",
    "isbt128.field.category": "product category",
    "isbt128.field.donation_type": "type of donation",
    "isbt128.field.division_1": "first division character",
    "isbt128.field.division_2": "second division character",
    "isbt128.field.literal_ch": "literal CH",
    "isbt128.field.check_character": "check character",
    "isbt128.expected.category": "one of A-F, H, M, N, P, R-T, V-Y",
    "isbt128.expected.upper": "a letter A-Z",
    "isbt128.expected.zero_or_upper": "0 or A-Z",
    "isbt128.expected.zero_or_lower": "0 or a-z",
    "isbt128.expected.letter_c": "C",
    "isbt128.expected.letter_h": "H",
    "isbt128.expected.check_character": "0-9, A-Z or *",
    # --- chain: chain-of-identity refusals (models/chain/errors.py)
    "sequence_exhausted": (
        "Identifier sequence {name} ({scope}) is exhausted at {limit}; numbers are never reused."
    ),
    "donor_ineligible": "Donor {donor} is {eligibility}; {action} is refused (R-DON).",
    "collection_not_accepted": (
        "Collection {collection} was not accepted at receipt ({state}); no batch may use it."
    ),
    "unit_container_unknown": (
        "“{container}” is not a container a product unit is filled into: use a cryobag, "
        "a cryovial or a syringe (R-LBL-07: the label is sized for the container)."
    ),
    "batch_single_source": (
        "A batch must come from one donor's single collection (R-BAT-01); "
        "got {count} {what}. Use an explicit pool for several sources."
    ),
    "pool_source_not_released": (
        "Batch {batch} is {status}; only individually released batches may be pooled (R-BAT-03)."
    ),
    "segregation": (
        "Unit {unit} ({infectious}) may not go to {place}: infectious material is kept apart."
    ),
    "autologous_pool": (
        "Autologous material of donor {donor} may not be pooled with material "
        "of other donors ({others}): it is made for one patient only."
    ),
    "unit_not_usable": "Unit {unit} cannot be used for {action}: {problem}.",
    "reason_required": (
        "{action} needs a reason; nothing is deleted, a wrong entry is voided with a reason."
    ),
    "thaw_not_correctable": (
        "The thaw of unit {unit} can no longer be corrected: the unit is {state}; the "
        "times recorded then decided what was done with it."
    ),
    "scan_mismatch": (
        "The scanned units do not match shipment {shipment}: missing {missing}, extra {extra}."
    ),
    "bedside_stop": "STOP — do not administer unit {unit} to {recipient}: {problems}.",
    # --- chain: bedside hard stops (models/chain/bedside.py BedsideProblem)
    "bedside.unknown_product": "product not found",
    "bedside.unknown_recipient": "recipient not found",
    "bedside.wrong_recipient": "product belongs to another recipient",
    "bedside.not_dispensed": "product not dispensed for any recipient",
    "bedside.not_released": "product not released by QA",
    "bedside.recalled": "product recalled",
    "bedside.on_hold": "product on hold",
    "bedside.voided": "record voided",
    "bedside.expired": "product expired",
    "bedside.not_thawed": "product not thawed",
    "bedside.post_thaw_expired": "post-thaw use-by time passed",
    "bedside.not_available": "product already used or not at this hospital",
    "bedside.wrong_hospital": "product is at another hospital than the recipient's",
    # --- chain: destruction of units (models/chain/disposal.py)
    "destruction_refused": "Unit {unit} cannot be destroyed: {problem}.",
    "unit_not_destroyable": "Unit {unit} cannot be destroyed: {problem}.",
    "destruction_reason_untrue": "Unit {unit} cannot be destroyed as “{reason}”: {problem}.",
    "destruction_note_required": "Destroying unit {unit} as “{reason}” needs a note: {problem}.",
    "destruction_role": "User {username} may not {task} unit {unit} ({place}): {problem}.",
    "destruction_method": "Unit {unit} cannot be destroyed by “{method}”: {problem}.",
    # --- chain: destruction reasons, methods, places, rules and problems (models/chain/disposal.py)
    "destruction_reason.rejected": "rejected",
    "destruction_reason.recalled": "recalled",
    "destruction_reason.expired": "expired",
    "destruction_reason.thaw_expired": "thawed, not to be given",
    "destruction_reason.damaged": "damaged",
    "destruction_reason.other": "other",
    "destruction.qa_with_note": " (QA, with note)",
    "destruction_method.autoclave_incineration": "autoclave, then incineration as clinical waste",
    "destruction_method.biohazard_incineration": (
        "biohazard handling: sealed biohazard bag, autoclave, incineration as infectious waste"
    ),
    "destruction_place.manufacturer": "at the manufacturer",
    "destruction_place.hospital": "at a hospital",
    "destruction_task.actor": "destroy",
    "destruction_task.witness": "witness the destruction of",
    "destruction_rule.manufacturer_actor": (
        "units at the manufacturer are destroyed by manufacturing staff (operator, QA)"
    ),
    "destruction_rule.hospital_actor": "units at a hospital are destroyed by clinical staff",
    "destruction_rule.manufacturer_witness": (
        "a witness at the manufacturer is an operator, a verifier or QA"
    ),
    "destruction_rule.hospital_witness": (
        "a witness at a hospital is clinical staff, a verifier or QA"
    ),
    "destruction_rule.only_qa": "only QA may destroy a unit as “{reason}”",
    "destruction_problem.administered": "it was administered to a recipient",
    "destruction_problem.transformed": (
        "its code was closed by a split, pool or relabel; destroy the units made from it"
    ),
    "destruction_problem.already_destroyed": "it is already destroyed",
    "destruction_problem.in_transit": "it is in transit; receive the shipment first",
    "destruction_problem.say_what_happened": "say what happened to it",
    "destruction_problem.use_by_not_passed": (
        "its use-by has not passed; say why it will not be given"
    ),
    "destruction_problem.infectious_donor": (
        "its donor is infectious; it must go the biohazard route"
    ),
    "destruction_problem.no_expiry": "it has no expiry date",
    "destruction_problem.not_expired": "it expires only at {at}",
    "destruction_problem.not_thawed": "it has not been thawed",
    "destruction_problem.not_rejected": "its quality status is {status}, not rejected",
    "destruction_problem.not_recalled": "it is not recalled",
    # --- cleanroom: workspaces and line clearance (models/cleanroom/line_clearance.py)
    "workspace_not_cleared": (
        "Batch {batch} may not start in workspace {workspace}: no line "
        "clearance has been recorded there (R-SEG-01)."
    ),
    "workspace_clearance_outdated": (
        "Batch {batch} may not start in workspace {workspace}: its last "
        "line clearance was not recorded after batch {previous} ended there; "
        "clear the line again (R-SEG-01/02)."
    ),
    "workspace_occupied": (
        "Batch {batch} may not start in workspace {workspace}: batch {occupant} "
        "is still in it. One batch per workspace; finish it and clear the "
        "line first (R-SEG-03)."
    ),
    "workspace_clearance_occupied": (
        "Workspace {workspace} cannot be cleared while batch {batch} is "
        "in it; finish the batch there first (R-SEG-02)."
    ),
    "batch_in_other_workspace": (
        "Batch {batch} may not start in workspace {workspace}: it is still "
        "active in workspace {other}; finish it there first."
    ),
    "workspace_segregation_infectious": (
        "Batch {batch} is from an infectious donor and may not be processed "
        "in workspace {workspace}, which is not an infectious area (R-SEG-05)."
    ),
    "workspace_segregation_general": (
        "Batch {batch} is not infectious and may not be processed in workspace "
        "{workspace}, which is an infectious area (R-SEG-05)."
    ),
    "line_clearance_incomplete": (
        "Line clearance of workspace {workspace} (after batch {previous}) "
        "is refused: not confirmed: {items}. Every item must be confirmed; "
        "a failed item means no clearance (R-SEG-01)."
    ),
    "line_clearance_residual_risk": (
        "Line clearance of workspace {workspace} is refused: the previous "
        "batch {previous} was infectious (or processed in an infectious "
        "area), so the clearance must confirm that no residual infection "
        "risk remains (R-SEG-06)."
    ),
    "batch_not_in_workspace": (
        "{action} for batch {batch} is refused: the batch has not been "
        "started in a workspace. Start it in a cleared workspace first "
        "(R-SEG-01)."
    ),
    "batch_left_workspace": (
        "{action} for batch {batch} is refused: its work in workspace "
        "{workspace} has ended. Start it again in a cleared workspace first "
        "(R-SEG-01/02)."
    ),
    "batch_not_active_here": (
        "Batch {batch} is not active in workspace {workspace}; there is nothing to finish."
    ),
    # --- cleanroom: line-clearance checklist (clearance_item.<item>; R-SEG-01/03/06 wording)
    "clearance_item.no_previous_product": "no product of the previous batch left",
    "clearance_item.no_previous_documents": "no documents of the previous batch left",
    "clearance_item.no_previous_materials": (
        "no materials of the previous batch or unrelated to the next left"
    ),
    "clearance_item.equipment_clean_ready": "equipment clean and ready for use",
    "clearance_item.cleaned_disinfected": "cleaning and disinfection done",
    "clearance_item.no_residual_infection_risk": (
        "no residual infection risk from the previous (infectious) batch confirmed"
    ),
    # --- cleanroom: processing records named in workspace refusals (workspace_action.*)
    "workspace_action.harvest": "Harvest",
    "workspace_action.filling": "Filling",
    "workspace_action.step": "Process step {name}",
    # --- labeling: refusals (models/labeling/errors.py)
    "label_template_not_usable": "Label template {template} v{version} cannot print: {reason}",
    "label_template_wrong_container": (
        "Label template {template} is for a {template_container}; {din} is in a {unit_container}."
    ),
    "label_template_none_for_container": "No approved label template fits a {container} ({din}).",
    "label_station_busy": (
        "Station {station} still holds batch {other}: its labels are not "
        "reconciled. Reconcile them and clear the line before labeling "
        "batch {batch} (R-LBL-11)."
    ),
    "label_already_printed": (
        "Unit {din} already has a {template} label; a new one is a reprint (reason + QA approval)."
    ),
    "label_reprint_not_approved": "Print job {job} is a reprint and QA has not approved it yet.",
    "label_line_stopped": (
        "The labeling line for print job {job} is stopped by deviation "
        "{deviation}; QA must resume it."
    ),
    "label_fields_not_confirmed": (
        "Every printed field must be checked item by item; not confirmed: {fields}."
    ),
    "label_fields_not_scanned": (
        "The scan did not carry {fields}: scan the label's 2-D symbol, which checks them "
        "against the record."
    ),
    "label_scan_refused": "The scan is not a CellTrail label bar code: {reason}",
    "label_recover_scan_unmatched": (
        "The scan {scan!r} is no label of print job {job}: recover the job with the labels "
        "that came out of it."
    ),
    "label_recover_scan_ambiguous": (
        "The scan {scan!r} fits more than one label of print job {job}: scan the label's "
        "2-D symbol."
    ),
    "label.interrupted": (
        "Printing was interrupted; any label that came out must be scanned (Recover job…) or "
        "destroyed."
    ),
    "label.recovered_unsent": (
        "recovered: {count} label(s) did not come out and are free to print again"
    ),
    "labels_not_reconciled": "Labels of batch {batch} are not reconciled: {reason}.",
    # --- labeling: label fields (label_field.<field>), dates in a scan, printed status words
    "label_field.din": "DIN",
    "label_field.product_code": "product code",
    "label_field.product_name_en": "product name (English)",
    "label_field.product_name_zh": "product name (Chinese)",
    "label_field.batch_number": "batch number",
    "label_field.donor_or_patient": "donor / patient code",
    "label_field.harvest": "harvest date and time",
    "label_field.quantity": "quantity",
    "label_field.storage_en": "storage condition (English)",
    "label_field.storage_zh": "storage condition (Chinese)",
    "label_field.expiry_local": "expiry (local time)",
    "label_field.expiry_utc": "expiry (UTC)",
    "label_field.status": "status",
    "label_field.antibiotics": "antibiotics",
    "label_field.print_quality": "print quality (sharp, complete, readable)",
    "label_field.right_container": "right container (this unit's, of the template's type)",
    "label_field.chain_of_identity": "chain-of-identity code",
    "label_field.coi": "chain-of-identity id",
    "label_field.facility": "facility (name and FIN)",
    "isbt128.date_kind.expiration": "expiry date",
    "isbt128.date_kind.production": "production date",
    "isbt128.date_kind.collection": "collection date",
    "label_status.quarantine": "QUARANTINE",
    "label_status.released": "RELEASED",
    "label_status.emergency_released": "EMERGENCY RELEASE",
    "label_status.rejected": "REJECTED",
    # --- labeling: what a second-person label check found wrong (models/labeling/mismatch.py)
    "mismatch.scan_not_on_record": "The scanned {what} {value} is not on this unit's record",
    "mismatch.scan_lacks_din": "The scan does not carry this label's DIN",
    "mismatch.field_not_confirmed": (
        "The printed {field} does not match the record (not confirmed by the checker)"
    ),
    # --- labeling: template layouts (models/labeling/layout.py)
    "label_layout_invalid": "Label template {template} cannot be used: {reason}",
    # --- quality: release blockers (models/quality/blockers.py)
    "release_refused": "Batch {ident} cannot be released: {reasons}",
    # --- quality: release blockers, Blocker codes (models/quality/blockers.py)
    "blocker.batch_status": "The batch is {status}, not in quarantine",
    "blocker.batch_voided": "The batch is voided",
    "blocker.source_voided": "Source batch {batch} is voided",
    "blocker.donor_not_eligible": "Donor {donor} is {eligibility}",
    "blocker.no_specification": "No approved specification",
    "blocker.no_units": "The batch has no filled units",
    "blocker.units_not_quarantined": (
        "Units not in quarantine (rejected units are never released): {units}"
    ),
    "blocker.labels": "Labels: {detail}",
    "blocker.releaser_involved": "{user} worked on batch {batch} and cannot release it",
    "blocker.test_not_passed": "Test not passed: {test}",
    "blocker.open_deviation": "Open deviation {deviation}",
    "blocker.steps_unverified": (
        "{count} process step(s) of batch {batch} await a second person's verification"
    ),
    "blocker.no_preparation_request": (
        "Batch {batch} has no preparation request on record for its collection (R-RCV-01)"
    ),
    "blocker.use_normal_release": "every test passes; use normal release",
    "blocker.batch_decided": "batch is {status}",
    # --- quality: release package (models/quality/package.py)
    "release_package_incomplete": "The release package of batch {batch} is incomplete: {missing}",
    # --- quality: what a release package still needs (package_missing.<element>)
    "package_missing.request_form": "request form number",
    "package_missing.preparation_record": "batch record number",
    "package_missing.packaging": "packaging check",
    # --- quality: release decisions (models/quality/release.py)
    "release_blocked": "Batch {batch} cannot be {action}: {reasons}",
    # --- quality: release decisions named inside messages (release_action.<action>)
    "release_action.released": "released",
    "release_action.emergency-released": "emergency-released",
    "release_action.rejected": "rejected",
    # --- quality: QC results files (models/quality/qc_file/errors.py)
    "qc_file_refused": (
        "QC file {file} was not imported ({count} problem(s); nothing was saved):\n{details}"
    ),
    "qc_file_already_imported": "QC file {file} was not imported again:\n{details}",
    "file_unreadable": "the file cannot be read ({reason})",
    "file_too_large": (
        "the file is {size} bytes; at most {limit} bytes are accepted (split the export)"
    ),
    "file_empty": "the file is empty",
    "file_not_text": "this is not a text (CSV) file but {kind}; export the results as CSV",
    "file_undecodable": (
        "byte {byte} at offset {offset} is not valid {encoding}; save the "
        "export as UTF-8 (or GB18030)"
    ),
    "file_no_rows": "the file has a header but no result rows",
    "file_too_many_rows": "more than {limit} result rows; split the export into smaller files",
    "file_quoting_broken": (
        "the CSV quoting is broken here ({reason}); the rest of the file was not read"
    ),
    "file_changed": (
        "the file changed after it was previewed (SHA-256 {was} → {now}); preview it again"
    ),
    "file_already_imported": (
        "this exact file (SHA-256 {sha256}) was already imported by {actor} "
        "at {at} (audit entry {seq}); importing it twice would record every "
        "result twice"
    ),
    "unknown_header": "unknown column {header!r}; the columns are: {known}",
    "duplicate_header": "column {header!r} means the same as column {first!r}",
    "missing_column": "the required column {column} is missing (accepted headers: {aliases})",
    "wrong_cell_count": "the row has {found} cell(s) but the header has {expected}",
    "empty_value": "a value is required here",
    "control_character": "the value contains a control character ({char})",
    "value_too_long": "the value has {length} characters; at most {limit} are allowed",
    "unknown_batch": "there is no batch {batch!r}",
    "no_approved_specification": (
        "batch {batch} has no approved specification to judge results against"
    ),
    "unknown_test": "test {test!r} is not in specification {spec} of batch {batch}",
    "not_a_number": (
        "{test} has a numeric limit; {value!r} is not a plain number (e.g. 93.5 or 1.0e8)"
    ),
    "value_refused": "{test}: {reason}",
    "unit_mismatch": "{test} is reported in {expected}, not {unit!r}",
    "method_mismatch": "{test} needs a {needs} method, but the rapid column says {given!r}",
    "bad_flag": "{value!r} is not yes or no (accepted: yes/no, true/false, 1/0, 是/否)",
    "bad_time": (
        "{value!r} is not a plausible date and time (e.g. 2025-04-15 10:30:00 "
        "or 2025-04-15T10:30:00+08:00)"
    ),
    "ambiguous_local_time": (
        "{value!r} has no UTC offset and occurs twice in the site's time zone {zone}; add it"
    ),
    "nonexistent_local_time": (
        "{value!r} has no UTC offset and does not exist in the site's time zone {zone}"
    ),
    "future_time": "{value!r} is in the future (now is {now})",
    "duplicate_row": "the same result (batch {batch}, {test} at {at}) is already on line {first}",
    "already_recorded": "batch {batch} already has a {test} result at {at} (result {result_id})",
    "row_refused": "refused when recording: {detail}",
    # --- quality: where in a QC file a problem is (models/quality/qc_file/errors.py)
    "qc_file.where_file": "file",
    "qc_file.where_line": "line {line}",
    "qc_file.where_cell": "line {line}, column {column!r}",
    "qc_file.problem": "{where}: {problem}",
    "qc_file.more": "  … and {more} more",
    # --- archive: retention archives (models/archive/errors.py)
    "archive": "Archive export refused: {detail}",
    "batch_not_closed": "Batch {batch} is not closed and cannot be archived: {reason}",
    "archive_not_intact": "Archive {file} failed verification ({count} problem(s)); first: {first}",
    "archive_unreadable": "{file} cannot be read as a zip archive: {reason}",
    "archive_manifest_invalid": "The manifest (manifest.json) is missing or invalid: {reason}",
    "archive_format_unknown": (
        "Archive format {format!r} is not one this release reads (it reads {known})"
    ),
    "archive_member_missing": (
        "Member {member} is listed in the manifest but missing from the archive"
    ),
    "archive_member_extra": "Member {member} is in the archive but not in the manifest",
    "archive_member_duplicate": "Member {member} appears {count} times in the archive",
    "archive_member_checksum": (
        "Member {member} does not match its manifest checksum (expected {expected}, found {found})"
    ),
    "archive_member_unreadable": "Member {member} cannot be read: {reason}",
    "archive_member_content": "Member {member}, line {line}: {reason}",
    "archive_row_count": "Member {member} holds {found} rows; the manifest says {expected}",
    "archive_personal_data": (
        "Member {member} holds personal data, which an archive must never contain"
    ),
    "archive_batch_missing": "The manifest's batch {batch} is not among the archived batch records",
    "archive_trace_mismatch": (
        "trace.json is not the trace of batch {batch} (its focus is {focus!r})"
    ),
    "archive_audit_digest": "Audit entry {seq} does not match its own hash: it was altered",
    "archive_audit_link": (
        "Audit entry {seq} does not link to entry {prev} before it (previous-hash mismatch)"
    ),
    "archive_audit_order": (
        "Audit entry {seq} is duplicated or out of order (it follows entry {prev})"
    ),
    "archive_audit_head": "Audit entry {seq} contradicts the chain head in the manifest: {detail}",
    "archive_audit_subject": (
        "Audit entry {seq} is about {subject_type} {subject_id}, which is not in the archive"
    ),
    "archive_signature_unaudited": (
        "Signature {signature} has no signing entry in the archived audit trail"
    ),
    "archive_signature_not_archived": (
        "Audit entry {seq} records signature {signature}, which is missing from the archive"
    ),
    "archive_signature_mismatch": (
        "Signature {signature} differs from its audit entry {seq} in: {fields}"
    ),
    "archive_signature_subject": (
        "Signature {signature} is about {subject_type} {subject_id}, which is not in the archive"
    ),
    "archive_signature_missing": (
        "Member {member}, line {line}: {column} refers to signature {signature}, not archived"
    ),
    "archive_release_package": (
        "Release record {record}: the signed package does not match signature {signature}"
    ),
    "archive_live_unavailable": "The live database cannot be read for the cross-check: {detail}",
    "archive_live_missing": "Audit entry {seq} does not exist in the live database",
    "archive_live_mismatch": (
        "Audit entry {seq} differs from the live database's entry {seq} (hash {live})"
    ),
    "archive_live_export": (
        "The live audit trail records no export of batch {batch} with this "
        "manifest (SHA-256 {digest}): the archive was not written by CellTrail "
        "as it is now"
    ),
    "archive_verifier_fault": (
        "Verification could not finish ({reason}); treat the archive as unverified"
    ),
    # --- archive: backup and restore (models/archive/backup.py)
    "backup": "Backup/restore refused: {detail}",
    # --- printing: printer errors, rendered by the caller (printing/errors.py)
    "printer_error": "Printer {printer} failed: {detail}",
    "printer_unreachable": "Printer {printer} cannot be reached ({detail}). Nothing was printed.",
    "printer_timeout": (
        "Printer {printer} did not answer within {seconds} s. Check it before printing again."
    ),
    "printer_not_ready": (
        "Printer {printer} is not ready: {problems}. Nothing was sent; fix it and retry."
    ),
    "printer_rejected": "Printer {printer} refused the job: {reason}",
    "printer_font_missing": (
        "No installed font can print {chars!r} (font tried: {font!r}); install fonts-noto-cjk. "
        "Nothing was printed."
    ),
    "printer_status_unreadable": (
        "Printer {printer} sent a status reply that cannot be read: {reply!r}"
    ),
    "printer_address_unsupported": "Printer address {address!r} cannot be used: {reason}",
    "printer_output_unknown": (
        "Printer {printer} did not confirm the label. Whether it came out is unknown: "
        "scan the labels that came out to confirm them."
    ),
    "printer_connection_lost": (
        "The connection to printer {printer} broke after {sent} of {total} bytes ({detail}). "
        "Whether the label came out is unknown: scan the labels that came out to confirm them."
    ),
    "printer_fault_after_send": (
        "Printer {printer} reported {problems} after the job was sent. The label is not "
        "confirmed: fix the printer, then scan the labels that came out to confirm them."
    ),
    "printer_not_confirmed": (
        "Printer {printer} did not confirm the label within {seconds} s. Whether it came "
        "out is unknown: scan the labels that came out to confirm them."
    ),
    "printer_confirmation_unreadable": (
        "Printer {printer} answered the confirmation with something that is not a status "
        "({reply!r}). The label is not confirmed: scan the labels that came out."
    ),
    # --- printing: resolution and media (printing/resolution.py, printing/payload.py)
    "printer_resolution_mismatch": (
        "Printer {printer} prints at {reported} dpi, but its address is set to {configured} "
        "dpi. Nothing was printed: correct the printer's settings (or address) and retry."
    ),
    "printer_resolution_unreadable": (
        "Printer {printer} answered the resolution query with something that is not an "
        "identification ({reply!r}). Nothing was printed."
    ),
    "printer_media_too_small": (
        "The label ({label} mm) is larger than the labels loaded in printer {printer} "
        "({media} mm). Nothing was printed: load larger labels or choose another printer."
    ),
    "printer_profile_invalid": "The printer profile cannot be used: {reason}",
    # --- printing: the CUPS spooler (printing/transports/system.py)
    "printer_spooler_down": (
        "The print service (CUPS) is not running or not answering at {server}, so nothing "
        "was sent to printer {printer}. Start the print service and retry."
    ),
    "printer_queue_missing": (
        "The print service at {server} has no queue named {queue!r}. Nothing was printed; "
        "check the printer address."
    ),
    "printer_spooler_held": (
        "Printer {printer}: job {spooler_job} was held at the print service ({reason}) and "
        "has been withdrawn. Nothing was printed; fix the queue and print again."
    ),
    "printer_spooler_held_left": (
        "Printer {printer}: job {spooler_job} is held at the print service ({reason}) and "
        "could not be withdrawn. It is not printed, but it will print when the queue is "
        "resumed: cancel it there before printing again."
    ),
    "printer_spooler_aborted": (
        "Printer {printer}: the print service ended job {spooler_job} without completing it "
        "({reason}). The labels are not printed; remove any partial label that came out."
    ),
    "spooler_hold_reason.queue_stopped": "the queue is stopped",
    "spooler_hold_reason.job_held": "the job is on hold",
    "spooler_hold_reason.stopped_while_printing": "the printer stopped while printing it",
    "spooler_end_reason.aborted": "the job was aborted",
    "spooler_end_reason.cancelled": "the job was cancelled",
    "spooler_end_reason.stopped_while_printing": "the printer stopped while printing it",
    # --- printing: printer status problems (printing/status.py PROBLEMS)
    "printer_problem.paper_out": "out of labels",
    "printer_problem.paused": "paused",
    "printer_problem.head_open": "print head open",
    "printer_problem.ribbon_out": "ribbon out",
    "printer_problem.over_temperature": "print head too hot",
}

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
        "cli.help.user.password_stdin": (
            "read the passwords from standard input, one per line: the --by administrator's "
            "first, then the new user's"
        ),
        "cli.help.password_stdin": "read the password from standard input",
        "cli.help.init": "create or upgrade the database schema",
        "cli.help.demo": "fill the database with a demo site",
        "cli.help.demo.password": "password for every demo account",
        "cli.help.audit": "audit trail tools",
        "cli.help.audit.verify": "verify the whole hash chain",
        "cli.help.user": "user accounts",
        "cli.help.user.add": "add a user account",
        "cli.help.user.name": "printed name used in signatures",
        "cli.help.user.site": "site code the account belongs to (default: the manufacturing site)",
        "cli.help.user.move": "move an account to another site",
        "cli.help.user.reason": "why the account moves",
        "cli.help.site": "sites: the manufacturing site and the hospitals",
        "cli.help.site.add": "register a site",
        "cli.help.site.list": "list the sites and how many accounts each has",
        "cli.help.site.name": "the site's name",
        "cli.help.site.kind": "manufacturer, hospital or collection_site",
        "cli.help.site.fin": "ISBT 128 facility identification number (the manufacturer's)",
        "cli.help.site.by": "administrator signing for it (not needed before the first account)",
        "cli.help.user.by": "administrator adding the user (not needed for the first user)",
        "cli.help.din": "ISBT 128 donation identification numbers",
        "cli.help.din.check": "validate a scanned DIN",
        "cli.help.trace": "trace a donor, collection, batch, COI, DIN or recipient both ways",
        "cli.help.label": "product labels",
        "cli.help.label.render": "render a label to a file",
        "cli.help.label.print": "request and print labels",
        "cli.help.label.din": "the unit's DIN, scanned or typed with its check character",
        "cli.help.label.template": (
            "template code, e.g. LT-BAG (default: the one the unit's container takes)"
        ),
        "cli.help.label.template_with_batch": "template code (with --batch)",
        "cli.help.label.batch": "batch number: label all its units (or --din)",
        "cli.help.label.only_dins": "only these units (repeatable)",
        "cli.help.label.job": "print (or retry) an existing job instead",
        "cli.help.label.printer": "printer URL, e.g. tcp://10.0.0.5:9100",
        "cli.help.label.recover": "record which labels of an unconfirmed job came out",
        "cli.help.label.recover_job": "the print job whose output was not confirmed",
        "cli.help.label.scanned": "the scan of each label that came out (repeatable)",
        "cli.help.label.nothing_came_out": "no label came out: every unconfirmed label is unsent",
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
        "cli.user.added": "user {user} added at {site}",
        "cli.user.moved": "user {user} now belongs to {site}",
        "cli.site.added": "site {site} ({kind}) added",
        "cli.site.row": "{site}  {kind}  FIN {fin}  {accounts} account(s)  {name}",
        "cli.site.none": "no sites yet",
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
        "cli.label.job_unconfirmed": (
            " — {count} label(s) not confirmed by the printer: scan the labels that came out "
            "with `celltrail label recover --job {job} --scanned …`"
        ),
        "cli.label.recover_needs": (
            "--scanned for each label that came out, or --nothing-came-out"
        ),
        "cli.label.recovered": (
            "job {job}: {printed} label(s) confirmed printed, {unsent} free to print again"
        ),
        "cli.label.job_failed": " — {reason}",
        "cli.qc.imported": (
            "imported {count} QC result(s) from {file} (SHA-256 {sha256}); audit entry {seq}"
        ),
        "cli.qc.oos": "result {result}: OUT OF SPECIFICATION, deviation {deviation}",
        "cli.qc.recall_started": ", recall {recall} started",
        "cli.qc.recall_pending": ", released batch: QA must start the recall",
        "cli.backup.written": (
            "backup written to {file}: {rows} rows, audit chain verified up to entry {seq} ({hash})"
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

# --- the requirement registry (issue 16): models/validation, `celltrail requirements`
MESSAGES.update(
    {
        "requirements_registry_invalid": "The requirement registry {file} is not valid: {problems}",
        "requirements_no_tests": (
            "No tests/ folder next to models/ in {root}: the requirement markers are read from "
            "a source checkout's tests. Run this from a CellTrail source checkout, not an "
            "installed copy."
        ),
        "requirements.fault.toml": "not TOML ({detail})",
        "requirements.fault.schema": "schema must be {expected}",
        "requirements.fault.missing": "{item}: {field} is missing or empty",
        "requirements.fault.unknown_field": "{item}: unknown field {field}",
        "requirements.fault.type": "{item}: {field} must be a {kind}",
        "requirements.fault.bad_code": "{item}: {requirement} is not a requirement code (R-XXX-NN)",
        "requirements.fault.duplicate": "{requirement} is recorded twice",
        "requirements.fault.no_area": "{requirement}: no [[area]] declares {prefix}",
        "requirements.fault.bad_status": (
            "{requirement}: status {status} is not implemented, not_applicable or not_yet"
        ),
        "requirements.fault.needs_enforced_in": (
            "{requirement}: an implemented requirement names where it is enforced (enforced_in)"
        ),
        "requirements.fault.needs_why": "{requirement}: not_applicable needs its reason (why)",
        "requirements.fault.needs_missing": (
            "{requirement}: not_yet needs what is missing (missing)"
        ),
        "requirements.fault.misplaced": (
            "{requirement}: {field} does not belong to a {status} requirement"
        ),
        "requirements.fault.bad_ref": "{requirement}: enforced_in {ref} is not PATH or PATH:Symbol",
        "requirements.problem.untested": (
            "{requirement} is implemented but no test carries @pytest.mark.req(\"{requirement}\")"
        ),
        "requirements.problem.unknown_marker": (
            "{test}: @pytest.mark.req names {requirement}, which the registry does not hold"
        ),
        "requirements.problem.marker_literal": (
            "{test}: @pytest.mark.req takes requirement codes as literal strings, nothing else"
        ),
        "requirements.problem.no_file": "{requirement}: enforced_in {ref}: there is no file {path}",
        "requirements.problem.no_symbol": (
            "{requirement}: enforced_in {ref}: {path} defines no {symbol}"
        ),
        "requirements.problem.unreadable": "{path} cannot be read ({detail})",
        "requirements.problem.no_document": "{file} is missing: write it with `{command}`",
        "requirements.problem.stale": (
            "{file} is not what the registry and the test markers give now: regenerate it "
            "with `{command}`"
        ),
        "cli.help.requirements": (
            "the requirement registry: status, where enforced, tests; writes docs/requirements.md"
        ),
        "cli.help.requirements.write": "write the requirement document (Markdown) to this file",
        "cli.help.requirements.check": "exit 1 if this file is not what --write would write",
        "cli.requirements.one": "give --write or --check, not both",
        "cli.requirements.summary": (
            "{total} requirements: {implemented} implemented, {not_applicable} not applicable, "
            "{not_yet} not yet"
        ),
        "cli.requirements.tests": "; {tests} tests carry requirement markers",
        "cli.requirements.consistent": (
            "registry, code and test markers agree: every implemented requirement has a test"
        ),
        "cli.requirements.problems": "{count} problem(s):",
        "cli.requirements.written": "{file} written",
        "cli.requirements.current": "{file} is up to date",
    }
)

# --- records bound to the audit trail (record_state.py, record_check.py)
MESSAGES.update(
    {
        "record_integrity": (
            "Record integrity: {table} {record} differs from its audit trail ({fields}): it was "
            "changed outside CellTrail. Nothing was done; a deviation has been opened for QA."
        ),
        "record_kind.product_type": "product type",
        "record_kind.recall": "recall",
        "record_kind.site": "site",
        "record_kind.user_account": "user account",
        "record_kind.consent": "consent",
        "record_kind.donor_identity": "donor identity",
        "record_kind.screening_result": "screening result",
        "record_kind.signature": "signature",
        "record_kind.storage_location": "storage location",
        "record_kind.user_role": "user role",
        "record_kind.recipient_identity": "recipient identity",
        "record_kind.supplier": "supplier",
        "record_kind.batch_source": "batch source",
        "record_kind.line_clearance": "line clearance",
        "record_kind.release_record": "release record",
        "record_kind.specification_test": "specification test",
        "record_kind.administration": "administration",
        "record_kind.custody_event": "custody event",
        "record_kind.material_usage": "material usage",
        "record_kind.qc_result": "QC result",
        "record_kind.recall_item": "recall item",
        "record_kind.shipment_item": "shipment item",
        "record_kind.thaw": "thaw record",
        "record_kind.unit_link": "unit link",
        "record_kind.workspace_use": "workspace use",
        "record_kind.printed_label": "printed label",
        "cli.trace.integrity": (
            "RECORD INTEGRITY: {table} {record} differs from its audit trail ({fields}); "
            "it was changed outside CellTrail"
        ),
        "backup_records_differ": (
            "Backup/restore refused: records differ from the audit trail ({table} {record} "
            "first; `celltrail audit verify` lists them all); {then}"
        ),
        "backup.investigate": "investigate before backing up",
        "backup.nothing_restored": "nothing was restored",
        "cli.audit.records_intact": (
            "records match the audit trail: {rows} rows checked against {states} recorded states"
        ),
        "cli.audit.records_broken": (
            "RECORDS CHANGED OUTSIDE CELLTRAIL: {count} record(s) differ from the audit trail"
        ),
        "cli.audit.record_altered": (
            "  {table} {record}, {field}: trail says {trail}, row says {row}"
        ),
        "cli.audit.record_deleted": (
            "  {table} {record}: deleted outside CellTrail (last recorded in entry {seq})"
        ),
        "cli.audit.record_inserted": (
            "  {table} {record}: not recorded in the audit trail (inserted outside CellTrail)"
        ),
        "cli.audit.record_fields": "  {table} {record}: {fields} changed outside CellTrail",
        "cli.audit.records_more": "  … and more (first {shown} shown)",
        "record_integrity.deviation_title": (
            "Record integrity: {table} {record} changed outside CellTrail"
        ),
        "record_integrity.deviation_text": (
            "A decision was refused because {table} {record} differs from its audit trail "
            "({fields}). Investigate who changed it outside CellTrail, and how."
        ),
    }
)

# issue 12, bad input at the command line: refusals of arguments, standard input, files and
# printer addresses (models/cli/app.py and inputs.py, models/archive/output.py, backup.py,
# verify.py, printing/registry.py).
MESSAGES.update(
    {
        "cli.usage_error": "error: {message} (see {command} --help)",
        "cli.bad_id": "{value!r} is not a record id (a whole number from 1 to 2^63-1)",
        "cli.not_utf8": (
            "it is not valid UTF-8 text (undecodable bytes); use a UTF-8 locale or rename the file"
        ),
        "cli.field.stdin": "standard input",
        "cli.field.file": "file",
        "cli.field.value": "value",
        "cli.stdin_not_utf8": "it is not UTF-8 text",
        "cli.stdin_too_long": "it holds more than {limit} bytes; only a password is read there",
        "cli.no_input": "it ended before anything was read",
        "cli.db.too_long": (
            "a text is longer than the database allows (at most {limit} characters); "
            "nothing was saved"
        ),
        "cli.db.value_refused": "the database refused a value ({detail}); nothing was saved",
        "cli.db.conflict": (
            "the database refused it as a conflict with a record it holds ({detail}); "
            "nothing was saved"
        ),
        "cli.help.force": "replace an existing regular file of that name",
        # argparse's own words, by its message ids (models/cli/app.py _ARGPARSE_WORDS)
        "cli.argparse.usage": "usage: ",
        "cli.argparse.positionals": "positional arguments",
        "cli.argparse.options": "options",
        "cli.argparse.help": "show this help message and exit",
        "cli.argparse.argument": "argument %(argument_name)s: %(message)s",
        "cli.argparse.required": "the following arguments are required: %s",
        "cli.argparse.unrecognized": "unrecognized arguments: %s",
        "cli.argparse.choice": "invalid choice: %(value)r (choose from %(choices)s)",
        "cli.argparse.value": "invalid %(type)s value: %(value)r",
        "cli.argparse.one": "expected one argument",
        "cli.argparse.at_least_one": "expected at least one argument",
        "cli.argparse.ambiguous": "ambiguous option: %(option)s could match %(matches)s",
        # files the user names (models/archive/output.py, backup.py, verify.py)
        "output_exists": (
            "{file} already exists; nothing was written (to replace it, add --force)"
        ),
        "output_is_link": (
            "{file} is a symbolic link, not a regular file; nothing was written: CellTrail "
            "never writes through a link, even with --force"
        ),
        "output_not_regular": (
            "{file} is not a regular file (a directory, device, link, pipe or socket); "
            "nothing was written: CellTrail writes only a new file or over a regular one"
        ),
        "database_not_regular": (
            "The database {file} is not a regular file (a directory, device, pipe or socket); "
            "nothing was opened"
        ),
        "input_not_regular": (
            "{file} is not a regular file (a directory, device, pipe or socket); nothing was read"
        ),
        "archive_too_large": (
            "{file} would inflate to {size} bytes, more than the {limit} an archive may hold; "
            "nothing was inflated"
        ),
        "backup_member_too_large": (
            "Backup/restore refused: {member} would inflate to {size} bytes, more than the "
            "{limit} allowed; the file is damaged or not a CellTrail backup, nothing was restored"
        ),
        # printing: why a printer address cannot be used (printing/registry.py)
        "printer_address_problem.unknown_scheme": (
            "unknown kind of address; use tcp://, file:// or system://"
        ),
        "printer_address_problem.unreadable": "it cannot be read as a URL",
        "printer_address_problem.too_long": "it is longer than 200 characters",
        "printer_address_problem.unknown_option": (
            "it has an option this kind of printer does not take (tcp://: dpi, timeout, "
            "status, confirm, media, darkness; file://: dpi, format; system://: dpi, "
            "format, timeout, server, media, darkness)"
        ),
        "printer_address_problem.timeout": "timeout must be a number of seconds from 0.1 to 300",
        "printer_address_problem.confirm": "confirm must be a number of seconds from 0.1 to 600",
        "printer_address_problem.dpi": "dpi must be 203, 300 or 600",
        "printer_address_problem.format": "format must be zpl, pdf or png",
        "printer_address_problem.port": "the port must be a number from 1 to 65535",
        "printer_address_problem.host_required": (
            "a host name is required, e.g. tcp://10.0.0.5:9100"
        ),
        "printer_address_problem.host_invalid": (
            "the host is neither an IP address nor a host name (letters, digits, '-', '_' "
            "and '.', at most 253 characters)"
        ),
        "printer_address_problem.directory": (
            "use an absolute local directory, e.g. file:///var/labels"
        ),
        "printer_address_problem.queue_required": (
            "a queue name is required, e.g. system://ZEBRA_RAW"
        ),
        "printer_address_problem.queue_invalid": (
            "a queue name may not hold spaces, '/', '#' or control characters"
        ),
        "printer_address_problem.server": (
            "server must be host, host:port or the absolute path of the CUPS socket"
        ),
        "printer_address_problem.media": (
            "media must be width x height in mm, each from 5 to 300, e.g. media=104x150"
        ),
        "printer_address_problem.darkness": "darkness must be a whole number from -30 to 30",
        # printing: why a station's printer profile cannot be used (printing/profile.py)
        "printer_profile_problem.entry": "each printer profile must be a set of settings",
        "printer_profile_problem.keys": (
            "a profile needs an address and may only hold address, language, dpi, "
            "media_width_mm, media_height_mm, darkness and status"
        ),
        "printer_profile_problem.type": (
            "a setting has the wrong kind of value (address and language are text, dpi and "
            "darkness whole numbers, media sizes numbers, status true or false)"
        ),
        "printer_profile_problem.address_options": (
            "the address must not hold options (?…); they come from the profile's settings"
        ),
        "printer_profile_problem.language": "the language must be zpl, pdf or png",
        "printer_profile_problem.language_tcp": "a network (tcp://) printer prints ZPL only",
        "printer_profile_problem.media_pair": "give both the media width and height, or neither",
        "printer_profile_problem.darkness_zpl": "darkness applies to ZPL printers only",
    }
)

# audit chain anchors (models/kernel/audit_anchor.py) and the PostgreSQL application role
# (models/kernel/db_roles.py), with their command-line words (issue 12)
MESSAGES.update(
    {
        "audit_anchor_file": "anchor file {file}: {reason}",
        "audit_anchor.file.missing": "no such file",
        "audit_anchor.file.unreadable": "it cannot be read ({detail})",
        "audit_anchor.file.not_regular": "not a regular file (a device, pipe or folder)",
        "audit_anchor.file.too_large": "larger than {limit} bytes, so not an anchor",
        "audit_anchor.file.not_utf8": "not UTF-8 text",
        "audit_anchor.file.not_json": "not JSON (line {line}, column {column})",
        "audit_anchor.file.not_anchor": 'not a CellTrail audit anchor ("format" is not "{format}")',
        "audit_anchor.file.version": "anchor format version {version} is not known to this release",
        "audit_anchor.file.seq": '"seq" is not a whole number of 0 or more',
        "audit_anchor.file.hash": '"entry_hash" is not 64 lowercase hexadecimal characters',
        "audit_anchor_moved": (
            "audit entry {seq} changed while the anchor was being taken; run celltrail audit verify"
        ),
        "audit_anchor.held": "anchor seq {seq} hash {hash} is in the chain",
        "audit_anchor.short": (
            "anchor seq {seq} hash {hash} not in the chain: chain shorter than the anchor "
            "(it ends at entry {last})"
        ),
        "audit_anchor.rewritten": (
            "anchor seq {seq} hash {hash} not in the chain: entry {seq} now has hash {found}"
        ),
        "audit_anchor.report_head": "Audit chain head (anchor)",
        "audit_anchor.report_value": "entry {seq}, SHA-256 {hash}",
        "db_role": "application role {role}: {reason}",
        "db_role.reason.name": (
            "a role name here is 1 to 63 lowercase letters, digits or underscores, starting with "
            "a letter or underscore, not pg_… or public"
        ),
        "db_role.reason.password": "the password must be 1 to {limit} characters",
        "db_role.reason.not_postgresql": "database roles exist only on PostgreSQL",
        "db_role.reason.is_owner": (
            "it is the role running init; the application needs its own role"
        ),
        "db_role.reason.no_tables": "schema {schema} has no tables; nothing to grant",
        "db_role.reason.not_table_owner": (
            "run init as the owner of the tables: they belong to {owners}, not {owner}"
        ),
        "db_role.reason.needs_password": "the role does not exist yet and no password was given",
        "db_role.reason.attributes": (
            "the role has {attributes}; an application role must have none of these "
            "(ALTER ROLE … NO… as a superuser, or choose another name)"
        ),
        "db_role.reason.member_of": (
            "the role is a member of {groups} and would hold their rights; revoke the membership "
            "or choose another name"
        ),
        "db_role.reason.driver": "setting a password needs the psycopg driver (postgresql+psycopg://)",
        "db_role.reason.denied": "the database refused: {detail}",
        "db_role.reason.extra_rights": (
            "after the grants it can still do more than an application role may ({rights}); "
            "nothing was changed"
        ),
        "db_role.reason.missing_rights": "the grants did not take effect on {tables}",
        "cli.help.init.app_role": (
            "PostgreSQL: create or check this application role and grant it row rights only"
        ),
        "cli.help.init.password_file": (
            "file whose first line is the application role's password (else "
            "CELLTRAIL_APP_ROLE_PASSWORD, else a prompt when the role is new)"
        ),
        "cli.help.audit.anchor": (
            "verify the chain and write its head (seq, hash, time) as an anchor to keep elsewhere"
        ),
        "cli.help.audit.anchor.output": "anchor file to write (a new file unless --force)",
        "cli.help.audit.anchor.force": "replace an existing regular file",
        "cli.help.audit.verify.anchor": (
            "also check that the chain still holds this anchor's head (repeatable)"
        ),
        "cli.init.role_password_prompt": "Password for the new database role {role}: ",
        "cli.init.role_password_again": "The same password again: ",
        "cli.init.passwords_differ": "the two passwords differ",
        "cli.init.password_file_unreadable": "the password file cannot be read ({detail})",
        "cli.init.password_file_not_regular": "the password file is not a regular file",
        "cli.init.password_file_too_large": "the password file is larger than {limit} bytes",
        "cli.init.password_file_not_utf8": "the password file is not UTF-8 text",
        "cli.init.password_file_needs_role": "--password-file is the password of --app-role NAME",
        "cli.init.role_created": "created",
        "cli.init.role_password_changed": "password changed",
        "cli.init.role_kept": "kept",
        "cli.init.app_role": (
            "application role {role} ({state}): SELECT, INSERT, UPDATE on {rows} tables; "
            "SELECT, INSERT only on {append}; SELECT, UPDATE on {head}; SELECT on {read}; "
            "USAGE, SELECT on {sequences} sequences; no DELETE, TRUNCATE, TRIGGER, ownership "
            "or CREATE; the schema stays {owner}'s"
        ),
        "cli.audit.anchor.taken": "audit anchor: entry {seq} {hash}",
        "cli.audit.anchor.written": "written to {file}",
        "cli.audit.anchor.refused": "no anchor taken: a broken chain must not be vouched for",
        "cli.audit.anchor.line": "{file}: {verdict}",
    }
)

# identity: user names and the four-eyes rule on accounts (models/identity/names.py,
# models/identity/signatures.py)
MESSAGES.update(
    {
        "user_name_refused": "The user name {name!r} cannot be used: {problem}.",
        "user_name.empty": "it is empty",
        "user_name.too_long": "it is longer than {limit} characters",
        "user_name.not_plain": (
            "it holds the character {char}, which is not a visible letter, digit or sign "
            "(a user name is one plain word)"
        ),
        "user_name_confusable": (
            "The user name {name!r} cannot be told apart from the existing account "
            "{existing!r}; choose a name nobody can mistake for another person's."
        ),
        "four_eyes.look_alike": (
            "{verifier} cannot be told apart from {performer}, who did this; a second person "
            "with an account of their own must verify."
        ),
        "four_eyes.unknown_performer": (
            "This was done by {performer}, who is no account on this site, so CellTrail cannot "
            "tell whether the second person is someone else."
        ),
        "isbt128_compound_count": (
            "The compound message (DS023) must announce 1 to 99 data structures and hold "
            "exactly that many: it announces {declared} and holds {found}."
        ),
        "isbt128_compound_dins": (
            "This compound message carries {count} DINs; scan a bar code that names one product."
        ),
        "isbt128.field.compound_count": "number of data structures",
        "isbt128.field.compound_reference": "compound message reference",
    }
)

# --- isbt128 conformance (issue 15): FIN letters, product codes by category
MESSAGES.update(
    {
        "isbt128.expected.fin_middle": "A-N, P-Z or 0-9 (never the letter O)",
        "isbt128.field.division_3": "three-digit division code",
        "isbt128.field.reserved_tds": "reserved characters (X1-X9 codes)",
        "isbt128.expected.zero": "0",
        "isbt128.expected.alnum_any_case": "0-9, A-Z or a-z",
        "isbt128.expected.digit_or_lower": "0-9 or a-z",
    }
)

# --- celltrail scan (issue 15): any scan, parsed
MESSAGES.update(
    {
        "cli.help.scan": (
            "what a scanned ISBT 128 code holds (one structure, concatenated or compound)"
        ),
        "cli.help.scan.text": "the scan as the scanner sends it (AIM prefix and framing allowed)",
        "cli.scan.valid": "{count} data structure(s) read",
        "cli.scan.invalid": "not read: {reason}",
    }
)

# --- isbt128 reading (issue 15): every structure a cellular-therapy site meets
MESSAGES.update(
    {
        "isbt128_value": "{structure}: the {field} {value!r} is not {expected}.",
        "isbt128_grid_checksum": (
            "{structure}: the checksum of {grid} must be {expected}, got {actual}; the GRID was "
            "misread or mistyped."
        ),
        "isbt128_compound_non_iccbba": (
            "{di!r} ({name}) is not defined by ICCBBA, and ST-001 does not allow such "
            "structures in a compound message (DS023); this compound message is not valid."
        ),
        "isbt128_divisions_needed": (
            "Product code {code} has 99 in positions 7-8: its division is in a separate "
            "Product Divisions bar code (DS032), which must be scanned and recorded with it. "
            "CellTrail cannot name a unit by this product code; scan the DIN."
        ),
        "isbt128.reason.no_such_date": "{date} is not a calendar date",
        "isbt128.expected.digit_not_zero": "a digit 1-9",
        "isbt128.expected.blood_group_code": "a code of ST-001 Table 4 or Table 5",
        "isbt128.expected.time_zone": "1 (local time) or 2 (UTC)",
        "isbt128.expected.time_type": "a type of time 01-06",
        "isbt128.expected.sec_coding_system": "A (ISBT 128), B (Eurocode) or E (EUTC)",
        # field names of the structures CellTrail reads without acting on them
        "isbt128.field.abo_rhd": "ABO/RhD code",
        "isbt128.field.rh_kell_mia": "Rh, Kell or Mia/Mur phenotype",
        "isbt128.field.reserved": "reserved characters",
        "isbt128.field.special_testing": "special testing code",
        "isbt128.field.antigen_positions_1_16": "antigen positions 1-16",
        "isbt128.field.antigen_positions_17_18": "antigen positions 17-18",
        "isbt128.field.hla_a": "HLA-A",
        "isbt128.field.hla_b": "HLA-B",
        "isbt128.field.hla_drb1": "HLA-DRB1",
        "isbt128.field.platelet_antigens": "platelet-specific antigens",
        "isbt128.field.anti_ab_titre": "high-titre anti-A/B",
        "isbt128.field.cmv_antibody": "CMV antibody",
        "isbt128.field.container_id": "container identification character",
        "isbt128.field.manufacturer": "manufacturer code",
        "isbt128.field.catalog_number": "catalogue number",
        "isbt128.field.lot_number": "lot number",
        "isbt128.field.donor_number": "donor number",
        "isbt128.field.staff_id": "staff member number",
        "isbt128.field.location": "location code",
        "isbt128.field.month": "month",
        "isbt128.field.day": "day",
        "isbt128.field.patient_id_length": "patient number length",
        "isbt128.field.patient_id": "patient number",
        "isbt128.field.tti_markers": "infection marker results",
        "isbt128.field.consignment_serial": "consignment serial number",
        "isbt128.field.container_number": "container number",
        "isbt128.field.container_total": "containers in the consignment",
        "isbt128.field.dimension_count": "number of dimensions",
        "isbt128.field.dimension_symbol": "dimension symbol",
        "isbt128.field.dimension_code": "dimension",
        "isbt128.field.dimension_value": "value",
        "isbt128.field.decimal_places": "decimal places",
        "isbt128.field.antigen_count": "number of antigens",
        "isbt128.field.antigen": "antigen",
        "isbt128.field.antigen_result": "result",
        "isbt128.field.number_of_tests": "number of tests",
        "isbt128.field.time_zone": "time zone",
        "isbt128.field.time_type": "type of time",
        "isbt128.field.product_divisions": "product divisions code",
        "isbt128.field.fin_p": "FIN of the facility that assigned the product code",
        "isbt128.field.fpc": "facility-defined product code",
        "isbt128.field.mpho_lot": "MPHO lot number",
        "isbt128.field.supplemental_id": "supplemental identification number",
        "isbt128.field.ion": "issuing organisation number (ION)",
        "isbt128.field.grid_sequence": "GRID sequence",
        "isbt128.field.rdi": "registration donor identifier",
        "isbt128.field.grid_checksum": "GRID checksum",
        "isbt128.field.country_code": "country code",
        "isbt128.field.te_code": "tissue establishment code",
        "isbt128.field.donation_number": "unique donation number",
        "isbt128.field.coding_system": "coding system",
        "isbt128.field.sec_product_code": "product code",
        "isbt128.field.split_number": "split number",
        "isbt128.field.sec_expiry": "expiry date (YYYYMMDD)",
        "isbt128.field.content": "content",
        # the meaning of a few defined values, shown next to them
        "isbt128.value.time_zone.1": "local time of the assigning facility",
        "isbt128.value.time_zone.2": "UTC",
        "isbt128.value.time_type.01": "expiry",
        "isbt128.value.time_type.02": "collection",
        "isbt128.value.time_type.03": "production",
        "isbt128.value.time_type.04": "cross clamp",
        "isbt128.value.time_type.05": "preservation",
        "isbt128.value.time_type.06": "death of the donor",
        "isbt128.value.coding_system.A": "ISBT 128",
        "isbt128.value.coding_system.B": "Eurocode",
        "isbt128.value.coding_system.E": "EUTC",
        "isbt128.value.sec_expiry.00000000": "no expiry date",
        # DIN flag characters (ST-001 Table 3, RT004)
        "isbt128.flag_type.unused": "flags not used",
        "isbt128.flag_type.type1": "Type 1, defined by ICCBBA",
        "isbt128.flag_type.type2": "Type 2, defined by the facility that assigned the DIN",
        "isbt128.flag_type.type3": "Type 3, 60 + mod 37-2 checksum, verified",
        "isbt128.value.flags.01": "container 1 of a set",
        "isbt128.value.flags.02": "container 2 of a set",
        "isbt128.value.flags.03": "container 3 of a set",
        "isbt128.value.flags.04": "container 4 of a set",
        "isbt128.value.flags.05": "second (or repeated) demand-printed label",
        "isbt128.value.flags.06": "pilot tube label",
        "isbt128.value.flags.07": "test tube label",
        "isbt128.value.flags.08": "donor record label",
        "isbt128.value.flags.09": "sample tube for NAT testing",
        "isbt128.value.flags.10": "samples for bacterial testing",
        "isbt128.value.flags.11": "match with unit label",
        "isbt128.value.flags.12": "affixed partial label",
        "isbt128.value.flags.13": "attached label (with an affixed partial label)",
        "isbt128.value.flags.15": "container 5 of a set",
        "isbt128.value.flags.16": "container 6 of a set",
        "isbt128.value.flags.17": "container 7 of a set",
        "isbt128.value.flags.18": "container 8 of a set",
        "isbt128.value.flags.19": "container 9 of a set",
        # structure names (ST-001 Table 2, RT003)
        "isbt128.structure.DS001": "Donation Identification Number (DIN)",
        "isbt128.structure.DS002": "Blood Groups [ABO and RhD]",
        "isbt128.structure.DS003": "Product Code",
        "isbt128.structure.DS004": "Expiration Date",
        "isbt128.structure.DS005": "Expiration Date and Time",
        "isbt128.structure.DS006": "Collection Date",
        "isbt128.structure.DS007": "Collection Date and Time",
        "isbt128.structure.DS008": "Production Date",
        "isbt128.structure.DS009": "Production Date and Time",
        "isbt128.structure.DS010": "Special Testing: General",
        "isbt128.structure.DS011": "Special Testing: Red Blood Cell Antigens (retired)",
        "isbt128.structure.DS012": "Special Testing: Red Blood Cell Antigens - General",
        "isbt128.structure.DS013": "Special Testing: Red Blood Cell Antigens - Finnish",
        "isbt128.structure.DS014": "Special Testing: Platelet HLA and Platelet Specific Antigens",
        "isbt128.structure.DS015": "Special Testing: HLA-A and -B Alleles (retired)",
        "isbt128.structure.DS016": "Special Testing: HLA-DRB1 Alleles (retired)",
        "isbt128.structure.DS017": "Container Manufacturer and Catalog Number",
        "isbt128.structure.DS018": "Container Lot Number",
        "isbt128.structure.DS019": "Donor Identification Number",
        "isbt128.structure.DS020": "Staff Member Identification Number",
        "isbt128.structure.DS021": "Manufacturer and Catalog Number: Items Other Than Containers",
        "isbt128.structure.DS022": "Lot Number: Items Other Than Containers",
        "isbt128.structure.DS023": "Compound Message",
        "isbt128.structure.DS024": "Patient Date of Birth",
        "isbt128.structure.DS025": "Patient Identification Number",
        "isbt128.structure.DS026": "Expiration Month and Year",
        "isbt128.structure.DS027": "Transfusion Transmitted Infection Marker",
        "isbt128.structure.DS028": "Product Consignment",
        "isbt128.structure.DS029": "Dimensions",
        "isbt128.structure.DS030": "Red Cell Antigens with Test History",
        "isbt128.structure.DS031": "Flexible Date and Time",
        "isbt128.structure.DS032": "Product Divisions",
        "isbt128.structure.DS033": "Processing Facility Information Code",
        "isbt128.structure.DS034": "Processor Product Identification Code (PPIC)",
        "isbt128.structure.DS035": "MPHO Lot Number",
        "isbt128.structure.DS036": "MPHO Supplemental Identification Number",
        "isbt128.structure.DS037": "GRID (retired)",
        "isbt128.structure.DS038": "Single European Code (SEC)",
        "isbt128.structure.DS039": "Global Registration Identifier for Donors (GRID)",
        "isbt128.structure.DS040": "Chain of Identity Identifier",
        "isbt128.structure.national_donor": "nationally specified donor identification number",
        "isbt128.structure.national_exclusion": "confidential unit exclusion status (national)",
        "isbt128.structure.non-ICCBBA": "facility- or nationally-defined structure",
        # celltrail scan: one line per structure
        "cli.scan.structure": "  {structure} {name}: {summary}",
        "cli.scan.field": "{field} {value}",
        "cli.scan.field_meaning": "{field} {value} ({meaning})",
        "cli.scan.retired": "retired structure, read for backward compatibility",
        "cli.scan.din_flags": "flags {flags}: {flag_type}",
        "cli.scan.din_flags_meaning": "flags {flags}: {flag_type} ({meaning})",
        "cli.scan.divisions_recorded": "divisions in DS032: {divisions}",
        "cli.scan.divisions_missing": (
            "positions 7-8 are 99: scan this product's Product Divisions bar code (DS032) too"
        ),
        "cli.scan.compound": "compound message (DS023), reference {reference}",
    }
)

# --- several stations on one database (issue 17): a record changed at another station
MESSAGES.update(
    {
        "record_changed": (
            "{kind} {ident} was {what} by {who} at {station} at {at}; nothing of your action "
            "was saved and the screen has been refreshed."
        ),
        "record_changed.open": (
            "{kind} {ident} was {what} by {who} at {station} at {at} while this window was "
            "open: close it and open the record again."
        ),
        "record_changed.set_to": "set to “{state}”",
        "record_changed.verified": "verified",
        "record_changed.voided": "voided",
        "record_changed.changed": "changed",
        "record_changed.deleted": "deleted",
    }
)

# --- database purpose (issue 16): training and validation databases (models/kernel/db_purpose)
MESSAGES.update(
    {
        "db_purpose.banner": "TEST — NOT FOR CLINICAL USE",
        "db_purpose.production": "production",
        "db_purpose.training": "training",
        "db_purpose.validation": "validation",
        "db_purpose.fin_refused": (
            "Facility code {fin} refused: this is a {purpose} database, {reason}."
        ),
        "db_purpose.reason.test_only": (
            "which accepts only the ICCBBA test facility codes {first}–{last}"
        ),
        "db_purpose.reason.no_test": (
            "which never accepts the ICCBBA test facility codes {first}–{last}"
        ),
        "db_purpose.changed": (
            "This database was created as a {stored} database; it cannot become a {wanted} one. "
            "Create a new database for that."
        ),
        "db_purpose.demo_needs_training": (
            "The demo site is built only in a training database; this one was created as a "
            "{stored} database. Run `celltrail demo` on a new database."
        ),
        "cli.help.init.purpose": (
            "what a new database is for: production (default), training or validation; "
            "fixed once created"
        ),
        "cli.init.purpose": "database purpose: {purpose}",
    }
)
MESSAGES.update(
    {
        "backup_purpose": (
            "Backup/restore refused: the backup is of a {backup} database, the target was created "
            "as a {target} database: restore it into a new database (nothing was restored)."
        ),
    }
)
MESSAGES.update(
    {
        "label_banner_no_room": (
            "This {width:g}×{height:g} mm label has no free space for the TEST banner that every "
            "label of a training or validation database carries: nothing was printed. Leave "
            "room on the template."
        ),
    }
)

# --- celltrail validate (issue 16): the IQ/OQ report (models/validation)
MESSAGES.update(
    {
        "validate.step.IQ-01.title": "Software and dependency versions",
        "validate.step.IQ-01.expected": (
            "CellTrail is installed and every runtime dependency is present within its "
            "declared version range"
        ),
        "validate.step.IQ-02.title": "Installed files against the build manifest",
        "validate.step.IQ-02.expected": (
            "Every file of the package has the SHA-256 the manifest made at build time "
            "recorded; none missing, none added"
        ),
        "validate.step.IQ-03.title": "Scratch database created for validation",
        "validate.step.IQ-03.expected": "The database the run works in is a validation database",
        "validate.step.IQ-04.title": "Schema revision",
        "validate.step.IQ-04.expected": (
            "The schema is at this release's newest migration (Alembic head)"
        ),
        "validate.step.IQ-05.title": "Append-only triggers",
        "validate.step.IQ-05.expected": (
            "Every protecting trigger is present (audit trail, signatures, line clearances, "
            "workspace use, user names, site secret, database purpose) and a change is refused"
        ),
        "validate.step.IQ-06.title": "Application role privileges (PostgreSQL)",
        "validate.step.IQ-06.expected": (
            "An application role holds only SELECT and INSERT on the append-only tables and "
            "no DELETE, TRUNCATE or TRIGGER right anywhere"
        ),
        "validate.step.IQ-07.title": "Fonts for Chinese",
        "validate.step.IQ-07.expected": (
            "A font with Chinese glyphs is installed and is the one labels and reports use"
        ),
        "validate.step.IQ-08.title": "The station's printers",
        "validate.step.IQ-08.expected": "Every printer configured for this station answers",
        "validate.step.OQ-01.title": "Test database refuses a real facility code",
        "validate.step.OQ-01.expected": (
            "A site with a facility code outside A9990–A9999 is refused in a validation database"
        ),
        "validate.step.OQ-02.title": "Production database refuses the test facility code",
        "validate.step.OQ-02.expected": "A production database refuses the test facility code",
        "validate.step.OQ-03.title": "Approved configuration",
        "validate.step.OQ-03.expected": (
            "Specification approved by the QA head, label templates approved by QA; an author "
            "approving their own template is refused"
        ),
        "validate.step.OQ-04.title": "Donor screening and the 90-day retest",
        "validate.step.OQ-04.expected": (
            "After the first screening the donor awaits the retest; after a retest at least "
            "90 days later the donor is eligible"
        ),
        "validate.step.OQ-05.title": "Collection and sample receipt",
        "validate.step.OQ-05.expected": (
            "The collection is received intact within its window, accepted, and given one "
            "chain-of-identity id"
        ),
        "validate.step.OQ-06.title": "One donor, one collection, one batch",
        "validate.step.OQ-06.expected": (
            "A batch from two donors is refused; a batch from one collection is numbered by "
            "the numbering rule"
        ),
        "validate.step.OQ-07.title": "Process record with second-person verification",
        "validate.step.OQ-07.expected": (
            "Every step is signed and verified by another person; the operator verifying their "
            "own step is refused"
        ),
        "validate.step.OQ-08.title": "Harvest and fill in quarantine",
        "validate.step.OQ-08.expected": (
            "Units carry DINs of the test facility code and stay in quarantine"
        ),
        "validate.step.OQ-09.title": "QC with an out-of-specification result",
        "validate.step.OQ-09.expected": (
            "The low cell count fails its specification and opens a deviation by itself; "
            "results are verified by a second person"
        ),
        "validate.step.OQ-10.title": "Release refused",
        "validate.step.OQ-10.expected": (
            "QA's release is refused because of the failed test and the open deviation"
        ),
        "validate.step.OQ-11.title": "Release only by QA",
        "validate.step.OQ-11.expected": "A release by the operator is refused",
        "validate.step.OQ-12.title": "Deviation investigated and closed",
        "validate.step.OQ-12.expected": (
            "Investigation and CAPA recorded by QA, closure signed by the QA head"
        ),
        "validate.step.OQ-13.title": "Emergency release on a physician's request",
        "validate.step.OQ-13.expected": (
            "With the cell count as the only failure, the QA head's signed emergency release "
            "releases every unit"
        ),
        "validate.step.OQ-14.title": "Labels printed and decoded",
        "validate.step.OQ-14.expected": (
            "Labels printed to a file printer; every bar code and 2-D symbol decoded from the "
            "rasterised PDF equals what the record says; the text carries the batch and the "
            "TEST banner"
        ),
        "validate.step.OQ-15.title": "Double-check by the printer refused",
        "validate.step.OQ-15.expected": (
            "The person who printed the labels cannot be their second checker"
        ),
        "validate.step.OQ-16.title": "Double-check by a second person",
        "validate.step.OQ-16.expected": (
            "Each label scanned and checked field by field by another person, applied; the "
            "batch's labels reconcile"
        ),
        "validate.step.OQ-17.title": "Shipment and hospital receipt",
        "validate.step.OQ-17.expected": (
            "Shipped, dispatched and received at the hospital with every unit scanned in"
        ),
        "validate.step.OQ-18.title": "Dispense and thaw",
        "validate.step.OQ-18.expected": (
            "Units dispensed for the patient; the thawed unit's use-by is the end of thaw "
            "plus the product's post-thaw limit"
        ),
        "validate.step.OQ-19.title": "Bedside hard stop: wrong patient",
        "validate.step.OQ-19.expected": "Administration to another patient is stopped",
        "validate.step.OQ-20.title": "Bedside: second person required",
        "validate.step.OQ-20.expected": "The nurse cannot be their own second checker",
        "validate.step.OQ-21.title": "Bedside hard stop: recalled unit",
        "validate.step.OQ-21.expected": "A recalled unit is stopped at the bedside",
        "validate.step.OQ-22.title": "Bedside hard stop: expired unit",
        "validate.step.OQ-22.expected": (
            "At a bedside whose clock reads after the unit's expiry, the unit is stopped"
        ),
        "validate.step.OQ-23.title": "Correct administration",
        "validate.step.OQ-23.expected": (
            "The thawed unit, scanned with its own patient and checked by a second person, "
            "is given"
        ),
        "validate.step.OQ-24.title": "Recall trace",
        "validate.step.OQ-24.expected": (
            "A batch recall lists every unit where it is, the given one with its patient; the "
            "trace from the patient reaches the donor"
        ),
        "validate.step.OQ-25.title": "Audit trail verified",
        "validate.step.OQ-25.expected": (
            "The hash chain is intact and every record is what the audit trail last recorded"
        ),
        "validate.step.OQ-26.title": "Record forged outside CellTrail",
        "validate.step.OQ-26.expected": (
            "A unit's status changed with plain SQL is named by the audit verification, with "
            "the changed field"
        ),
        "validate.observed.blocked": "not run: step {step} failed before it",
        "validate.observed.refused": "refused unexpectedly: {reason}",
        "validate.observed.error": "error: {error}",
        "validate.observed.not_refused": "not refused ({outcome})",
        "validate.observed.refused_as": "refused: {reason}",
        "validate.observed.not_installed": (
            "CellTrail is not installed as a package here (no distribution metadata)"
        ),
        "validate.observed.versions": (
            "CellTrail {version}; {dependencies}; out of range or missing: {problems}"
        ),
        "validate.observed.no_manifest": (
            "no readable installation manifest under {root} ({detail}): install with pip so "
            "the build writes one"
        ),
        "validate.observed.manifest_intact": (
            "{files} files match the {kind} manifest of version {version} (manifest SHA-256 "
            "{sha256})"
        ),
        "validate.observed.manifest_broken": (
            "{problems} ({files} files in the manifest, SHA-256 {sha256})"
        ),
        "validate.observed.files_changed": "{count} changed: {files}",
        "validate.observed.files_missing": "{count} missing: {files}",
        "validate.observed.files_added": "{count} not in the manifest: {files}",
        "validate.observed.purpose": "database purpose: {purpose}",
        "validate.observed.revision": "revision {found}, head {head}",
        "validate.observed.triggers": (
            "{count} triggers present; an UPDATE of the database purpose was refused"
        ),
        "validate.observed.triggers_missing": "missing triggers: {missing}",
        "validate.observed.not_postgresql": "not applicable: the scratch database is SQLite",
        "validate.observed.role_refused": "the role could not be set up: {reason}",
        "validate.observed.role_rights": (
            "rights read back on {tables} tables; append-only ({append}): SELECT, INSERT; "
            "wrong: {wrong}"
        ),
        "validate.observed.fonts": "font: {face}",
        "validate.observed.no_printers": "no printer is configured for this station",
        "validate.observed.printers": "{printers}",
        "validate.printer.answered": "{address} answered",
        "validate.printer.folder": "{address}: the folder is missing or not writable",
        "validate.printer.failed": "{address}: {reason}",
        "validate.printer.not_asked": (
            "{address}: a spooler queue answers only to a job; not asked"
        ),
        "validate.observed.fin_on_test": "facility code {fin} refused",
        "validate.observed.fin_on_production": "facility code {fin} refused",
        "validate.observed.own_approval": "the author's own approval of {template} was accepted",
        "validate.observed.configured": "specification approved; templates approved: {templates}",
        "validate.observed.eligibility": "after first screening: {first}; after retest: {after}",
        "validate.observed.collection": "{collection} accepted, chain-of-identity id {coi}",
        "validate.observed.batch": "two donors refused ({refused}); batch {batch} created",
        "validate.observed.steps": "{count} steps signed and verified; own verification: {refused}",
        "validate.observed.filled": "in quarantine: {units}",
        "validate.observed.oos": (
            "{results} results recorded and verified, {failing} failing; deviation {deviation}"
        ),
        "validate.observed.release_refused": "refused: {reason}",
        "validate.observed.deviation_closed": "deviation {deviation} closed",
        "validate.observed.released": "units: {status}",
        "validate.observed.tools_missing": "cannot decode the labels: {tools} not installed",
        "validate.observed.labels": (
            "{labels} labels printed, {symbols} symbols decoded and compared; differences: "
            "{problems}"
        ),
        "validate.observed.checked": (
            "{accepted} labels accepted; printed {printed}, applied {applied}"
        ),
        "validate.observed.received": (
            "{shipment}: {units} units received at the hospital; held: {held}"
        ),
        "validate.observed.thawed": "use-by {use_by}",
        "validate.observed.stopped": "{reason}",
        "validate.observed.administered": "{unit} given to {patient}",
        "validate.observed.recall": (
            "{recall}: {units} units located; the given one: {given}; donors traced: {donors}"
        ),
        "validate.observed.trail": (
            "{entries} audit entries verified, {rows} records checked, {mismatches} differences"
        ),
        "validate.observed.forged": "{table} {record} named as changed outside CellTrail: {fields}",
        "validate.env.date": "Date",
        "validate.env.celltrail": "CellTrail",
        "validate.env.os": "Operating system",
        "validate.env.python": "Python",
        "validate.env.backend": "Database backend",
        "validate.env.database": "Scratch database",
        "validate.env.host": "Host",
        "validate.env.station": "Station",
        "validate.env.account": "System account",
        "validate.scratch_refused": (
            "{database} is not used for validation: {reason}. Give an empty test database, "
            "or one created with `celltrail init --purpose validation`."
        ),
        "validate.scratch.foreign": "it holds {tables} tables that are not CellTrail's",
        "validate.scratch.undeclared": (
            "it is a CellTrail database at revision {revision}, created before databases "
            "declared their purpose"
        ),
        "validate.scratch.purpose": "it was created as a {purpose} database",
        "validate.scratch.used": "it already holds {users} accounts and {entries} audit entries",
        "validate.report.title": "CellTrail installation and operational qualification",
        "validate.report.subtitle": (
            "IQ/OQ report produced by `celltrail validate` on the installed system"
        ),
        "validate.report.environment": "Environment",
        "validate.report.summary": (
            "{steps} steps: {passed} passed, {failed} failed, {na} not applicable; "
            "{codes} requirements proven by passing steps"
        ),
        "validate.report.overall_pass": "RESULT: PASS",
        "validate.report.overall_fail": "RESULT: FAIL ({steps})",
        "validate.report.iq": "Installation qualification (IQ)",
        "validate.report.oq": "Operational qualification (OQ)",
        "validate.report.step": "Step",
        "validate.report.requirements": "Requirements",
        "validate.report.expected": "Expected",
        "validate.report.observed": "Observed",
        "validate.report.verdict": "Result",
        "validate.verdict.pass": "PASS",
        "validate.verdict.fail": "FAIL",
        "validate.verdict.n/a": "N/A",
        "validate.report.codes": "Requirements proven ({count})",
        "validate.report.signature": "Electronic signature",
        "validate.report.signed": (
            "Signed by {name} ({user}), {at} UTC, meaning: {meaning}; signature {signature} "
            "bound to the results (SHA-256 {hash}) in the database {database}"
        ),
        "validate.report.unsigned": (
            "Not signed electronically (run with --user to sign). Run by system account "
            "{account}."
        ),
        "validate.report.sign_here": "Reviewed and approved (QA head): name, date, signature",
        "validate.report.limits": (
            "This run qualifies the installation and the software's operation on a scratch "
            "database with the ICCBBA test facility code. It does not qualify the site's "
            "processes, data, printers' print quality, network or backups in use: that is "
            "the site's performance qualification (PQ). See docs/validation.md."
        ),
        "validate.report.page": "Page {page}",
        "cli.help.validate": (
            "qualify this installation (IQ/OQ) on a scratch database and write the report PDF"
        ),
        "cli.help.validate.report": "the report to write (PDF)",
        "cli.help.validate.db": (
            "scratch database: an empty PostgreSQL test database (or one created with "
            "`celltrail init --purpose validation`); default a temporary SQLite file"
        ),
        "cli.help.validate.user": (
            "the person running it signs the report (their account in the site database)"
        ),
        "cli.help.validate.site_db": (
            "the site database the signer's account is in (default: CELLTRAIL_DB or the "
            "per-user database)"
        ),
        "cli.help.validate.station": "the station settings file (printers); default the station's",
        "cli.validate.step_failed": "FAIL {step} {title}: {observed}",
        "cli.validate.passed": (
            "qualification passed: {steps} steps, {codes} requirements; report {file}"
        ),
        "cli.validate.failed": "qualification FAILED at {steps}; report {file}",
        "cli.validate.station_unreadable": "the station settings cannot be read: {detail}",
    }
)
MESSAGES.update(
    {
        "validate.step.IQ-09.title": "Password hashing",
        "validate.step.IQ-09.expected": (
            "The site's passwords are hashed with argon2id at no less than 19 MiB and two "
            "passes (OWASP's least cost)"
        ),
        "validate.observed.hashing": "argon2id, {memory} KiB, {passes} passes, {lanes} lanes",
        "validate.observed.hashing_unknown": "not argon2id: {scheme}",
    }
)
MESSAGES.update({"db_purpose.banner_short": "TEST"})
# --- consent and preparation requests (models/chain/consent_*, prep_requests)
MESSAGES.update(
    {
        "consent.missing": (
            "Donor {donor} has no consent on record; {action} is refused (R-DON-11)."
        ),
        "consent.not_covered": (
            "The consent of donor {donor} (form {version}) does not cover {scope}; "
            "{action} is refused (R-DON-11)."
        ),
        "consent.withdrawn": (
            "Donor {donor} withdrew consent on {date}; {action} is refused (R-DON-11)."
        ),
        "consent.on_hold": (
            "The material of donor {donor} is on hold until re-consent ({trigger}); "
            "{action} is refused (R-DON-12)."
        ),
        "consent.superseded": "Consent {consent} has been superseded by a newer version.",
        "request.missing": (
            "Collection {collection} has no preparation request; it cannot be received (R-RCV-01)."
        ),
        "request.incomplete": "The preparation request lacks {field} (R-RCV-01).",
        "consent_action.receipt": "receipt",
        "consent_action.batch_start": "batch start",
        "consent_action.sample_storage": "storing a retained sample",
        "consent_action.sample_use": "using a retained sample",
        "consent_action.archive_export": "archive export",
        "consent_action.request": "a preparation request",
        "consent_action.withdrawal": "withdrawal",
        "consent_scope.donation": "donation",
        "consent_scope.treatment": "treatment",
        "consent_scope.biosample_storage": "biosample storage",
        "consent_scope.development_use": "use in development",
        "consent_scope.sharing": "data sharing",
        "consent_scope.destruction": "destruction",
        "consent_scope.follow_up": "long-term follow-up",
        "consent_trigger.protocol_change": "the protocol changed",
        "consent_trigger.scope_change": "the scope changed",
        "consent_trigger.use_beyond_scope": "use beyond the consented scope",
        "consent_trigger.legal_capacity": "the donor has reached legal capacity",
        "request_field.code": "its number",
        "request_field.donor_basics": "the donor's basic information",
        "request_field.clinical_information": "the clinical information",
        "request_field.screening_reference": "the screening results",
        "request_field.treatment_plan": "the treatment plan",
        "request_field.patient_initials": "the patient's initials",
        "request_field.enrolment_no": "the enrolment number",
        "chain_action.Withdrawing_consent": "Withdrawing consent",
        "chain_action.Requiring_re-consent": "Requiring re-consent",
        "cli.field.date": "date",
        "cli.field.scope": "scope",
        "cli.consent.date_format": "give the date as YYYY-MM-DD",
        "cli.consent.scope_words": "comma-separated words from: {words}",
        "cli.consent.keep_format": "give CODE=REASON",
        "cli.consent.recorded": "Consent {id} of donor {donor} recorded and signed.",
        "cli.consent.withdrawn": "Consent of donor {donor} withdrawn; {count} item(s) held:",
        "cli.consent.held": "Material of donor {donor} on hold until re-consent: {trigger}.",
        "cli.consent.header": "Donor {donor}: {count} consent version(s)",
        "cli.consent.version": "  #{id} form {form}, signed {signed} by {signer} {name}: {scope}",
        "cli.consent.state_withdrawn": " (withdrawn {date})",
        "cli.consent.hold_line": "  on hold until re-consent: {trigger}",
        "cli.request.added": "Preparation request {code} for collection {collection} recorded.",
        "cli.request.header": "Preparation request {code} (collection {collection})",
        "consent_fate.destroy": "to be destroyed",
        "consent_fate.kept_by_law": "kept by law",
        "consent_signer.donor": "donor",
        "consent_signer.patient": "patient",
        "consent_signer.legal_guardian": "legal guardian",
        "cli.help.consent": "record, withdraw and show informed consent",
        "cli.help.consent.record": "record a consent version (signed with your password)",
        "cli.help.consent.withdraw": (
            "withdraw consent: hold and list the donor's open units and samples"
        ),
        "cli.help.consent.hold": "hold a donor's material until re-consent",
        "cli.help.consent.show": "show a donor's consent versions and holds",
        "cli.help.consent.donor": "donor code",
        "cli.help.consent.user": "your user name",
        "cli.help.consent.form": "consent form version",
        "cli.help.consent.signed": "date signed (YYYY-MM-DD)",
        "cli.help.consent.signer_kind": "who signed",
        "cli.help.consent.signer_name": "name of the person who signed",
        "cli.help.consent.scope": "what is covered, comma-separated",
        "cli.help.consent.protocol": "protocol the consent belongs to",
        "cli.help.consent.reason": "why consent is withdrawn",
        "cli.help.consent.keep": "CODE=REASON: a unit kept by law (repeatable)",
        "cli.help.consent.trigger": "why re-consent is needed",
        "cli.help.consent.detail": "what changed",
        "cli.help.request": "enter and show cell-preparation requests",
        "cli.help.request.add": "enter the preparation request of a collection",
        "cli.help.request.show": "show a preparation request",
        "cli.help.request.code": "request number",
        "cli.help.request.collection": "collection code",
        "cli.help.request.donor_basics": "donor's basic information",
        "cli.help.request.clinical": "clinical information",
        "cli.help.request.screening": "screening results reference",
        "cli.help.request.plan": "treatment plan",
        "cli.help.request.car_t": "the CAR-T form (patient initials and enrolment number)",
        "cli.help.request.initials": "patient initials (CAR-T)",
        "cli.help.request.enrolment": "enrolment number (CAR-T)",
    }
)

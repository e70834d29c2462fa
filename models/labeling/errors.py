"""Typed refusals of the labeling workflow: codes whose words are in models/i18n."""

from __future__ import annotations

from models.kernel.errors import DomainError


class TemplateNotUsableError(DomainError):
    code = "label_template_not_usable"


class StationBusyError(DomainError):
    code = "label_station_busy"


class AlreadyLabelledError(DomainError):
    code = "label_already_printed"


class ReprintNotApprovedError(DomainError):
    code = "label_reprint_not_approved"


class LineStoppedError(DomainError):
    code = "label_line_stopped"


class FieldsNotConfirmedError(DomainError):
    code = "label_fields_not_confirmed"


class FieldsNotScannedError(DomainError):
    """Fields a bar code on the label carries were not in the scan (a tick cannot replace it)."""

    code = "label_fields_not_scanned"


class ScanRefusedError(DomainError):
    code = "label_scan_refused"


class LabelsNotReconciledError(DomainError):
    code = "labels_not_reconciled"


class RecoveryScanUnmatchedError(DomainError):
    """A scan offered as "came out of this job" is no label of the job."""

    code = "label_recover_scan_unmatched"


class RecoveryScanAmbiguousError(DomainError):
    """A scan fits more than one label awaiting confirmation (scan the 2-D symbol)."""

    code = "label_recover_scan_ambiguous"


class WrongContainerTemplateError(DomainError):
    """A template sized for one kind of container, asked for a unit in another (R-LBL-07)."""

    code = "label_template_wrong_container"
    terms = {"template_container": "container", "unit_container": "container"}


class NoTemplateForContainerError(DomainError):
    code = "label_template_none_for_container"
    terms = {"container": "container"}


class BannerNoRoomError(DomainError):
    """A training or validation database's label has no room for its TEST banner."""

    code = "label_banner_no_room"


class LabelWorkspaceBusyError(DomainError):
    """R-LBL-11: another batch is open, or its labels unreconciled, in the operating space."""

    code = "label_workspace_busy"


class LabelWorkspaceNeededError(DomainError):
    code = "label_workspace_needed"

"""Everything that can be wrong with a retention archive, as codes (words: models/i18n).

Export refusals are raised.  Verification problems are *collected*, not raised: a damaged
archive should be described completely (every member, every audit entry by seq), so a
reviewer sees the whole extent of the damage at once, not only the first symptom.
"""

from __future__ import annotations

from models.kernel.errors import DomainError


class ArchiveError(DomainError):
    code = "archive"


class BatchNotClosedError(DomainError):
    code = "batch_not_closed"


class ArchiveNotIntactError(DomainError):
    code = "archive_not_intact"


# --- the container and its manifest ------------------------------------------------------


class ArchiveUnreadableError(DomainError):
    code = "archive_unreadable"


class ManifestInvalidError(DomainError):
    code = "archive_manifest_invalid"


class FormatUnknownError(DomainError):
    code = "archive_format_unknown"


class MemberMissingError(DomainError):
    code = "archive_member_missing"


class MemberExtraError(DomainError):
    code = "archive_member_extra"


class MemberDuplicateError(DomainError):
    code = "archive_member_duplicate"


class MemberChecksumError(DomainError):
    code = "archive_member_checksum"


class MemberUnreadableError(DomainError):
    code = "archive_member_unreadable"


class MemberContentError(DomainError):
    code = "archive_member_content"


class RowCountMismatchError(DomainError):
    code = "archive_row_count"


class PersonalDataPresentError(DomainError):
    code = "archive_personal_data"


class BatchMissingError(DomainError):
    code = "archive_batch_missing"


class TraceMismatchError(DomainError):
    code = "archive_trace_mismatch"


# --- the audit entries ---------------------------------------------------------------------


class AuditDigestMismatchError(DomainError):
    code = "archive_audit_digest"


class AuditLinkBrokenError(DomainError):
    code = "archive_audit_link"


class AuditOrderError(DomainError):
    code = "archive_audit_order"


class AuditHeadMismatchError(DomainError):
    code = "archive_audit_head"


class AuditSubjectForeignError(DomainError):
    code = "archive_audit_subject"


# --- the signatures ----------------------------------------------------------------------


class SignatureUnauditedError(DomainError):
    code = "archive_signature_unaudited"


class SignatureNotArchivedError(DomainError):
    code = "archive_signature_not_archived"


class SignatureMismatchError(DomainError):
    code = "archive_signature_mismatch"


class SignatureSubjectForeignError(DomainError):
    code = "archive_signature_subject"


class SignatureMissingError(DomainError):
    code = "archive_signature_missing"


class ReleasePackageMismatchError(DomainError):
    code = "archive_release_package"


# --- the cross-check against a live database -------------------------------------------------


class LiveUnavailableError(DomainError):
    code = "archive_live_unavailable"


class LiveEntryMissingError(DomainError):
    code = "archive_live_missing"


class LiveEntryMismatchError(DomainError):
    code = "archive_live_mismatch"


class LiveExportMissingError(DomainError):
    code = "archive_live_export"


class VerifierFaultError(DomainError):
    code = "archive_verifier_fault"


# --- writing a file the user named (models.archive.output) -----------------------------------


class OutputExistsError(DomainError):
    code = "output_exists"


class OutputNotRegularError(DomainError):
    code = "output_not_regular"


class OutputIsLinkError(OutputNotRegularError):
    """A symbolic link (dangling or not) at the destination: never written through."""

    code = "output_is_link"


# --- reading a file the user named -----------------------------------------------------------


class InputNotRegularError(DomainError):
    code = "input_not_regular"


class ArchiveTooLargeError(DomainError):
    code = "archive_too_large"

"""Everything that can be wrong with a retention archive, in English and Chinese.

Export refusals are raised.  Verification problems are *collected*, not raised: a damaged
archive should be described completely (every member, every audit entry by seq), so a
reviewer sees the whole extent of the damage at once, not only the first symptom.
"""

from __future__ import annotations

from models.kernel.errors import DomainError


class ArchiveError(DomainError):
    code = "archive"
    en = "Archive export refused: {detail}"
    zh = "归档导出被拒绝：{detail}"


class BatchNotClosedError(DomainError):
    code = "batch_not_closed"
    en = "Batch {batch} is not closed and cannot be archived: {reason}"
    zh = "批次 {batch} 尚未关闭，不能归档：{reason}"


class ArchiveNotIntactError(DomainError):
    code = "archive_not_intact"
    en = "Archive {file} failed verification ({count} problem(s)); first: {first}"
    zh = "归档 {file} 校验未通过（{count} 个问题）；第一个：{first}"


# --- the container and its manifest ------------------------------------------------------


class ArchiveUnreadableError(DomainError):
    code = "archive_unreadable"
    en = "{file} cannot be read as a zip archive: {reason}"
    zh = "{file} 无法作为 zip 归档读取：{reason}"


class ManifestInvalidError(DomainError):
    code = "archive_manifest_invalid"
    en = "The manifest (manifest.json) is missing or invalid: {reason}"
    zh = "清单（manifest.json）缺失或无效：{reason}"


class FormatUnknownError(DomainError):
    code = "archive_format_unknown"
    en = "Archive format {format!r} is not one this release reads (it reads {known})"
    zh = "本版本无法读取归档格式 {format!r}（可读取：{known}）"


class MemberMissingError(DomainError):
    code = "archive_member_missing"
    en = "Member {member} is listed in the manifest but missing from the archive"
    zh = "清单列出的成员 {member} 在归档中缺失"


class MemberExtraError(DomainError):
    code = "archive_member_extra"
    en = "Member {member} is in the archive but not in the manifest"
    zh = "成员 {member} 在归档中，但未列入清单"


class MemberDuplicateError(DomainError):
    code = "archive_member_duplicate"
    en = "Member {member} appears {count} times in the archive"
    zh = "成员 {member} 在归档中出现 {count} 次"


class MemberChecksumError(DomainError):
    code = "archive_member_checksum"
    en = "Member {member} does not match its manifest checksum (expected {expected}, found {found})"
    zh = "成员 {member} 与清单中的校验和不符（应为 {expected}，实为 {found}）"


class MemberUnreadableError(DomainError):
    code = "archive_member_unreadable"
    en = "Member {member} cannot be read: {reason}"
    zh = "成员 {member} 无法读取：{reason}"


class MemberContentError(DomainError):
    code = "archive_member_content"
    en = "Member {member}, line {line}: {reason}"
    zh = "成员 {member} 第 {line} 行：{reason}"


class RowCountMismatchError(DomainError):
    code = "archive_row_count"
    en = "Member {member} holds {found} rows; the manifest says {expected}"
    zh = "成员 {member} 含 {found} 行；清单记载为 {expected} 行"


class PersonalDataPresentError(DomainError):
    code = "archive_personal_data"
    en = "Member {member} holds personal data, which an archive must never contain"
    zh = "成员 {member} 含有个人数据，归档中不得包含"


class BatchMissingError(DomainError):
    code = "archive_batch_missing"
    en = "The manifest's batch {batch} is not among the archived batch records"
    zh = "清单中的批次 {batch} 不在归档的批次记录中"


class TraceMismatchError(DomainError):
    code = "archive_trace_mismatch"
    en = "trace.json is not the trace of batch {batch} (its focus is {focus!r})"
    zh = "trace.json 不是批次 {batch} 的追溯（其焦点为 {focus!r}）"


# --- the audit entries ---------------------------------------------------------------------


class AuditDigestMismatchError(DomainError):
    code = "archive_audit_digest"
    en = "Audit entry {seq} does not match its own hash: it was altered"
    zh = "审计记录 {seq} 与其自身哈希不符：已被修改"


class AuditLinkBrokenError(DomainError):
    code = "archive_audit_link"
    en = "Audit entry {seq} does not link to entry {prev} before it (previous-hash mismatch)"
    zh = "审计记录 {seq} 未与其前一条记录 {prev} 相链接（前序哈希不符）"


class AuditOrderError(DomainError):
    code = "archive_audit_order"
    en = "Audit entry {seq} is duplicated or out of order (it follows entry {prev})"
    zh = "审计记录 {seq} 重复或顺序错误（位于记录 {prev} 之后）"


class AuditHeadMismatchError(DomainError):
    code = "archive_audit_head"
    en = "Audit entry {seq} contradicts the chain head in the manifest: {detail}"
    zh = "审计记录 {seq} 与清单中的链头不符：{detail}"


class AuditSubjectForeignError(DomainError):
    code = "archive_audit_subject"
    en = "Audit entry {seq} is about {subject_type} {subject_id}, which is not in the archive"
    zh = "审计记录 {seq} 涉及 {subject_type} {subject_id}，该记录不在归档中"


# --- the signatures ----------------------------------------------------------------------


class SignatureUnauditedError(DomainError):
    code = "archive_signature_unaudited"
    en = "Signature {signature} has no signing entry in the archived audit trail"
    zh = "签名 {signature} 在归档的审计记录中没有对应的签名记录"


class SignatureNotArchivedError(DomainError):
    code = "archive_signature_not_archived"
    en = "Audit entry {seq} records signature {signature}, which is missing from the archive"
    zh = "审计记录 {seq} 记载了签名 {signature}，但该签名不在归档中"


class SignatureMismatchError(DomainError):
    code = "archive_signature_mismatch"
    en = "Signature {signature} differs from its audit entry {seq} in: {fields}"
    zh = "签名 {signature} 与其审计记录 {seq} 不一致：{fields}"


class SignatureSubjectForeignError(DomainError):
    code = "archive_signature_subject"
    en = "Signature {signature} is about {subject_type} {subject_id}, which is not in the archive"
    zh = "签名 {signature} 涉及 {subject_type} {subject_id}，该记录不在归档中"


class SignatureMissingError(DomainError):
    code = "archive_signature_missing"
    en = "Member {member}, line {line}: {column} refers to signature {signature}, not archived"
    zh = "成员 {member} 第 {line} 行：{column} 引用的签名 {signature} 不在归档中"


class ReleasePackageMismatchError(DomainError):
    code = "archive_release_package"
    en = "Release record {record}: the signed package does not match signature {signature}"
    zh = "放行记录 {record}：签署的放行资料与签名 {signature} 不符"


# --- the cross-check against a live database -------------------------------------------------


class LiveUnavailableError(DomainError):
    code = "archive_live_unavailable"
    en = "The live database cannot be read for the cross-check: {detail}"
    zh = "无法读取在用数据库以进行交叉核对：{detail}"


class LiveEntryMissingError(DomainError):
    code = "archive_live_missing"
    en = "Audit entry {seq} does not exist in the live database"
    zh = "在用数据库中不存在审计记录 {seq}"


class LiveEntryMismatchError(DomainError):
    code = "archive_live_mismatch"
    en = "Audit entry {seq} differs from the live database's entry {seq} (hash {live})"
    zh = "审计记录 {seq} 与在用数据库中的记录 {seq} 不符（哈希 {live}）"


class LiveExportMissingError(DomainError):
    code = "archive_live_export"
    en = (
        "The live audit trail records no export of batch {batch} with this manifest "
        "(SHA-256 {digest}): the archive was not written by CellTrail as it is now"
    )
    zh = (
        "在用审计记录中没有批次 {batch} 以此清单（SHA-256 {digest}）导出的记录："
        "该归档并非 CellTrail 原样导出"
    )


class VerifierFaultError(DomainError):
    code = "archive_verifier_fault"
    en = "Verification could not finish ({reason}); treat the archive as unverified"
    zh = "校验未能完成（{reason}）；应视该归档为未经校验"

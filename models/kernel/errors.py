"""Typed domain errors with bilingual, parameterised messages.

Every rule in the core either passes or raises a subclass of DomainError.  The
message text lives on the class in English and Simplified Chinese so that the
CLI, the GUI and log files all show the same words in the user's language;
``params`` keeps the raw values for tests and for the audit trail.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    """Root of every rule violation the core reports to a user."""

    code: ClassVar[str] = "domain_error"
    en: ClassVar[str] = "The action was refused: {detail}"
    zh: ClassVar[str] = "操作被拒绝：{detail}"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """Render the message in ``lang`` ("zh…" gives Chinese, anything else English)."""
        template = self.zh if lang.lower().startswith("zh") else self.en
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):  # a missing parameter must never hide the error itself
            return f"{template} {self.params}"


class NotFoundError(DomainError):
    code = "not_found"
    en = "No {kind} with identifier {ident!r} exists."
    zh = "找不到标识为 {ident!r} 的{kind}。"


class ValidationError(DomainError):
    code = "invalid_input"
    en = "Invalid {field}: {reason}"
    zh = "{field} 无效：{reason}"


class InvalidTransitionError(DomainError):
    code = "invalid_transition"
    en = "{kind} {ident} cannot go from {current} to {target}."
    zh = "{kind} {ident} 不能从 {current} 变为 {target}。"


class PermissionDeniedError(DomainError):
    code = "permission_denied"
    en = "User {username} (roles: {roles}) may not {action}."
    zh = "用户 {username}（角色：{roles}）无权执行：{action}。"


class AuthenticationError(DomainError):
    code = "authentication_failed"
    en = "Wrong user name or password."
    zh = "用户名或密码错误。"


class AccountLockedError(DomainError):
    code = "account_locked"
    en = (
        "Account {username} is locked after repeated failed sign-ins; "
        "an administrator must unlock it."
    )
    zh = "账户 {username} 因多次登录失败已被锁定，需由管理员解锁。"


class AccountDisabledError(DomainError):
    code = "account_disabled"
    en = "Account {username} is disabled."
    zh = "账户 {username} 已停用。"


class SamePersonError(DomainError):
    code = "same_person"
    en = "{username} performed this step and cannot also verify it; a second person must verify."
    zh = "{username} 已执行此步骤，不能同时复核；必须由第二人复核。"


class PasswordPolicyError(DomainError):
    code = "password_policy"
    en = "The password does not meet the policy: {reason}"
    zh = "密码不符合策略：{reason}"


class SchemaError(DomainError):
    code = "schema"
    en = "Database problem: {detail}"
    zh = "数据库问题：{detail}"


class DatabaseUnavailableError(DomainError):
    code = "database_unavailable"
    en = "The database cannot be reached ({detail}). Nothing was saved; try again."
    zh = "无法连接数据库（{detail}）。未保存任何内容，请重试。"


class CommitOutcomeUnknownError(DatabaseUnavailableError):
    """The connection dropped during COMMIT and could not be re-established to find out
    whether the server had committed: repeating blindly could record the action twice."""

    code = "commit_outcome_unknown"
    en = (
        "The connection to the database was lost while saving ({detail}) and CellTrail "
        "could not find out whether the record was saved. When the database is back, look "
        "for audit entry {seq} in the audit trail before you repeat the action."
    )
    zh = (
        "保存时与数据库的连接中断（{detail}），无法确认记录是否已保存。数据库恢复后，"
        "请先在审计追踪中查找审计记录 {seq}，再决定是否重做此操作。"
    )

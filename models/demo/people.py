"""The demo's people and its facility code: light constants, so the sign-in screen can name
the demo accounts without loading the scenario builders (and every service they use)."""

from __future__ import annotations

from models.entities.accounts import Role

DEMO_PASSWORD = "CellTrail-demo-1"
DEMO_FACILITY = "A9990"  # ICCBBA test facility code: no demo label can pass for a real one
DEMO_STAFF: dict[str, tuple[str, list[Role]]] = {
    "admin": ("Administrator 管理员", [Role.ADMIN]),
    "wang": ("王敏 Wang Min", [Role.OPERATOR]),
    "zhao": ("赵磊 Zhao Lei", [Role.VERIFIER]),
    "chen": ("陈静 Chen Jing (QP)", [Role.QA]),
    "li": ("李华 Li Hua (QA head)", [Role.QA, Role.QA_HEAD]),
    "liu": ("刘芳 Liu Fang (nurse)", [Role.CLINICAL]),
    "sun": ("孙伟 Sun Wei (auditor)", [Role.AUDITOR]),
}


def demo_badge(username: str) -> str:
    """What the demo's badge cards encode (a scanner types it like a keyboard)."""
    return f"BADGE-{username.upper()}"

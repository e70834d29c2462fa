"""The demo's people and its facility code: light constants, so the sign-in screen can name
the demo accounts without loading the scenario builders (and every service they use)."""

from __future__ import annotations

from models.entities.accounts import Role
from models.entities.parties import SiteKind

DEMO_PASSWORD = "CellTrail-demo-1"
DEMO_FACILITY = "A9990"  # ICCBBA test facility code: no demo label can pass for a real one
DEMO_STAFF: dict[str, tuple[str, list[Role]]] = {
    "admin": ("Administrator 管理员", [Role.ADMIN]),
    "wang": ("王敏 Wang Min", [Role.OPERATOR]),
    "zhao": ("赵磊 Zhao Lei", [Role.VERIFIER]),
    "chen": ("陈静 Chen Jing (QP)", [Role.QA]),
    "li": ("李华 Li Hua (QA head)", [Role.QA, Role.QA_HEAD]),
    "liu": ("刘芳 Liu Fang (nurse)", [Role.CLINICAL]),
    "ma": ("马丽 Ma Li (nurse)", [Role.CLINICAL]),
    "sun": ("孙伟 Sun Wei (auditor)", [Role.AUDITOR]),
}

# The manufacturer and the hospitals: (code, name, kind, ISBT 128 facility code).
DEMO_SITES: list[tuple[str, str, SiteKind, str | None]] = [
    (
        "TJ-CTF",
        "天津细胞治疗中心 Tianjin Cell Therapy Facility",
        SiteKind.MANUFACTURER,
        DEMO_FACILITY,
    ),
    ("HOSP-A", "天津医院A Tianjin Hospital A", SiteKind.COLLECTION_SITE, None),
    ("HOSP-B", "北京医院B Beijing Hospital B", SiteKind.HOSPITAL, None),
    ("HOSP-C", "上海医院C Shanghai Hospital C", SiteKind.HOSPITAL, None),
]
# Everyone else works at the manufacturer (TJ-CTF).
DEMO_STAFF_SITES = {"liu": "HOSP-B", "ma": "HOSP-C"}
# Who receives and gives at each hospital.
DEMO_NURSES = {"HOSP-B": "liu", "HOSP-C": "ma"}


def demo_badge(username: str) -> str:
    """What the demo's badge cards encode (a scanner types it like a keyboard)."""
    return f"BADGE-{username.upper()}"

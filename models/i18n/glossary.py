"""The GMP terms CellTrail uses, each with its one Chinese rendering.

The domain catalogues (``zh.py``) and the Qt translations (``resources/translations``)
follow this list; a test fails when a term is translated two ways. The Chinese term is the
one the regulations use (``shared/domain/regulations-digest.md``):
- 待放行 for quarantine (a batch waits for release, 002 L2050);
- 收获 for harvest (收获日期及时间, R-BAT-07, R-LBL-01);
- 操作空间 for a workspace (R-SEG) and 上批 for the previous batch (R-SEG-01 上批遗留);
- 清场 for line clearance; 复核 / 第二人 for the second person's check (R-LBL-06, R-DC-01);
- 感染性 for infectious (感染性区域, R-SEG-05/06).
"""

# English term (lower case, as it appears inside messages) → Chinese term
GLOSSARY: dict[str, str] = {
    "quarantine": "待放行",
    "harvest": "收获",
    "collection": "采集",
    "line clearance": "清场",
    "workspace": "操作空间",
    "deviation": "偏差",
    "donor": "供者",
    "recipient": "受者",
    "emergency release": "紧急放行",
    "released": "放行",
    "recalled": "召回",
    "destruction": "销毁",
    "destroy": "销毁",
    "audit trail": "审计追踪",
    "second person": "第二人",
    "batch": "批",
    "expiry": "有效期",
    "infectious": "感染性",
    "previous batch": "上批",
}

# Other Chinese words that have been used for a term (the drift this list ends): a message or
# Qt translation of the term must not use them, unless the same text also names the other
# term they belong to (e.g. 采集 is right for "collection", wrong for "harvest").
DRIFTED: dict[str, tuple[str, ...]] = {
    "quarantine": ("待检", "隔离"),
    "harvest": ("采集",),
    "workspace": ("操作区",),
    "donor": ("供体", "献者"),
    "recipient": ("接受者",),
    "line clearance": ("清线",),
    "infectious": ("传染性",),
    "previous batch": ("上一批",),
}

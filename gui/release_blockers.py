"""The release gates' blocker sentences in the user's language.

``ReleaseService.readiness`` returns English sentences (see the report: the core should
return codes with parameters); the known shapes are translated here, anything else is
shown as the core wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_PATTERNS = (
    (re.compile(r"^test not passed: (.+)$"), QT_TRANSLATE_NOOP("Blocker", "Test not passed: {0}")),
    (re.compile(r"^open deviation (.+)$"), QT_TRANSLATE_NOOP("Blocker", "Open deviation {0}")),
    (
        re.compile(r"^batch is (\w+), not quarantine$"),
        QT_TRANSLATE_NOOP("Blocker", "The batch is {0}, not in quarantine"),
    ),
    (
        re.compile(r"^(\S+) worked on batch (\S+) and cannot release it$"),
        QT_TRANSLATE_NOOP("Blocker", "{0} worked on batch {1} and cannot release it"),
    ),
    (
        re.compile(r"^no approved specification$"),
        QT_TRANSLATE_NOOP("Blocker", "No approved specification"),
    ),
    (
        re.compile(r"^the batch has no filled units$"),
        QT_TRANSLATE_NOOP("Blocker", "The batch has no filled units"),
    ),
    (re.compile(r"^labels: (.+)$"), QT_TRANSLATE_NOOP("Blocker", "Labels: {0}")),
)


def blocker_text(text: str) -> str:
    """The core's (English) blocker sentence in the user's language where it is known."""
    for pattern, source in _PATTERNS:
        match = pattern.match(text)
        if match:
            return QCoreApplication.translate("Blocker", source).format(*match.groups())
    return text

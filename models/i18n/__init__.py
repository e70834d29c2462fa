"""One message catalogue per language for every domain message (issue 11).

A message is a *code* with parameters; its words live in exactly one place per language:
``models/i18n/en.py`` and ``models/i18n/zh.py`` (``MESSAGES``: code → ``str.format``
template). The CLI, the GUI and the text stored in deviations and the audit trail all render
through ``render``, so a term cannot drift between them. GMP terms that also appear in the
Qt translations are fixed once in ``glossary.py``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from models.i18n import en, zh

LANGUAGES = ("en", "zh")
_CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}


def normalise(lang: str | None) -> str:
    """"zh", "zh_CN.UTF-8", "zh-Hans" … → "zh"; anything else → "en"."""
    return "zh" if (lang or "").lower().startswith("zh") else "en"


def user_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of a command-line user: CELLTRAIL_LANG, else LANG, else English."""
    env = os.environ if environ is None else environ
    return normalise(env.get("CELLTRAIL_LANG") or env.get("LANG"))


def has(code: str) -> bool:
    return code in en.MESSAGES


def render(code: str, lang: str | None = "en", /, **params: Any) -> str:
    """The message ``code`` in ``lang`` with ``params`` filled in.

    An unknown code or a missing parameter never hides the message itself: the code and the
    parameters are shown instead (a test holds every code to both catalogues).
    """
    catalogue = _CATALOGUES[normalise(lang)]
    template = catalogue.get(code)
    if template is None:
        return f"{code} {params}" if params else code
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{template} {params}"

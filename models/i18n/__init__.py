"""One message catalogue per language for every domain message (issue 11).

A message is a *code* with parameters; its words live in exactly one place per language:
``models/i18n/en.py`` and ``models/i18n/zh.py`` (``MESSAGES``: code → ``str.format``
template). The CLI, the GUI and the text stored in deviations and the audit trail all render
through ``render``, so a term cannot drift between them. GMP terms that also appear in the
Qt translations are fixed once in ``glossary.py``.

A parameter that must itself read in the user's language (a status, a reason, a field name)
is passed as a ``Message`` (usually from ``term``) and rendered in the same language as the
sentence around it; a list of them as ``Phrases``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, Self, runtime_checkable

from models.i18n import en, zh

LANGUAGES = ("en", "zh")
_CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}


def normalise(lang: str | None) -> str:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans' … → 'zh'; anything else → 'en'."""
    return "zh" if (lang or "").lower().startswith("zh") else "en"


def user_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of a command-line user: CELLTRAIL_LANG, else LANG, else English."""
    env = os.environ if environ is None else environ
    return normalise(env.get("CELLTRAIL_LANG") or env.get("LANG"))


def has(code: str) -> bool:
    return code in en.MESSAGES


def render(code: str, lang: str | None = "en", /, **params: Any) -> str:
    """The message ``code`` in ``lang`` with ``params`` filled in.

    ``Renderable`` parameters (a ``Message``, ``Phrases``, a DomainError …) are rendered in
    ``lang`` first. An unknown code or
    a missing parameter never hides the message itself: the code and the parameters are shown
    instead (a test holds every code to both catalogues).
    """
    language = normalise(lang)
    template = _CATALOGUES[language].get(code)
    values = {key: _value(value, language) for key, value in params.items()}
    if template is None:
        return f"{code} {values}" if values else code
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return f"{template} {values}"


@runtime_checkable
class Renderable(Protocol):
    """A parameter that reads in the sentence's language: a Message, Phrases, a DomainError
    kept inside another message, a list of file problems …"""

    def message(self, lang: str = "en") -> str: ...


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, Renderable) and not isinstance(value, type):
        return value.message(lang)
    return value


@dataclass(frozen=True)
class Message:
    """A domain message as data: a code and its parameters, rendered in the reader's language.

    Release blockers, label-check mismatches and terms inside other messages are all this one
    type. ``namespace`` prefixes the catalogue key, so a family of messages keeps short codes
    (``Blocker("labels")`` is ``blocker.labels`` in the catalogue); ``terms`` names parameters
    that hold stored enum values (param → vocabulary), shown as the catalogue's words.
    """

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    namespace: ClassVar[str] = ""
    terms: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def of(cls, code: str, **params: Any) -> Self:
        return cls(code, tuple(sorted(params.items())))

    @classmethod
    def about(cls, thing: Coded) -> Message:
        """Another coded thing (e.g. a DomainError) as a Message, kept with its parameters."""
        return Message(thing.code, tuple(sorted(dict(thing.params).items())))

    @property
    def key(self) -> str:
        return self.namespace + self.code

    def message(self, lang: str | None = "en") -> str:
        return _render_coded(self.key, self, lang)

    def __str__(self) -> str:
        return self.message("en")


@dataclass(frozen=True)
class Phrases:
    """Several messages inside one sentence, joined the way ``lang`` lists things."""

    items: tuple[Message, ...]
    separator: str = "i18n.list"

    def message(self, lang: str | None = "en") -> str:
        return render(self.separator, lang).join(m.message(lang) for m in self.items)

    def __str__(self) -> str:
        return self.message("en")


def term(kind: str, value: object) -> Message:
    """A stored enum value (a status, a role, a reason …) as the catalogue's word for it,
    e.g. ``term("status", "quarantine")`` → ``status.quarantine``. A value the catalogue does
    not know is shown as it is stored, never dropped."""
    raw = getattr(value, "value", value)
    code = f"{kind}.{str(raw).replace(' ', '_')}"
    return Message(code) if has(code) else Message("i18n.verbatim", (("text", str(raw)),))


def terms(kind: str, values: Iterable[object], separator: str = "i18n.list") -> Phrases:
    return Phrases(tuple(term(kind, v) for v in values), separator)


class Coded(Protocol):
    """Anything that carries a message as data: a DomainError, a printer error, a Message."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Any: ...


def describe(thing: Coded, lang: str | None = "en") -> str:
    """The words of any coded thing, e.g. a ``printing`` error (printing imports nothing of
    ours, so its callers render it here)."""
    return _render_coded(thing.code, thing, lang)


def _render_coded(code: str, thing: Coded, lang: str | None) -> str:
    params = dict(thing.params)
    for name, kind in getattr(thing, "terms", {}).items():
        value = params.get(name)
        if isinstance(value, str):
            params[name] = term(kind, value)
        elif isinstance(value, tuple | list):  # codes of a vocabulary, e.g. printer problems
            params[name] = terms(kind, value)
    return render(code, lang, **params)

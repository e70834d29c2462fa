"""User names: one normal form, one look-alike test, and the refusal of names nobody can read.

A person is an account, never a string. Two strings name the same account when their normal
forms are equal: Unicode NFKC (fullwidth ``ｗａｎｇ`` is ``wang``) then case folding (``Wang`` is
``wang``). That form is the account's key, fixed at creation and used by every look-up.

Two different accounts may still *look* the same on a screen or a printed record (``wang`` and
``wаng`` with a Cyrillic а): their *skeletons* are equal. The skeleton maps every character to
the prototype of its confusable class, from the Unicode confusables data shipped with the
``confusable-homoglyphs`` package (Unicode TR39). A new name whose skeleton equals an existing
account's is refused, and the four-eyes rule treats look-alike names as one person.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

from models.i18n import Message
from models.kernel.errors import DomainError

MAX_USER_NAME = 64  # the width of every user-name column
MAX_TYPED = 256  # longer typed text is no user name; nothing is normalised past this

# Control, format (zero-width, bidi), surrogate, private-use and unassigned characters, and
# every separator: a user name is one visible word.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_MARKS = frozenset({"Mn", "Mc", "Me"})


class UserNameRefusedError(DomainError):
    code = "user_name_refused"


class UserNameConfusableError(DomainError):
    code = "user_name_confusable"


def normalise_user_name(text: str) -> str:
    """The account key of ``text``: NFKC, then case folding (NFKC again, as folding can
    leave a string that is not NFKC), without the spaces typed around it."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold()).strip()


def user_name_key(text: str) -> str | None:
    """The key a look-up uses, or None when ``text`` cannot be any account's name."""
    if not text or len(text) > MAX_TYPED:
        return None
    key = normalise_user_name(text)
    if not 0 < len(key) <= MAX_USER_NAME or any(_invisible(c) for c in key):
        return None
    return key


def _invisible(char: str) -> bool:
    """Control and format characters: never part of a name a person can type or read."""
    return unicodedata.category(char) in {"Cc", "Cf"}


def user_name_problem(text: str) -> Message | None:
    """Why ``text`` cannot be a new account's name, or None (the creation rules)."""
    if len(text) > MAX_TYPED:
        return Message.of("user_name.too_long", limit=MAX_USER_NAME)
    key = normalise_user_name(text)
    if not key:
        return Message.of("user_name.empty")
    if len(key) > MAX_USER_NAME:
        return Message.of("user_name.too_long", limit=MAX_USER_NAME)
    for char in key:
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            return Message.of("user_name.not_plain", char=f"U+{ord(char):04X}")
    if unicodedata.category(key[0]) in _MARKS:
        return Message.of("user_name.not_plain", char=f"U+{ord(key[0]):04X}")
    return None


def require_usable_user_name(text: str) -> str:
    """The normal form of a new account's name, or UserNameRefusedError."""
    problem = user_name_problem(text)
    if problem is not None:
        raise UserNameRefusedError(name=text[:MAX_USER_NAME], problem=problem)
    return normalise_user_name(text)


@cache
def _prototypes() -> dict[str, str]:
    """Character → prototype of its confusable class (built once, on first use: the data
    takes a tenth of a second to load, which no everyday start should pay)."""
    from confusable_homoglyphs.confusables import confusables_data

    parent: dict[str, str] = {}
    seen: set[str] = set()

    def find(char: str) -> str:
        root = char
        while parent.get(root, root) != root:
            root = parent[root]
        while char != root:  # path compression
            parent[char], char = root, parent[char]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # TR39 maps a character to a prototype of one or more characters (``m`` → ``rn``).
    # The package stores each pair both ways; single characters form classes, and a class
    # that holds a character whose prototype is a longer string takes that string.
    longer: dict[str, str] = {}
    for key, homoglyphs in confusables_data.items():
        source = key.replace("\u200e", "")  # the data wraps right-to-left glyphs in LRM
        glyphs = [str(h["c"]).replace("\u200e", "") for h in homoglyphs]
        for glyph in glyphs:
            if len(source) == 1 and len(glyph) == 1:
                seen.update((source, glyph))
                union(source, glyph)
            elif len(source) > 1 and len(glyph) == 1:
                longer[glyph] = min(longer.get(glyph, source), source)
            elif len(glyph) > 1 and len(source) == 1:
                longer[source] = min(longer.get(source, glyph), glyph)
    classes: dict[str, str] = {}
    for char, prototype in longer.items():
        root = find(char)
        classes[root] = min(classes.get(root, prototype), prototype)
    return {char: classes.get(find(char), find(char)) for char in seen | set(longer)}


def user_name_skeleton(text: str) -> str:
    """What ``text`` looks like: its normal form with every character replaced by its
    confusable prototype (decomposed, as TR39's skeleton), repeated until it is stable."""
    table = _prototypes()
    current = unicodedata.normalize("NFD", normalise_user_name(text))
    for _ in range(4):  # a prototype is itself mapped at most a couple of times
        mapped = unicodedata.normalize("NFD", "".join(table.get(c, c) for c in current))
        if mapped == current:
            break
        current = mapped
    return current


def names_look_alike(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` are one name, or two names a reader cannot tell apart."""
    a, b = normalise_user_name(first), normalise_user_name(second)
    return a == b or user_name_skeleton(a) == user_name_skeleton(b)


def look_alike_of(name: str, existing: Iterable[str]) -> str | None:
    """The first of ``existing`` that ``name`` looks like, or None."""
    mine = user_name_skeleton(name)
    for other in existing:
        if user_name_skeleton(other) == mine:
            return other
    return None

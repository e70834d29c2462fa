"""One message catalogue (issue 11): every domain message is a code with parameters, in both
languages, and every GMP term reads the same wherever it appears — domain messages (CLI, GUI,
deviations, audit trail) and the Qt widget texts."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import models
import printing.errors
from models.i18n import Message, describe, en, has, render, term, terms, zh
from models.i18n.glossary import DRIFTED, GLOSSARY
from models.kernel.errors import DomainError, NotFoundError
from printing.errors import PrinterError, PrinterNotReadyError

TS_FILE = Path(__file__).parents[2] / "resources" / "translations" / "celltrail_zh_CN.ts"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _subclasses(root: type) -> set[type]:
    found, todo = set(), [root]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _import_all_models() -> None:
    for info in pkgutil.walk_packages(models.__path__, "models."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)


def test_every_code_has_both_languages_with_the_same_placeholders() -> None:
    assert set(en.MESSAGES) == set(zh.MESSAGES), set(en.MESSAGES) ^ set(zh.MESSAGES)
    for code, text in en.MESSAGES.items():
        assert _fields(text) == _fields(zh.MESSAGES[code]), code


def test_every_error_code_is_unique_and_in_the_catalogue() -> None:
    _import_all_models()
    errors = _subclasses(DomainError) | {DomainError}
    errors |= _subclasses(PrinterError) | {PrinterError}
    owners: dict[str, str] = {}
    for cls in errors:
        if "code" not in vars(cls):
            continue  # inherits its parent's code and so its words
        name = f"{cls.__module__}.{cls.__qualname__}"
        assert cls.code not in owners, f"{cls.code} is used by {owners[cls.code]} and {name}"
        owners[cls.code] = name
        assert has(cls.code), f"{name}: code {cls.code!r} has no words in the catalogue"
        assert "en" not in vars(cls) and "zh" not in vars(cls), f"{name} still holds words"
    assert printing.errors.PrinterError.code in owners


def test_an_error_renders_through_the_catalogue() -> None:
    error = NotFoundError(kind="batch", ident="B1")
    assert error.message("en") == render("not_found", "en", kind="batch", ident="B1")
    kind = term("record_kind", "batch")  # a stored word in a parameter reads in Chinese too
    assert error.message("zh_CN") == render("not_found", "zh", kind=kind, ident="B1")
    assert "批次" in error.message("zh") and "batch" not in error.message("zh")
    assert str(error) == error.message("en")


def test_a_term_parameter_is_rendered_in_the_sentences_language() -> None:
    error = DomainError(detail=term("status", "quarantine"))
    assert error.message("en").endswith("quarantine")
    assert error.message("zh").endswith(GLOSSARY["quarantine"])
    assert term("status", "no_such_status").message("zh") == "no_such_status"
    problems = PrinterNotReadyError(printer="Z1", problems=("paper_out", "paused"))
    assert "标签纸用完、已暂停" in describe(problems, "zh")


def test_missing_words_never_hide_the_message() -> None:
    assert render("no.such.code", "zh", a=1) == "no.such.code {'a': 1}"
    assert "B1" in NotFoundError(ident="B1").message("en")
    assert Message.of("no.such.code", x=1).message("en").startswith("no.such.code")


def _uses(text: str, term_en: str) -> bool:
    words = re.sub(r"\{[^}]*\}", " ", text)  # a placeholder's name is not a word shown
    words = re.sub(r"--[\w-]+", " ", words)  # nor is a command-line option (--batch)
    return re.search(rf"\b{re.escape(term_en)}", words, re.IGNORECASE) is not None


def _check_term(where: str, text_en: str, text_zh: str, problems: list[str]) -> None:
    for term_en, term_zh in GLOSSARY.items():
        if not _uses(text_en, term_en):
            continue
        if term_zh not in text_zh:
            problems.append(f"{where}: {term_en!r} is not {term_zh!r} in {text_zh!r}")
        for drifted in DRIFTED.get(term_en, ()):
            owners = [t for t, z in GLOSSARY.items() if drifted in z and _uses(text_en, t)]
            if drifted in text_zh and not owners:
                problems.append(f"{where}: {term_en!r} is rendered {drifted!r} in {text_zh!r}")


def test_every_glossary_term_reads_one_way_in_the_catalogue() -> None:
    problems: list[str] = []
    for code, text in en.MESSAGES.items():
        _check_term(code, text, zh.MESSAGES[code], problems)
    assert not problems, "\n".join(problems)


def _ts_pairs() -> list[tuple[str, str]]:
    pairs = []
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is not None and translation is not None and translation.text:
            pairs.append((source.text or "", translation.text))
    return pairs


def test_the_qt_translations_follow_the_glossary() -> None:
    problems: list[str] = []
    for source, translation in _ts_pairs():
        _check_term("ts", source, translation, problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("term_en", sorted(DRIFTED))
def test_the_checker_catches_a_drifted_term(term_en: str) -> None:
    problems: list[str] = []
    _check_term("planted", f"the {term_en}", f"{DRIFTED[term_en][0]}", problems)
    assert problems


def test_a_list_of_terms_reads_as_a_list() -> None:
    words = terms("status", ["released", "rejected"])
    assert words.message("en") == "released, rejected"
    assert "、" in words.message("zh")


_CODE_CALL = re.compile(
    r"""\b(?:Message(?:\.of)?|render|domain|(?P<ns>Blocker|Mismatch)\.of)\(\s*f?["']([\w.\-]+)["']"""
)
_NAMESPACES = {"Blocker": "blocker.", "Mismatch": "mismatch."}


def test_every_literal_code_in_the_source_is_in_the_catalogue() -> None:
    """A code typed where a message is raised or shown (Message("x"), render("x", …),
    Blocker.of("x")) has words in the catalogue; f-string codes are checked by prefix."""
    root = Path(__file__).parents[2]
    missing = []
    for path in [*root.glob("models/**/*.py"), *root.glob("gui/**/*.py")]:
        if "migrations" in path.parts or path.parent.name == "i18n":
            continue
        for match in _CODE_CALL.finditer(path.read_text(encoding="utf-8")):
            code = _NAMESPACES.get(match.group("ns") or "", "") + match.group(2)
            known = has(code) or (
                code.endswith(".") and any(c.startswith(code) for c in en.MESSAGES)
            )
            if not known:
                missing.append(f"{path.relative_to(root)}: {code}")
    assert not missing, "\n".join(missing)

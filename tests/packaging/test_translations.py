"""The shipped translations are complete and in sync with the window's code.

A tr() string added to ui/ without a Polish translation, an unfinished or empty translation, a
lost placeholder or accelerator, a stale .qm, or window text built outside tr() fails here.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _load_build_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "tools" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_tool()


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    unfinished: bool
    forms: tuple[str, ...]  # one entry, or one per plural form


def messages(ts_file: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    unfinished=translation.get("type") in ("unfinished", "vanished", "obsolete"),
                    forms=forms,
                )
            )
    return found


def keys(found: list[Message]) -> set[tuple[str, str, str, bool]]:
    return {(m.context, m.source, m.comment, m.numerus) for m in found}


def needs_tools() -> None:
    for name in ("lupdate", "lrelease"):
        try:
            build.tool(name)
        except SystemExit:
            pytest.skip(f"pyside6-{name} is not installed")


@pytest.fixture(scope="module", params=build.LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def fresh(language: str, tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """The committed .ts merged with what lupdate finds in ui/ now."""
    needs_tools()
    copy = tmp_path_factory.mktemp(f"ts-{language}") / build.ts_path(language).name
    shutil.copyfile(build.ts_path(language), copy)
    build.update_sources(copy, language)
    return messages(copy)


def test_every_string_in_ui_is_in_the_committed_ts(language: str, fresh: list[Message]) -> None:
    committed = keys(messages(build.ts_path(language)))
    new = sorted(keys(fresh) - committed)
    gone = sorted(committed - keys(fresh))
    hint = "run `python tools/build_translations.py --update` and translate"
    assert not new, f"tr() strings missing from {language} .ts ({hint}): {new}"
    assert not gone, f"{language} .ts keeps strings ui/ no longer has ({hint}): {gone}"


def test_every_message_is_translated(language: str) -> None:
    found = messages(build.ts_path(language))
    assert found, "no messages: was the .ts generated?"
    bad = [m.source for m in found if m.unfinished or not all(f.strip() for f in m.forms)]
    assert not bad, f"unfinished or empty {language} translations: {bad}"
    if language == "pl":
        # one / few / many: 1 użytkownik, 2 użytkowników (dwóch), 5 użytkowników
        assert all(len(m.forms) == 3 for m in found if m.numerus)


def test_every_message_has_a_real_context(fresh: list[Message]) -> None:
    # An aliased translate() (tr = QCoreApplication.translate) makes lupdate record the
    # context as the source text: the message could never be found at run time.
    odd = [m for m in fresh if m.context in ("", "QCoreApplication") or m.source == m.context]
    assert not odd, f"messages lupdate could not place in a context: {odd}"


PLACEHOLDER = re.compile(r"%L?n|%\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")


def accelerators(text: str) -> int:
    # "&F" marks a shortcut letter; "&&" is a literal ampersand, and so is "Antigua & Barbuda".
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_placeholders_and_accelerators_survive(language: str) -> None:
    for m in messages(build.ts_path(language)):
        wanted = sorted(PLACEHOLDER.findall(m.source))
        for form in m.forms:
            assert sorted(PLACEHOLDER.findall(form)) == wanted, (m.source, form)
            assert accelerators(form) == accelerators(m.source), (m.source, form)


def test_committed_qm_is_a_fresh_lrelease_of_the_ts(language: str, tmp_path: Path) -> None:
    needs_tools()
    built = tmp_path / build.qm_path(language).name
    build.release(build.ts_path(language), built)
    # lrelease writes the same bytes for the same .ts, so equal bytes mean in sync.
    assert built.read_bytes() == build.qm_path(language).read_bytes(), (
        "stale .qm: run `python tools/build_translations.py`"
    )


# -- text built outside tr() ----------------------------------------------------------------------

TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText",
    "setInformativeText", "setTitle", "setLabelText", "setWhatsThis", "showMessage",
    "addMenu", "addTab", "setTabText", "setItemText", "addItem", "show_message", "show_activity",
}  # fmt: skip
TEXT_WIDGETS = {
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
    "QToolButton", "QMenu", "QToolBar", "QMessageBox", "QListWidgetItem", "QTreeWidgetItem",
    "QCommandLinkButton",
}  # fmt: skip
TAG = re.compile(r"<[^>]*>")


def words_in(node: ast.expr) -> str:
    """The literal words of a string argument, markup and interpolated values left out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
            for v in node.values
        )
    else:
        return ""
    return "".join(ch for ch in TAG.sub("", text) if ch.isalpha())


def callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def ui_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls += [(path, n) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    return calls


def test_window_text_is_never_a_plain_literal() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:80]}"
        for path, call in ui_calls()
        if callee(call) in TEXT_SETTERS | TEXT_WIDGETS and any(words_in(a) for a in call.args)
    ]
    assert not offenders, "user-visible text outside tr():\n" + "\n".join(offenders)


def test_translated_text_is_a_literal_lupdate_can_read() -> None:
    offenders = []
    for path, call in ui_calls():
        if "QT_TRANSLATE_NOOP" in path.read_text(encoding="utf-8"):
            continue  # text marked for lupdate where it is defined, translated where used
        if path.name == "pseudo_translation.py":
            continue  # a QTranslator passing any text on to the catalogs beneath it
        name = callee(call)
        position = {"tr": 0, "translate": 1}.get(name)
        if position is None or len(call.args) <= position:
            continue
        text = call.args[position]
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:80]}")
    assert not offenders, "tr()/translate() of computed text:\n" + "\n".join(offenders)


def test_translate_is_not_aliased() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr in ("translate", "tr")
    ]
    assert not offenders, f"lupdate cannot follow an alias of translate(): {offenders}"

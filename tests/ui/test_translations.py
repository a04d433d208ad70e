"""Translations load for the user's language and reach the window's text through tr()."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.graph.errors import ConnectionFailedError
from ui.actions import UserActions
from ui.errors import describe
from ui.i18n import install_translators

SAMPLE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context><name>UserActions</name>
  <message><source>Add licenses…</source><translation>Dodaj licencje…</translation></message>
</context>
<context><name>ErrorText</name>
  <message><source>No connection</source><translation>Brak połączenia</translation></message>
</context>
</TS>
"""


def lrelease() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture
def polish(qapp: QCoreApplication, tmp_path: Path) -> Iterator[list[str]]:
    tool = lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    source = tmp_path / "license_desk_pl.ts"
    source.write_text(SAMPLE_TS, encoding="utf-8")
    subprocess.run(
        [tool, str(source), "-qm", str(tmp_path / "license_desk_pl.qm")],
        check=True,
        capture_output=True,
    )
    before = set(qapp.findChildren(QTranslator))
    loaded = install_translators(qapp, "pl", tmp_path)
    yield loaded
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_our_catalog_and_qts_own_load_for_the_locale(polish: list[str]) -> None:
    names = [Path(p).name for p in polish]
    assert "license_desk_pl.qm" in names
    assert "qtbase_pl.qm" in names  # standard buttons and file dialogs in Polish too


def test_window_text_comes_out_translated(polish: list[str]) -> None:
    assert UserActions().add_licenses.text() == "Dodaj licencje…"
    assert describe(ConnectionFailedError("x")).title == "Brak połączenia"


def test_english_loads_only_its_plural_catalog(qapp: QCoreApplication) -> None:
    before = set(qapp.findChildren(QTranslator))
    loaded = install_translators(qapp, "en")
    assert [Path(p).name for p in loaded] == ["license_desk_en.qm"]  # no qtbase for English
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)

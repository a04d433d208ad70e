"""Switching the test session's language for one test and back: the shipped catalogs plus the
number and date formats, as ui.i18n.apply_language does at start-up."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ui.i18n import install_translators

Switch = Callable[[str, str], None]  # (language, locale name)


@pytest.fixture
def in_language(qapp: QCoreApplication) -> Iterator[Switch]:
    before_locale = QLocale()
    before = set(qapp.findChildren(QTranslator))

    def switch(language: str, locale: str) -> None:
        QLocale.setDefault(QLocale(locale))
        install_translators(qapp, language)

    yield switch
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(before_locale)


@pytest.fixture
def polish(in_language: Switch) -> None:
    """The window in Polish with Polish formats, for widgets built after this fixture."""
    in_language("pl", "pl_PL")

"""One helper writes the CLI's numbers as the locale does (issue 11, Deliver 7); the window's
package list writes them like its cards (QLocale)."""

from __future__ import annotations

import locale

import pytest
from PySide6.QtCore import QLocale

from desktop import numbers
from desktop.numbers import grouped, number

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "separator", "grouping", "text"),
    [
        (10000, NBSP, [3, 0], f"10{NBSP}000"),  # Polish
        (1234567, ",", [3, 3, 0], "1,234,567"),  # English
        (-1234567, ",", [3, 0], "-1,234,567"),
        (999, ",", [3, 0], "999"),
        (12345678, ",", [3, 2, 0], "1,23,45,678"),  # Indian grouping
        (10000, "", [], "10000"),  # C/POSIX: what scripts read
        (1234567, ".", [3, locale.CHAR_MAX], "1234.567"),
    ],
)
def test_grouped_follows_the_conventions(
    value: int, separator: str, grouping: list[int], text: str
) -> None:
    assert grouped(value, separator, grouping) == text


def test_number_uses_the_environments_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        numbers, "_conventions", lambda: {"thousands_sep": NBSP, "grouping": [3, 0]}
    )
    assert number(10000) == f"10{NBSP}000"
    monkeypatch.setattr(numbers, "_conventions", lambda: {"thousands_sep": "", "grouping": []})
    assert number(10000) == "10000"


def test_the_package_list_writes_numbers_like_the_cards(qapp: object) -> None:
    from desktop.graph.records import PrepaidUnits, Sku
    from ui.models.naming import LicenseNaming
    from ui.models.sku_model import SkuColumn, SkuModel

    before = QLocale()
    QLocale.setDefault(QLocale("pl_PL"))
    try:
        sku = Sku("i", "s", "FLOW_FREE", "User", "Enabled", 1234, PrepaidUnits(enabled=10000))
        model = SkuModel()
        model.set_skus([sku], LicenseNaming())
        shown = [model.data(model.index(0, c)) for c in (SkuColumn.TOTAL, SkuColumn.ASSIGNED)]
        assert shown == [f"10{NBSP}000", "1234"]  # Polish groups from five digits
    finally:
        QLocale.setDefault(before)

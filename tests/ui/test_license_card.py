"""One package card: counts, free seats and status marks, without a tenant."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from desktop.graph.records import PrepaidUnits, Sku
from tests.ui.factories import make_sku
from ui.status_colours import Mark, mark_colour
from ui.widgets.license_cards import LicenseCard


def shown(qtbot: QtBot, sku: Sku, name: str, status: str = "") -> LicenseCard:
    card = LicenseCard()
    qtbot.addWidget(card)
    card.show_sku(sku, name, status)
    return card


def test_a_suspended_package_counts_its_suspended_seats_as_its_size(qtbot: QtBot) -> None:
    sku = replace(
        make_sku("s1", "POWER_BI_STANDARD", enabled=0, consumed=8, status="Suspended"),
        prepaid_units=PrepaidUnits(enabled=0, suspended=8),
    )
    card = shown(qtbot, sku, "Microsoft Fabric (Free)", "Suspended")
    assert "8 / 8 assigned" in card.counts.text()
    assert "Suspended" in card.counts.text()
    assert card.free.text() == "0 free"


def test_an_enabled_package_shows_assigned_of_enabled(qtbot: QtBot) -> None:
    card = shown(
        qtbot, make_sku("e1", "ENTERPRISEPACK", enabled=15, consumed=13), "Office 365 E3", ""
    )
    assert card.counts.text() == "13 / 15 assigned"
    assert card.free.text() == "2 free"


def test_a_package_in_grace_counts_its_warning_seats(qtbot: QtBot) -> None:
    sku = replace(
        make_sku("w1", "SPB", enabled=0, consumed=4, status="Warning"),
        prepaid_units=PrepaidUnits(enabled=0, warning=6),
    )
    card = shown(qtbot, sku, "Microsoft 365 Business Premium", "In grace period")
    assert card.counts.text().startswith("4 / 6 assigned")
    assert card.free.text() == "2 free"


def test_an_over_assigned_package_says_so_in_red(qtbot: QtBot) -> None:
    card = shown(
        qtbot, make_sku("o1", "ENTERPRISEPACK", enabled=10, consumed=13), "Office 365 E3", ""
    )
    assert card.counts.text() == "13 / 10 assigned"
    assert card.free.text() == "-3 free"
    assert card.bar._alarm == mark_colour(Mark.PROBLEM, card.palette())  # as when full

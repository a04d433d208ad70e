"""The Tenants home's and the wrong-tenant refusal's words, in English and in Polish."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from desktop.licensing.errors import WrongTenantError
from desktop.tenants.families import FAMILIES, OTHER, family_of
from desktop.tenants.overview import Attention, PackageSeats, Status, TenantRow, Upcoming
from desktop.tenants.records import KnownTenant, TenantKind
from tests.ui.language_support import in_language, polish  # noqa: F401  (fixtures)
from ui.errors import describe
from ui.tenants.rows_model import TenantColumn, display, header
from ui.tenants.words import FAMILY_WORDS, attention_text, family_text

ROW = TenantRow(
    KnownTenant("t-1", "Apteka Zielona", TenantKind.CUSTOMER),
    Status.OK,
    packages=(
        PackageSeats(
            "s", "SPB", "Microsoft 365 Business Premium", "Microsoft 365 Business", 3, 3, 0, None
        ),
    ),
    upcoming=(Upcoming("SPB", "Warning", date(2026, 12, 18), 18, True, False),),
    refreshed_at=datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc),
)
WRONG = WrongTenantError("aaaa", "bbbb")


def test_english_words() -> None:
    assert header(TenantColumn.ATTENTION) == "Needs action"
    assert display(ROW, TenantColumn.ATTENTION) == "out of seats, subscription in grace"
    assert display(ROW, TenantColumn.SEATS) == "Microsoft 365 Business: 3 of 3 (0 free)"
    assert display(ROW, TenantColumn.UPCOMING).startswith("SPB grace ends ")
    message = describe(WRONG)
    assert message.title == "Another tenant"
    assert "previewed for another tenant (aaaa)" in message.text
    assert "bbbb" in message.details


@pytest.mark.usefixtures("polish")
def test_polish_words() -> None:
    assert header(TenantColumn.ATTENTION) == "Wymaga działania"
    assert attention_text(Attention.OUT_OF_SEATS) == "brak wolnych miejsc"
    assert display(ROW, TenantColumn.SEATS) == "Microsoft 365 Business: 3 z 3 (wolne: 0)"
    assert display(ROW, TenantColumn.UPCOMING).startswith("SPB: prolongata do ")
    assert display(ROW, TenantColumn.STATUS) == "OK"
    message = describe(WRONG)
    assert message.title == "Inna dzierżawa"
    assert "sprawdzona dla innej dzierżawy (aaaa)" in message.text
    assert "previewed for tenant aaaa" in message.details  # the engine's English for support


def test_every_package_family_is_in_the_catalog() -> None:
    assert tuple(FAMILY_WORDS) == FAMILIES  # a new family in the engine needs its words here
    assert family_of("FABRIC_FREE") == OTHER and family_text(OTHER) == "Other"


@pytest.mark.usefixtures("polish")
def test_polish_package_families() -> None:
    assert family_text(OTHER) == "Inne"
    assert family_text("Visio and Project") == "Visio i Project"
    assert family_text("Microsoft 365 Business") == "Microsoft 365 Business"  # a product name

"""Prices (CSV, per tenant, private), keep marks, the overlap rule and the usage report parser."""

from __future__ import annotations

import stat
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.graph.errors import ProtocolError
from desktop.graph.records import (
    AssignedLicense,
    LicenseAssignmentState,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)
from desktop.insight.keep import KeepList, KeepMark, KeepTarget, load_keep, save_keep
from desktop.insight.overlap import overlaps
from desktop.insight.prices import PriceBook, PriceError, load_prices, parse_price, save_prices
from desktop.insight.storage import tenant_data_dir
from desktop.insight.usage import (
    ACTIVITY_COLUMNS,
    LICENSE_COLUMNS,
    parse_active_user_detail,
)


def test_prices_round_trip_through_csv_in_a_private_folder(tmp_path: Path) -> None:
    folder = tenant_data_dir("b7c5-tenant", tmp_path)
    book = PriceBook()
    book.set("ENTERPRISEPACK", parse_price("97,5", "pln"))
    book.set("FLOW_FREE", parse_price("0", "PLN"))
    path = save_prices(folder, book)
    loaded = load_prices(folder)
    assert loaded.prices == book.prices
    assert loaded.price("ENTERPRISEPACK").amount == Decimal("97.50")  # type: ignore[union-attr]
    assert loaded.price("SPB") is None  # unknown, not zero
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert tenant_data_dir("..", tmp_path).name == "unknown"


def test_demo_defaults_apply_only_while_nothing_is_stored(tmp_path: Path) -> None:
    defaults = PriceBook.from_mapping({"SPB": ("92.80", "PLN")})
    assert load_prices(tmp_path, defaults).prices == defaults.prices
    save_prices(tmp_path, PriceBook())
    assert load_prices(tmp_path, defaults).prices == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sku,price\n", "first line must be skuPartNumber,monthlyPrice,currency"),
        ("skuPartNumber,monthlyPrice,currency\nE3,abc,PLN\n", "line 2: 'abc' is not an amount"),
        ("skuPartNumber,monthlyPrice,currency\nE3,-1,PLN\n", "line 2: '-1' must be between"),
        ("skuPartNumber,monthlyPrice,currency\nE3,1,zł\n", "line 2: 'zł' is not a currency"),
        ("skuPartNumber,monthlyPrice,currency\nE3,1,PLN\nE3,2,PLN\n", "line 3: E3 is priced twice"),
        ("skuPartNumber,monthlyPrice,currency\nE 3,1,PLN\n", "is not a package part number"),
    ],
)
def test_bad_price_files_say_where_and_what(text: str, message: str) -> None:
    with pytest.raises(PriceError, match=message):
        PriceBook.from_csv(text, "prices.csv")


def test_keep_marks_round_trip_and_ignore_case_for_users(tmp_path: Path) -> None:
    keep = KeepList()
    keep.add(KeepMark(KeepTarget.USER, "Anna@Example.com", "urlop macierzyński"))
    keep.add(KeepMark(KeepTarget.PACKAGE, "SPB", ""))
    save_keep(tmp_path, keep)
    loaded = load_keep(tmp_path)
    assert loaded.keeps_user("anna@example.com") and loaded.keeps_package("SPB")
    assert loaded.marks[0].note == "urlop macierzyński"
    assert loaded.remove(KeepTarget.USER, "ANNA@example.com")
    assert not loaded.keeps_user("anna@example.com")


def plans(*names: str) -> tuple[ServicePlan, ...]:
    return tuple(ServicePlan(f"id-{n}", n) for n in names)


def sku(sku_id: str, *names: str) -> Sku:
    prepaid = PrepaidUnits(5)
    return Sku(f"t_{sku_id}", sku_id, sku_id.upper(), "User", "Enabled", 1, prepaid, plans(*names))


def holder(*held: tuple[str, tuple[str, ...]]) -> User:
    licenses = tuple(AssignedLicense(s, tuple(f"id-{n}" for n in off)) for s, off in held)
    states = tuple(LicenseAssignmentState(s) for s, _ in held)
    return User(
        "u", "U", "u@example.com", assigned_licenses=licenses, license_assignment_states=states
    )


E3 = sku("e3", "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "YAMMER_ENTERPRISE", "TEAMS1")
BASIC = sku("basic", "EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD", "YAMMER_ENTERPRISE", "TEAMS1")
EXO1 = sku("exo1", "EXCHANGE_S_STANDARD")
TWIN = sku("twin", "EXCHANGE_S_STANDARD")
SKUS = {s.sku_id: s for s in (E3, BASIC, EXO1, TWIN)}
ORDER = ["e3", "basic", "exo1", "twin"]


def test_a_package_covered_plan_by_plan_is_redundant() -> None:
    found = overlaps(holder(("e3", ()), ("exo1", ())), SKUS, ORDER)
    assert [(o.redundant_sku_id, o.covered_by_sku_id) for o in found] == [("exo1", "e3")]
    found = overlaps(holder(("e3", ()), ("basic", ())), SKUS, ORDER)
    assert [o.redundant_sku_id for o in found] == ["basic"]


def test_a_service_turned_off_in_the_bigger_package_is_not_covered() -> None:
    user = holder(("e3", ("YAMMER_ENTERPRISE",)), ("basic", ()))
    assert overlaps(user, SKUS, ORDER) == []
    # ... unless the smaller package has it turned off too.
    user = holder(("e3", ("YAMMER_ENTERPRISE",)), ("basic", ("YAMMER_ENTERPRISE",)))
    assert [o.redundant_sku_id for o in overlaps(user, SKUS, ORDER)] == ["basic"]


def test_of_two_identical_packages_only_one_is_redundant() -> None:
    found = overlaps(holder(("exo1", ()), ("twin", ())), SKUS, ORDER)
    assert [o.redundant_sku_id for o in found] == ["twin"]


def test_usage_report_without_bom_columns_is_refused_and_hashes_count_as_concealed() -> None:
    with pytest.raises(ProtocolError, match="lacks the column"):
        parse_active_user_detail(
            b"\xef\xbb\xbfUser Principal Name\r\nx@y\r\n", concealed_setting=False
        )
    header = ",".join(
        (
            "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date",
            *LICENSE_COLUMNS,
            *ACTIVITY_COLUMNS,
        )
    )
    row = "2026-11-28,9F2C1D,9F2C1D,False,,True,False,False,False,False,False,2026-11-01,,,,,"
    report = parse_active_user_detail(
        f"\ufeff{header}\r\n{row}\r\n".encode(), concealed_setting=None
    )
    assert report.concealed and report.last_activity == {}
    row = "2026-11-28,a@b.pl,A,False,,True,False,False,False,False,False,2026-11-01,,,,,"
    report = parse_active_user_detail(f"{header}\n{row}\n".encode(), concealed_setting=False)
    assert not report.concealed and str(report.last_activity["a@b.pl"]) == "2026-11-01"


def test_seat_history_keeps_one_reading_a_day_and_five_years(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from desktop.insight.history import load_history, record_seats, series

    e3 = Sku("t_e3", "e3", "ENTERPRISEPACK", "User", "Enabled", 10, PrepaidUnits(15))
    later = Sku("t_e3", "e3", "ENTERPRISEPACK", "User", "Enabled", 12, PrepaidUnits(15))
    day = date(2026, 11, 30)
    record_seats(tmp_path, [e3], day - timedelta(days=6 * 366))  # older than five years
    record_seats(tmp_path, [e3], day - timedelta(days=1))
    record_seats(tmp_path, [e3], day)
    record_seats(tmp_path, [later], day)  # the day's last reading wins
    found = series(load_history(tmp_path), "ENTERPRISEPACK")
    assert [(c.day, c.total, c.assigned) for c in found] == [
        (day - timedelta(days=1), 15, 10),
        (day, 15, 12),
    ]
    if sys.platform != "win32":
        assert stat.S_IMODE((tmp_path / "seat-history.csv").stat().st_mode) == 0o600
    (tmp_path / "seat-history.csv").write_text("date,skuPartNumber,total,assigned\nx,y,z,w\n")
    assert load_history(tmp_path) == []  # a damaged line is skipped, never fatal

"""The command line writes numbers and dates as the person's locale does (issue 11, Deliver 7):
CSV reports a Polish spreadsheet opens (';' and "12,5"), history's and renewals' dates in the
locale's form and local time; under C/POSIX and in ``--json`` the machine-readable forms stay.
This machine has no Polish locale installed, so the locale's conventions are given as the C
library would report them for pl_PL."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop import numbers
from desktop.demo import DemoTenant
from desktop.numbers import PLAIN_DATES, DateStyle
from tests.cli.conftest import Runner
from tests.cli.tenant_picks import pick
from tests.cli.test_insight_commands import engine_report

NBSP = "\u00a0"
POLISH_NUMBERS = {"thousands_sep": NBSP, "grouping": [3, 0], "decimal_point": ","}
POLISH_DATES = DateStyle("%d.%m.%Y", "%H:%M", local=True)  # glibc's pl_PL D_FMT and T_FMT


@pytest.fixture
def warsaw(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's clock in Warsaw (UTC+1 in November)."""
    monkeypatch.setenv("TZ", "Europe/Warsaw")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def in_polish(monkeypatch: pytest.MonkeyPatch, warsaw: None) -> None:
    monkeypatch.setattr(numbers, "_conventions", lambda: POLISH_NUMBERS)
    monkeypatch.setattr(numbers, "_date_style", lambda: POLISH_DATES)


def test_moments_and_days_follow_the_locale_or_stay_plain(
    monkeypatch: pytest.MonkeyPatch, warsaw: None
) -> None:
    started = datetime.fromisoformat("2026-11-30T09:34:12+00:00")
    monkeypatch.setattr(numbers, "_date_style", lambda: POLISH_DATES)
    assert numbers.moment(started) == "30.11.2026 10:34"  # local time, no seconds
    assert numbers.day(started.date()) == "30.11.2026"
    assert not numbers.times_in_utc()
    monkeypatch.setattr(numbers, "_date_style", lambda: PLAIN_DATES)
    assert numbers.moment(started) == "2026-11-30 09:34:12Z"
    assert numbers.day(started.date()) == "2026-11-30"
    assert numbers.times_in_utc()


def test_the_c_locale_gives_the_plain_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    numbers._date_style.cache_clear()
    numbers._conventions.cache_clear()
    try:
        assert numbers._date_style() == PLAIN_DATES
        assert numbers.spreadsheet_style() == numbers.SpreadsheetStyle(",", ".")
        assert numbers.number(10000) == "10000"
    finally:
        numbers._date_style.cache_clear()
        numbers._conventions.cache_clear()


def test_history_dates_in_the_locale_and_json_unchanged(
    cli: Runner, demo_tenant: DemoTenant, in_polish: None
) -> None:
    (user,) = pick(demo_tenant, lambda u: u.account_enabled and bool(u.usage_location))
    assert cli("block", "--users", user.user_principal_name, "--yes").code == 0
    listed = json.loads(cli("history", "--json").out)
    started = datetime.fromisoformat(listed[0]["startedAt"])  # ISO with its offset, as before
    assert listed[0]["startedAt"].endswith("+00:00")
    shown = cli("history").out
    header = shown.splitlines()[0]
    assert "STARTED" in header and "(UTC)" not in header  # local time now
    assert started.astimezone().strftime("%d.%m.%Y %H:%M") in shown


def test_history_in_the_c_locale_keeps_utc(cli: Runner, demo_tenant: DemoTenant) -> None:
    (user,) = pick(demo_tenant, lambda u: u.account_enabled and bool(u.usage_location))
    assert cli("block", "--users", user.user_principal_name, "--yes").code == 0
    started = json.loads(cli("history", "--json").out)[0]["startedAt"]
    shown = cli("history").out
    assert "STARTED (UTC)" in shown.splitlines()[0]
    assert started.replace("T", " ").replace("+00:00", "Z") in shown


def test_insights_csv_opens_in_a_polish_spreadsheet(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path, in_polish: None
) -> None:
    expected = engine_report(demo_tenant)
    target = tmp_path / "waste.csv"
    assert cli("insights", "--csv", str(target)).code == 0
    with (tmp_path / "waste-packages.csv").open(encoding="utf-8-sig", newline="") as stream:
        packages = {r["Package"]: r for r in csv.DictReader(stream, delimiter=";")}
    assert isinstance(expected["packages"], list)
    priced = [p for p in expected["packages"] if isinstance(p["monthlyCost"], float)]
    assert priced
    for package in priced:
        row = packages[package["skuPartNumber"]]
        cost = row["Monthly cost"]
        assert "." not in cost  # the decimal mark is the locale's
        assert float(cost.replace(",", ".")) == package["monthlyCost"]
        assert row["Total"] == str(package["total"])  # never grouped: still a number
    with target.open(encoding="utf-8-sig", newline="") as stream:
        header = stream.readline()
    assert header.count(";") >= 10 and "," not in header

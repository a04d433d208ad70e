"""Numbers and dates as the person's locale writes them, for the command line (the window has
``ui.formatting.count`` and QLocale). Qt-free: the CLI never loads Qt.

The locale is the environment's (LC_ALL / LC_NUMERIC / LC_TIME / LANG). Under the C or POSIX
locale, which scripts and CI run with, output keeps its machine-readable shape: plain digits
("10000"), moments as "2026-11-30 09:34:12Z" in UTC, CSV with ',' and '.'. A person in a Polish
terminal reads "10 000" and "30.11.2026 10:34" (local time), and gets CSV reports their
spreadsheet opens (';' and "12,5"); in an English one "10,000". ``--json`` never changes."""

from __future__ import annotations

import locale
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from typing import Any

from desktop.csv_export import SpreadsheetStyle


@cache
def _conventions() -> Mapping[str, Any]:
    try:
        locale.setlocale(locale.LC_NUMERIC, "")
    except locale.Error:  # an unknown locale in the environment: plain digits
        return {"thousands_sep": "", "grouping": [], "decimal_point": "."}
    return dict(locale.localeconv())


def grouped(number: int, separator: str, grouping: Sequence[int]) -> str:
    """``number`` with ``separator`` between groups sized as ``grouping`` says (localeconv's
    form: sizes from the right; 0 repeats the last; CHAR_MAX stops grouping)."""
    digits = str(abs(number))
    if not separator or not grouping:
        return str(number)
    groups: list[str] = []
    size = 0
    sizes = iter(grouping)
    while digits:
        step = next(sizes, 0)
        if step == locale.CHAR_MAX:
            break
        size = size if step == 0 else step
        if size <= 0 or len(digits) <= size:
            break
        groups.append(digits[-size:])
        digits = digits[:-size]
    groups.append(digits)
    text = separator.join(reversed(groups))
    return f"-{text}" if number < 0 else text


def number(value: int) -> str:
    """An integer as the environment's locale writes it."""
    conventions = _conventions()
    return grouped(value, str(conventions["thousands_sep"]), list(conventions["grouping"]))


def spreadsheet_style() -> SpreadsheetStyle:
    """How a spreadsheet in the environment's locale reads a CSV report."""
    return SpreadsheetStyle.for_decimal_mark(str(_conventions().get("decimal_point", ".")))


@dataclass(frozen=True, slots=True)
class DateStyle:
    date_format: str  # strftime
    time_format: str
    local: bool  # the machine's time zone; False: UTC, marked Z


PLAIN_DATES = DateStyle("%Y-%m-%d", "%H:%M:%SZ", local=False)


@cache
def _date_style() -> DateStyle:
    try:
        name = locale.setlocale(locale.LC_TIME, "")
    except locale.Error:  # an unknown locale in the environment: the plain form
        return PLAIN_DATES
    if name.split(".")[0] in ("C", "POSIX"):
        return PLAIN_DATES
    langinfo = getattr(locale, "nl_langinfo", None)
    if langinfo is None:  # Windows: the locale's own date, hours and minutes
        return DateStyle("%x", "%H:%M", local=True)
    time_format = langinfo(locale.T_FMT)
    if time_format == "%r":  # English (US): the 12-hour form
        time_format = langinfo(locale.T_FMT_AMPM)
    return DateStyle(langinfo(locale.D_FMT), time_format.replace(":%S", ""), local=True)


def day(value: date) -> str:
    """A date as the environment's locale writes it."""
    return value.strftime(_date_style().date_format)


def moment(value: datetime) -> str:
    """A moment as the locale writes it, in local time (C/POSIX: UTC, "2026-11-30 09:34:12Z")."""
    style = _date_style()
    shown = value.astimezone() if style.local else value.astimezone(timezone.utc)
    return f"{shown.strftime(style.date_format)} {shown.strftime(style.time_format)}"


def times_in_utc() -> bool:
    """Whether ``moment`` writes UTC (for a column heading that says so)."""
    return not _date_style().local

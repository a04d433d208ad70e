"""Every CSV License Desk writes goes through here: safe to open in a spreadsheet, private.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula: a display name such as
``=HYPERLINK("http://...","click")`` would run when the file is opened. Following OWASP's
CSV injection guidance (https://owasp.org/www-community/attacks/CSV_Injection), such a cell
is written with a leading apostrophe, which spreadsheets take as "this is text", and every
cell is quoted. The same rule (``spreadsheet_text``) serves .xlsx reports, where a string
starting with ``=`` would become a formula too.

Numbers are written as the reader's spreadsheet reads them (``SpreadsheetStyle``): where the
locale's decimal mark is a comma (Polish, German...), Excel and LibreOffice expect "12,5" and
';' between cells. Thousands are never grouped, so a number stays a number (the spreadsheet
groups it on screen). Under the C/POSIX locale, scripts get the plain "12.5" and ','.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop.private_files import create_private_file

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def spreadsheet_text(value: str) -> str:
    """``value`` as a spreadsheet will show it as text, never run it as a formula."""
    return TEXT_MARK + value if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True, slots=True)
class SpreadsheetStyle:
    """How the reader's spreadsheet opens a CSV: the cell separator and the decimal mark."""

    delimiter: str = ","
    decimal_mark: str = "."

    @classmethod
    def for_decimal_mark(cls, mark: str) -> SpreadsheetStyle:
        """Where the decimal mark is a comma, Excel expects ';' between cells."""
        return cls(";", ",") if mark == "," else cls(",", ".")


PLAIN = SpreadsheetStyle()  # C/POSIX, scripts and files read back by License Desk


def _cell(value: object, style: SpreadsheetStyle = PLAIN) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)  # a real number stays a number, even a negative one
    if isinstance(value, float):
        return str(value).replace(".", style.decimal_mark)
    return spreadsheet_text(str(value))


class SafeCsvWriter:
    """A ``csv.writer`` whose text cells are made spreadsheet-safe."""

    def __init__(self, stream: TextIO, style: SpreadsheetStyle = PLAIN) -> None:
        self._style = style
        self._writer = csv.writer(stream, delimiter=style.delimiter, quoting=csv.QUOTE_ALL)
        self.rows = 0

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([_cell(c, self._style) for c in cells])
        self.rows += 1


@contextmanager
def csv_export(path: Path, *, style: SpreadsheetStyle = PLAIN) -> Iterator[SafeCsvWriter]:
    """Write a CSV file at ``path``: owner-only, UTF-8 with a BOM (so Excel reads accents)."""
    create_private_file(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        yield SafeCsvWriter(handle, style)

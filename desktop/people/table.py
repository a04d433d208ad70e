"""An HR export as a table of text: the header and each row with its line number.

CSV (UTF-8 with or without BOM, else Windows-1250, the usual Polish Excel export; comma,
semicolon or tab separated) and Excel ``.xlsx`` (the first sheet) are read the same way.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.csv_read import csv_reader

MAX_ROWS = 50_000  # an HR export larger than this is not a list of people to onboard


class TableError(ValueError):
    """The file cannot be read as a table; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number in the file, cells)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1250", errors="replace")


def _csv_table(text: str) -> Table:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=first.count)
    lines = list(csv_reader(io.StringIO(text), delimiter=delimiter))
    return _table([(n, row) for n, row in enumerate(lines, 1)])


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_table(data: bytes) -> Table:
    from openpyxl import load_workbook  # only when an Excel file is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(
            f"the file is not an Excel workbook (.xlsx) that can be read: {exc}"
        ) from None
    try:
        sheet = book.worksheets[0]
        lines = [
            (n, [_cell_text(v) for v in row])
            for n, row in enumerate(sheet.iter_rows(values_only=True), 1)
            if n <= MAX_ROWS + 1
        ]
    finally:
        book.close()
    return _table(lines)


def _table(lines: list[tuple[int, list[str]]]) -> Table:
    filled = [(n, row) for n, row in lines if any(c.strip() for c in row)]
    if not filled:
        raise TableError("the file is empty: the first line names the columns")
    (_, header), *rows = filled
    if len(rows) > MAX_ROWS:
        raise TableError(f"the file has more than {MAX_ROWS} rows: split it")
    return Table(
        tuple(h.strip().lstrip("\ufeff") for h in header),
        tuple((n, tuple(c.strip() for c in row)) for n, row in rows),
    )


def read_table(path: Path) -> Table:
    data = path.read_bytes()
    if path.suffix.lower() in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        return _xlsx_table(data)
    if path.suffix.lower() == ".xls":
        raise TableError("old Excel files (.xls) cannot be read: save it as .xlsx or CSV")
    return _csv_table(_decode(data))

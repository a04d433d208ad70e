"""CSV readers that read a NUL character alike on every Python.

Python 3.11's ``csv`` reads NUL as any other character; 3.10's stops with ``csv.Error("line
contains NUL")``, which the readers of people's files and Microsoft's reports do not expect (a
NUL in a CSV is a person's or a program's slip, and 3.11 shows it as a bad value or a row the
checks refuse). On 3.10 ``csv_reader`` hands the csv module each line with NUL written as
``\\uffff0`` (and ``\\uffff`` itself doubled), characters it treats like any other, and writes
every field back; on 3.11 and newer it is ``csv.reader`` itself.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

_READS_NUL = sys.version_info >= (3, 11)
_MARK = "\uffff"  # a noncharacter: seldom in text, and escaped when it is
_ESCAPED = re.compile(f"{_MARK}([{_MARK}0])")


def _hide_nul(line: str) -> str:
    if "\0" not in line and _MARK not in line:
        return line
    return line.replace(_MARK, _MARK + _MARK).replace("\0", _MARK + "0")


def _restore(field: str) -> str:
    if _MARK not in field:
        return field
    return _ESCAPED.sub(lambda found: "\0" if found[1] == "0" else _MARK, field)


class Rows(Protocol):
    """What callers use of ``csv.reader``: its rows and the count of lines read so far."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


class _NulSafeReader:
    """``csv.reader``'s rows, line count and dialect, for a Python whose csv refuses NUL."""

    def __init__(self, lines: Iterable[str], options: dict[str, Any]) -> None:
        self._reader = csv.reader((_hide_nul(line) for line in lines), **options)
        self.dialect = self._reader.dialect

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        return [_restore(field) for field in next(self._reader)]


def csv_reader(lines: Iterable[str], **options: Any) -> Rows:
    """``csv.reader(lines, **options)``, but a NUL is read as a character on Python 3.10 too."""
    if _READS_NUL:
        return csv.reader(lines, **options)
    return _NulSafeReader(lines, options)


def csv_dict_reader(lines: Iterable[str]) -> csv.DictReader[str]:
    """``csv.DictReader(lines)``, reading a NUL as ``csv_reader`` does."""
    reader = csv.DictReader(lines)
    if not _READS_NUL:  # the dict reader reads nothing before its first row is asked for
        reader.reader = _NulSafeReader(lines, {})  # type: ignore[assignment]
    return reader

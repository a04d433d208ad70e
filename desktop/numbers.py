"""Numbers as the person's locale writes them, for the command line (the window has
``ui.formatting.count``, over QLocale). Qt-free: the CLI never loads Qt.

The locale is the environment's (LC_ALL / LC_NUMERIC / LANG). Under the C or POSIX locale,
which scripts and CI run with, numbers stay plain digits ("10000"), so output that scripts
parse keeps its shape; a person in a Polish terminal reads "10 000", in an English one
"10,000"."""

from __future__ import annotations

import locale
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any


@cache
def _conventions() -> Mapping[str, Any]:
    try:
        locale.setlocale(locale.LC_NUMERIC, "")
    except locale.Error:  # an unknown locale in the environment: plain digits
        return {"thousands_sep": "", "grouping": []}
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

"""Numbers as the user's locale writes them (12,345 in English, 12 345 in Polish)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def count(number: int) -> str:
    return QLocale().toString(number)

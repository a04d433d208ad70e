"""The quick filters over the user list: which users to show regardless of the search text.

One definition for the window's filter bar (``ui/models/quick_filter.py``) and for
``license-desk users --filter``, so the two always agree on who is "blocked" or has "problems".
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from desktop.graph.records import User

UserTest = Callable[[User], bool]


class QuickFilterKind(str, enum.Enum):
    ALL = "all"
    LICENSED = "licensed"
    UNLICENSED = "unlicensed"
    BLOCKED = "blocked"
    PROBLEMS = "problems"
    PACKAGE = "package"  # holds one given package (sku_id)
    NOT_ACTIVATED = "not-activated"  # people on the list without an account yet


def quick_filter_test(kind: QuickFilterKind, sku_id: str | None = None) -> UserTest | None:
    """A test per user, or None when every user passes (so the caller can skip the loop)."""
    if kind is QuickFilterKind.LICENSED:
        return lambda u: bool(u.assigned_licenses)
    if kind is QuickFilterKind.UNLICENSED:
        return lambda u: not u.assigned_licenses
    if kind is QuickFilterKind.BLOCKED:
        return lambda u: not u.account_enabled
    if kind is QuickFilterKind.PROBLEMS:
        return lambda u: bool(u.errors)
    if kind is QuickFilterKind.NOT_ACTIVATED:
        return lambda u: u.not_activated
    if kind is QuickFilterKind.PACKAGE:
        return lambda u: any(a.sku_id == sku_id for a in u.assigned_licenses)
    return None

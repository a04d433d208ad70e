"""The quick filters above the table: which users to show regardless of the search text."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from desktop.graph.records import User


class QuickFilterKind(str, enum.Enum):
    ALL = "all"
    LICENSED = "licensed"
    UNLICENSED = "unlicensed"
    BLOCKED = "blocked"
    PROBLEMS = "problems"
    PACKAGE = "package"  # holds one given package (sku_id)


@dataclass(frozen=True)
class QuickFilter:
    kind: QuickFilterKind = QuickFilterKind.ALL
    sku_id: str | None = None

    @classmethod
    def package(cls, sku_id: str) -> QuickFilter:
        return cls(QuickFilterKind.PACKAGE, sku_id)

    @property
    def shows_everyone(self) -> bool:
        return self.kind is QuickFilterKind.ALL

    def predicate(self) -> Callable[[User], bool] | None:
        """A test per user, or None when every user passes (so the caller can skip the loop)."""
        if self.kind is QuickFilterKind.LICENSED:
            return lambda u: bool(u.assigned_licenses)
        if self.kind is QuickFilterKind.UNLICENSED:
            return lambda u: not u.assigned_licenses
        if self.kind is QuickFilterKind.BLOCKED:
            return lambda u: not u.account_enabled
        if self.kind is QuickFilterKind.PROBLEMS:
            return lambda u: any(s.has_error for s in u.license_assignment_states)
        if self.kind is QuickFilterKind.PACKAGE:
            sku_id = self.sku_id
            return lambda u: any(a.sku_id == sku_id for a in u.assigned_licenses)
        return None

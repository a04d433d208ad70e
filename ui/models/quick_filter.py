"""The quick filters above the table: which users to show regardless of the search text.

Who passes each filter is decided in ``desktop/user_filters.py`` (shared with the CLI's
``users --filter``); this is the window's value object for the current choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.user_filters import QuickFilterKind, UserTest, quick_filter_test

__all__ = ["QuickFilter", "QuickFilterKind"]


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

    def predicate(self) -> UserTest | None:
        """A test per user, or None when every user passes (so the caller can skip the loop)."""
        return quick_filter_test(self.kind, self.sku_id)

"""Errors the engine raises on purpose; the text says what to do."""

from __future__ import annotations

from desktop.graph.errors import LicenseDeskError
from desktop.licensing.types import CheckedPlan


class PlanBlockedError(LicenseDeskError):
    """Apply (or resume) refused: the check found blocking problems."""

    def __init__(self, checked: CheckedPlan) -> None:
        lines = [f"{p.user}: {p.message}" if p.user else p.message for p in checked.blocking]
        super().__init__(
            "Nothing was changed: the plan has problems to fix first:\n  " + "\n  ".join(lines)
        )
        self.checked = checked


class RunNotFoundError(LicenseDeskError):
    """No run in the journal has that id (or the prefix matches several)."""


class RunInProgressError(LicenseDeskError):
    """The run is being applied right now by another window or process."""


class RunNotResumableError(LicenseDeskError):
    """The run finished: there is nothing left to resume."""


class JournalError(LicenseDeskError):
    """The journal file cannot be opened or written."""

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


class WrongTenantError(LicenseDeskError):
    """Apply refused: the plan was checked and previewed for another tenant."""

    def __init__(self, previewed: str, connected: str) -> None:
        super().__init__(
            f"Nothing was changed: this change was previewed for tenant {previewed}, but this "
            f"connection is to tenant {connected}. Preview it again for the tenant it is for."
        )
        self.previewed = previewed
        self.connected = connected


class RunNotFoundError(LicenseDeskError):
    """No run in the journal has that id (or the prefix matches several)."""


class RunInProgressError(LicenseDeskError):
    """The run is being applied right now by another window or process."""


class RunAlreadyUndoneError(LicenseDeskError):
    """The whole run was undone already: a second undo would only repeat or fight the first."""

    def __init__(self, run_id: str, undone_by: str) -> None:
        super().__init__(
            f"Run {run_id} was already undone by run {undone_by}; nothing was changed. "
            f"To make its change again, undo run {undone_by}."
        )
        self.run_id = run_id
        self.undone_by = undone_by


class RunNotResumableError(LicenseDeskError):
    """The run finished: there is nothing left to resume."""


class JournalError(LicenseDeskError):
    """The journal file cannot be opened or written."""

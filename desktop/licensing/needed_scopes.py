"""Which delegated write scopes a change needs: the engine's knowledge, handed to sign-in as a
plain scope list (``desktop.auth.write_access.ensure_write_access``), so sign-in never needs to
know what a plan is.

    scopes = plan_scopes(checked)            # () when nothing would be written
    ensure_write_access(client.tokens, scopes)  # ConsentRequiredError: sign in again with them
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.auth import scopes as graph_scopes
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import CheckedPlan, Plan, UserChange


def changes_scopes(changes: Iterable[UserChange]) -> tuple[str, ...]:
    """The scopes to send ``changes``: licenses need LicenseAssignment.ReadWrite.All, a PATCH,
    POST or DELETE of the user itself needs User.ReadWrite.All, a group membership
    GroupMember.ReadWrite.All; each that is needed."""
    licenses = users = members = False
    for change in changes:
        licenses = licenses or change.touches_licenses
        members = members or change.touches_memberships
        users = users or (
            change.usage_location is not None
            or change.clear_usage_location
            or change.account_enabled is not None
            or change.create is not None
            or change.delete
            or change.reprocess  # reprocessLicenseAssignment: User.ReadWrite.All
        )
    wanted: tuple[str, ...] = ()
    if licenses:
        wanted += graph_scopes.CHANGE_LICENSES
    if users:
        wanted += graph_scopes.CHANGE_USERS
    if members:
        wanted += graph_scopes.CHANGE_MEMBERS
    return graph_scopes.normalise(wanted) if wanted else ()


def plan_scopes(plan: Plan | CheckedPlan) -> tuple[str, ...]:
    """For a checked plan, what will actually be sent (``effective``: the engine may have added
    a usage location, or dropped users already as asked)."""
    chosen = plan.effective if isinstance(plan, CheckedPlan) else plan
    return changes_scopes(chosen.changes)


def resume_scopes(controller: LicenseController, run_id: str) -> tuple[str, ...]:
    """What resuming ``run_id`` may send: the changes of its unsettled users (reads the journal)."""
    journal = controller.journal
    steps = journal.steps(journal.resolve(run_id))
    return changes_scopes(s.change for s in steps if not s.state.settled)

"""Which delegated write scopes a change needs, and a token that carries them before any of it
is sent (incremental consent: browsing never asked for write access).

    scopes = plan_scopes(checked)            # () when nothing would be written
    ensure_write_access(client.tokens, scopes)  # ConsentRequiredError: sign in again with them

Only signed-in sessions (``MsalTokenProvider``) are checked; a fixed token (``--token``, the
demo tenant) is used as it is, and Graph answers for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.auth import scopes as graph_scopes
from desktop.auth.token_provider import MsalTokenProvider
from desktop.graph.tokens import TokenProvider
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import CheckedPlan, Plan, UserChange

# What `license-desk login --access` calls each combination of write scopes.
ACCESS_LICENSES = "licenses"
ACCESS_USERS = "users"
ACCESS_ALL = "all"


def changes_scopes(changes: Iterable[UserChange]) -> tuple[str, ...]:
    """The scopes to send ``changes``: licenses need LicenseAssignment.ReadWrite.All, a PATCH,
    POST or DELETE of the user itself needs User.ReadWrite.All; both when both."""
    licenses = users = False
    for change in changes:
        licenses = licenses or change.touches_licenses
        users = users or (
            change.usage_location is not None
            or change.clear_usage_location
            or change.account_enabled is not None
            or change.create is not None
            or change.delete
        )
    wanted: tuple[str, ...] = ()
    if licenses:
        wanted += graph_scopes.CHANGE_LICENSES
    if users:
        wanted += graph_scopes.CHANGE_USERS
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


def is_signed_in(tokens: TokenProvider) -> bool:
    return isinstance(tokens, MsalTokenProvider)


def ensure_write_access(tokens: TokenProvider, scopes: Sequence[str]) -> None:
    """Get a token carrying ``scopes`` without any window (blocking, network).

    Raises ``ConsentRequiredError`` when they still have to be granted. Does nothing for a
    fixed token or when ``scopes`` is empty.
    """
    if scopes and isinstance(tokens, MsalTokenProvider):
        tokens.ensure_scopes(scopes)


def writes_licenses(scopes: Iterable[str]) -> bool:
    return _has(scopes, graph_scopes.WRITE_LICENSES)


def writes_users(scopes: Iterable[str]) -> bool:
    return _has(scopes, graph_scopes.WRITE_USERS)


def access_level(scopes: Iterable[str]) -> str:
    """The `license-desk login --access` choice that grants ``scopes``."""
    wanted = tuple(scopes)
    licenses, users = writes_licenses(wanted), writes_users(wanted)
    if licenses and users:
        return ACCESS_ALL
    return ACCESS_USERS if users else ACCESS_LICENSES


def _has(scopes: Iterable[str], needed: Sequence[str]) -> bool:
    return graph_scopes.covers(scopes, needed)

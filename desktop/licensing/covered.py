"""When a member's direct copy of a package may go because a group already gives it: the one
rule, used by the check and again just before sending (``apply.py``'s guard), so nobody is ever
a moment without the license (docs/graph-facts.md, "Groups and group-based licensing")."""

from __future__ import annotations

from desktop.graph.records import STATE_ACTIVE, User
from desktop.licensing.types import UserChange


def group_copy_covers(user: User, sku_id: str) -> bool:
    """A group's copy of ``sku_id`` is active for ``user`` and turns on every app the direct
    copy does (False when the user holds no direct copy)."""
    direct = user.direct_license(sku_id)
    if direct is None:
        return False
    off = {p.lower() for p in direct.disabled_plans}
    return any(
        s.assigned_by_group is not None
        and s.sku_id == sku_id
        and s.state == STATE_ACTIVE
        and not s.has_error
        and {p.lower() for p in s.disabled_plans} <= off
        for s in user.license_assignment_states
    )


def still_covered(user: User | None, change: UserChange) -> bool:
    """Whether every direct copy ``change`` removes is still covered (the apply-time guard)."""
    return user is not None and all(group_copy_covers(user, s) for s in change.remove)

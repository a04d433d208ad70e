"""A user's change in parts, and which parts the tenant shows: the ground for per-part outcomes.

A change is sent as at most a create (or delete), one PATCH (usage location, sign-in) and one
assignLicense. Each may succeed while another fails (a sign-in block goes through, the license
then finds no free seat), and after a lost answer only a fresh read of the user says which took
effect. Whether a part "shows" uses the one definition of a no-op in ``state.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from desktop.graph.records import User
from desktop.licensing.state import pending_part
from desktop.licensing.types import Outcome, Part, PartResult, PartState, UserChange

# The parts each kind of request carries (the suffix of its $batch id, see ``wire.py``).
_REQUEST_PARTS: dict[str, tuple[Part, ...]] = {
    "c": (Part.CREATE,),
    "d": (Part.DELETE,),
    "p": (Part.USAGE_LOCATION, Part.SIGN_IN),
    "a": (Part.LICENSES,),
    "m": (Part.MEMBERSHIP,),  # one request per group joined or left
    "r": (Part.REPROCESS,),
}


def has_part(change: UserChange, part: Part) -> bool:
    if part is Part.CREATE:
        return change.create is not None
    if part is Part.DELETE:
        return change.delete
    if part is Part.USAGE_LOCATION:
        return change.usage_location is not None or change.clear_usage_location
    if part is Part.SIGN_IN:
        return change.account_enabled is not None
    if part is Part.REPROCESS:
        return change.reprocess
    if part is Part.MEMBERSHIP:
        return change.touches_memberships
    return change.touches_licenses


def parts_of(change: UserChange) -> tuple[Part, ...]:
    """The parts of ``change``, in the order they are sent. A new user's usage location and
    sign-in travel in the create itself, so they are part of ``CREATE``."""
    if change.create is not None:
        return (Part.CREATE,) + ((Part.LICENSES,) if change.touches_licenses else ())
    return tuple(p for p in Part if p is not Part.CREATE and has_part(change, p))


def request_parts(change: UserChange, request_id: str) -> tuple[Part, ...]:
    """The parts of ``change`` that the $batch request ``request_id`` carries."""
    carried = _REQUEST_PARTS.get(request_id[-1:], ())
    mine = parts_of(change)
    return tuple(p for p in carried if p in mine)


def only(change: UserChange, parts: Iterable[Part]) -> UserChange:
    """``change`` cut down to ``parts`` (a create keeps its own profile fields)."""
    wanted = set(parts)
    keep_location = Part.USAGE_LOCATION in wanted or (
        Part.CREATE in wanted and change.create is not None
    )
    return replace(
        change,
        create=change.create if Part.CREATE in wanted else None,
        delete=change.delete and Part.DELETE in wanted,
        usage_location=change.usage_location if keep_location else None,
        clear_usage_location=change.clear_usage_location and Part.USAGE_LOCATION in wanted,
        account_enabled=change.account_enabled if Part.SIGN_IN in wanted else None,
        add=change.add if Part.LICENSES in wanted else (),
        remove=change.remove if Part.LICENSES in wanted else (),
        reprocess=change.reprocess and Part.REPROCESS in wanted,
        join_groups=change.join_groups if Part.MEMBERSHIP in wanted else (),
        leave_groups=change.leave_groups if Part.MEMBERSHIP in wanted else (),
    )


def parts_shown(user: User | None, change: UserChange) -> set[Part]:
    """The parts of ``change`` whose target state the tenant shows for ``user`` (None: the
    user does not exist)."""
    if change.delete:
        return {Part.DELETE} if user is None else set()
    if user is None:
        return set()
    shown: set[Part] = set()
    if change.create is not None:
        shown.add(Part.CREATE)
        change = replace(change, create=None, usage_location=None)
    pending = pending_part(user, change)
    shown.update(p for p in parts_of(change) if not has_part(pending, p))
    return shown


def applied_part(user: User, change: UserChange) -> UserChange:
    """What of an update ``change`` the tenant shows for ``user``, field by field (each
    license on its own): undo reverses exactly this."""
    pending = pending_part(user, change)
    return replace(
        change,
        add=tuple(lic for lic in change.add if lic not in pending.add),
        remove=tuple(s for s in change.remove if s not in pending.remove),
        usage_location=change.usage_location if pending.usage_location is None else None,
        account_enabled=change.account_enabled if pending.account_enabled is None else None,
        clear_usage_location=change.clear_usage_location and not pending.clear_usage_location,
        reprocess=False,  # never shows in the tenant, so never something to reverse
        join_groups=tuple(g for g in change.join_groups if g not in pending.join_groups),
        leave_groups=tuple(g for g in change.leave_groups if g not in pending.leave_groups),
    )


def merge(old: Iterable[PartResult], new: Iterable[PartResult]) -> tuple[PartResult, ...]:
    """``new`` outcomes replace ``old`` ones of the same part; the order of parts is kept."""
    merged: dict[Part, PartResult] = {p.part: p for p in old}
    merged.update((p.part, p) for p in new)
    order = list(Part)
    return tuple(sorted(merged.values(), key=lambda p: order.index(p.part)))


def outcome_of(parts: Iterable[PartResult]) -> Outcome | None:
    """One outcome for the user from its parts' outcomes (None when there are none)."""
    states = {p.state for p in parts}
    if not states:
        return None
    if PartState.UNCONFIRMED in states:
        return Outcome.UNCONFIRMED
    if PartState.NOT_SENT in states:
        return Outcome.CANCELLED
    if PartState.FAILED in states:
        return Outcome.PARTLY if PartState.DONE in states else Outcome.FAILED
    return Outcome.DONE if PartState.DONE in states else Outcome.SKIPPED


def first_problem(parts: Iterable[PartResult]) -> PartResult | None:
    """The part whose message explains the user's outcome (a failure before anything else)."""
    ranked = sorted(
        (p for p in parts if p.state in _EXPLAINED),
        key=lambda p: _EXPLAINED.index(p.state),
    )
    return ranked[0] if ranked else None


_EXPLAINED = [
    PartState.FAILED,
    PartState.UNCONFIRMED,
    PartState.NOT_SENT,
    PartState.KEPT,
    PartState.SKIPPED,
]


def results_for(
    change: UserChange, parts: Iterable[Part], state: PartState, message: str = ""
) -> tuple[PartResult, ...]:
    return tuple(PartResult(p, state, message) for p in parts if p in parts_of(change))


def by_part(parts: Iterable[PartResult]) -> Mapping[Part, PartResult]:
    return {p.part: p for p in parts}

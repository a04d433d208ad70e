"""Derived license state: seat use, group-based licensing outcomes, per-user assignment states.

Nothing here is stored. ``consumedUnits`` of a SKU is the number of distinct users holding it
through at least one active assignment: direct holders, plus group-only members that got a seat.
Group-only members are served in membership order (earliest first) while seats last; the rest
sit in ``Error``/``CountViolation`` and consume nothing. A user holding a SKU both directly and
through a group consumes one seat. Results are cached until the store's ``generation`` moves.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.demo.rows import DirectLicense, Membership, SkuRow
from desktop.demo.store import Store

NO_ERROR = "None"  # Graph sends the string "None" for a healthy assignment
STATE_ACTIVE = "Active"
STATE_ERROR = "Error"
COUNT_VIOLATION = "CountViolation"


def seat_capacity(sku: SkuRow) -> int:
    """Units that can be held: enabled and in the grace period (``warning``), as the client
    counts them (``desktop/graph/records.py``, ``assignable_units``; docs/graph-facts.md)."""
    return sku.enabled + sku.warning


@dataclass(frozen=True, slots=True)
class SkuAllocation:
    direct_count: int
    group_seated: frozenset[int]  # group-only members holding a seat
    group_count_violation: frozenset[int]  # group-only members left without one

    @property
    def consumed(self) -> int:
        return self.direct_count + len(self.group_seated)


@dataclass(frozen=True, slots=True)
class AssignmentState:
    """One entry of ``licenseAssignmentStates``."""

    sku_id: str
    group_id: str | None
    state: str
    error: str
    disabled_plans: tuple[str, ...]
    updated: str

    @property
    def active(self) -> bool:
        return self.state == STATE_ACTIVE


@dataclass(frozen=True, slots=True)
class UserLicenses:
    states: tuple[AssignmentState, ...]

    def effective(self, sku_order: dict[str, int]) -> list[tuple[str, tuple[str, ...]]]:
        """``assignedLicenses``: each SKU held actively, with the plans disabled in every
        active assignment of it."""
        disabled: dict[str, set[str]] = {}
        for state in self.states:
            if not state.active:
                continue
            plans = set(state.disabled_plans)
            if state.sku_id in disabled:
                disabled[state.sku_id] &= plans
            else:
                disabled[state.sku_id] = plans
        ordered = sorted(disabled, key=lambda sku: sku_order.get(sku, len(sku_order)))
        return [(sku, tuple(sorted(disabled[sku]))) for sku in ordered]

    def direct(self, sku_id: str) -> AssignmentState | None:
        return next((s for s in self.states if s.sku_id == sku_id and s.group_id is None), None)

    def holds_actively(self, sku_id: str) -> bool:
        return any(s.active and s.sku_id == sku_id for s in self.states)

    def inherited(self, sku_id: str) -> bool:
        return any(s.sku_id == sku_id and s.group_id is not None for s in self.states)


class Assignments:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._generation = -1
        self._cache: dict[str, SkuAllocation] = {}

    def allocation(self, sku_id: str) -> SkuAllocation:
        store = self._store
        with store.lock:
            if self._generation != store.generation:
                self._cache.clear()
                self._generation = store.generation
            cached = self._cache.get(sku_id)
            if cached is not None:
                return cached
            sku = store.sku(sku_id)
            direct = store.direct_count(sku_id)
            seated: set[int] = set()
            violating: set[int] = set()
            if sku is not None and self._granted_by_groups(sku_id):
                free = max(0, seat_capacity(sku) - direct)
                group_only = sorted(
                    (seq, rowid)
                    for rowid, seq, has_direct in store.licensed_memberships(sku_id)
                    if not has_direct
                )
                for position, (_, rowid) in enumerate(group_only):
                    (seated if position < free else violating).add(rowid)
            result = SkuAllocation(direct, frozenset(seated), frozenset(violating))
            self._cache[sku_id] = result
            return result

    def consumed_units(self, sku_id: str) -> int:
        return self.allocation(sku_id).consumed

    def group_seated_anywhere(self) -> frozenset[int]:
        """Users holding at least one SKU only through a group (for the unlicensed filter)."""
        seated: set[int] = set()
        for sku_id in self._group_skus():
            seated |= self.allocation(sku_id).group_seated
        return frozenset(seated)

    def for_users(self, rowids: list[int]) -> dict[int, UserLicenses]:
        store = self._store
        with store.lock:
            direct = store.direct_licenses(rowids)
            memberships = store.memberships_of(rowids)
            group_ids = store.group_ids() if memberships else {}
            group_licenses = store.propagated_licenses()
            found_errors = store.member_errors(rowids) if memberships else {}
            result: dict[int, UserLicenses] = {}
            for rowid in rowids:
                states = [self._direct_state(lic) for lic in direct.get(rowid, ())]
                held_directly = {lic.sku_id for lic in direct.get(rowid, ())}
                for membership in memberships.get(rowid, ()):
                    for grant in group_licenses.get(membership.group_rowid, ()):
                        states.append(
                            self._group_state(
                                membership,
                                group_ids[membership.group_rowid],
                                grant.sku_id,
                                grant.disabled_plans,
                                grant.sku_id in held_directly,
                                found_error=found_errors.get(
                                    (membership.group_rowid, rowid, grant.sku_id)
                                ),
                            )
                        )
                result[rowid] = UserLicenses(tuple(states))
            return result

    # -- helpers --------------------------------------------------------------------------

    def _group_skus(self) -> set[str]:
        return {g.sku_id for grants in self._store.propagated_licenses().values() for g in grants}

    def _granted_by_groups(self, sku_id: str) -> bool:
        return sku_id in self._group_skus()

    @staticmethod
    def _direct_state(lic: DirectLicense) -> AssignmentState:
        return AssignmentState(
            lic.sku_id, None, STATE_ACTIVE, NO_ERROR, lic.disabled_plans, lic.updated
        )

    def _group_state(
        self,
        membership: Membership,
        group_id: str,
        sku_id: str,
        disabled: tuple[str, ...],
        held_directly: bool,
        *,
        found_error: str | None,
    ) -> AssignmentState:
        if membership.fixed_error is not None:
            state, error = STATE_ERROR, membership.fixed_error
        elif found_error is not None:
            state, error = STATE_ERROR, found_error
        elif held_directly or membership.user_rowid in self.allocation(sku_id).group_seated:
            state, error = STATE_ACTIVE, NO_ERROR
        else:
            state, error = STATE_ERROR, COUNT_VIOLATION
        return AssignmentState(sku_id, group_id, state, error, disabled, membership.updated)

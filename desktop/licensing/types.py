"""The engine's vocabulary: plans, problems found by the check, outcomes of a run.

Shared by the engine (``desktop/licensing``), the command line and the window. Plain frozen
data; behaviour lives in ``check.py``, ``apply.py``, ``journal.py``, ``controller.py``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.graph.records import AssignedLicense, Group, NewUser, Organization, Sku, User


class PlanKind(str, enum.Enum):
    """What the administrator asked for; used for the journal and the history list."""

    ASSIGN = "assign"
    REASSIGN = "reassign"
    REMOVE = "remove"
    APPS = "apps"
    USAGE_LOCATION = "usage-location"
    SIGN_IN = "sign-in"
    CREATE = "create"
    COPY = "copy"
    IMPORT = "import"
    UNDO = "undo"
    MIXED = "mixed"
    # Ask Microsoft to process users' group-based licenses again (after fixing a cause).
    REPROCESS = "reprocess"
    # Membership of a group (licensed or not): what the member gains or loses through it
    # is worked out by the check.
    ADD_MEMBERS = "add-members"
    REMOVE_MEMBERS = "remove-members"
    # A group's own licenses (its members get them through it): a package added, the apps of
    # one changed, a package removed.
    GROUP_LICENSE = "group-license"
    GROUP_APPS = "group-apps"
    GROUP_REMOVE = "group-remove"
    # Members' direct copies of a package their group already gives them (active).
    REMOVE_COVERED = "remove-covered"


@dataclass(frozen=True, slots=True)
class GroupRef:
    """A group a change names: its id (what Graph is sent) and its name (what people read,
    also in the journal after the group is renamed or gone)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class UserChange:
    """Everything to change for one user. Applied as at most one PATCH then one assignLicense
    (the PATCH first, the assignLicense ``dependsOn`` it in the same $batch).

    ``user`` is the user's id or userPrincipalName; for ``create`` it is the new UPN.
    ``add`` entries for a SKU the user already has replace its disabled plans (Graph semantics),
    so "Apps in license" is an ``add`` of a held SKU with new ``disabled_plans``.
    """

    user: str
    add: tuple[AssignedLicense, ...] = ()
    remove: tuple[str, ...] = ()
    usage_location: str | None = None
    account_enabled: bool | None = None
    create: NewUser | None = None
    # Added by the engine for undo: delete the user (undo of a create), and set usageLocation
    # back to null (undo of setting it on a user who had none).
    delete: bool = False
    clear_usage_location: bool = False
    # reprocessLicenseAssignment after the rest: group-based licenses are processed again.
    # Nothing in the tenant shows it was done, so it is never "already as asked" and an undo
    # has nothing of it to restore.
    reprocess: bool = False
    # Group memberships: the user is added to ``join_groups`` and removed from
    # ``leave_groups`` (each its own $ref request); licenses follow through the groups.
    join_groups: tuple[GroupRef, ...] = ()
    leave_groups: tuple[GroupRef, ...] = ()
    # ``user`` names a group, and ``add``/``remove`` are the group's own licenses
    # (``group_holder.py``): members get them through the group, processed in the background.
    on_group: bool = False

    @property
    def touches_memberships(self) -> bool:
        return bool(self.join_groups or self.leave_groups)

    @property
    def touches_licenses(self) -> bool:
        return bool(self.add or self.remove)


@dataclass(frozen=True, slots=True)
class Plan:
    kind: PlanKind
    changes: tuple[UserChange, ...]
    description: str = ""
    undo_of: str | None = None  # run id this plan reverses

    def without(self, users: Iterable[str]) -> Plan:
        dropped = {u.lower() for u in users}
        return replace(
            self, changes=tuple(c for c in self.changes if c.user.lower() not in dropped)
        )


class ProblemKind(str, enum.Enum):
    NOT_ENOUGH_SEATS = "not-enough-seats"  # details: sku_id, needed, free
    MISSING_USAGE_LOCATION = "missing-usage-location"
    INHERITED_FROM_GROUP = "inherited-from-group"  # details: sku_id, group_id, group_name
    SKU_NOT_ASSIGNABLE = "sku-not-assignable"  # details: sku_id, status / applies_to
    UNKNOWN_SKU = "unknown-sku"  # details: sku_id
    UNKNOWN_PLAN = "unknown-plan"  # details: sku_id, plan_id
    UNKNOWN_USER = "unknown-user"
    USER_EXISTS = "user-exists"  # create with a UPN already taken
    INVALID_USAGE_LOCATION = "invalid-usage-location"  # details: value
    ALREADY_HAS = "already-has"  # a skip: add of a SKU held with the same disabled plans
    ALREADY_LACKS = "already-lacks"  # a skip: remove of a SKU not held directly
    NOTHING_TO_DO = "nothing-to-do"  # a skip: the whole change is a no-op
    MAILBOX_WARNING = "mailbox-warning"  # the last Exchange license goes: data deleted in 30 days
    DUPLICATE_USER = "duplicate-user"  # the same user appears twice in one plan
    CONFLICTING_CHANGE = "conflicting-change"  # details: sku_id (added and removed at once)
    CANNOT_UNDO = "cannot-undo"  # a skip in an undo plan: a deleted user cannot be restored
    # A skip in an undo plan: the usage location stays because a license the user keeps needs
    # it. details: usage_location, sku_ids, group_names (empty when the licenses are direct).
    USAGE_LOCATION_KEPT = "usage-location-kept"
    # Memberships. details: group_id, group_name (and sku_ids for what goes with them).
    UNKNOWN_GROUP = "unknown-group"  # blocking: no such group
    ALREADY_MEMBER = "already-member"  # a skip: joining a group the user is in
    NOT_A_MEMBER = "not-a-member"  # a skip: leaving a group the user is not in
    GAINS_THROUGH_GROUP = "gains-through-group"  # a warning: sku_ids the user newly gets
    LOSES_THROUGH_GROUP = "loses-through-group"  # a warning: sku_ids the user no longer has
    # A group's own licenses. details: sku_ids, count (members), and as said below.
    MEMBERS_LOSE = "members-lose"  # a warning: count lose sku_ids; mailboxes: of them lose mail
    MEMBERS_TAKE_TENANT_LOCATION = "members-take-tenant-location"  # a warning: count
    NESTED_GROUPS_GET_NOTHING = "nested-groups-get-nothing"  # a warning: group_names
    # A warning: the license would fail (details error: MutuallyExclusiveViolation or
    # DependencyViolation) for count members, or for the user joining (count 1), sku_id.
    PLANS_CONFLICT = "plans-conflict"
    # A skip of remove-covered: the group's copy is not active for the user, or turns on fewer
    # apps than the direct one (details sku_id, group_names).
    NOT_COVERED = "not-covered"
    # A warning: blocking sign-in of a user synced from on-premises Active Directory; the next
    # sync writes the on-premises value back (docs/graph-facts.md, "Synced (hybrid) users").
    SYNC_UNDOES_BLOCK = "sync-undoes-block"


class Severity(str, enum.Enum):
    BLOCKING = "blocking"  # apply refuses while any remain
    WARNING = "warning"  # shown, apply allowed
    SKIP = "skip"  # the user (or part of the change) needs nothing


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    severity: Severity
    user: str | None = None  # None for plan-wide problems such as seats
    details: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # English, for logs and the journal: written from kind + details by describe.py. Screens
    # say the problem through phrases.problem_phrase (CLI: describe.py, window: ui/plan_text.py).
    message: str = ""


@dataclass(frozen=True, slots=True)
class SeatNeed:
    sku_id: str
    needed: int
    free: int

    @property
    def short(self) -> int:
        return max(0, self.needed - self.free)


@dataclass(frozen=True, slots=True)
class CheckedPlan:
    """A plan after ``validate``: what will be sent, what will be skipped, and why.

    ``effective`` is the plan with no-ops removed (what apply sends); ``before`` is each user's
    state at check time (what undo restores).
    """

    plan: Plan
    effective: Plan
    problems: tuple[Problem, ...]
    seats: tuple[SeatNeed, ...]
    before: dict[str, User] = field(hash=False, compare=False)
    # The tenant the plan was checked (and so previewed) against; apply refuses any other.
    tenant_id: str = ""

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.BLOCKING)

    @property
    def can_apply(self) -> bool:
        return not self.blocking and bool(self.effective.changes)

    def problem_users(self) -> frozenset[str]:
        return frozenset(p.user for p in self.blocking if p.user is not None)


class Outcome(str, enum.Enum):
    DONE = "done"
    FAILED = "failed"
    # Some parts of the user's change took effect and others did not (see ``UserResult.parts``).
    PARTLY = "partly"
    # A request may have reached Graph but its answer was lost and the user could not be
    # re-read: neither done nor failed until ``resume`` reads the tenant again.
    UNCONFIRMED = "unconfirmed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class Part(str, enum.Enum):
    """One piece of a user's change, as Graph applies it: the account (create/delete), the
    profile fields of the PATCH, the licenses of the assignLicense. Each gets its own outcome."""

    CREATE = "create"
    DELETE = "delete"
    USAGE_LOCATION = "usage-location"
    SIGN_IN = "sign-in"
    LICENSES = "licenses"
    MEMBERSHIP = "membership"
    REPROCESS = "reprocess"


class PartState(str, enum.Enum):
    DONE = "done"  # the tenant shows it (an answer said so, or a re-read)
    FAILED = "failed"  # Graph refused it; the tenant does not show it
    UNCONFIRMED = "unconfirmed"  # sent, answer lost, not re-read yet
    NOT_SENT = "not-sent"  # cancelled (or its run stopped) before it went out
    KEPT = "kept"  # an undo could not restore it; ``message`` and ``details`` say why
    SKIPPED = "skipped"  # already as asked: nothing was sent for it


@dataclass(frozen=True, slots=True)
class PartResult:
    part: Part
    state: PartState
    message: str = ""  # Graph's message for a failure, the reason for a kept part
    code: str | None = None
    details: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class UserResult:
    user: str
    outcome: Outcome
    message: str = ""  # Graph's message for failures; the reason for skips
    code: str | None = None  # Graph's error code
    after: User | None = None  # the user as Graph returned it after assignLicense / create
    parts: tuple[PartResult, ...] = ()  # each part's outcome, when the change had parts
    change: UserChange | None = None  # what was to be done for the user (names the parts)

    def parts_in(self, *states: PartState) -> tuple[PartResult, ...]:
        return tuple(p for p in self.parts if p.state in states)


@dataclass(frozen=True, slots=True)
class Progress:
    total: int
    done: int = 0
    failed: int = 0
    skipped: int = 0
    cancelled: int = 0
    partly: int = 0
    unconfirmed: int = 0

    @property
    def finished(self) -> int:
        return (
            self.done + self.failed + self.skipped + self.cancelled + self.partly + self.unconfirmed
        )


@dataclass(frozen=True, slots=True)
class RunReport:
    run_id: str
    results: tuple[UserResult, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)

    def kept(self) -> tuple[tuple[UserResult, PartResult], ...]:
        """Parts an undo could not restore (skipped with a reason, never counted as done)."""
        return tuple((r, p) for r in self.results for p in r.parts_in(PartState.KEPT))

    @property
    def all_done(self) -> bool:
        return all(r.outcome in (Outcome.DONE, Outcome.SKIPPED) for r in self.results)


class RunStatus(str, enum.Enum):
    RUNNING = "running"  # still being applied, or the process died: "interrupted" at next start
    FINISHED = "finished"
    CANCELLED = "cancelled"
    # Some users are unconfirmed (answers lost, tenant unreadable): ``resume`` settles them.
    NEEDS_CHECKING = "needs-checking"


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    kind: PlanKind
    description: str
    started_at: str  # ISO 8601 UTC
    finished_at: str | None
    status: RunStatus
    total: int
    done: int
    failed: int
    skipped: int
    undo_of: str | None = None
    undone_by: str | None = None
    partly: int = 0
    unconfirmed: int = 0

    @property
    def may_have_changed(self) -> bool:
        """Whether anything of the run may have reached the tenant, so undo may have work:
        any user not skipped (the undo preview then says exactly what the tenant shows)."""
        return self.total > self.skipped


@dataclass(frozen=True, slots=True)
class TenantSnapshot:
    """A fresh view of the tenant used by the check and by the window."""

    skus: tuple[Sku, ...]
    users: tuple[User, ...]
    groups: dict[str, Group] = field(default_factory=dict, hash=False, compare=False)
    # Read with the rest when the window opens (LicenseController.load_tenant).
    organization: Organization | None = field(default=None, hash=False, compare=False)

    def sku(self, sku_id: str) -> Sku | None:
        for s in self.skus:
            if s.sku_id == sku_id:
                return s
        return None

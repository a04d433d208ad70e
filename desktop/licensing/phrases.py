"""What the engine says about a change, a problem, a plan or an outcome: structured phrases.

The engine decides *what* to say (which thing, to whom, with which package, app or group, and how
serious); the command line and the window decide only *how* to say it in their language. This is
the one place that knows which words a change needs, so the two never drift apart again.

To add a new kind of change, problem, plan or outcome:
1. add a ``Say`` member below and make the builder here produce it (``change_phrases`` for a new
   ``UserChange`` field, ``problem_phrase`` for a new ``ProblemKind``, ``_TITLES`` for a new
   ``PlanKind``, ``_OUTCOMES`` for a new ``Outcome``: one user's outcome and the count of a run);
2. give it English words in ``desktop/licensing/describe.py`` (``_ENGLISH``);
3. give it window words in ``ui/plan_text.py`` (``_WINDOW``), then run
   ``python tools/build_translations.py --update``, translate the new entries into Polish in
   ``resources/translations/license_desk_pl.ts``, and run it again.
``tests/licensing/test_phrases.py`` (the engine and the English words) and
``tests/ui/test_plan_words.py`` (the window's words, in English and Polish) fail until you do;
a new ``UserChange`` field also needs a sample value in ``tests/licensing/phrase_samples.py``
(``FIELD_SAMPLES``), and a problem's new details a sample in ``SAMPLE_DETAILS``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from desktop.graph.records import AssignedLicense
from desktop.licensing.parts import only
from desktop.licensing.plan_rules import DEPENDENCY
from desktop.licensing.types import (
    CheckedPlan,
    Outcome,
    PartState,
    PlanKind,
    Problem,
    ProblemKind,
    RunReport,
    RunSummary,
    Severity,
    UserChange,
    UserResult,
)


class Say(str, enum.Enum):
    """Every kind of thing License Desk says about a plan. One formatter entry per member."""

    # -- one user's change: one phrase per thing that happens ------------------------------
    CREATE_ACCOUNT = "create-account"
    DELETE_ACCOUNT = "delete-account"
    SET_USAGE_LOCATION = "set-usage-location"  # value: the country code
    CLEAR_USAGE_LOCATION = "clear-usage-location"
    ALLOW_SIGN_IN = "allow-sign-in"
    BLOCK_SIGN_IN = "block-sign-in"
    ADD_LICENSES = "add-licenses"  # licenses (with the apps turned off)
    REMOVE_LICENSES = "remove-licenses"  # packages
    REPROCESS_LICENSES = "reprocess-licenses"  # process the user's group licenses again
    JOIN_GROUPS = "join-groups"  # groups: added as a member
    THROUGH_THE_GROUP = "through-the-group"  # a group's own licenses: members get them through it
    LEAVE_GROUPS = "leave-groups"  # groups: removed as a member
    NO_CHANGE = "no-change"
    # -- what a preview shows above the rows ------------------------------------------------
    DELETES_ACCOUNTS = "deletes-accounts"  # count, users: the accounts a plan deletes
    SAVES_PER_MONTH = "saves-per-month"  # value: amounts ("97.00 PLN + 12.00 EUR"), count: seats
    SEATS_GO_TO_GROUP = "seats-go-to-group"  # packages[0], count: group members waiting for one
    # -- problems the check found ----------------------------------------------------------
    NOT_ENOUGH_SEATS = "not-enough-seats"  # packages[0], count: needed, free
    MISSING_USAGE_LOCATION = "missing-usage-location"
    INHERITED_FROM_GROUP = "inherited-from-group"  # packages[0], groups
    PACKAGE_FOR_ORGANISATION = "package-for-organisation"  # packages[0]
    PACKAGE_NOT_ACTIVE = "package-not-active"  # packages[0], value: its status
    UNKNOWN_PACKAGE = "unknown-package"  # packages[0]
    UNKNOWN_APP = "unknown-app"  # packages[0], apps[0]
    UNKNOWN_USER = "unknown-user"
    USER_GONE = "user-gone"  # a deletion whose user no longer exists
    USER_EXISTS = "user-exists"  # value: the user name taken
    INVALID_USAGE_LOCATION = "invalid-usage-location"  # value: what was typed
    ALREADY_HAS = "already-has"  # licenses[0]
    ALREADY_LACKS = "already-lacks"  # packages[0]
    NOTHING_TO_DO = "nothing-to-do"
    MAILBOX_DELETED_LATER = "mailbox-deleted-later"  # packages: the ones removed
    SYNC_UNDOES_BLOCK = "sync-undoes-block"  # a synced user's block: the next sync undoes it
    DUPLICATE_USER = "duplicate-user"
    CONFLICTING_CHANGE = "conflicting-change"  # packages[0]
    CANNOT_RESTORE_DELETED = "cannot-restore-deleted"  # value: the deleted user's name
    # An undo keeps the usage location (value) because a license the user keeps needs it:
    # packages: those licenses; groups: the groups giving them (none when direct).
    USAGE_LOCATION_KEPT = "usage-location-kept"
    NOTHING_TO_RESTORE = "nothing-to-restore"  # an undo finds nothing of the run in the tenant
    UNKNOWN_GROUP = "unknown-group"  # groups[0]
    ALREADY_MEMBER = "already-member"  # groups[0]
    NOT_A_MEMBER = "not-a-member"  # groups[0]
    GAINS_THROUGH_GROUP = "gains-through-group"  # packages the user newly gets, groups[0]
    LOSES_THROUGH_GROUP = "loses-through-group"  # packages the user no longer has, groups[0]
    # A change to a group's licenses, said of its members (count: members).
    MEMBERS_LOSE = "members-lose"  # packages; value: how many of them lose their mailbox
    MEMBERS_TAKE_TENANT_LOCATION = "members-take-tenant-location"
    NESTED_GROUPS_GET_NOTHING = "nested-groups-get-nothing"  # groups: the nested ones
    MEMBERS_EXCLUSIVE = "members-exclusive"  # packages[0] conflicts with a plan they hold
    MEMBERS_DEPENDENCY = "members-dependency"  # packages[0] needs a plan they lack
    NOT_COVERED = "not-covered"  # packages[0]: the direct copy stays (the group's not active)
    # -- plan titles (count: users) ---------------------------------------------------------
    TITLE_ASSIGN = "title-assign"
    TITLE_REASSIGN = "title-reassign"
    TITLE_REMOVE = "title-remove"
    TITLE_APPS = "title-apps"
    TITLE_USAGE_LOCATION = "title-usage-location"
    TITLE_SIGN_IN = "title-sign-in"
    TITLE_CREATE = "title-create"
    TITLE_COPY = "title-copy"
    TITLE_IMPORT = "title-import"
    TITLE_UNDO = "title-undo"
    TITLE_MIXED = "title-mixed"
    TITLE_REPROCESS = "title-reprocess"
    TITLE_ADD_MEMBERS = "title-add-members"
    TITLE_REMOVE_MEMBERS = "title-remove-members"
    TITLE_GROUP_LICENSE = "title-group-license"
    TITLE_GROUP_APPS = "title-group-apps"
    TITLE_GROUP_REMOVE = "title-group-remove"
    TITLE_REMOVE_COVERED = "title-remove-covered"
    # -- outcomes of a run, per user ----------------------------------------------------------
    OUTCOME_DONE = "outcome-done"
    OUTCOME_FAILED = "outcome-failed"
    OUTCOME_SKIPPED = "outcome-skipped"
    OUTCOME_CANCELLED = "outcome-cancelled"
    OUTCOME_PARTLY = "outcome-partly"  # some parts of the user's change done, others not
    OUTCOME_UNCONFIRMED = "outcome-unconfirmed"  # answer lost, not re-read yet: resume checks
    # -- one part of one user's change, after a run (said: the part's change phrases) ---------
    PART_DONE = "part-done"
    PART_FAILED = "part-failed"  # value: Graph's reason
    PART_UNCONFIRMED = "part-unconfirmed"
    PART_NOT_SENT = "part-not-sent"
    # -- a run in the history ------------------------------------------------------------------
    RUN_NEEDS_CHECKING = "run-needs-checking"  # count: unconfirmed users
    # -- how many users ended each way (count) ----------------------------------------------
    RUN_DONE = "run-done"
    RUN_FAILED = "run-failed"
    RUN_SKIPPED = "run-skipped"
    RUN_CANCELLED = "run-cancelled"
    RUN_PARTLY = "run-partly"
    RUN_UNCONFIRMED = "run-unconfirmed"


class Weight(enum.IntEnum):
    """How serious a phrase is. Lower comes first in every preview."""

    DESTRUCTIVE = 0  # deletes what License Desk cannot bring back: first, explicitly confirmed
    BLOCKING = 1  # apply refuses while it remains
    WARNING = 2  # shown, apply allowed
    PLAIN = 3  # an ordinary change or title
    SKIP = 4  # needs nothing


_BY_SEVERITY = {
    Severity.BLOCKING: Weight.BLOCKING,
    Severity.WARNING: Weight.WARNING,
    Severity.SKIP: Weight.SKIP,
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """One thing to say. Packages and apps by id: each formatter names them its own way."""

    say: Say
    weight: Weight = Weight.PLAIN
    users: tuple[str, ...] = ()  # to whom: the users' keys as the plan names them
    packages: tuple[str, ...] = ()  # SKU ids
    licenses: tuple[AssignedLicense, ...] = ()  # SKU ids with the apps turned off
    apps: tuple[str, ...] = ()  # service plan ids, inside packages[0]
    groups: tuple[str, ...] = ()  # group names (ids when the name is not known)
    value: str = ""  # a country code, what was typed, a status, a user name
    count: int = 0  # users, or seats needed
    free: int = 0  # free seats
    said: tuple[Phrase, ...] = ()  # what a part of a change was (for the PART_* phrases)


def change_phrases(change: UserChange) -> tuple[Phrase, ...]:
    """What happens to one user, in the order it happens; ``NO_CHANGE`` when nothing does."""
    to = (change.user,)
    said: list[Phrase] = []
    if change.create is not None:
        said.append(Phrase(Say.CREATE_ACCOUNT, users=to))
    if change.delete:
        said.append(Phrase(Say.DELETE_ACCOUNT, Weight.DESTRUCTIVE, users=to))
    if change.usage_location is not None:
        said.append(Phrase(Say.SET_USAGE_LOCATION, users=to, value=change.usage_location))
    if change.clear_usage_location:
        said.append(Phrase(Say.CLEAR_USAGE_LOCATION, users=to))
    enabled = change.account_enabled
    if enabled is None and change.create is not None and not change.create.account_enabled:
        enabled = False  # a new account is allowed to sign in unless it says otherwise
    if enabled is True and change.create is None:
        said.append(Phrase(Say.ALLOW_SIGN_IN, users=to))
    elif enabled is False:
        said.append(Phrase(Say.BLOCK_SIGN_IN, users=to))
    if change.add:
        said.append(Phrase(Say.ADD_LICENSES, users=to, licenses=change.add))
    if change.remove:
        said.append(Phrase(Say.REMOVE_LICENSES, users=to, packages=change.remove))
    if change.leave_groups:
        names = tuple(g.name or g.id for g in change.leave_groups)
        said.append(Phrase(Say.LEAVE_GROUPS, users=to, groups=names))
    if change.join_groups:
        names = tuple(g.name or g.id for g in change.join_groups)
        said.append(Phrase(Say.JOIN_GROUPS, users=to, groups=names))
    if change.reprocess:
        said.append(Phrase(Say.REPROCESS_LICENSES, users=to))
    if change.on_group:
        said.append(Phrase(Say.THROUGH_THE_GROUP, users=to))
    return tuple(said) or (Phrase(Say.NO_CHANGE, users=to),)


def change_weight(change: UserChange) -> Weight:
    return min((p.weight for p in change_phrases(change)), default=Weight.PLAIN)


def deleted_accounts(checked: CheckedPlan) -> tuple[str, ...]:
    """The users whose accounts applying ``checked`` deletes: the preview names them first and
    asks for an explicit confirmation."""
    return tuple(c.user for c in checked.effective.changes if c.delete)


def attention(checked: CheckedPlan) -> tuple[Phrase, ...]:
    """The lines a preview shows above its rows, most serious first: the accounts it deletes,
    then what blocks it, then warnings. Skips are per-user notes, not listed here."""
    said: list[Phrase] = []
    deleted = deleted_accounts(checked)
    if deleted:
        said.append(
            Phrase(Say.DELETES_ACCOUNTS, Weight.DESTRUCTIVE, users=deleted, count=len(deleted))
        )
    said.extend(problem_phrase(p) for p in checked.problems if p.severity is not Severity.SKIP)
    return tuple(sorted(said, key=lambda p: p.weight))


def _sku(d: dict[str, Any]) -> tuple[str, ...]:
    return (str(d.get("sku_id", "")),)


def _texts(values: object) -> tuple[str, ...]:
    if isinstance(values, Iterable) and not isinstance(values, str):
        return tuple(str(v) for v in values)
    return ()


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _seats(d: dict[str, Any]) -> dict[str, Any]:
    return {"packages": _sku(d), "count": _int(d.get("needed")), "free": _int(d.get("free"))}


def _inherited(d: dict[str, Any]) -> dict[str, Any]:
    groups = _texts(d.get("group_names")) or (str(d.get("group_name") or d.get("group_id") or ""),)
    return {"packages": _sku(d), "groups": groups}


def _group(d: dict[str, Any]) -> dict[str, Any]:
    return {"groups": (str(d.get("group_name") or d.get("group_id") or ""),)}


def _through_group(d: dict[str, Any]) -> dict[str, Any]:
    return {"packages": _texts(d.get("sku_ids")), **_group(d)}


def _already_has(d: dict[str, Any]) -> dict[str, Any]:
    lic = AssignedLicense(str(d.get("sku_id", "")), _texts(d.get("disabled_plans")))
    return {"licenses": (lic,)}


def _not_assignable(d: dict[str, Any]) -> Say:
    if d.get("applies_to") not in (None, "User"):
        return Say.PACKAGE_FOR_ORGANISATION
    return Say.PACKAGE_NOT_ACTIVE


def _nothing(_details: dict[str, Any]) -> dict[str, Any]:
    return {}


Arguments = Callable[[dict[str, Any]], dict[str, Any]]

# ProblemKind → the phrase, and its arguments from the problem's details.
_PROBLEMS: dict[ProblemKind, tuple[Say, Arguments]] = {
    ProblemKind.NOT_ENOUGH_SEATS: (Say.NOT_ENOUGH_SEATS, _seats),
    ProblemKind.MISSING_USAGE_LOCATION: (Say.MISSING_USAGE_LOCATION, _nothing),
    ProblemKind.INHERITED_FROM_GROUP: (Say.INHERITED_FROM_GROUP, _inherited),
    ProblemKind.SKU_NOT_ASSIGNABLE: (
        Say.PACKAGE_NOT_ACTIVE,
        lambda d: {"packages": _sku(d), "value": str(d.get("status", ""))},
    ),
    ProblemKind.UNKNOWN_SKU: (Say.UNKNOWN_PACKAGE, lambda d: {"packages": _sku(d)}),
    ProblemKind.UNKNOWN_PLAN: (
        Say.UNKNOWN_APP,
        lambda d: {"packages": _sku(d), "apps": (str(d.get("plan_id", "")),)},
    ),
    ProblemKind.UNKNOWN_USER: (Say.UNKNOWN_USER, _nothing),
    ProblemKind.USER_EXISTS: (Say.USER_EXISTS, lambda d: {"value": str(d.get("upn", ""))}),
    ProblemKind.INVALID_USAGE_LOCATION: (
        Say.INVALID_USAGE_LOCATION,
        lambda d: {"value": str(d.get("value", ""))},
    ),
    ProblemKind.ALREADY_HAS: (Say.ALREADY_HAS, _already_has),
    ProblemKind.ALREADY_LACKS: (Say.ALREADY_LACKS, lambda d: {"packages": _sku(d)}),
    ProblemKind.NOTHING_TO_DO: (Say.NOTHING_TO_DO, _nothing),
    ProblemKind.MAILBOX_WARNING: (
        Say.MAILBOX_DELETED_LATER,
        lambda d: {"packages": _texts(d.get("sku_ids"))},
    ),
    ProblemKind.DUPLICATE_USER: (Say.DUPLICATE_USER, _nothing),
    ProblemKind.SYNC_UNDOES_BLOCK: (Say.SYNC_UNDOES_BLOCK, _nothing),
    ProblemKind.CONFLICTING_CHANGE: (Say.CONFLICTING_CHANGE, lambda d: {"packages": _sku(d)}),
    ProblemKind.CANNOT_UNDO: (
        Say.CANNOT_RESTORE_DELETED,
        lambda d: {"value": str(d.get("label", ""))},
    ),
    ProblemKind.USAGE_LOCATION_KEPT: (
        Say.USAGE_LOCATION_KEPT,
        lambda d: {
            "value": str(d.get("usage_location") or ""),
            "packages": _texts(d.get("sku_ids")),
            "groups": _texts(d.get("group_names")),
        },
    ),
    ProblemKind.UNKNOWN_GROUP: (Say.UNKNOWN_GROUP, _group),
    ProblemKind.ALREADY_MEMBER: (Say.ALREADY_MEMBER, _group),
    ProblemKind.NOT_A_MEMBER: (Say.NOT_A_MEMBER, _group),
    ProblemKind.GAINS_THROUGH_GROUP: (Say.GAINS_THROUGH_GROUP, _through_group),
    ProblemKind.LOSES_THROUGH_GROUP: (Say.LOSES_THROUGH_GROUP, _through_group),
    ProblemKind.MEMBERS_LOSE: (
        Say.MEMBERS_LOSE,
        lambda d: {
            "packages": _texts(d.get("sku_ids")),
            "count": _int(d.get("count")),
            "value": str(_int(d.get("mailboxes"))),
        },
    ),
    ProblemKind.MEMBERS_TAKE_TENANT_LOCATION: (
        Say.MEMBERS_TAKE_TENANT_LOCATION,
        lambda d: {"count": _int(d.get("count"))},
    ),
    ProblemKind.NESTED_GROUPS_GET_NOTHING: (
        Say.NESTED_GROUPS_GET_NOTHING,
        lambda d: {"groups": _texts(d.get("group_names"))},
    ),
    ProblemKind.PLANS_CONFLICT: (
        Say.MEMBERS_EXCLUSIVE,
        lambda d: {"packages": _sku(d), "count": _int(d.get("count")), **_group(d)},
    ),
    ProblemKind.NOT_COVERED: (
        Say.NOT_COVERED,
        lambda d: {"packages": _sku(d), "groups": _texts(d.get("group_names"))},
    ),
}


def problem_phrase(problem: Problem) -> Phrase:
    """The problem as a phrase, from its kind and details (never from its English message)."""
    say, arguments = _PROBLEMS[problem.kind]
    details = problem.details
    if problem.kind is ProblemKind.SKU_NOT_ASSIGNABLE:
        say = _not_assignable(details)
    elif problem.kind is ProblemKind.PLANS_CONFLICT and details.get("error") == DEPENDENCY:
        say = Say.MEMBERS_DEPENDENCY
    elif problem.kind is ProblemKind.NOTHING_TO_DO and details.get("gone"):
        say = Say.USER_GONE
    elif problem.kind is ProblemKind.NOTHING_TO_DO and details.get("undo"):
        say = Say.NOTHING_TO_RESTORE
    users = (problem.user,) if problem.user is not None else ()
    return Phrase(say, _BY_SEVERITY[problem.severity], users=users, **arguments(details))


_TITLES = {
    PlanKind.ASSIGN: Say.TITLE_ASSIGN,
    PlanKind.REASSIGN: Say.TITLE_REASSIGN,
    PlanKind.REMOVE: Say.TITLE_REMOVE,
    PlanKind.APPS: Say.TITLE_APPS,
    PlanKind.USAGE_LOCATION: Say.TITLE_USAGE_LOCATION,
    PlanKind.SIGN_IN: Say.TITLE_SIGN_IN,
    PlanKind.CREATE: Say.TITLE_CREATE,
    PlanKind.COPY: Say.TITLE_COPY,
    PlanKind.IMPORT: Say.TITLE_IMPORT,
    PlanKind.UNDO: Say.TITLE_UNDO,
    PlanKind.MIXED: Say.TITLE_MIXED,
    PlanKind.REPROCESS: Say.TITLE_REPROCESS,
    PlanKind.ADD_MEMBERS: Say.TITLE_ADD_MEMBERS,
    PlanKind.REMOVE_MEMBERS: Say.TITLE_REMOVE_MEMBERS,
    PlanKind.GROUP_LICENSE: Say.TITLE_GROUP_LICENSE,
    PlanKind.GROUP_APPS: Say.TITLE_GROUP_APPS,
    PlanKind.GROUP_REMOVE: Say.TITLE_GROUP_REMOVE,
    PlanKind.REMOVE_COVERED: Say.TITLE_REMOVE_COVERED,
}


def plan_title(kind: PlanKind, users: int) -> Phrase:
    return Phrase(_TITLES[kind], count=users)


@dataclass(frozen=True, slots=True)
class _OutcomeWords:
    one: Say  # one user's outcome
    counted: Say  # how many users ended this way
    weight: Weight
    always_counted: bool  # counted in a run's summary even when none ended this way


_OUTCOMES = {
    Outcome.DONE: _OutcomeWords(Say.OUTCOME_DONE, Say.RUN_DONE, Weight.PLAIN, True),
    Outcome.FAILED: _OutcomeWords(Say.OUTCOME_FAILED, Say.RUN_FAILED, Weight.BLOCKING, True),
    Outcome.SKIPPED: _OutcomeWords(Say.OUTCOME_SKIPPED, Say.RUN_SKIPPED, Weight.SKIP, True),
    Outcome.CANCELLED: _OutcomeWords(
        Say.OUTCOME_CANCELLED, Say.RUN_CANCELLED, Weight.WARNING, False
    ),
    Outcome.PARTLY: _OutcomeWords(Say.OUTCOME_PARTLY, Say.RUN_PARTLY, Weight.BLOCKING, False),
    Outcome.UNCONFIRMED: _OutcomeWords(
        Say.OUTCOME_UNCONFIRMED, Say.RUN_UNCONFIRMED, Weight.WARNING, False
    ),
}


def outcome_phrase(outcome: Outcome) -> Phrase:
    words = _OUTCOMES[outcome]
    return Phrase(words.one, words.weight)


def run_counts(report: RunReport) -> tuple[Phrase, ...]:
    """A run's summary: how many users ended each way ("3 done, 0 failed, 0 skipped")."""
    said: list[Phrase] = []
    for outcome in Outcome:
        words, count = _OUTCOMES[outcome], report.count(outcome)
        if count or words.always_counted:
            said.append(Phrase(words.counted, words.weight, count=count))
    return tuple(said)


def history_counts(run: RunSummary) -> tuple[Phrase, ...]:
    """A run in the history: the same counts as its report, from what the journal summed up
    (users left unconfirmed are said by the run's status, ``needs_checking``)."""
    counted = {
        Outcome.DONE: run.done,
        Outcome.FAILED: run.failed,
        Outcome.SKIPPED: run.skipped,
        Outcome.PARTLY: run.partly,
    }
    said: list[Phrase] = []
    for outcome, count in counted.items():
        words = _OUTCOMES[outcome]
        if count or words.always_counted:
            said.append(Phrase(words.counted, words.weight, count=count))
    return tuple(said)


_PARTS = {
    PartState.DONE: (Say.PART_DONE, Weight.PLAIN),
    PartState.FAILED: (Say.PART_FAILED, Weight.BLOCKING),
    PartState.UNCONFIRMED: (Say.PART_UNCONFIRMED, Weight.WARNING),
    PartState.NOT_SENT: (Say.PART_NOT_SENT, Weight.WARNING),
}


def result_phrases(result: UserResult) -> tuple[Phrase, ...]:
    """What happened to each part of one user's change, in order: "block sign-in: done; add
    Microsoft 365 E3: failed (no free seats)". Empty when the result has no parts recorded or
    every part went one way (the outcome alone says it)."""
    change = result.change
    if change is None or len({p.state for p in result.parts}) < 2:
        return ()
    to = (result.user,)
    said: list[Phrase] = []
    for part in result.parts:
        if part.state is PartState.KEPT:
            kept = Problem(ProblemKind.USAGE_LOCATION_KEPT, Severity.SKIP, result.user)
            said.append(replace(problem_phrase(replace(kept, details=part.details)), users=to))
            continue
        if part.state is PartState.SKIPPED:
            continue
        inner = change_phrases(only(change, (part.part,)))
        say, weight = _PARTS[part.state]
        said.append(Phrase(say, weight, users=to, value=part.message, said=inner))
    return tuple(said)


def needs_checking(unconfirmed: int) -> Phrase:
    return Phrase(Say.RUN_NEEDS_CHECKING, Weight.WARNING, count=unconfirmed)

"""The engine's phrases (``phrases.py``) in English: for the command line, logs and
``Problem.message``. The window says the same phrases through ``tr()`` in ``ui/plan_text.py``.

``_ENGLISH`` has one entry per ``Say``; ``tests/licensing/test_phrases.py`` fails when one lacks
its words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from desktop.catalog import plan_name, sku_name
from desktop.graph.records import AssignedLicense, Sku
from desktop.licensing.phrases import (
    Phrase,
    Say,
    change_phrases,
    outcome_phrase,
    plan_title,
    problem_phrase,
    result_phrases,
    run_counts,
)
from desktop.licensing.types import (
    Outcome,
    PlanKind,
    Problem,
    RunReport,
    UserChange,
    UserResult,
)

SkuIndex = Mapping[str, Sku]


def sku_label(sku_id: str, skus: SkuIndex) -> str:
    sku = skus.get(sku_id)
    return sku_name(sku_id, sku.sku_part_number if sku else None)


def plan_label(sku_id: str, plan_id: str, skus: SkuIndex) -> str:
    sku = skus.get(sku_id)
    code = None
    if sku is not None:
        code = next(
            (p.service_plan_name for p in sku.service_plans if p.service_plan_id == plan_id), None
        )
    return plan_name(plan_id, code)


def license_text(lic: AssignedLicense, skus: SkuIndex) -> str:
    if not lic.disabled_plans:
        return sku_label(lic.sku_id, skus)
    off = ", ".join(plan_label(lic.sku_id, p, skus) for p in lic.disabled_plans)
    return f"{sku_label(lic.sku_id, skus)} (apps off: {off})"


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _package(p: Phrase, skus: SkuIndex) -> str:
    return sku_label(p.packages[0], skus) if p.packages else ""


def _not_enough_seats(p: Phrase, skus: SkuIndex) -> str:
    seats = _plural(p.count, "seat", "seats")
    return f"needs {p.count} {seats} of {_package(p, skus)}, {p.free} free"


def _inherited(p: Phrase, skus: SkuIndex) -> str:
    groups = ", ".join(f"'{g}'" for g in p.groups)
    noun = _plural(len(p.groups), "group", "groups")
    return (
        f"{_package(p, skus)} comes from the {noun} {groups} and cannot be removed from "
        f"the user: change the {noun} or the membership (to remove the user from the {noun}: "
        "assign --remove ... --leave-groups)"
    )


def _mailbox(p: Phrase, skus: SkuIndex) -> str:
    names = ", ".join(sku_label(s, skus) for s in p.packages) or "this change"
    return f"removing {names} leaves no Exchange license: the mailbox data is deleted 30 days later"


def _deletes(p: Phrase, _skus: SkuIndex) -> str:
    accounts = _plural(p.count, "1 account", f"{p.count} accounts")
    them = _plural(p.count, "it", "them")
    return (
        f"{accounts} will be deleted. License Desk cannot bring {them} back; an administrator "
        f"can restore {them} within 30 days from Deleted users in the Microsoft 365 admin center"
    )


def _location_kept(p: Phrase, skus: SkuIndex) -> str:
    names = ", ".join(sku_label(x, skus) for x in p.packages)
    if p.groups:
        groups = ", ".join(f"'{g}'" for g in p.groups)
        noun = _plural(len(p.groups), "group", "groups")
        return f"usage location {p.value} kept: {names} from the {noun} {groups} needs it"
    return f"usage location {p.value} kept: {names}, which the user keeps, needs it"


def _groups(p: Phrase) -> str:
    return ", ".join(f"'{g}'" for g in p.groups)


def _packages(p: Phrase, skus: SkuIndex) -> str:
    return ", ".join(sku_label(x, skus) for x in p.packages)


def _part(words: str) -> Callable[[Phrase, SkuIndex], str]:
    def say(p: Phrase, skus: SkuIndex) -> str:
        reason = f" ({p.value})" if p.value and p.say is Say.PART_FAILED else ""
        return f"{phrases_text(p.said, skus)}: {words}{reason}"

    return say


def _title(words: str) -> Callable[[Phrase, SkuIndex], str]:
    return lambda p, _s: f"{words} ({p.count} {_plural(p.count, 'user', 'users')})"


_ENGLISH: dict[Say, Callable[[Phrase, SkuIndex], str]] = {
    Say.CREATE_ACCOUNT: lambda p, s: "create the account",
    Say.DELETE_ACCOUNT: lambda p, s: "delete the account",
    Say.SET_USAGE_LOCATION: lambda p, s: f"set usage location {p.value}",
    Say.CLEAR_USAGE_LOCATION: lambda p, s: "clear usage location",
    Say.ALLOW_SIGN_IN: lambda p, s: "allow sign-in",
    Say.BLOCK_SIGN_IN: lambda p, s: "block sign-in",
    Say.ADD_LICENSES: lambda p, s: "add " + "; ".join(license_text(a, s) for a in p.licenses),
    Say.REMOVE_LICENSES: lambda p, s: "remove " + "; ".join(sku_label(x, s) for x in p.packages),
    Say.REPROCESS_LICENSES: lambda p, s: "process its group licenses again",
    Say.JOIN_GROUPS: lambda p, s: (
        f"add to the {_plural(len(p.groups), 'group', 'groups')} {_groups(p)}"
    ),
    Say.LEAVE_GROUPS: lambda p, s: (
        f"remove from the {_plural(len(p.groups), 'group', 'groups')} {_groups(p)}"
    ),
    Say.THROUGH_THE_GROUP: lambda p, s: "for every member, through the group",
    Say.NO_CHANGE: lambda p, s: "nothing",
    Say.DELETES_ACCOUNTS: _deletes,
    Say.SEATS_GO_TO_GROUP: lambda p, s: (
        f"{p.count} group {_plural(p.count, 'member', 'members')} waiting for "
        f"{_package(p, s)} will take the freed seats: undoing this later may find none free"
    ),
    Say.SAVES_PER_MONTH: lambda p, s: (
        f"frees {p.count} {_plural(p.count, 'license', 'licenses')} worth {p.value} a month"
    ),
    Say.NOT_ENOUGH_SEATS: _not_enough_seats,
    Say.MISSING_USAGE_LOCATION: lambda p, s: (
        "has no usage location, which a license needs: set one (for example PL)"
    ),
    Say.INHERITED_FROM_GROUP: _inherited,
    Say.PACKAGE_FOR_ORGANISATION: lambda p, s: (
        f"{_package(p, s)} is a company-wide license and cannot be assigned to a user"
    ),
    Say.PACKAGE_NOT_ACTIVE: lambda p, s: (
        f"{_package(p, s)} is {p.value.lower()}: it cannot be assigned"
    ),
    Say.UNKNOWN_PACKAGE: lambda p, s: f"the tenant has no license {_package(p, s)}",
    Say.UNKNOWN_APP: lambda p, s: f"{_package(p, s)} has no app {''.join(p.apps[:1])}",
    Say.UNKNOWN_USER: lambda p, s: "no such user in the tenant: check the name",
    Say.USER_GONE: lambda p, s: "the user no longer exists",
    Say.USER_EXISTS: lambda p, s: f"a user named {p.value} already exists",
    Say.INVALID_USAGE_LOCATION: lambda p, s: (
        f"'{p.value}' is not a country code: use two letters such as PL, US or DE"
    ),
    Say.ALREADY_HAS: lambda p, s: (
        "already has " + "; ".join(license_text(a, s) for a in p.licenses)
    ),
    Say.ALREADY_LACKS: lambda p, s: f"does not have {_package(p, s)}",
    Say.NOTHING_TO_DO: lambda p, s: "already as asked: nothing to change",
    Say.MAILBOX_DELETED_LATER: _mailbox,
    Say.SYNC_UNDOES_BLOCK: lambda p, s: (
        "synced from on-premises Active Directory: the next directory sync will undo the "
        "block (disable the account on-premises to keep it blocked)"
    ),
    Say.DUPLICATE_USER: lambda p, s: "appears more than once in the plan: keep one line per user",
    Say.CONFLICTING_CHANGE: lambda p, s: f"{_package(p, s)} is both added and removed",
    Say.CANNOT_RESTORE_DELETED: lambda p, s: (
        f"{p.value} was deleted; undo cannot bring a deleted user back (restore it from "
        "Deleted users in the Microsoft 365 admin center)"
    ),
    Say.UNKNOWN_GROUP: lambda p, s: f"no group {_groups(p)} in the tenant: check the name",
    Say.ALREADY_MEMBER: lambda p, s: f"already a member of {_groups(p)}",
    Say.NOT_A_MEMBER: lambda p, s: f"not a member of {_groups(p)}",
    Say.GAINS_THROUGH_GROUP: lambda p, s: f"gets {_packages(p, s)} through the group {_groups(p)}",
    Say.LOSES_THROUGH_GROUP: lambda p, s: (
        f"loses {_packages(p, s)}, which the group {_groups(p)} gives"
    ),
    Say.MEMBERS_LOSE: lambda p, s: (
        f"{p.count} {_plural(p.count, 'member loses', 'members lose')} {_packages(p, s)}"
        f" ({p.value} of them the last Exchange license: mailbox data deleted 30 days later)"
    ),
    Say.MEMBERS_TAKE_TENANT_LOCATION: lambda p, s: (
        f"{p.count} {_plural(p.count, 'member has', 'members have')} no usage location: "
        "they get the organisation's"
    ),
    Say.NESTED_GROUPS_GET_NOTHING: lambda p, s: (
        f"the nested {_plural(len(p.groups), 'group', 'groups')} {_groups(p)} "
        f"{_plural(len(p.groups), 'passes', 'pass')} nothing on: their members get nothing "
        "from this group"
    ),
    Say.MEMBERS_EXCLUSIVE: lambda p, s: (
        f"{p.count} {_plural(p.count, 'member', 'members')} would get {_package(p, s)} "
        f"from {_groups(p)} in error: it conflicts with a plan they already have "
        "(turn that app off first)"
    ),
    Say.MEMBERS_DEPENDENCY: lambda p, s: (
        f"{p.count} {_plural(p.count, 'member', 'members')} would get {_package(p, s)} "
        f"from {_groups(p)} in error: it needs a plan they do not have"
    ),
    Say.NOT_COVERED: lambda p, s: (
        f"direct {_package(p, s)} kept: the group's copy ({_groups(p)}) is not active for the "
        "user or turns on fewer apps"
    ),
    Say.TITLE_ASSIGN: _title("Add licenses"),
    Say.TITLE_REASSIGN: _title("Reassign a license"),
    Say.TITLE_REMOVE: _title("Remove licenses"),
    Say.TITLE_APPS: _title("Change apps in a license"),
    Say.TITLE_USAGE_LOCATION: _title("Set usage location"),
    Say.TITLE_SIGN_IN: _title("Change sign-in"),
    Say.TITLE_CREATE: _title("Create a user"),
    Say.TITLE_COPY: _title("Copy licenses"),
    Say.TITLE_IMPORT: _title("Changes from a plan file"),
    Say.TITLE_UNDO: _title("Undo an earlier change"),
    Say.TITLE_MIXED: _title("Changes"),
    Say.TITLE_REPROCESS: _title("Process group licenses again"),
    Say.TITLE_ADD_MEMBERS: _title("Add to a group"),
    Say.TITLE_REMOVE_MEMBERS: _title("Remove from a group"),
    Say.TITLE_GROUP_LICENSE: _title("License a group"),
    Say.TITLE_GROUP_APPS: _title("Change apps in a group's license"),
    Say.TITLE_GROUP_REMOVE: _title("Remove a license from a group"),
    Say.TITLE_REMOVE_COVERED: _title("Remove direct licenses a group gives"),
    Say.OUTCOME_DONE: lambda p, s: "done",
    Say.OUTCOME_FAILED: lambda p, s: "failed",
    Say.OUTCOME_SKIPPED: lambda p, s: "skipped",
    Say.OUTCOME_CANCELLED: lambda p, s: "not done (cancelled)",
    Say.RUN_DONE: lambda p, s: f"{p.count} done",
    Say.RUN_FAILED: lambda p, s: f"{p.count} failed",
    Say.RUN_SKIPPED: lambda p, s: f"{p.count} skipped",
    Say.RUN_CANCELLED: lambda p, s: f"{p.count} not done (cancelled)",
    Say.RUN_PARTLY: lambda p, s: f"{p.count} partly done",
    Say.RUN_UNCONFIRMED: lambda p, s: f"{p.count} unconfirmed",
    Say.OUTCOME_PARTLY: lambda p, s: "partly done",
    Say.OUTCOME_UNCONFIRMED: lambda p, s: "unconfirmed",
    Say.USAGE_LOCATION_KEPT: _location_kept,
    Say.NOTHING_TO_RESTORE: lambda p, s: "shows nothing the run changed: nothing to restore",
    Say.PART_DONE: _part("done"),
    Say.PART_FAILED: _part("failed"),
    Say.PART_UNCONFIRMED: _part("not confirmed (the answer was lost)"),
    Say.PART_NOT_SENT: _part("not sent"),
    Say.RUN_NEEDS_CHECKING: lambda p, s: (
        f"needs checking: {p.count} {_plural(p.count, 'user', 'users')} unconfirmed"
    ),
}


def english(phrase: Phrase, skus: SkuIndex) -> str:
    """The phrase in English. A ``Say`` without words here is a bug the phrase test catches."""
    return _ENGLISH[phrase.say](phrase, skus)


def phrases_text(said: Sequence[Phrase], skus: SkuIndex) -> str:
    return ", ".join(english(p, skus) for p in said)


def change_text(change: UserChange, skus: SkuIndex) -> str:
    """One line saying what will happen to one user."""
    return phrases_text(change_phrases(change), skus)


def problem_text(problem: Problem, skus: SkuIndex) -> str:
    return english(problem_phrase(problem), skus)


def with_message(problem: Problem, skus: SkuIndex) -> Problem:
    """The problem with its English ``message`` (for logs and the journal) written from its
    kind and details: the engine never writes a problem's words by hand."""
    return replace(problem, message=problem_text(problem, skus))


def title_text(kind: PlanKind, users: int) -> str:
    return english(plan_title(kind, users), {})


def outcome_text(outcome: Outcome) -> str:
    return english(outcome_phrase(outcome), {})


def run_counts_text(report: RunReport) -> str:
    """ "3 done, 1 failed, 0 skipped" (and how many were not done, if any)."""
    return phrases_text(run_counts(report), {})


def result_text(result: UserResult, skus: SkuIndex) -> str:
    """Each part's outcome for one user ("block sign-in: done; add E3: failed (...)"), or the
    result's message when every part went the same way."""
    said = result_phrases(result)
    return "; ".join(english(p, skus) for p in said) if said else result.message

"""The engine's phrases (``desktop/licensing/phrases.py``) in the window's translated words.

The engine decides what to say about a change, a problem, a plan or an outcome; this module
only says it through ``tr()``. ``_WINDOW`` has one entry per ``Say``;
``tests/ui/test_plan_words.py`` fails, in English and in Polish, when one lacks its words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from desktop.catalog import plan_name, sku_name
from desktop.graph.records import AssignedLicense, Sku, User
from desktop.licensing import phrases
from desktop.licensing.phrases import Phrase, Say, change_phrases, problem_phrase
from desktop.licensing.types import Outcome, PlanKind, Problem, RunReport, UserChange, UserResult
from ui.formatting import count
from ui.models.naming import LicenseNaming


class PlanText(QObject):
    """This module's plural (%n) messages. lupdate finds numerus forms only in tr() calls, not
    in QCoreApplication.translate(), and tr() needs a QObject: this one, context "PlanText"."""

    def users(self, n: int) -> str:
        return self.tr("%Ln users", "", n)

    def seats_needed(self, n: int) -> str:
        return self.tr("Needs %Ln seats of {package}, {free} free", "", n)

    def seats_go_to_group(self, n: int) -> str:
        return self.tr(
            "%Ln group members waiting for {package} will take the freed seats: undoing this "
            "later may find none free",
            "",
            n,
        )

    def saves_per_month(self, n: int) -> str:
        return self.tr("Frees %Ln licenses worth {amount} a month", "", n)

    def done(self, n: int) -> str:
        return self.tr("%Ln done", "", n)

    def failed(self, n: int) -> str:
        return self.tr("%Ln failed", "", n)

    def needed_nothing(self, n: int) -> str:
        return self.tr("%Ln needed nothing", "", n)

    def not_started(self, n: int) -> str:
        return self.tr("%Ln not started (stopped)", "", n)

    def partly(self, n: int) -> str:
        return self.tr("%Ln partly done", "", n)

    def unconfirmed_users(self, n: int) -> str:
        return self.tr("%Ln unconfirmed (resume the run from History to check)", "", n)

    def unconfirmed(self, n: int) -> str:
        return self.tr("Needs checking: %Ln users unconfirmed (resume the run)", "", n)

    def deletes_accounts(self, n: int) -> str:
        return self.tr(
            "%Ln accounts will be deleted. License Desk cannot bring them back; an "
            "administrator can restore them within 30 days from Deleted users in the "
            "Microsoft 365 admin center",
            "",
            n,
        )

    def members_lose(self, n: int) -> str:
        return self.tr(
            "%Ln members lose {packages}; {mailboxes} of them their last Exchange license "
            "(mailbox data deleted 30 days later)",
            "",
            n,
        )

    def members_take_tenant_location(self, n: int) -> str:
        return self.tr("%Ln members have no usage location: they get the organisation's", "", n)

    def members_exclusive(self, n: int) -> str:
        return self.tr(
            "%Ln members would get {package} from {group} in error: it conflicts with a plan "
            "they already have (turn that app off first)",
            "",
            n,
        )

    def members_dependency(self, n: int) -> str:
        return self.tr(
            "%Ln members would get {package} from {group} in error: it needs a plan they do "
            "not have",
            "",
            n,
        )


# tr() only reads the installed translators, so one shared instance serves every thread.
_plurals = PlanText()


@dataclass(frozen=True)
class Names:
    """How the window names the ids a phrase carries."""

    naming: LicenseNaming
    skus: Mapping[str, Sku]

    def sku(self, sku_id: str) -> str:
        """The package's name; one the window's naming does not know comes from the catalog."""
        name = self.naming.sku(sku_id)
        return name if name != sku_id else sku_name(sku_id)

    def package(self, phrase: Phrase) -> str:
        return self.sku(phrase.packages[0]) if phrase.packages else ""

    def apps(self, sku_id: str, plan_ids: Sequence[str]) -> list[str]:
        return app_names(self.skus.get(sku_id), tuple(plan_ids))

    def license(self, lic: AssignedLicense) -> str:
        name = self.sku(lic.sku_id)
        if not lic.disabled_plans:
            return name
        off = ", ".join(self.apps(lic.sku_id, lic.disabled_plans))
        return QCoreApplication.translate("PlanText", "{package} (apps off: {apps})").format(
            package=name, apps=off
        )

    def licenses(self, phrase: Phrase) -> str:
        return ", ".join(self.license(lic) for lic in phrase.licenses)


def user_label(key: str, before: Mapping[str, User]) -> str:
    """ "Name <upn>" when the check saw the user, else the key the plan used; a group (the
    holder of its own licenses, named by its name alone) by its name."""
    user = before.get(key)
    if user is None:
        return key
    if user.user_principal_name == user.display_name:
        return user.display_name
    return f"{user.display_name} <{user.user_principal_name}>"


def app_names(sku: Sku | None, plan_ids: tuple[str, ...]) -> list[str]:
    names: dict[str, str] = {}
    if sku is not None:
        names = {p.service_plan_id: p.service_plan_name for p in sku.service_plans}
    return [plan_name(pid, names.get(pid)) for pid in plan_ids]


def _seats(p: Phrase, n: Names) -> str:
    return _plurals.seats_needed(p.count).format(package=n.package(p), free=count(p.free))


def _inner(p: Phrase, n: Names) -> str:
    return "; ".join(say(inner, n) for inner in p.said)


def _location_kept(p: Phrase, n: Names) -> str:
    packages = ", ".join(n.naming.sku(s) for s in p.packages)
    if p.groups:
        return QCoreApplication.translate(
            "PlanText", "Usage location {code} kept: {packages} from the group {group} needs it"
        ).format(code=p.value, packages=packages, group=", ".join(p.groups))
    return QCoreApplication.translate(
        "PlanText", "Usage location {code} kept: {packages}, which the user keeps, needs it"
    ).format(code=p.value, packages=packages)


def _title(p: Phrase, title: str) -> str:
    return f"{title} · {_plurals.users(p.count)}"


Words = Callable[[Phrase, Names], str]

_WINDOW: dict[Say, Words] = {
    Say.CREATE_ACCOUNT: lambda p, n: QCoreApplication.translate("PlanText", "create the user"),
    Say.DELETE_ACCOUNT: lambda p, n: QCoreApplication.translate("PlanText", "delete the account"),
    Say.SET_USAGE_LOCATION: lambda p, n: QCoreApplication.translate(
        "PlanText", "usage location {code}"
    ).format(code=p.value),
    Say.CLEAR_USAGE_LOCATION: lambda p, n: QCoreApplication.translate(
        "PlanText", "clear the usage location (leave it empty)"
    ),
    Say.ALLOW_SIGN_IN: lambda p, n: QCoreApplication.translate("PlanText", "allow sign-in"),
    Say.BLOCK_SIGN_IN: lambda p, n: QCoreApplication.translate("PlanText", "block sign-in"),
    Say.ADD_LICENSES: lambda p, n: QCoreApplication.translate("PlanText", "add {licenses}").format(
        licenses=n.licenses(p)
    ),
    Say.REMOVE_LICENSES: lambda p, n: QCoreApplication.translate(
        "PlanText", "remove {licenses}"
    ).format(licenses=", ".join(n.sku(s) for s in p.packages)),
    Say.REPROCESS_LICENSES: lambda p, n: QCoreApplication.translate(
        "PlanText", "process group licenses again"
    ),
    Say.JOIN_GROUPS: lambda p, n: QCoreApplication.translate(
        "PlanText", "add to the group {group}"
    ).format(group=", ".join(p.groups)),
    Say.LEAVE_GROUPS: lambda p, n: QCoreApplication.translate(
        "PlanText", "remove from the group {group}"
    ).format(group=", ".join(p.groups)),
    Say.THROUGH_THE_GROUP: lambda p, n: QCoreApplication.translate(
        "PlanText", "for every member, through the group"
    ),
    Say.NO_CHANGE: lambda p, n: QCoreApplication.translate("PlanText", "no change"),
    Say.DELETES_ACCOUNTS: lambda p, n: _plurals.deletes_accounts(p.count),
    Say.SAVES_PER_MONTH: lambda p, n: _plurals.saves_per_month(p.count).format(amount=p.value),
    Say.SEATS_GO_TO_GROUP: lambda p, n: _plurals.seats_go_to_group(p.count).format(
        package=n.package(p)
    ),
    Say.NOT_ENOUGH_SEATS: _seats,
    Say.MISSING_USAGE_LOCATION: lambda p, n: QCoreApplication.translate(
        "PlanText", "No usage location: choose a country for this user first"
    ),
    Say.INHERITED_FROM_GROUP: lambda p, n: QCoreApplication.translate(
        "PlanText", "{package} comes from the group {group}: change the group instead"
    ).format(package=n.package(p), group=", ".join(p.groups)),
    Say.PACKAGE_FOR_ORGANISATION: lambda p, n: QCoreApplication.translate(
        "PlanText", "{package} is for the organisation, not for users"
    ).format(package=n.package(p)),
    Say.PACKAGE_NOT_ACTIVE: lambda p, n: QCoreApplication.translate(
        "PlanText", "{package} cannot be assigned now ({status})"
    ).format(package=n.package(p), status=p.value),
    Say.UNKNOWN_PACKAGE: lambda p, n: QCoreApplication.translate(
        "PlanText", "The tenant has no license {package}"
    ).format(package=n.package(p)),
    Say.UNKNOWN_APP: lambda p, n: QCoreApplication.translate(
        "PlanText", "{package} has no such app"
    ).format(package=n.package(p)),
    Say.UNKNOWN_USER: lambda p, n: QCoreApplication.translate(
        "PlanText", "No such user in the tenant"
    ),
    Say.USER_GONE: lambda p, n: QCoreApplication.translate("PlanText", "The user no longer exists"),
    Say.USER_EXISTS: lambda p, n: QCoreApplication.translate(
        "PlanText", "A user with this user name already exists"
    ),
    Say.INVALID_USAGE_LOCATION: lambda p, n: QCoreApplication.translate(
        "PlanText", "“{value}” is not a country code (use two letters, e.g. PL)"
    ).format(value=p.value),
    Say.ALREADY_HAS: lambda p, n: QCoreApplication.translate(
        "PlanText", "Already has {package}"
    ).format(package=n.licenses(p)),
    Say.ALREADY_LACKS: lambda p, n: QCoreApplication.translate(
        "PlanText", "Does not hold {package} directly"
    ).format(package=n.package(p)),
    Say.NOTHING_TO_DO: lambda p, n: QCoreApplication.translate("PlanText", "Nothing to change"),
    Say.MAILBOX_DELETED_LATER: lambda p, n: QCoreApplication.translate(
        "PlanText",
        "This removes the user's last Exchange license: the mailbox is deleted 30 days later",
    ),
    Say.SYNC_UNDOES_BLOCK: lambda p, n: QCoreApplication.translate(
        "PlanText",
        "Synced from on-premises Active Directory: the next sync will undo the block. Disable "
        "the account on-premises to keep it blocked",
    ),
    Say.DUPLICATE_USER: lambda p, n: QCoreApplication.translate(
        "PlanText", "Listed more than once: keep one line per user"
    ),
    Say.CONFLICTING_CHANGE: lambda p, n: QCoreApplication.translate(
        "PlanText", "{package} is both added and removed"
    ).format(package=n.package(p)),
    Say.CANNOT_RESTORE_DELETED: lambda p, n: QCoreApplication.translate(
        "PlanText",
        "{user} was deleted: undo cannot bring a deleted user back (restore it from Deleted "
        "users in the Microsoft 365 admin center)",
    ).format(user=p.value),
    Say.UNKNOWN_GROUP: lambda p, n: QCoreApplication.translate(
        "PlanText", "No group {group} in the tenant"
    ).format(group=", ".join(p.groups)),
    Say.ALREADY_MEMBER: lambda p, n: QCoreApplication.translate(
        "PlanText", "Already a member of {group}"
    ).format(group=", ".join(p.groups)),
    Say.NOT_A_MEMBER: lambda p, n: QCoreApplication.translate(
        "PlanText", "Not a member of {group}"
    ).format(group=", ".join(p.groups)),
    Say.GAINS_THROUGH_GROUP: lambda p, n: QCoreApplication.translate(
        "PlanText", "Gets {packages} through the group {group}"
    ).format(packages=", ".join(n.sku(s) for s in p.packages), group=", ".join(p.groups)),
    Say.LOSES_THROUGH_GROUP: lambda p, n: QCoreApplication.translate(
        "PlanText", "Loses {packages}, which the group {group} gives"
    ).format(packages=", ".join(n.sku(s) for s in p.packages), group=", ".join(p.groups)),
    Say.MEMBERS_LOSE: lambda p, n: _plurals.members_lose(p.count).format(
        packages=", ".join(n.sku(s) for s in p.packages), mailboxes=p.value
    ),
    Say.MEMBERS_TAKE_TENANT_LOCATION: lambda p, n: _plurals.members_take_tenant_location(p.count),
    Say.NESTED_GROUPS_GET_NOTHING: lambda p, n: QCoreApplication.translate(
        "PlanText", "Nested groups {groups} pass nothing on: their members get nothing from it"
    ).format(groups=", ".join(p.groups)),
    Say.MEMBERS_EXCLUSIVE: lambda p, n: _plurals.members_exclusive(p.count).format(
        package=n.package(p), group=", ".join(p.groups)
    ),
    Say.MEMBERS_DEPENDENCY: lambda p, n: _plurals.members_dependency(p.count).format(
        package=n.package(p), group=", ".join(p.groups)
    ),
    Say.NOT_COVERED: lambda p, n: QCoreApplication.translate(
        "PlanText",
        "Direct {package} kept: the group's copy ({group}) is not active for the user or turns "
        "on fewer apps",
    ).format(package=n.package(p), group=", ".join(p.groups)),
    Say.TITLE_ASSIGN: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Add licenses")
    ),
    Say.TITLE_REASSIGN: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Reassign a license")
    ),
    Say.TITLE_REMOVE: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Remove licenses")
    ),
    Say.TITLE_APPS: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Change apps in a license")
    ),
    Say.TITLE_USAGE_LOCATION: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Set usage location")
    ),
    Say.TITLE_SIGN_IN: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Change sign-in")
    ),
    Say.TITLE_CREATE: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Create a user")
    ),
    Say.TITLE_COPY: lambda p, n: _title(p, QCoreApplication.translate("PlanText", "Copy licenses")),
    Say.TITLE_IMPORT: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Changes from a plan file")
    ),
    Say.TITLE_UNDO: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Undo an earlier change")
    ),
    Say.TITLE_MIXED: lambda p, n: _title(p, QCoreApplication.translate("PlanText", "Changes")),
    Say.TITLE_REPROCESS: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Process group licenses again")
    ),
    Say.TITLE_ADD_MEMBERS: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Add to a group")
    ),
    Say.TITLE_REMOVE_MEMBERS: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Remove from a group")
    ),
    Say.TITLE_GROUP_LICENSE: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "License a group")
    ),
    Say.TITLE_GROUP_APPS: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Change apps in a group's license")
    ),
    Say.TITLE_GROUP_REMOVE: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Remove a license from a group")
    ),
    Say.TITLE_REMOVE_COVERED: lambda p, n: _title(
        p, QCoreApplication.translate("PlanText", "Remove direct licenses a group gives")
    ),
    Say.OUTCOME_DONE: lambda p, n: QCoreApplication.translate("PlanText", "Done"),
    Say.OUTCOME_FAILED: lambda p, n: QCoreApplication.translate("PlanText", "Failed"),
    Say.OUTCOME_SKIPPED: lambda p, n: QCoreApplication.translate("PlanText", "Skipped"),
    Say.OUTCOME_CANCELLED: lambda p, n: QCoreApplication.translate("PlanText", "Not started"),
    Say.RUN_DONE: lambda p, n: _plurals.done(p.count),
    Say.RUN_FAILED: lambda p, n: _plurals.failed(p.count),
    Say.RUN_SKIPPED: lambda p, n: _plurals.needed_nothing(p.count),
    Say.RUN_CANCELLED: lambda p, n: _plurals.not_started(p.count),
    Say.RUN_PARTLY: lambda p, n: _plurals.partly(p.count),
    Say.RUN_UNCONFIRMED: lambda p, n: _plurals.unconfirmed_users(p.count),
    Say.OUTCOME_PARTLY: lambda p, n: QCoreApplication.translate("PlanText", "Partly done"),
    Say.OUTCOME_UNCONFIRMED: lambda p, n: QCoreApplication.translate("PlanText", "Unconfirmed"),
    Say.USAGE_LOCATION_KEPT: _location_kept,
    Say.NOTHING_TO_RESTORE: lambda p, n: QCoreApplication.translate(
        "PlanText", "Nothing of the earlier change is left to restore"
    ),
    Say.PART_DONE: lambda p, n: QCoreApplication.translate("PlanText", "{change}: done").format(
        change=_inner(p, n)
    ),
    Say.PART_FAILED: lambda p, n: QCoreApplication.translate(
        "PlanText", "{change}: failed ({reason})"
    ).format(change=_inner(p, n), reason=p.value),
    Say.PART_UNCONFIRMED: lambda p, n: QCoreApplication.translate(
        "PlanText", "{change}: not confirmed (the answer was lost)"
    ).format(change=_inner(p, n)),
    Say.PART_NOT_SENT: lambda p, n: QCoreApplication.translate(
        "PlanText", "{change}: not sent"
    ).format(change=_inner(p, n)),
    Say.RUN_NEEDS_CHECKING: lambda p, n: _plurals.unconfirmed(p.count),
}

_NO_NAMES = Names(LicenseNaming(), {})


def say(phrase: Phrase, names: Names = _NO_NAMES) -> str:
    """The phrase in the window's language. A ``Say`` without words here is a bug the window's
    phrase test catches."""
    return _WINDOW[phrase.say](phrase, names)


def sentence(said: Sequence[Phrase], names: Names) -> str:
    """Several phrases as one line, capitalised: "Create the user; add Microsoft 365 E3"."""
    text = "; ".join(say(p, names) for p in said)
    return text[:1].upper() + text[1:]


def change_text(change: UserChange, naming: LicenseNaming, skus: Mapping[str, Sku]) -> str:
    return sentence(change_phrases(change), Names(naming, skus))


def problem_text(
    problem: Problem, naming: LicenseNaming, skus: Mapping[str, Sku] | None = None
) -> str:
    """One sentence: what is wrong and, where it helps, what to do."""
    return say(problem_phrase(problem), Names(naming, skus or {}))


def plan_title(kind: PlanKind, users: int) -> str:
    return say(phrases.plan_title(kind, users))


def outcome_text(outcome: Outcome) -> str:
    return say(phrases.outcome_phrase(outcome))


def run_counts_text(report: RunReport) -> str:
    """ "3 done · 1 failed · 0 needed nothing": whole phrases, each translated on its own."""
    return " · ".join(say(p) for p in phrases.run_counts(report))


def result_text(result: UserResult, names: Names = _NO_NAMES) -> str:
    """Each part's outcome for one user ("Block sign-in: done; add …: failed (…)"), or the
    result's message when every part went the same way."""
    said = phrases.result_phrases(result)
    return sentence(said, names) if said else result.message


def needs_checking_text(unconfirmed: int) -> str:
    return say(phrases.needs_checking(unconfirmed))


def apply_button_text(kind: PlanKind) -> str:
    if kind is PlanKind.CREATE:
        return QCoreApplication.translate("PlanText", "Create user")
    if kind is PlanKind.UNDO:
        return QCoreApplication.translate("PlanText", "Undo")
    return QCoreApplication.translate("PlanText", "Apply changes")

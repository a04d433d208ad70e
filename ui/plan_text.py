"""Plans, problems and outcomes in the window's own (translated) words.

The engine's ``Problem.message`` is English for logs and the command line; the window builds
its text from ``kind`` and ``details`` so it can be translated, and falls back to the
engine's message for anything it does not know yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.catalog import plan_name
from desktop.graph.records import AssignedLicense, Sku, User
from desktop.licensing.types import PlanKind, Problem, ProblemKind, UserChange
from ui.formatting import count
from ui.models.naming import LicenseNaming


class PlanText(QObject):
    """This module's plural (%n) messages. lupdate finds numerus forms only in tr() calls, not
    in QCoreApplication.translate(), and tr() needs a QObject: this one, context "PlanText"."""

    def users(self, n: int) -> str:
        return self.tr("%Ln users", "", n)

    def seats_needed(self, n: int) -> str:
        return self.tr("Needs %Ln seats of {package}, {free} free", "", n)


# tr() only reads the installed translators, so one shared instance serves every thread.
_plurals = PlanText()


def user_label(key: str, before: Mapping[str, User]) -> str:
    """ "Name <upn>" when the check saw the user, else the key the plan used."""
    user = before.get(key)
    if user is None:
        return key
    return f"{user.display_name} <{user.user_principal_name}>"


def app_names(sku: Sku | None, plan_ids: tuple[str, ...]) -> list[str]:
    names: dict[str, str] = {}
    if sku is not None:
        names = {p.service_plan_id: p.service_plan_name for p in sku.service_plans}
    return [plan_name(pid, names.get(pid)) for pid in plan_ids]


def license_text(lic: AssignedLicense, naming: LicenseNaming, skus: Mapping[str, Sku]) -> str:
    name = naming.sku(lic.sku_id)
    if not lic.disabled_plans:
        return name
    off = ", ".join(app_names(skus.get(lic.sku_id), lic.disabled_plans))
    return QCoreApplication.translate("PlanText", "{package} (apps off: {apps})").format(
        package=name, apps=off
    )


def change_text(change: UserChange, naming: LicenseNaming, skus: Mapping[str, Sku]) -> str:
    parts: list[str] = []
    if change.create is not None:
        parts.append(QCoreApplication.translate("PlanText", "create the user"))
    if change.account_enabled is True and change.create is None:
        parts.append(QCoreApplication.translate("PlanText", "allow sign-in"))
    elif change.account_enabled is False:
        parts.append(QCoreApplication.translate("PlanText", "block sign-in"))
    if change.usage_location:
        parts.append(
            QCoreApplication.translate("PlanText", "usage location {code}").format(
                code=change.usage_location
            )
        )
    if change.add:
        added = ", ".join(license_text(lic, naming, skus) for lic in change.add)
        parts.append(
            QCoreApplication.translate("PlanText", "add {licenses}").format(licenses=added)
        )
    if change.remove:
        removed = ", ".join(naming.sku(s) for s in change.remove)
        parts.append(
            QCoreApplication.translate("PlanText", "remove {licenses}").format(licenses=removed)
        )
    text = "; ".join(parts) or QCoreApplication.translate("PlanText", "no change")
    return text[:1].upper() + text[1:]


def problem_text(problem: Problem, naming: LicenseNaming) -> str:
    """One sentence: what is wrong and, where it helps, what to do."""
    d: dict[str, Any] = problem.details
    package = naming.sku(str(d.get("sku_id", "")))
    kind = problem.kind
    if kind is ProblemKind.NOT_ENOUGH_SEATS:
        needed, free = d.get("needed"), d.get("free")
        text = _plurals.seats_needed(needed if isinstance(needed, int) else 0)
        return text.format(package=package, free=count(free) if isinstance(free, int) else "?")
    if kind is ProblemKind.MISSING_USAGE_LOCATION:
        return QCoreApplication.translate(
            "PlanText", "No usage location: choose a country for this user first"
        )
    if kind is ProblemKind.INHERITED_FROM_GROUP:
        group = d.get("group_name") or naming.group(str(d.get("group_id", "")))
        return QCoreApplication.translate(
            "PlanText", "{package} comes from the group {group}: change the group instead"
        ).format(package=package, group=group)
    if kind is ProblemKind.SKU_NOT_ASSIGNABLE:
        if d.get("applies_to") not in (None, "User"):
            return QCoreApplication.translate(
                "PlanText", "{package} is for the organisation, not for users"
            ).format(package=package)
        return QCoreApplication.translate(
            "PlanText", "{package} cannot be assigned now ({status})"
        ).format(package=package, status=d.get("status", ""))
    if kind is ProblemKind.UNKNOWN_SKU:
        return QCoreApplication.translate("PlanText", "The tenant has no license {package}").format(
            package=package
        )
    if kind is ProblemKind.UNKNOWN_PLAN:
        return QCoreApplication.translate("PlanText", "{package} has no such app").format(
            package=package
        )
    if kind is ProblemKind.UNKNOWN_USER:
        return QCoreApplication.translate("PlanText", "No such user in the tenant")
    if kind is ProblemKind.USER_EXISTS:
        return QCoreApplication.translate("PlanText", "A user with this user name already exists")
    if kind is ProblemKind.INVALID_USAGE_LOCATION:
        return QCoreApplication.translate(
            "PlanText", "“{value}” is not a country code (use two letters, e.g. PL)"
        ).format(value=d.get("value", ""))
    if kind is ProblemKind.ALREADY_HAS:
        return QCoreApplication.translate("PlanText", "Already has {package}").format(
            package=package
        )
    if kind is ProblemKind.ALREADY_LACKS:
        return QCoreApplication.translate("PlanText", "Does not hold {package} directly").format(
            package=package
        )
    if kind is ProblemKind.NOTHING_TO_DO:
        return QCoreApplication.translate("PlanText", "Nothing to change")
    if kind is ProblemKind.MAILBOX_WARNING:
        return QCoreApplication.translate(
            "PlanText",
            "This removes the user's last Exchange license: the mailbox is deleted 30 days later",
        )
    if kind is ProblemKind.DUPLICATE_USER:
        return QCoreApplication.translate(
            "PlanText", "Listed more than once: keep one line per user"
        )
    if kind is ProblemKind.CONFLICTING_CHANGE:
        return QCoreApplication.translate("PlanText", "{package} is both added and removed").format(
            package=package
        )
    return problem.message or kind.value


def plan_title(kind: PlanKind, users: int) -> str:
    titles = {
        PlanKind.ASSIGN: QCoreApplication.translate("PlanText", "Add licenses"),
        PlanKind.REASSIGN: QCoreApplication.translate("PlanText", "Reassign a license"),
        PlanKind.REMOVE: QCoreApplication.translate("PlanText", "Remove licenses"),
        PlanKind.APPS: QCoreApplication.translate("PlanText", "Change apps in a license"),
        PlanKind.USAGE_LOCATION: QCoreApplication.translate("PlanText", "Set usage location"),
        PlanKind.SIGN_IN: QCoreApplication.translate("PlanText", "Change sign-in"),
        PlanKind.CREATE: QCoreApplication.translate("PlanText", "Create a user"),
        PlanKind.COPY: QCoreApplication.translate("PlanText", "Copy licenses"),
        PlanKind.IMPORT: QCoreApplication.translate("PlanText", "Changes from a plan file"),
        PlanKind.UNDO: QCoreApplication.translate("PlanText", "Undo an earlier change"),
        PlanKind.MIXED: QCoreApplication.translate("PlanText", "Changes"),
    }
    return f"{titles.get(kind, kind.value)} · {_plurals.users(users)}"


def apply_button_text(kind: PlanKind) -> str:
    if kind is PlanKind.CREATE:
        return QCoreApplication.translate("PlanText", "Create user")
    if kind is PlanKind.UNDO:
        return QCoreApplication.translate("PlanText", "Undo")
    return QCoreApplication.translate("PlanText", "Apply changes")

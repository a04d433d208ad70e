"""A group license error in plain words: what went wrong (the same short reason the user table
shows) and what to do about it, and each fix offered by "Fix…" (desktop/licensing/error_fixes.py)
said as the change it makes."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop.graph.records import Sku, User
from desktop.licensing.error_fixes import (
    COUNT_VIOLATION,
    DEPENDENCY,
    MUTUALLY_EXCLUSIVE,
    PROHIBITED_LOCATION,
    UNIQUENESS,
    Fix,
    FixKind,
)
from ui.models.naming import LicenseNaming, error_label
from ui.plan_text import app_names


def reason(code: str | None) -> str:
    return error_label(code)


def what_to_do(code: str | None, package: str) -> str:
    if code == COUNT_VIOLATION:
        text = QCoreApplication.translate(
            "GroupErrors",
            "Free a seat of {package} (remove it from someone who does not need it) or buy "
            "more, then reprocess.",
        )
    elif code == MUTUALLY_EXCLUSIVE:
        text = QCoreApplication.translate(
            "GroupErrors",
            "Turn off the conflicting app in the user's other license (or in the group's "
            "package), then reprocess.",
        )
    elif code == DEPENDENCY:
        text = QCoreApplication.translate(
            "GroupErrors",
            "Give the user a license with the app {package} needs (or turn off the app that "
            "needs it), then reprocess.",
        )
    elif code == PROHIBITED_LOCATION:
        text = QCoreApplication.translate(
            "GroupErrors",
            "Set the user's usage location to a country where {package} is offered, then "
            "reprocess.",
        )
    elif code == UNIQUENESS:
        text = QCoreApplication.translate(
            "GroupErrors",
            "Another object uses the same e-mail address: correct the address (on-premises for "
            "a synced user), then reprocess.",
        )
    else:
        text = QCoreApplication.translate(
            "GroupErrors",
            "Reprocess; if the error stays, look at the user in the Microsoft Entra admin center.",
        )
    return text.format(package=package)


def fix_text(
    fix: Fix, naming: LicenseNaming, skus: Mapping[str, Sku], users: Mapping[str, User]
) -> str:
    package = naming.sku(fix.sku_id)
    if fix.kind is FixKind.FREE_SEAT:
        holder = users.get(fix.holder_id or "")
        who = holder.display_name if holder is not None else fix.holder_id or ""
        return QCoreApplication.translate(
            "GroupErrors",
            "Free a seat: remove {package} from {holder}, whose sign-in is blocked; then reprocess",
        ).format(package=package, holder=who)
    if fix.kind is FixKind.TURN_OFF_APP:
        other = fix.other_sku_id or ""
        apps = ", ".join(app_names(skus.get(other), fix.plan_ids))
        return QCoreApplication.translate(
            "GroupErrors", "Turn off {apps} in the user's {license}, then reprocess"
        ).format(apps=apps, license=naming.sku(other))
    if fix.kind is FixKind.SET_USAGE_LOCATION:
        return QCoreApplication.translate(
            "GroupErrors", "Set the user's usage location, then reprocess"
        )
    return QCoreApplication.translate("GroupErrors", "Reprocess the user's group licenses")

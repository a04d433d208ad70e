"""Accessible names and descriptions for every control, in one place.

Screen readers announce a control by its accessible name and explain it by its description.
Qt derives some on its own (a button's text, a field's buddy label), but not a list's name, a
combo box's purpose (it reads the current choice), or any description without a tooltip.
``name_controls`` fills what is missing when a window or dialog is built (the launch seam
calls it for every dialog): the words below for the named lists and fields, the tooltip, the
buddy label, and for a dialog's standard buttons what they do.
tests/ui/test_accessibility.py walks every window and dialog and fails on a control left
without a name or a description.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


def _words() -> dict[str, tuple[str, str]]:
    """objectName → (name, description) for controls whose purpose no text of theirs says."""

    return {
        "signInButton": (
            QCoreApplication.translate("Accessible", "Sign in"),
            QCoreApplication.translate(
                "Accessible", "Signs in to your organisation's Microsoft 365 in the browser"
            ),
        ),
        "openDemoButton": (
            QCoreApplication.translate("Accessible", "Open the demo tenant"),
            QCoreApplication.translate(
                "Accessible", "Opens a made-up organisation on this computer, to try things out"
            ),
        ),
        "codeSignInButton": (
            QCoreApplication.translate("Accessible", "Sign in with a code"),
            QCoreApplication.translate(
                "Accessible", "Signs in on another device with a code shown here"
            ),
        ),
        "backToTenant": (
            QCoreApplication.translate("Accessible", "Back"),
            QCoreApplication.translate("Accessible", "Returns to the organisation that was open"),
        ),
        "cancelSignIn": (
            QCoreApplication.translate("Accessible", "Cancel sign-in"),
            QCoreApplication.translate("Accessible", "Stops waiting for the sign-in"),
        ),
        "signInOptionsButton": (
            QCoreApplication.translate("Accessible", "Sign-in options"),
            QCoreApplication.translate(
                "Accessible", "Which organisation and app registration to sign in with"
            ),
        ),
        "copyDeviceCode": (
            QCoreApplication.translate("Accessible", "Copy code"),
            QCoreApplication.translate("Accessible", "Copies the sign-in code"),
        ),
        "findingsKind": (
            QCoreApplication.translate("Accessible", "Show findings"),
            QCoreApplication.translate("Accessible", "Shows all findings or one kind of them"),
        ),
        "findingsTable": (
            QCoreApplication.translate("Accessible", "Findings"),
            QCoreApplication.translate(
                "Accessible", "Licenses held but not used, with what they cost; select to reclaim"
            ),
        ),
        "renewalsList": (
            QCoreApplication.translate("Accessible", "Renewals"),
            QCoreApplication.translate("Accessible", "Each package and when it renews or ends"),
        ),
        "pricesTable": (
            QCoreApplication.translate("Accessible", "Prices"),
            QCoreApplication.translate(
                "Accessible", "The monthly price of each package; edit a cell to change it"
            ),
        ),
        "trendPackage": (
            QCoreApplication.translate("Accessible", "Package"),
            QCoreApplication.translate("Accessible", "The package whose seats the chart shows"),
        ),
        "qt_tableview_cornerbutton": (
            QCoreApplication.translate("Accessible", "Select all"),
            QCoreApplication.translate("Accessible", "Selects every row of the table"),
        ),
        "searchBox": (
            QCoreApplication.translate("Accessible", "Search users"),
            QCoreApplication.translate(
                "Accessible", "Shows only the users whose name, user name or department match"
            ),
        ),
        "quickFilter": (
            QCoreApplication.translate("Accessible", "Show"),
            QCoreApplication.translate("Accessible", "Shows all users or only those in one state"),
        ),
        "userTable": (
            QCoreApplication.translate("Accessible", "Users"),
            QCoreApplication.translate(
                "Accessible",
                "The users of the tenant. Space ticks a user; the Menu key opens their actions",
            ),
        ),
        "groupSearch": (
            QCoreApplication.translate("Accessible", "Search groups"),
            QCoreApplication.translate(
                "Accessible", "Shows only the groups whose name or packages match"
            ),
        ),
        "groupTable": (
            QCoreApplication.translate("Accessible", "Licensed groups"),
            QCoreApplication.translate(
                "Accessible",
                "The groups that hand out licenses; choose one to see its members in error. "
                "The Menu key opens the group's actions",
            ),
        ),
        "groupErrorTable": (
            QCoreApplication.translate("Accessible", "Members in error"),
            QCoreApplication.translate(
                "Accessible",
                "Members of the chosen group who did not get a package, why, and what to do. "
                "The Menu key offers Fix",
            ),
        ),
        "packageTree": (
            QCoreApplication.translate("Accessible", "License packages"),
            QCoreApplication.translate(
                "Accessible",
                "Tick a package to choose it; expand it to switch individual apps off",
            ),
        ),
        "previewRows": (
            QCoreApplication.translate("Accessible", "Changes"),
            QCoreApplication.translate(
                "Accessible", "Each user and what will change for them, with any problem"
            ),
        ),
        "resultsTable": (
            QCoreApplication.translate("Accessible", "Results"),
            QCoreApplication.translate("Accessible", "Each user and what happened to their change"),
        ),
        "historyTable": (
            QCoreApplication.translate("Accessible", "Earlier runs"),
            QCoreApplication.translate(
                "Accessible", "Each earlier run: when, what it changed, and how it ended"
            ),
        ),
        "removePackages": (
            QCoreApplication.translate("Accessible", "Packages to remove"),
            QCoreApplication.translate(
                "Accessible", "Tick the packages to remove from the ticked users"
            ),
        ),
        "appsList": (
            QCoreApplication.translate("Accessible", "Apps"),
            QCoreApplication.translate(
                "Accessible", "Ticked apps are on; untick an app to switch it off"
            ),
        ),
        "appsPackage": (
            QCoreApplication.translate("Accessible", "Package"),
            QCoreApplication.translate("Accessible", "The package whose apps the list shows"),
        ),
        "reassignFrom": (
            QCoreApplication.translate("Accessible", "Replace"),
            QCoreApplication.translate("Accessible", "The package the users give up"),
        ),
        "countryCombo": (
            QCoreApplication.translate("Accessible", "Usage location"),
            QCoreApplication.translate(
                "Accessible", "The country where the users use their licenses"
            ),
        ),
        "newLocalPart": (
            QCoreApplication.translate("Accessible", "User name"),
            QCoreApplication.translate("Accessible", "The part of the sign-in name before the @"),
        ),
        "newDomain": (
            QCoreApplication.translate("Accessible", "Domain"),
            QCoreApplication.translate("Accessible", "The part of the sign-in name after the @"),
        ),
        "newDepartment": (
            QCoreApplication.translate("Accessible", "Department"),
            QCoreApplication.translate("Accessible", "The user's department (optional)"),
        ),
        "newDisplayName": (
            QCoreApplication.translate("Accessible", "Display name"),
            QCoreApplication.translate("Accessible", "The person's first and last name"),
        ),
        "forceChange": (
            QCoreApplication.translate("Accessible", "Ask for a new password"),
            QCoreApplication.translate(
                "Accessible", "The user must choose their own password at first sign-in"
            ),
        ),
        "copyFromSearch": (
            QCoreApplication.translate("Accessible", "Find the user to copy from"),
            QCoreApplication.translate(
                "Accessible", "Type a name or user name; matching users are listed below"
            ),
        ),
        "copyFromMatches": (
            QCoreApplication.translate("Accessible", "Matching users"),
            QCoreApplication.translate("Accessible", "Choose the user whose licenses to copy"),
        ),
        "languageChoice": (
            QCoreApplication.translate("Accessible", "Language"),
            QCoreApplication.translate(
                "Accessible", "The window's language; it applies after a restart"
            ),
        ),
        "thirdPartyNotices": (
            QCoreApplication.translate("Accessible", "Third-party software notices"),
            QCoreApplication.translate(
                "Accessible", "The licences of the software License Desk uses"
            ),
        ),
        "errorDetails": (
            QCoreApplication.translate("Accessible", "Details"),
            QCoreApplication.translate("Accessible", "The codes and text your IT support needs"),
        ),
        "copyDetails": (
            QCoreApplication.translate("Accessible", "Copy details"),
            QCoreApplication.translate(
                "Accessible", "Copies the message and its details for your IT support"
            ),
        ),
        "copyReport": (
            QCoreApplication.translate("Accessible", "Copy report"),
            QCoreApplication.translate("Accessible", "Copies every user's result as text"),
        ),
        "applyPlan": (
            QCoreApplication.translate("Accessible", "Apply"),
            QCoreApplication.translate("Accessible", "Makes the changes listed, in Microsoft 365"),
        ),
        "retryFailed": (
            QCoreApplication.translate("Accessible", "Retry failed"),
            QCoreApplication.translate("Accessible", "Tries again the changes that failed"),
        ),
        "undoRun": (
            QCoreApplication.translate("Accessible", "Undo"),
            QCoreApplication.translate(
                "Accessible", "Previews putting back what the chosen run changed"
            ),
        ),
        "resumeRun": (
            QCoreApplication.translate("Accessible", "Resume"),
            QCoreApplication.translate(
                "Accessible", "Checks and finishes the chosen run's unfinished changes"
            ),
        ),
    }


def _standard_description(box: QDialogButtonBox, button: QAbstractButton) -> str:
    standard = box.standardButton(button)
    buttons = QDialogButtonBox.StandardButton
    if standard == buttons.Cancel:
        return QCoreApplication.translate("Accessible", "Closes this window without changes")
    if standard == buttons.Close:
        return QCoreApplication.translate("Accessible", "Closes this window")
    role = box.buttonRole(button)
    if role == QDialogButtonBox.ButtonRole.AcceptRole:
        return QCoreApplication.translate(
            "Accessible", "Goes on with what this window shows; nothing changes before a preview"
        )
    if role == QDialogButtonBox.ButtonRole.HelpRole:
        return QCoreApplication.translate("Accessible", "Shows or hides more information")
    return ""


def _buddy_text(widget: QWidget) -> str:
    """The text of the label a form row or a buddy gives ``widget``."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(widget)
        if isinstance(label, QLabel):
            return label.text()
    for label in parent.findChildren(QLabel) if parent is not None else ():
        if label.buddy() is widget:
            return label.text()
    return ""


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def name_controls(top: QWidget) -> None:
    """Give every control inside ``top`` an accessible name and description it lacks."""
    words = _words()
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # the control's own editor: the control carries the name
        name, description = words.get(widget.objectName(), ("", ""))
        if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QLineEdit):
            name = QCoreApplication.translate("Accessible", "Clear")
            description = QCoreApplication.translate("Accessible", "Empties the field")
        if not widget.accessibleName():
            if not name and isinstance(widget, QAbstractButton):
                name = _clean(widget.text()) or widget.toolTip()
            name = name or _clean(_buddy_text(widget))
            if isinstance(widget, QLineEdit):
                name = name or widget.placeholderText()
            name = name or widget.toolTip()
            if name:
                widget.setAccessibleName(name)
        if not widget.accessibleDescription():
            box = widget.parentWidget()
            if not description and isinstance(box, QDialogButtonBox):
                assert isinstance(widget, QAbstractButton)
                description = _standard_description(box, widget)
            description = description or widget.toolTip() or widget.statusTip()
            if description:
                widget.setAccessibleDescription(description)

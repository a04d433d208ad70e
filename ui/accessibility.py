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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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


# objectName → (name, description) for controls whose purpose no text of theirs says; marked
# with QT_TRANSLATE_NOOP (typed object by PySide6) and translated when a control is named.
_WORDS: dict[str, tuple[object, object]] = {
    "signInButton": (
        QT_TRANSLATE_NOOP("Accessible", "Sign in"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Signs in to your organisation's Microsoft 365 in the browser"
        ),
    ),
    "openDemoButton": (
        QT_TRANSLATE_NOOP("Accessible", "Open the demo tenant"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Opens a made-up organisation on this computer, to try things out"
        ),
    ),
    "codeSignInButton": (
        QT_TRANSLATE_NOOP("Accessible", "Sign in with a code"),
        QT_TRANSLATE_NOOP("Accessible", "Signs in on another device with a code shown here"),
    ),
    "backToTenant": (
        QT_TRANSLATE_NOOP("Accessible", "Back"),
        QT_TRANSLATE_NOOP("Accessible", "Returns to the organisation that was open"),
    ),
    "cancelSignIn": (
        QT_TRANSLATE_NOOP("Accessible", "Cancel sign-in"),
        QT_TRANSLATE_NOOP("Accessible", "Stops waiting for the sign-in"),
    ),
    "signInOptionsButton": (
        QT_TRANSLATE_NOOP("Accessible", "Sign-in options"),
        QT_TRANSLATE_NOOP("Accessible", "Which organisation and app registration to sign in with"),
    ),
    "copyDeviceCode": (
        QT_TRANSLATE_NOOP("Accessible", "Copy code"),
        QT_TRANSLATE_NOOP("Accessible", "Copies the sign-in code"),
    ),
    "findingsKind": (
        QT_TRANSLATE_NOOP("Accessible", "Show findings"),
        QT_TRANSLATE_NOOP("Accessible", "Shows all findings or one kind of them"),
    ),
    "findingsTable": (
        QT_TRANSLATE_NOOP("Accessible", "Findings"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Licenses held but not used, with what they cost; select to reclaim"
        ),
    ),
    "renewalsList": (
        QT_TRANSLATE_NOOP("Accessible", "Renewals"),
        QT_TRANSLATE_NOOP("Accessible", "Each package and when it renews or ends"),
    ),
    "pricesTable": (
        QT_TRANSLATE_NOOP("Accessible", "Prices"),
        QT_TRANSLATE_NOOP(
            "Accessible", "The monthly price of each package; edit a cell to change it"
        ),
    ),
    "trendPackage": (
        QT_TRANSLATE_NOOP("Accessible", "Package"),
        QT_TRANSLATE_NOOP("Accessible", "The package whose seats the chart shows"),
    ),
    "qt_tableview_cornerbutton": (
        QT_TRANSLATE_NOOP("Accessible", "Select all"),
        QT_TRANSLATE_NOOP("Accessible", "Selects every row of the table"),
    ),
    "searchBox": (
        QT_TRANSLATE_NOOP("Accessible", "Search users"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Shows only the users whose name, user name or department match"
        ),
    ),
    "quickFilter": (
        QT_TRANSLATE_NOOP("Accessible", "Show"),
        QT_TRANSLATE_NOOP("Accessible", "Shows all users or only those in one state"),
    ),
    "userTable": (
        QT_TRANSLATE_NOOP("Accessible", "Users"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "The users of the tenant. Space ticks a user; the Menu key opens their actions",
        ),
    ),
    "groupSearch": (
        QT_TRANSLATE_NOOP("Accessible", "Search groups"),
        QT_TRANSLATE_NOOP("Accessible", "Shows only the groups whose name or packages match"),
    ),
    "groupTable": (
        QT_TRANSLATE_NOOP("Accessible", "Licensed groups"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "The groups that hand out licenses; choose one to see its members in error. "
            "The Menu key opens the group's actions",
        ),
    ),
    "groupErrorTable": (
        QT_TRANSLATE_NOOP("Accessible", "Members in error"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "Members of the chosen group who did not get a package, why, and what to do. "
            "The Menu key offers Fix",
        ),
    ),
    "memberList": (
        QT_TRANSLATE_NOOP("Accessible", "Members"),
        QT_TRANSLATE_NOOP(
            "Accessible", "The group's members; Space ticks one to remove from the group"
        ),
    ),
    "packageTree": (
        QT_TRANSLATE_NOOP("Accessible", "License packages"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "Tick a package to choose it; expand it to switch individual apps off",
        ),
    ),
    "previewRows": (
        QT_TRANSLATE_NOOP("Accessible", "Changes"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Each user and what will change for them, with any problem"
        ),
    ),
    "resultsTable": (
        QT_TRANSLATE_NOOP("Accessible", "Results"),
        QT_TRANSLATE_NOOP("Accessible", "Each user and what happened to their change"),
    ),
    "historyTable": (
        QT_TRANSLATE_NOOP("Accessible", "Earlier runs"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Each earlier run: when, what it changed, and how it ended"
        ),
    ),
    "removePackages": (
        QT_TRANSLATE_NOOP("Accessible", "Packages to remove"),
        QT_TRANSLATE_NOOP("Accessible", "Tick the packages to remove from the ticked users"),
    ),
    "appsList": (
        QT_TRANSLATE_NOOP("Accessible", "Apps"),
        QT_TRANSLATE_NOOP("Accessible", "Ticked apps are on; untick an app to switch it off"),
    ),
    "appsPackage": (
        QT_TRANSLATE_NOOP("Accessible", "Package"),
        QT_TRANSLATE_NOOP("Accessible", "The package whose apps the list shows"),
    ),
    "reassignFrom": (
        QT_TRANSLATE_NOOP("Accessible", "Replace"),
        QT_TRANSLATE_NOOP("Accessible", "The package the users give up"),
    ),
    "countryCombo": (
        QT_TRANSLATE_NOOP("Accessible", "Usage location"),
        QT_TRANSLATE_NOOP("Accessible", "The country where the users use their licenses"),
    ),
    "newLocalPart": (
        QT_TRANSLATE_NOOP("Accessible", "User name"),
        QT_TRANSLATE_NOOP("Accessible", "The part of the sign-in name before the @"),
    ),
    "newDomain": (
        QT_TRANSLATE_NOOP("Accessible", "Domain"),
        QT_TRANSLATE_NOOP("Accessible", "The part of the sign-in name after the @"),
    ),
    "newDepartment": (
        QT_TRANSLATE_NOOP("Accessible", "Department"),
        QT_TRANSLATE_NOOP("Accessible", "The user's department (optional)"),
    ),
    "newDisplayName": (
        QT_TRANSLATE_NOOP("Accessible", "Display name"),
        QT_TRANSLATE_NOOP("Accessible", "The person's first and last name"),
    ),
    "forceChange": (
        QT_TRANSLATE_NOOP("Accessible", "Ask for a new password"),
        QT_TRANSLATE_NOOP("Accessible", "The user must choose their own password at first sign-in"),
    ),
    "copyFromSearch": (
        QT_TRANSLATE_NOOP("Accessible", "Find the user to copy from"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Type a name or user name; matching users are listed below"
        ),
    ),
    "copyFromMatches": (
        QT_TRANSLATE_NOOP("Accessible", "Matching users"),
        QT_TRANSLATE_NOOP("Accessible", "Choose the user whose licenses to copy"),
    ),
    "languageChoice": (
        QT_TRANSLATE_NOOP("Accessible", "Language"),
        QT_TRANSLATE_NOOP("Accessible", "The window's language; it applies after a restart"),
    ),
    "thirdPartyNotices": (
        QT_TRANSLATE_NOOP("Accessible", "Third-party software notices"),
        QT_TRANSLATE_NOOP("Accessible", "The licences of the software License Desk uses"),
    ),
    "errorDetails": (
        QT_TRANSLATE_NOOP("Accessible", "Details"),
        QT_TRANSLATE_NOOP("Accessible", "The codes and text your IT support needs"),
    ),
    "copyDetails": (
        QT_TRANSLATE_NOOP("Accessible", "Copy details"),
        QT_TRANSLATE_NOOP("Accessible", "Copies the message and its details for your IT support"),
    ),
    "copyReport": (
        QT_TRANSLATE_NOOP("Accessible", "Copy report"),
        QT_TRANSLATE_NOOP("Accessible", "Copies every user's result as text"),
    ),
    "applyPlan": (
        QT_TRANSLATE_NOOP("Accessible", "Apply"),
        QT_TRANSLATE_NOOP("Accessible", "Makes the changes listed, in Microsoft 365"),
    ),
    "retryFailed": (
        QT_TRANSLATE_NOOP("Accessible", "Retry failed"),
        QT_TRANSLATE_NOOP("Accessible", "Tries again the changes that failed"),
    ),
    "undoRun": (
        QT_TRANSLATE_NOOP("Accessible", "Undo"),
        QT_TRANSLATE_NOOP("Accessible", "Previews putting back what the chosen run changed"),
    ),
    "resumeRun": (
        QT_TRANSLATE_NOOP("Accessible", "Resume"),
        QT_TRANSLATE_NOOP("Accessible", "Checks and finishes the chosen run's unfinished changes"),
    ),
    "templateCombo": (
        QT_TRANSLATE_NOOP("Accessible", "License template"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "Fills in the packages, apps and usage location of a saved license template",
        ),
    ),
    "templateName": (
        QT_TRANSLATE_NOOP("Accessible", "Template name"),
        QT_TRANSLATE_NOOP("Accessible", "The name the template is saved under"),
    ),
    "templateDepartment": (
        QT_TRANSLATE_NOOP("Accessible", "For department"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "The department whose users the drift check compares with this template (optional)",
        ),
    ),
    "templateReplace": (
        QT_TRANSLATE_NOOP("Accessible", "Replace the template of that name"),
        QT_TRANSLATE_NOOP("Accessible", "Saves over the existing template with the same name"),
    ),
    "templateSave": (
        QT_TRANSLATE_NOOP("Accessible", "Save"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "Saves the template for use in New user, Add licenses and other tenants",
        ),
    ),
    "templatesList": (
        QT_TRANSLATE_NOOP("Accessible", "Saved templates"),
        QT_TRANSLATE_NOOP(
            "Accessible", "The saved license templates; the one chosen is described below"
        ),
    ),
    "templateRename": (
        QT_TRANSLATE_NOOP("Accessible", "Rename"),
        QT_TRANSLATE_NOOP("Accessible", "Gives the chosen template another name"),
    ),
    "templateDelete": (
        QT_TRANSLATE_NOOP("Accessible", "Delete"),
        QT_TRANSLATE_NOOP("Accessible", "Forgets the chosen template; users keep their licenses"),
    ),
    "templateExport": (
        QT_TRANSLATE_NOOP("Accessible", "Export"),
        QT_TRANSLATE_NOOP("Accessible", "Writes the chosen template to a JSON file to share"),
    ),
    "templateImport": (
        QT_TRANSLATE_NOOP("Accessible", "Import"),
        QT_TRANSLATE_NOOP("Accessible", "Adds a template from a JSON file"),
    ),
    "driftDepartment": (
        QT_TRANSLATE_NOOP("Accessible", "Department"),
        QT_TRANSLATE_NOOP("Accessible", "Which department's users are compared with its template"),
    ),
    "driftTable": (
        QT_TRANSLATE_NOOP("Accessible", "Users who differ"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "Each user whose licenses differ from their department's template, and how",
        ),
    ),
    "driftAlign": (
        QT_TRANSLATE_NOOP("Accessible", "Align"),
        QT_TRANSLATE_NOOP(
            "Accessible",
            "Shows the change that makes these users match their templates, before anything "
            "is sent",
        ),
    ),
    "cancelRun": (
        QT_TRANSLATE_NOOP("Accessible", "Cancel"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Stops after the users already sent; each user is changed or untouched"
        ),
    ),
    "temporaryPassword": (
        QT_TRANSLATE_NOOP("Accessible", "Temporary password"),
        QT_TRANSLATE_NOOP("Accessible", "Shown only now; the user changes it at first sign-in"),
    ),
    "copyPassword": (
        QT_TRANSLATE_NOOP("Accessible", "Copy password"),
        QT_TRANSLATE_NOOP("Accessible", "Copies the temporary password"),
    ),
    "useDefaults": (
        QT_TRANSLATE_NOOP("Accessible", "Use defaults"),
        QT_TRANSLATE_NOOP(
            "Accessible", "Empties both fields: the default app, the organisation chosen at sign-in"
        ),
    ),
    "welcomeDetailsButton": (
        QT_TRANSLATE_NOOP("Accessible", "Show details"),
        QT_TRANSLATE_NOOP("Accessible", "Shows or hides Microsoft's own words for support"),
    ),
    "welcomeDetails": (
        QT_TRANSLATE_NOOP("Accessible", "Details"),
        QT_TRANSLATE_NOOP("Accessible", "The codes and text your IT support needs"),
    ),
    "importFirstRows": (
        QT_TRANSLATE_NOOP("Accessible", "First rows"),
        QT_TRANSLATE_NOOP("Accessible", "The first people of the file as they will be imported"),
    ),
    "importBadRows": (
        QT_TRANSLATE_NOOP("Accessible", "Rows that cannot be imported"),
        QT_TRANSLATE_NOOP("Accessible", "Each bad row by its line number, with what to fix"),
    ),
    "passwordsTable": (
        QT_TRANSLATE_NOOP("Accessible", "Temporary passwords"),
        QT_TRANSLATE_NOOP("Accessible", "Each created account and its password, shown only now"),
    ),
}


def _words_of(object_name: str) -> tuple[str, str]:
    name, description = _WORDS.get(object_name, ("", ""))
    if not name:
        return "", ""
    return (
        QCoreApplication.translate("Accessible", str(name)),
        QCoreApplication.translate("Accessible", str(description)),
    )


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
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # the control's own editor: the control carries the name
        name, description = _words_of(widget.objectName())
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

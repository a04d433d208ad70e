"""Every dialog of the window, shown one by one for a check (the pseudo-translation walk in
test_pseudo_translation.py, the accessible-names walk in test_accessibility.py): the ones the
window's actions open, answered as a person would so the next one shows, and the ones that
appear only in the middle of something (a run's progress, a created user's password, the
sign-in options, the code to type at Microsoft's page, the people import, passwords)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.auth.errors import SignInFailedError
from desktop.catalog import plan_name
from desktop.graph.errors import GraphError
from desktop.licensing.types import PlanKind, Progress
from desktop.people.table import read_table
from tests.ui.conftest import ACCEPT, REJECT, Desk
from tests.ui.helpers import apply_and_wait, click, rows_where
from ui.auth.options import SignInOptions
from ui.auth.options_dialog import SignInOptionsDialog
from ui.dialogs.error_dialog import ErrorDialog
from ui.dialogs.import_people_dialog import ImportPeopleDialog
from ui.dialogs.launcher import driven_by, launch
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.passwords_dialog import PasswordsDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.progress_dialog import ProgressDialog
from ui.dialogs.remove_dialog import RemoveDialog
from ui.dialogs.user_created_dialog import UserCreatedDialog
from ui.errors import describe
from ui.main_window import MainWindow
from ui.models.columns import Column
from ui.plan_text import plan_title

Check = Callable[[QWidget], list[str]]  # what is wrong in a shown widget, one line each

# The dialogs the window's actions open (with two licensed users ticked).
ACTION_DIALOGS = frozenset(
    {
        "LicensePickerDialog",
        "PlanPreviewDialog",
        "ResultsDialog",
        "ReassignDialog",
        "RemoveDialog",
        "RemoveDialog (leave groups)",
        "AppsDialog",
        "UsageLocationDialog",
        "NewUserDialog",
        "CopyFromDialog",
        "HistoryDialog",
        "SettingsDialog",
        "AboutDialog",
        "ErrorDialog",
    }
)
# Sample words of Microsoft and of people: data, shown as they are.
CREATED_UPN = "natalia.lewandowska@contoso.onmicrosoft.com"
PASSWORD = "Kx7#mQ2p-Rw9"
DEVICE_URI = "https://microsoft.com/devicelogin"
DEVICE_CODE = "F7KQ-2MXD"
REFUSAL = "AADSTS50105: Microsoft's own words."
PEOPLE_FILE = "Imię;Nazwisko;E-mail;Nr kadrowy\nŁucja;Żak;lucja@prywatna.pl;1\nEwa;;zly;2\n"
SAMPLE_DATA = (
    "License Desk", "Microsoft 365", "Microsoft", "Qt", "PySide6", "Contoso", CREATED_UPN,
    PASSWORD, DEVICE_URI, DEVICE_CODE, "kadry.csv", "Imię", "Nazwisko", "E-mail", "Nr kadrowy",
    "Łucja", "Żak", "lucja@prywatna.pl", "zly", REFUSAL, "error: access_denied",
)  # fmt: skip


def data_of(desk: Desk) -> list[str]:
    """What the tenant says and the window shows as it is (names, not words)."""
    users = desk.session.users.users()
    values = [u.display_name for u in users] + [u.user_principal_name for u in users]
    values += [u.department or "" for u in users] + [u.job_title or "" for u in users]
    naming = desk.session.naming
    for sku in desk.session.skus.skus():
        values += [naming.sku(sku.sku_id), sku.sku_part_number]
        values += [plan_name(p.service_plan_id, p.service_plan_name) for p in sku.service_plans]
    organization = desk.session.organization
    values += [
        organization.display_name if organization else "",
        desk.session.connection.account_label,
    ]
    return values + list(SAMPLE_DATA)


@dataclass
class DialogWalker:
    """Answers every dialog the window launches: shows it, records what ``check`` finds, and
    goes on (Add licenses picks ``sku_id`` so the preview and the results show too)."""

    desk: Desk
    check: Check
    sku_id: str = ""
    problems: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    def look(self, widget: QWidget, name: str = "") -> None:
        name = name or type(widget).__name__
        self.seen.append(name)
        widget.show()
        QApplication.processEvents()
        self.problems += [f"{name} {line}" for line in self.check(widget)]
        widget.hide()

    def __call__(self, dialog: QDialog) -> int:
        self.desk.qtbot.addWidget(dialog)
        self.look(dialog)
        if isinstance(dialog, LicensePickerDialog):
            dialog.tree.set_picked(self.sku_id)
            return ACCEPT
        if isinstance(dialog, PlanPreviewDialog):
            return ACCEPT
        if isinstance(dialog, RemoveDialog):
            self.look_leaving_groups(dialog)
        return REJECT

    def look_leaving_groups(self, dialog: RemoveDialog) -> None:
        """Remove license with a package picked that a ticked user inherits: the offer to
        leave the group shows (its checkbox and note)."""
        for row in range(dialog.packages.count()):
            dialog.set_picked(str(dialog.packages.item(row).data(Qt.ItemDataRole.UserRole)))
            if dialog.groups_giving():
                dialog.leave_groups.setChecked(True)
                self.look(dialog, "RemoveDialog (leave groups)")
                return


def walk_action_dialogs(desk: Desk, walker: DialogWalker) -> None:
    """Two licensed users ticked (and one whose license comes from a group, for Remove
    license's offer to leave it), then every action that opens a dialog, and an error."""
    rows = rows_where(
        desk, lambda u: bool(u.assigned_licenses) and u.usage_location and u.account_enabled
    )[:2]
    rows += [r for r in rows_where(desk, lambda u: bool(u.granting_group_ids)) if r not in rows][:1]
    for row in rows:
        click(desk, row, Column.CHECK)
    actions = desk.window.user_actions
    with driven_by(walker):
        apply_and_wait(desk, actions.add_licenses.trigger)
        for action in (
            actions.reassign,
            actions.remove,
            actions.apps,
            actions.usage_location,
            actions.new_user,
            actions.copy_from,
            actions.history,
            actions.manage_templates,
            actions.template_drift,
            desk.window.settings_action,
            desk.window.about_action,
        ):
            assert action.isEnabled(), action.objectName()
            action.trigger()
        QApplication.processEvents()
        error = GraphError("Request_BadRequest", "Graph's words.", status=400)
        launch(ErrorDialog(describe(error), desk.window))


def in_between_dialogs(parent: QWidget, folder: Path) -> Iterator[tuple[str, QWidget]]:
    """The dialogs and panels shown in the middle of something, each in the state a person
    sees it (built directly: their flows are tested on their own)."""
    progress = ProgressDialog(plan_title(PlanKind.ASSIGN, 12), parent)
    progress.set_progress(Progress(total=12, done=4, failed=1, skipped=2))
    yield "ProgressDialog", progress
    progress.request_cancel()
    yield "ProgressDialog (stopping)", progress
    yield "UserCreatedDialog", UserCreatedDialog(CREATED_UPN, PASSWORD, parent)
    yield "SignInOptionsDialog", SignInOptionsDialog(SignInOptions(), parent)
    wrong = SignInOptionsDialog(SignInOptions(), parent)
    wrong.client_id.setText("not-a-guid")
    wrong.tenant.setText("no tenant")
    yield "SignInOptionsDialog (problems)", wrong
    window = MainWindow(QSettings(str(folder / "walk.ini"), QSettings.Format.IniFormat))
    window.welcome.set_waiting(True, cancellable=True)
    window.welcome.device_code.show_code(DEVICE_CODE, DEVICE_URI)
    yield "DeviceCodePanel", window
    window.welcome.set_waiting(False)
    message = describe(SignInFailedError("access_denied", REFUSAL))
    window.show_welcome(f"{message.title}: {message.text}", message.details)
    window.welcome.details_button.click()
    yield "Welcome page (details)", window
    export = folder / "kadry.csv"
    export.write_text(PEOPLE_FILE, encoding="utf-8")
    yield "ImportPeopleDialog", ImportPeopleDialog(export.name, read_table(export), parent)
    yield "PasswordsDialog", PasswordsDialog({CREATED_UPN: (PASSWORD, True)}, parent)


IN_BETWEEN = frozenset(
    {
        "ProgressDialog",
        "ProgressDialog (stopping)",
        "UserCreatedDialog",
        "SignInOptionsDialog",
        "SignInOptionsDialog (problems)",
        "DeviceCodePanel",
        "Welcome page (details)",
        "ImportPeopleDialog",
        "PasswordsDialog",
    }
)


def walk_in_between_dialogs(desk: Desk, walker: DialogWalker, folder: Path) -> None:
    """Each one as the window shows it: the modal dialogs through the launch seam (as their
    flows do), a run's progress and the welcome page as they are."""
    for name, widget in in_between_dialogs(desk.window, folder):
        desk.qtbot.addWidget(widget)
        if isinstance(widget, QDialog) and not isinstance(widget, ProgressDialog):
            with driven_by(lambda dialog, name=name: walker.look(dialog, name) or REJECT):
                launch(widget)
        else:
            walker.look(widget, name)

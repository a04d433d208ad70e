"""Issue 17 in the window, in Polish, over the demo tenant: File › Import people… (mapping,
first rows, bad rows, nothing kept until accepted), the people shown as "Nieaktywowany" rows,
ticked, given Microsoft 365 Business Standard (the account created first, behind a tick), the
passwords shown once and saved owner-only; undo deletes exactly the created accounts."""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.licensing.types import Outcome, PlanKind, RunReport
from desktop.people.fields import Field
from desktop.people.store import load_people, people_folder
from desktop.user_filters import QuickFilterKind
from tests.demo_tenant import DemoTenantForTests
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report
from tests.ui.language_support import in_language, polish
from tests.ui.test_sign_in_accounts import click_button
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog
from ui.dialogs.import_people_dialog import ImportPeopleDialog
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.passwords_dialog import PasswordsDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.models.columns import Column
from ui.models.quick_filter import QuickFilter

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest

BUSINESS_STANDARD = "O365_BUSINESS_PREMIUM"
HR_EXPORT = (
    "Imię;Nazwisko;E-mail;Dział;Kraj;Nr kadrowy\n"
    "Łucja;Żak;lucja.zak@prywatna.pl;Kadry;PL;101\n"
    "Jan;Nowak;jan.nowak@prywatna.pl;Sprzedaż;;102\n"
    ";;bez.nazwy@prywatna.pl;Kadry;PL;103\n"
    "Ewa;Kos;ewa-zly-adres;Kadry;PL;104\n"
)


def buy_seats(tenant: DemoTenantForTests, part_number: str, wanted: int) -> None:
    """The demo's Business Standard is full: the administrator buys seats (as the benchmark
    does); new seats go to waiting group members first, so buy until enough are free."""
    while tenant.free_seats(part_number) < wanted:
        enabled = tenant.store.sku_by_part(part_number).enabled
        tenant.set_enabled_seats(part_number, enabled + wanted)


def people_rows(desk: Desk) -> dict[str, int]:
    model = desk.session.users
    return {u.id: r for r, u in enumerate(model.users()) if u.not_activated}


def exists(desk: Desk, upn: str) -> bool:
    users = desk.session.controller.client.list_users()
    return any(u.user_principal_name.lower() == upn.lower() for u in users)


def import_people(desk: Desk, dialogs: DialogScript, export: Path) -> list[str]:
    seen: list[str] = []

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(export))
        return ACCEPT

    def accept_import(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportPeopleDialog)
        # Nothing is on the list until the import is accepted.
        folder = people_folder(desk.session.controller.client, desk.session.connection.data_dir)
        assert load_people(folder).people == []
        assert dialog.import_button.text() == "Importuj 2 osoby"
        # Recognised Polish headers are chosen already; an unknown column is left out.
        assert dialog.mapping() == {
            "Imię": Field.FIRST,
            "Nazwisko": Field.LAST,
            "E-mail": Field.EMAIL,
            "Dział": Field.DEPARTMENT,
            "Kraj": Field.USAGE_LOCATION,
            "Nr kadrowy": None,
        }
        assert dialog.columns["Imię"].currentText() == "Imię"
        assert dialog.columns["Nr kadrowy"].currentText() == "Pomiń"
        assert dialog.rows.rowCount() == 2
        seen.extend(dialog.bad_rows())
        return ACCEPT

    commands = desk.window.commands
    assert commands is not None
    dialogs.expect(QFileDialog, choose)
    dialogs.expect(ImportPeopleDialog, accept_import)
    desk.window.user_actions.import_people.trigger()
    desk.qtbot.waitUntil(
        lambda: dialogs.pending == 0 and bool(people_rows(desk)), timeout=TIMEOUT_MS
    )
    return seen


def test_people_imported_ticked_licensed_and_undone_in_polish(
    polish: None, desk: Desk, dialogs: DialogScript, tmp_path: Path
) -> None:
    buy_seats(desk.tenant, BUSINESS_STANDARD, 2)
    commands = desk.window.commands
    assert commands is not None
    with desk.qtbot.waitSignal(desk.session.loaded, timeout=TIMEOUT_MS):
        desk.window.user_actions.refresh.trigger()  # the window sees the seats bought
    users_before = {u.user_principal_name for u in desk.session.controller.client.list_users()}
    export = tmp_path / "kadry.csv"
    export.write_text(HR_EXPORT, encoding="utf-8")

    bad = import_people(desk, dialogs, export)
    # The engine's reasons, worded in Polish (the CLI keeps its English).
    assert bad == [
        "Wiersz 4: brak imienia i nazwiska: uzupełnij je",
        "Wiersz 5: E-mail „ewa-zly-adres” nie jest adresem w postaci nazwa@domena",
    ]

    rows = people_rows(desk)
    assert set(rows) == {"lucja.zak@prywatna.pl", "jan.nowak@prywatna.pl"}
    model = desk.session.users
    domain = desk.session.organization.default_domain if desk.session.organization else ""
    lucja = rows["lucja.zak@prywatna.pl"]
    assert model.data(model.index(lucja, Column.STATUS)) == "Nieaktywowany"
    assert model.data(model.index(lucja, Column.UPN)) == f"lucja.zak@{domain}"

    desk.session.proxy.set_quick_filter(QuickFilter(QuickFilterKind.NOT_ACTIVATED))
    assert desk.session.proxy.rowCount() == 2

    model.check_only(rows.values())
    previews: list[str] = []
    reports: list[RunReport] = []
    shown: dict[str, str] = {}
    saved = tmp_path / "hasla.csv"

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, LicensePickerDialog)
        dialog.tree.set_picked(desk.tenant.sku_id(BUSINESS_STANDARD))
        dialog.location.set_code("PL")  # Jan's row has no country
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.checked.plan.kind is PlanKind.ASSIGN
        creates = [c.create for c in dialog.checked.effective.changes]
        assert all(c is not None and c.usage_location == "PL" for c in creates)
        previews.extend(r.change for r in dialog.rows.rows())
        # Applying needs the tick: creation is confirmed explicitly.
        assert dialog.confirm_deletion.isVisibleTo(dialog)
        assert dialog.confirm_deletion.text() == "Utwórz 2 nowe konta Microsoft 365"
        assert not dialog.apply_button.isEnabled()
        dialog.confirm_deletion.setChecked(True)
        assert dialog.apply_button.isEnabled()
        return ACCEPT

    def passwords(dialog: QDialog) -> int:
        assert isinstance(dialog, PasswordsDialog)
        shown.update(dialog.passwords())
        dialog.copy()
        dialogs.expect(QFileDialog, lambda d: _select(d, saved))
        dialog.save()
        return REJECT

    dialogs.expect(LicensePickerDialog, pick)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    dialogs.expect(PasswordsDialog, passwords)
    desk.window.user_actions.add_licenses.trigger()
    # Linked once the run is over: no longer "not activated".
    desk.qtbot.waitUntil(lambda: bool(reports) and people_rows(desk) == {}, timeout=TIMEOUT_MS)

    created = {f"lucja.zak@{domain}", f"jan.nowak@{domain}"}
    assert reports[0].count(Outcome.DONE) == 2
    assert len(previews) == 2
    standard = "Microsoft 365 Business Standard"
    assert (
        previews == [f"Utworzenie użytkownika; lokalizacja użycia PL; przypisanie: {standard}"] * 2
    )
    assert set(shown) == created
    assert all(len(pw) >= 8 for pw in shown.values())
    for upn in created:
        assert business_standard_id(desk) in desk.tenant.assigned_licenses(upn)
    # The password file: owner-only, the three columns, the shown passwords.
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["userPrincipalName", "temporaryPassword", "forceChangePasswordNextSignIn"]
    assert {(u, p, f) for u, p, f in lines[1:]} == {(u, p, "true") for u, p in shown.items()}
    # The journal never holds a password.
    journal = desk.session.connection.journal_path
    stored = b"".join(
        p.read_bytes() for p in journal.parent.glob(journal.name + "*") if p.is_file()
    )
    assert stored and not any(pw.encode() in stored for pw in shown.values())

    # Undo deletes exactly the created accounts, and the people wait again.
    def undo(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        dialog.table.selectRow(0)
        return HistoryChoice.UNDO.value

    def undo_preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        dialog.confirm_deletion.setChecked(True)
        return ACCEPT

    dialogs.expect(HistoryDialog, undo)
    dialogs.expect(PlanPreviewDialog, undo_preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    desk.window.user_actions.history.trigger()
    desk.qtbot.waitUntil(lambda: len(people_rows(desk)) == 2, timeout=TIMEOUT_MS)
    assert len(reports) == 2 and reports[1].count(Outcome.DONE) == 2
    after = {u.user_principal_name for u in desk.session.controller.client.list_users()}
    assert after == users_before
    assert set(people_rows(desk)) == {"lucja.zak@prywatna.pl", "jan.nowak@prywatna.pl"}


def business_standard_id(desk: Desk) -> str:
    return desk.tenant.sku_id(BUSINESS_STANDARD)


def _select(dialog: QDialog, path: Path) -> int:
    assert isinstance(dialog, QFileDialog)
    dialog.selectFile(str(path))
    return ACCEPT


def test_activate_creates_the_account_without_a_license_and_remove_takes_off_the_list(
    desk: Desk, dialogs: DialogScript, tmp_path: Path, qtbot: QtBot
) -> None:
    export = tmp_path / "hr.csv"
    export.write_text("First name,Last name,Email\nOla,Lis,ola@home.pl\nPiotr,Wrona,pw@home.pl\n",
                      encoding="utf-8")  # fmt: skip
    dialogs.expect(QFileDialog, lambda d: _select(d, export))
    dialogs.expect(ImportPeopleDialog, lambda d: ACCEPT)
    commands = desk.window.commands
    assert commands is not None
    desk.window.user_actions.import_people.trigger()
    qtbot.waitUntil(lambda: len(people_rows(desk)) == 2, timeout=TIMEOUT_MS)
    rows = people_rows(desk)
    model = desk.session.users
    assert model.data(model.index(rows["ola@home.pl"], Column.STATUS)) == "Not activated"
    model.check_only([rows["ola@home.pl"]])
    previews: list[PlanPreviewDialog] = []

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.confirm_deletion.text() == "Create 1 new Microsoft 365 account"
        dialog.confirm_deletion.setChecked(True)
        previews.append(dialog)
        return ACCEPT

    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report([]))
    dialogs.expect(PasswordsDialog, lambda d: REJECT)
    desk.window.user_actions.activate.trigger()
    qtbot.waitUntil(lambda: set(people_rows(desk)) == {"pw@home.pl"}, timeout=TIMEOUT_MS)
    domain = desk.session.organization.default_domain if desk.session.organization else ""
    assert exists(desk, f"ola.lis@{domain}")
    assert desk.tenant.assigned_licenses(f"ola.lis@{domain}") == {}

    assert dialogs.pending == 0
    rows = people_rows(desk)
    model.check_only([rows["pw@home.pl"]])
    dialogs.expect(QMessageBox, click_button("Remove 1 from list"))  # type: ignore[arg-type]
    with qtbot.waitSignal(commands.people.rows.changed, timeout=TIMEOUT_MS):
        desk.window.user_actions.remove_from_list.trigger()
    assert people_rows(desk) == {}
    assert not exists(desk, f"piotr.wrona@{domain}")

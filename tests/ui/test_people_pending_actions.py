"""Every action on "Not activated" rows (issue 17): those that make sense create the account
first in the same plan (usage location, copy licenses, activate beside blocked users); those
that do not are off with a tooltip saying why; Remove from list asks first, Cancel the
default. Over the demo tenant, in English and Polish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.graph.records import User
from desktop.licensing.types import Outcome, PlanKind, RunReport
from desktop.people.records import Person
from desktop.people.store import load_people, people_folder, save_people
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report
from tests.ui.language_support import Switch, in_language
from ui.dialogs.copy_from_dialog import CopyFromDialog
from ui.dialogs.location_dialog import UsageLocationDialog
from ui.dialogs.passwords_dialog import PasswordsDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog

__all__ = ["in_language"]  # a fixture, imported for pytest

OLA = Person("Ola Lis", "Ola", "Lis", email="ola@home.pl")  # the list gives no country
PIOTR = Person("Piotr Wrona", "Piotr", "Wrona", email="pw@home.pl", usage_location="PL")


@dataclass(frozen=True)
class Words:
    language: str
    locale: str
    create_one: str
    no_license: str
    no_account: str
    not_on_list: str
    remove_two: str
    remove_button: str


ENGLISH = Words(
    "en",
    "en_GB",
    "Create 1 new Microsoft 365 account",
    "Not available: the ticked people are not in Microsoft 365 yet and hold no license. Add "
    "licenses creates their accounts with the licenses.",
    "Not available: the ticked people are not in Microsoft 365 yet, so there is no account to "
    "block.",
    "Not available: only people who are not activated can be taken off the list; no ticked row "
    "is one.",
    "Remove 2 people from the list of people not in Microsoft 365 yet?",
    "Remove 2 from list",
)
POLISH = Words(
    "pl",
    "pl_PL",
    "Utwórz 1 nowe konto Microsoft 365",
    "Niedostępne: zaznaczonych osób nie ma jeszcze w Microsoft 365 i nie mają licencji. "
    "Przypisz licencję utworzy ich konta z licencjami.",
    "Niedostępne: zaznaczonych osób nie ma jeszcze w Microsoft 365, więc nie ma konta do "
    "zablokowania.",
    "Niedostępne: z listy można usunąć tylko osoby nieaktywowane, a żaden zaznaczony wiersz "
    "nią nie jest.",
    "Usunąć 2 osoby z listy osób, których nie ma jeszcze w Microsoft 365?",
    "Usuń 2 z listy",
)
LANGUAGES = pytest.mark.parametrize("words", [ENGLISH, POLISH], ids=["en", "pl"])


def put_on_list(desk: Desk, *people: Person) -> dict[str, int]:
    """The people on the tenant's list, shown as rows; their keys -> source rows."""
    folder = people_folder(desk.session.controller.client, desk.session.connection.data_dir)
    stored = load_people(folder)
    stored.add(list(people))
    save_people(folder, stored)
    commands = desk.window.commands
    assert commands is not None
    with desk.qtbot.waitSignal(commands.people.rows.changed, timeout=TIMEOUT_MS):
        commands.people.rows.reload()
    return pending_rows(desk)


def pending_rows(desk: Desk) -> dict[str, int]:
    return {u.id: r for r, u in enumerate(desk.session.users.users()) if u.not_activated}


def account(desk: Desk, upn: str) -> User | None:
    users = desk.session.controller.client.list_users()
    return next((u for u in users if u.user_principal_name.lower() == upn.lower()), None)


def domain(desk: Desk) -> str:
    organization = desk.session.organization
    return organization.default_domain or "" if organization else ""


def creating_preview(words: Words, seen: list[PlanPreviewDialog]) -> Callable[[QDialog], int]:
    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.confirm_deletion.text() == words.create_one
        assert not dialog.apply_button.isEnabled()  # the creation is confirmed explicitly
        dialog.confirm_deletion.setChecked(True)
        seen.append(dialog)
        return ACCEPT

    return preview


def run_with_passwords(
    desk: Desk, dialogs: DialogScript, trigger: Callable[[], None], reports: list[RunReport]
) -> dict[str, str]:
    shown: dict[str, str] = {}

    def passwords(dialog: QDialog) -> int:
        assert isinstance(dialog, PasswordsDialog)
        shown.update(dialog.passwords())
        return REJECT

    dialogs.expect(ResultsDialog, keep_report(reports))
    dialogs.expect(PasswordsDialog, passwords)
    trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0 and bool(shown), timeout=TIMEOUT_MS)
    return shown


@LANGUAGES
def test_usage_location_on_a_pending_person_creates_the_account_with_it(
    words: Words, in_language: Switch, desk: Desk, dialogs: DialogScript
) -> None:
    in_language(words.language, words.locale)
    rows = put_on_list(desk, OLA)
    desk.session.users.check_only([rows[OLA.key]])
    previews: list[PlanPreviewDialog] = []

    def location(dialog: QDialog) -> int:
        assert isinstance(dialog, UsageLocationDialog)
        dialog.country.set_code("DE")
        return ACCEPT

    dialogs.expect(UsageLocationDialog, location)
    dialogs.expect(PlanPreviewDialog, creating_preview(words, previews))
    reports: list[RunReport] = []
    shown = run_with_passwords(
        desk, dialogs, desk.window.user_actions.usage_location.trigger, reports
    )
    upn = f"ola.lis@{domain(desk)}"
    # One plan: the account made with the country chosen, no license.
    [change] = previews[0].checked.effective.changes
    assert previews[0].checked.plan.kind is PlanKind.USAGE_LOCATION
    assert change.create is not None and change.create.usage_location == "DE"
    assert reports[0].count(Outcome.DONE) == 1
    assert set(shown) == {upn}
    made = account(desk, upn)
    assert made is not None and made.usage_location == "DE"
    assert desk.tenant.assigned_licenses(upn) == {}
    desk.qtbot.waitUntil(lambda: pending_rows(desk) == {}, timeout=TIMEOUT_MS)


def licensed_source(desk: Desk) -> User:
    """A user whose direct licenses all have a free seat left (the copy takes one each)."""
    free = {s.sku_id: s.free for s in desk.session.skus.skus()}
    return next(
        u
        for u in desk.session.users.users()
        if u.direct_licenses and all(free.get(lic.sku_id, 0) > 0 for lic in u.direct_licenses)
    )


@LANGUAGES
def test_copy_licenses_to_a_pending_person_creates_the_account_then_licenses_it(
    words: Words, in_language: Switch, desk: Desk, dialogs: DialogScript
) -> None:
    in_language(words.language, words.locale)
    rows = put_on_list(desk, PIOTR)
    source = licensed_source(desk)
    desk.session.users.check_only([rows[PIOTR.key]])
    previews: list[PlanPreviewDialog] = []

    def copy_from(dialog: QDialog) -> int:
        assert isinstance(dialog, CopyFromDialog)
        dialog.choose(source.user_principal_name)
        return ACCEPT

    dialogs.expect(CopyFromDialog, copy_from)
    dialogs.expect(PlanPreviewDialog, creating_preview(words, previews))
    reports: list[RunReport] = []
    run_with_passwords(desk, dialogs, desk.window.user_actions.copy_from.trigger, reports)
    upn = f"piotr.wrona@{domain(desk)}"
    [change] = previews[0].checked.effective.changes
    assert previews[0].checked.plan.kind is PlanKind.COPY
    assert change.create is not None and change.create.usage_location == "PL"  # the list's
    assert reports[0].count(Outcome.DONE) == 1
    assert set(desk.tenant.assigned_licenses(upn)) == {lic.sku_id for lic in source.direct_licenses}


def test_activate_creates_pending_accounts_and_unblocks_blocked_users_in_one_plan(
    desk: Desk, dialogs: DialogScript
) -> None:
    rows = put_on_list(desk, OLA)
    blocked = next(
        r for r, u in enumerate(desk.session.users.users())
        if not u.account_enabled and not u.not_activated
    )  # fmt: skip
    blocked_user = desk.session.users.user_at(blocked)
    desk.session.users.check_only([rows[OLA.key], blocked])
    previews: list[PlanPreviewDialog] = []
    dialogs.expect(PlanPreviewDialog, creating_preview(ENGLISH, previews))
    reports: list[RunReport] = []
    run_with_passwords(desk, dialogs, desk.window.user_actions.activate.trigger, reports)
    assert previews[0].checked.plan.kind is PlanKind.SIGN_IN
    assert len(previews[0].checked.effective.changes) == 2
    assert reports[0].count(Outcome.DONE) == 2
    made = account(desk, f"ola.lis@{domain(desk)}")
    assert made is not None and made.account_enabled
    again = account(desk, blocked_user.user_principal_name)
    assert again is not None and again.account_enabled


@LANGUAGES
def test_actions_that_make_no_sense_for_pending_people_are_off_and_say_why(
    words: Words, in_language: Switch, desk: Desk
) -> None:
    in_language(words.language, words.locale)
    rows = put_on_list(desk, OLA, PIOTR)
    actions = desk.window.user_actions
    desk.session.users.check_only(rows.values())
    for action in (actions.reassign, actions.remove, actions.apps):
        assert not action.isEnabled()
        assert action.toolTip() == words.no_license
    assert not actions.block.isEnabled() and actions.block.toolTip() == words.no_account
    for action in (actions.add_licenses, actions.usage_location, actions.copy_from):
        assert action.isEnabled()
    assert actions.activate.isEnabled() and actions.remove_from_list.isEnabled()

    licensed = next(r for r, u in enumerate(desk.session.users.users()) if u.has_direct_license)
    desk.session.users.check_only([licensed])
    assert not actions.remove_from_list.isEnabled()
    assert actions.remove_from_list.toolTip() == words.not_on_list
    assert actions.remove.isEnabled() and actions.remove.toolTip() != words.no_license


@LANGUAGES
def test_remove_from_list_asks_with_the_count_and_cancel_is_the_default(
    words: Words, in_language: Switch, desk: Desk, dialogs: DialogScript, tmp_path: Path
) -> None:
    in_language(words.language, words.locale)
    rows = put_on_list(desk, OLA, PIOTR)
    desk.session.users.check_only(rows.values())
    asked: list[tuple[str, str, str]] = []

    def answer(press_return: bool) -> Callable[[QDialog], int]:
        def handle(dialog: QDialog) -> int:
            assert isinstance(dialog, QMessageBox)
            default = dialog.defaultButton()
            remove = next(b for b in dialog.buttons() if b.text() == words.remove_button)
            asked.append((dialog.text(), remove.text(), default.text()))
            assert default is dialog.button(QMessageBox.StandardButton.Cancel)
            (default if press_return else remove).click()
            return dialog.result()

        return handle

    dialogs.expect(QMessageBox, answer(press_return=True))  # type: ignore[arg-type]
    desk.window.user_actions.remove_from_list.trigger()
    assert dialogs.pending == 0
    assert asked[0][0] == words.remove_two
    assert set(pending_rows(desk)) == {OLA.key, PIOTR.key}  # Cancel: nothing happened

    commands = desk.window.commands
    assert commands is not None
    dialogs.expect(QMessageBox, answer(press_return=False))  # type: ignore[arg-type]
    with desk.qtbot.waitSignal(commands.people.rows.changed, timeout=TIMEOUT_MS):
        desk.window.user_actions.remove_from_list.trigger()
    assert pending_rows(desk) == {}
    assert account(desk, f"ola.lis@{domain(desk)}") is None

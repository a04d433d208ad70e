"""File › Import people… lets the administrator choose what each column gives (issue 17): a
choice per column, the first rows and the bad rows read again at each change, a mapping that
cannot be used said in words with Import off, and what is stored is what was mapped. English
and Polish, over the demo tenant."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.people.fields import Field
from desktop.people.store import load_people, people_folder
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.language_support import Switch, in_language
from ui.dialogs.import_people_dialog import ImportPeopleDialog

__all__ = ["in_language"]  # a fixture, imported for pytest

# None of the first three headers is one License Desk recognises.
EXPORT = (
    "Osoba;Kontakt;Mail prywatny;Dział\n"
    "Jan Nowak;jan.nowak@contoso.pl;jan@gmail.com;IT\n"
    "Ewa Lis;zly-adres;ewa@gmail.com;HR\n"
)


@dataclass(frozen=True)
class Words:
    language: str
    locale: str
    no_name: str
    twice: str
    bad_address: str
    import_one: str
    leave_out: str
    name: str
    email: str
    department: str


ENGLISH = Words(
    "en",
    "en_GB",
    "No column gives the name: choose Name, or First name and Last name, for a column.",
    "The columns “Kontakt” and “Mail prywatny” both give E-mail: leave one of them out.",
    "Line 3: E-mail “zly-adres” is not an address of the form name@domain",
    "Import 1 person",
    "Leave out",
    "Name",
    "E-mail",
    "Department",
)
POLISH = Words(
    "pl",
    "pl_PL",
    "Żadna kolumna nie zawiera imienia i nazwiska: wybierz dla kolumny Nazwa wyświetlana "
    "albo Imię i Nazwisko.",
    "Kolumny „Kontakt” i „Mail prywatny” zawierają to samo (E-mail): pomiń jedną z nich.",
    "Wiersz 3: E-mail „zly-adres” nie jest adresem w postaci nazwa@domena",
    "Importuj 1 osobę",
    "Pomiń",
    "Nazwa wyświetlana",
    "E-mail",
    "Dział",
)


def _headers(dialog: ImportPeopleDialog) -> list[str]:
    rows = dialog.rows
    return [rows.horizontalHeaderItem(c).text() for c in range(rows.columnCount())]


@pytest.mark.parametrize("words", [ENGLISH, POLISH], ids=["en", "pl"])
def test_columns_are_mapped_in_the_dialog_and_the_preview_follows(
    words: Words, in_language: Switch, desk: Desk, dialogs: DialogScript, tmp_path: Path
) -> None:
    in_language(words.language, words.locale)
    export = tmp_path / "kadry.csv"
    export.write_text(EXPORT, encoding="utf-8")

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(export))
        return ACCEPT

    def map_columns(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportPeopleDialog)
        # Only "Dział" is recognised: no name, so nothing can be imported yet.
        assert dialog.mapping() == {
            "Osoba": None, "Kontakt": None, "Mail prywatny": None, "Dział": Field.DEPARTMENT,
        }  # fmt: skip
        assert dialog.columns["Osoba"].currentText() == words.leave_out
        assert dialog.columns["Dział"].currentText() == words.department
        assert dialog.mapping_problem.text() == words.no_name
        assert dialog.mapping_problem.isVisibleTo(dialog)
        assert not dialog.import_button.isEnabled()
        assert dialog.rows.rowCount() == 0

        dialog.set_column("Osoba", Field.NAME)
        assert not dialog.mapping_problem.isVisibleTo(dialog)
        assert dialog.rows.rowCount() == 2 and dialog.bad_rows() == []
        assert _headers(dialog) == [words.name, words.department]

        # The contact column is the work address: Ewa's is not an address, so her row is bad.
        dialog.set_column("Kontakt", Field.EMAIL)
        assert dialog.bad_rows() == [words.bad_address]
        assert dialog.rows.rowCount() == 1
        assert _headers(dialog) == [words.name, words.email, words.department]
        assert dialog.import_button.text() == words.import_one
        assert dialog.import_button.isEnabled()

        # Two columns giving the same field cannot be imported; leaving one out clears it.
        dialog.set_column("Mail prywatny", Field.EMAIL)
        assert dialog.mapping_problem.text() == words.twice
        assert not dialog.import_button.isEnabled()
        assert dialog.bad_rows() == []
        dialog.set_column("Mail prywatny", None)
        assert dialog.import_button.isEnabled()
        assert dialog.bad_rows() == [words.bad_address]
        return ACCEPT

    dialogs.expect(QFileDialog, choose)
    dialogs.expect(ImportPeopleDialog, map_columns)
    desk.window.user_actions.import_people.trigger()
    folder = people_folder(desk.session.controller.client, desk.session.connection.data_dir)
    desk.qtbot.waitUntil(lambda: bool(load_people(folder).people), timeout=TIMEOUT_MS)
    assert dialogs.pending == 0
    stored = load_people(folder).people
    assert [(p.display_name, p.email, p.department) for p in stored] == [
        ("Jan Nowak", "jan.nowak@contoso.pl", "IT")
    ]

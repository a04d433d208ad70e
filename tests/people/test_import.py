"""Reading HR exports: headers in English and Polish, --map, bad rows by line, xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.people.fields import Field
from desktop.people.importing import (
    MappingError,
    MappingProblem,
    RowProblem,
    preview_import,
    recognised_columns,
)
from desktop.people.table import TableError, read_table

POLISH = (
    "Imię;Nazwisko;E-mail;Dział;Stanowisko;Kraj;Przełożony;Nr kadrowy\n"
    "Łukasz;Żółć;lukasz.zolc@prywatna.pl;Sprzedaż;Handlowiec;pl;szef@contoso.pl;17\n"
    ";;;;;;;\n"
    "Anna;;anna@x;Kadry;;XX;;18\n"
    "Ewa;Lis;ewa.lis@prywatna.pl;Logistyka;;PL;;19\n"
    "Ewa;Lis;EWA.LIS@prywatna.pl;Logistyka;;PL;;20\n"
)


def _write(tmp_path: Path, text: str, name: str = "hr.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_polish_headers_are_recognised_and_bad_rows_listed_with_their_lines(
    tmp_path: Path,
) -> None:
    preview = preview_import(read_table(_write(tmp_path, POLISH)))
    assert preview.mapping == {
        "Imię": Field.FIRST,
        "Nazwisko": Field.LAST,
        "E-mail": Field.EMAIL,
        "Dział": Field.DEPARTMENT,
        "Stanowisko": Field.JOB_TITLE,
        "Kraj": Field.USAGE_LOCATION,
        "Przełożony": Field.MANAGER,
    }
    assert preview.ignored == ("Nr kadrowy",)
    first = preview.people[0]
    assert (first.display_name, first.usage_location, first.manager) == (
        "Łukasz Żółć",
        "PL",
        "szef@contoso.pl",
    )
    assert [p.display_name for p in preview.people] == ["Łukasz Żółć", "Ewa Lis"]
    lines = {(b.line, b.message.split(" ")[0]) for b in preview.bad}
    # Line 3 is empty (skipped, not bad); line 4 has three problems; line 6 repeats line 5.
    assert {line for line, _ in lines} == {4, 6}
    messages = [b.message for b in preview.bad if b.line == 4]
    assert any("email 'anna@x'" in m for m in messages)
    assert any("'XX'" in m for m in messages)
    assert any("first and last" in m for m in messages)
    assert [b.message for b in preview.bad if b.line == 6] == [
        "ewa.lis@prywatna.pl is also on line 5"
    ]


def test_english_headers_and_a_windows_1250_file(tmp_path: Path) -> None:
    text = (
        "Display name,Work email,Department,Job title,Usage location\nJózef Bąk,jb@c.pl,IT,Dev,DE\n"
    )
    preview = preview_import(read_table(_write(tmp_path, text, encoding="cp1250")))
    assert preview.people[0].display_name == "Józef Bąk"
    assert (preview.people[0].first, preview.people[0].last) == ("Józef", "Bąk")
    assert preview.people[0].job_title == "Dev" and not preview.bad


def test_map_overrides_and_skips_columns(tmp_path: Path) -> None:
    text = "Osoba,Kontakt,Mail prywatny\nJan Nowak,jan.nowak@contoso.pl,jan@gmail.com\n"
    table = read_table(_write(tmp_path, text))
    with pytest.raises(MappingError, match="no column gives the name"):
        preview_import(table)
    preview = preview_import(table, {"osoba": "name", "Kontakt": "email", "Mail prywatny": "skip"})
    assert preview.people[0].email == "jan.nowak@contoso.pl"
    assert preview.ignored == ("Mail prywatny",)
    with pytest.raises(MappingError, match="has no column 'Nope'"):
        preview_import(table, {"Nope": "name"})
    with pytest.raises(MappingError, match="'wage' is not a field"):
        preview_import(table, {"Osoba": "wage"})


def test_xlsx_is_read_like_csv_with_its_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["First name", "Last name", "Email", "Country"])
    sheet.append(["Zofia", "Kruk", "zofia.kruk@contoso.pl", "PL"])
    sheet.append(["Olaf", "Kot", "not-an-address", "PL"])
    path = tmp_path / "hr.xlsx"
    book.save(path)
    preview = preview_import(read_table(path))
    assert [p.email for p in preview.people] == ["zofia.kruk@contoso.pl"]
    assert [(b.line, b.message) for b in preview.bad] == [
        (3, "email 'not-an-address' is not an address of the form name@domain")
    ]


def test_files_that_are_not_tables_say_so(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="empty"):
        read_table(_write(tmp_path, "\n\n"))
    with pytest.raises(TableError, match="Excel workbook"):
        read_table(_write(tmp_path, "PK\x03\x04garbage", name="broken.xlsx"))
    with pytest.raises(TableError, match=r"\.xls"):
        read_table(_write(tmp_path, "x", name="old.xls"))


def test_bad_rows_carry_their_kind_and_values_for_the_window_and_english_for_the_cli(
    tmp_path: Path,
) -> None:
    """The window words each reason itself (ui/people_words.py): the engine gives the kind,
    the cell and the field; ``message`` is the command line's English, in one place."""
    preview = preview_import(read_table(_write(tmp_path, POLISH)))
    found = {(b.line, b.problem, b.field, b.value, b.earlier_line) for b in preview.bad}
    assert found == {
        (4, RowProblem.NOT_AN_ADDRESS, Field.EMAIL, "anna@x", 0),
        (4, RowProblem.NOT_A_COUNTRY, Field.USAGE_LOCATION, "XX", 0),
        (4, RowProblem.NEEDS_FIRST_AND_LAST, None, "Anna", 0),
        (6, RowProblem.REPEATED, None, "ewa.lis@prywatna.pl", 5),
    }
    no_name = preview_import(read_table(_write(tmp_path, "Imię;Nazwisko;Dział\n;;IT\n")))
    assert [(b.line, b.problem, b.message) for b in no_name.bad] == [
        (2, RowProblem.NO_NAME, "no name")
    ]


def test_mapping_errors_name_their_kind_and_columns(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "Imię,Prénom,Dział\nJan,Jean,IT\n"))
    with pytest.raises(MappingError) as twice:
        preview_import(table, {"Imię": "first", "Prénom": "first"})
    assert (twice.value.problem, twice.value.names) == (
        MappingProblem.SAME_FIELD_TWICE,
        ("Imię", "Prénom", "first"),
    )
    assert "both mean first" in str(twice.value)
    with pytest.raises(MappingError) as nameless:
        preview_import(table, {"Imię": "skip", "Prénom": "skip"})
    assert nameless.value.problem is MappingProblem.NO_NAME_COLUMN
    # Every column chosen by the person (as the window does): nothing else is guessed.
    chosen = preview_import(table, {"Imię": "skip", "Prénom": "first", "Dział": "skip"})
    assert chosen.mapping == {"Prénom": Field.FIRST}
    assert recognised_columns(table.header) == {"Imię": Field.FIRST, "Dział": Field.DEPARTMENT}

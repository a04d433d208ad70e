"""CSV with a NUL in it is read alike on every Python: as Python 3.11's csv reads it (NUL is a
character like any other), where 3.10's csv stops with "line contains NUL"."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop import csv_read
from desktop.csv_read import csv_dict_reader, csv_reader
from desktop.licensing.csv_plan import CsvPlanError, parse_plan_csv
from desktop.people.table import read_table

# Text made mostly of what matters to a CSV reader and to the stand-in for NUL.
csv_text = st.text(alphabet=st.sampled_from('a,;"\r\n\t \0\uffff0'), max_size=60)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("a\0b,c\r\n", [["a\0b", "c"]]),
        ('"a\0\n\0",\0\n', [["a\0\n\0", "\0"]]),
        ("\uffff0,\uffff\uffff,\0\uffff0\n", [["\uffff0", "\uffff\uffff", "\0\uffff0"]]),
        ("\0", [["\0"]]),
    ],
)
def test_a_nul_is_a_character_on_every_python(text: str, rows: list[list[str]]) -> None:
    assert list(csv_reader(io.StringIO(text))) == rows


def test_the_dict_reader_reads_a_nul_on_every_python() -> None:
    reader = csv_dict_reader(io.StringIO("User\0,Date\nx\0y,2026-11-30\n"))
    assert list(reader) == [{"User\0": "x\0y", "Date": "2026-11-30"}]
    assert reader.fieldnames == ["User\0", "Date"]
    assert reader.line_num == 2


@pytest.mark.skipif(sys.version_info < (3, 11), reason="compares with 3.11's csv")
@example('"a\0', ",")
@example('a"\0\uffff"', ";")
@given(csv_text, st.sampled_from([",", ";", "\t"]))
def test_python_3_10s_way_reads_as_3_11s_csv(text: str, delimiter: str) -> None:
    lines = text.splitlines(keepends=True)
    expected = csv.reader(lines, delimiter=delimiter, strict=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_read, "_READS_NUL", False)
        found = csv_reader(lines, delimiter=delimiter, strict=True)
    while True:
        try:
            row = next(expected)
        except csv.Error as error:  # the same broken quoting, at the same line
            with pytest.raises(csv.Error, match=str(error)):
                next(found)
            break
        except StopIteration:
            assert next(found, None) is None
            break
        assert next(found) == row
        assert found.line_num == expected.line_num


def test_a_plan_file_with_a_nul_is_read_and_a_nul_header_refused() -> None:
    # The user is looked up in the tenant later, and not found there, as on Python 3.11.
    [row] = parse_plan_csv("userPrincipalName,add\nann\0@contoso.com,ENTERPRISEPACK\n")
    assert (row.line, row.user, row.add) == (2, "ann\0@contoso.com", ("ENTERPRISEPACK",))
    with pytest.raises(CsvPlanError) as refused:
        parse_plan_csv("\0")
    assert [error.kind for error in refused.value.errors] == ["no_user_column"]


def test_an_hr_export_with_a_nul_is_read(tmp_path: Path) -> None:
    export = tmp_path / "people.csv"
    export.write_bytes(b"Name,Surname\nAnn\0,Smith\n")
    assert read_table(export).rows == ((2, ("Ann\0", "Smith")),)

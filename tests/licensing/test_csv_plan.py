"""Plan files: anything a spreadsheet writes reads back exactly; anything wrong is named by line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.countries import ISO_3166_ALPHA2
from desktop.graph.records import AssignedLicense
from desktop.licensing.csv_plan import (
    COLUMNS,
    CsvPlanError,
    CsvRow,
    decode,
    load_plan_csv,
    parse_plan_csv,
    rows_to_plan,
)
from tests.licensing.records import BASIC, E3, SWAY_PLAN, TEAMS_PLAN, standard_skus

SKUS = list(standard_skus().values())

# Cell text: anything printable but the list separator, including quotes and both delimiters.
cell_text = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="|"
        ),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
names = st.lists(cell_text, max_size=3).map(tuple)
upns = st.from_regex(r"[a-z][a-z0-9._-]{0,10}@[a-z]{1,8}\.(pl|com)", fullmatch=True)
TRUE_WORDS = ("true", "TRUE", "yes", "1", "PRAWDA", "tak")
FALSE_WORDS = ("false", "FALSE", "no", "0", "FAŁSZ", "nie")


@st.composite
def plan_rows(draw: st.DrawFn) -> list[tuple[CsvRow, str, str]]:
    """Valid rows, each with how its usageLocation and enable cells are spelled."""
    users = draw(st.lists(upns, min_size=1, max_size=8, unique_by=str.lower))
    rows = []
    for user in users:
        add = draw(names)
        remove = draw(names)
        disabled = draw(names) if add else ()
        location = draw(st.none() | st.sampled_from(sorted(ISO_3166_ALPHA2)))
        enable = draw(st.none() | st.booleans())
        if not (add or remove or location or enable is not None):
            enable = True
        location_cell = (
            "" if location is None else draw(st.sampled_from([location, location.lower()]))
        )
        enable_cell = (
            "" if enable is None else draw(st.sampled_from(TRUE_WORDS if enable else FALSE_WORDS))
        )
        rows.append(
            (CsvRow(0, user, add, remove, disabled, location, enable), location_cell, enable_cell)
        )
    return rows


def write_csv(
    rows: list[tuple[CsvRow, str, str]], columns: list[str], delimiter: str, newline: str
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(columns)
    for row, location, enable in rows:
        cells = {
            "userPrincipalName": row.user,
            "add": "|".join(row.add),
            "remove": " | ".join(row.remove),
            "disabledPlans": "|".join(row.disabled_plans),
            "usageLocation": location,
            "enable": enable,
        }
        writer.writerow([cells[c] for c in columns])
    return buffer.getvalue()


@settings(max_examples=150, deadline=None)
@given(
    rows=plan_rows(),
    columns=st.permutations(COLUMNS),
    delimiter=st.sampled_from([",", ";"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_every_valid_file_reads_back_exactly(
    rows: list[tuple[CsvRow, str, str]], columns: list[str], delimiter: str, newline: str, bom: bool
) -> None:
    text = write_csv(rows, list(columns), delimiter, newline)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    parsed = parse_plan_csv(decode(data))
    # Country codes come back upper-case whatever the cell's case; lines count from the header.
    expected = [
        CsvRow(i + 2, r.user, r.add, r.remove, r.disabled_plans, r.usage_location, r.enable)
        for i, (r, _, _) in enumerate(rows)
    ]
    assert parsed == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_rows_or_a_plan_error_never_a_crash(text: str) -> None:
    try:
        parse_plan_csv(text)
    except CsvPlanError as exc:
        assert exc.errors and all(e.line >= 0 for e in exc.errors)


@settings(max_examples=100, deadline=None)
@given(rows=plan_rows(), data=st.data())
def test_a_bad_row_is_reported_at_its_own_line(
    rows: list[tuple[CsvRow, str, str]], data: st.DataObject
) -> None:
    bad = data.draw(st.integers(0, len(rows) - 1))
    row, location, _ = rows[bad]
    rows[bad] = (row, location, "maybe")
    text = write_csv(rows, list(COLUMNS), ",", "\n")
    with pytest.raises(CsvPlanError) as caught:
        parse_plan_csv(text)
    errors = caught.value.errors
    assert {e.line for e in errors} == {bad + 2}
    assert any("enable is 'maybe'" in e.message for e in errors)


def errors_of(text: str) -> list[str]:
    with pytest.raises(CsvPlanError) as caught:
        parse_plan_csv(text)
    return [str(e) for e in caught.value.errors]


def test_polish_excel_file_with_bom_and_semicolons() -> None:
    data = (
        "\ufeffuserPrincipalName;add;enable;usageLocation\r\n"
        "zofia.łęcka@contoso.pl;Office 365 E3;PRAWDA;pl\r\n"
        "\r\n"
        "jan@contoso.pl;ENTERPRISEPACK|O365_BUSINESS_ESSENTIALS;FAŁSZ;\r\n"
    ).encode("utf-8")
    rows = parse_plan_csv(decode(data))
    assert rows == [
        CsvRow(2, "zofia.łęcka@contoso.pl", ("Office 365 E3",), (), (), "PL", True),
        CsvRow(4, "jan@contoso.pl", ("ENTERPRISEPACK", "O365_BUSINESS_ESSENTIALS"), enable=False),
    ]


def test_every_bad_row_is_listed_with_its_line() -> None:
    text = (
        "userPrincipalName,add,remove,disabledPlans,usageLocation,enable\n"
        "jan,E3,,,,\n"
        "ewa@contoso.pl,,,,XX,\n"
        "ola@contoso.pl,,,SWAY,,\n"
        "ala@contoso.pl,,,,,\n"
        "ewa@contoso.pl,,E3,,,\n"
        "\n"
        "iza@contoso.pl,E3,,,PL,true,extra\n"
        ",E3,,,,\n"
    )
    assert errors_of(text) == [
        "line 2: 'jan' is not a userPrincipalName (name@domain) or a user id",
        "line 3: usageLocation 'XX' is not a two-letter country code",
        "line 4: disabledPlans needs the license they belong to in the add column",
        "line 5: nothing to change: fill add, remove, usageLocation or enable",
        "line 6: ewa@contoso.pl already has a row (line 3): merge them",
        "line 8: 7 values but the header has 6 columns: a value containing ',' needs quotes",
        "line 9: userPrincipalName is empty",
    ]


def test_header_problems_are_named() -> None:
    assert errors_of("") == ["line 1: the file is empty: it needs a header row"]
    assert "no userPrincipalName column" in errors_of("user,add\na@b.pl,E3\n")[0]
    assert errors_of("userPrincipalName,add,licence\na@b.pl,E3,x\n") == [
        "line 1: unknown column 'licence': use userPrincipalName, add, remove, disabledPlans, "
        "usageLocation, enable"
    ]
    assert errors_of("userPrincipalName,add,ADD\na@b.pl,E3,E3\n") == [
        "line 1: column 'add' appears twice"
    ]


def test_a_quoted_cell_may_span_lines_and_numbering_follows() -> None:
    text = 'userPrincipalName,add\n"a@b.pl","E3"\n"c@d.pl","Office\n365 E3"\ne@f.pl,\n'
    assert errors_of(text) == [
        "line 5: nothing to change: fill add, remove, usageLocation or enable"
    ]


def test_text_that_is_not_utf8_is_refused_with_what_to_do() -> None:
    data = "userPrincipalName,add\nłukasz@b.pl,E3\n".encode("cp1250")
    with pytest.raises(CsvPlanError) as caught:
        decode(data)
    assert caught.value.errors[0].line == 2
    assert "CSV UTF-8" in caught.value.errors[0].message


def test_names_resolve_by_part_number_id_or_friendly_name() -> None:
    rows = parse_plan_csv(
        "userPrincipalName,add,remove,disabledPlans\n"
        f"a@b.pl,office 365 e3,{BASIC},Sway|TEAMS1\n"
        "c@d.pl,,O365_BUSINESS_ESSENTIALS,\n"
    )
    plan = rows_to_plan(rows, SKUS, source="plan.csv")
    assert plan.changes[0].add == (AssignedLicense(E3, (SWAY_PLAN, TEAMS_PLAN)),)
    assert plan.changes[0].remove == (BASIC,)
    assert plan.changes[1].remove == (BASIC,)
    assert plan.description == "Apply plan.csv (2 users)"


def test_an_app_goes_off_in_each_added_license_that_has_it() -> None:
    rows = parse_plan_csv(
        "userPrincipalName,add,disabledPlans\na@b.pl,ENTERPRISEPACK|O365_BUSINESS_ESSENTIALS,TEAMS1\n"
    )
    plan = rows_to_plan(rows, SKUS)
    assert plan.changes[0].add == (
        AssignedLicense(E3, (TEAMS_PLAN,)),
        AssignedLicense(BASIC, (TEAMS_PLAN,)),
    )


def test_names_that_do_not_resolve_are_errors_with_lines() -> None:
    rows = parse_plan_csv(
        "userPrincipalName,add,remove,disabledPlans\n"
        "a@b.pl,E3,,\n"
        "c@d.pl,ENTERPRISEPACK,,Yammer\n"
        "e@f.pl,ENTERPRISEPACK,ENTERPRISEPACK,\n"
    )
    with pytest.raises(CsvPlanError) as caught:
        rows_to_plan(rows, SKUS)
    lines = [(e.line, e.message.split(":")[0]) for e in caught.value.errors]
    assert lines == [
        (2, "add"),
        (3, "disabledPlans"),
        (4, "the same license is in both add and remove"),
    ]
    assert "Did you mean" in caught.value.errors[0].message


def test_loading_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(CsvPlanError, match="cannot read"):
        load_plan_csv(tmp_path / "nope.csv", SKUS)


def test_a_file_that_is_not_utf8_deep_down_names_the_exact_line(tmp_path: Path) -> None:
    # Read as a stream: the bad byte lies far past the first block, and is still placed exactly.
    good = "".join(f"user{n}@contoso.pl,ENTERPRISEPACK\r\n" for n in range(5000))
    path = tmp_path / "plan.csv"
    path.write_bytes(
        b"\xef\xbb\xbfuserPrincipalName,add\r\n"
        + good.encode()
        + "łukasz@b.pl,ENTERPRISEPACK\r\n".encode("cp1250")
    )
    with pytest.raises(CsvPlanError) as caught:
        load_plan_csv(path, SKUS)
    assert [e.line for e in caught.value.errors] == [5002]
    assert "CSV UTF-8" in str(caught.value)


def test_a_loaded_file_gives_the_same_plan_as_its_text(tmp_path: Path) -> None:
    text = (
        "\ufeffuserPrincipalName;add;remove;disabledPlans;usageLocation;enable\r\n"
        "\r\n"
        f"a@b.pl;office 365 e3;{BASIC};Sway|TEAMS1;pl;PRAWDA\r\n"
        'c@d.pl;;"O365_BUSINESS_ESSENTIALS";;;\r\n'
        "E@F.pl;ENTERPRISEPACK;;;DE;false\r\n"
    )
    path = tmp_path / "plan.csv"
    path.write_bytes(text.encode("utf-8"))
    loaded = load_plan_csv(path, SKUS)
    assert loaded.changes == rows_to_plan(parse_plan_csv(text), SKUS, source="plan.csv").changes
    assert [c.user for c in loaded.changes] == ["a@b.pl", "c@d.pl", "E@F.pl"]
    assert loaded.changes[0].usage_location == "PL"


def test_a_file_of_endless_errors_keeps_a_bounded_list_and_counts_them_all(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.csv"
    bad = "".join(f"user{n}@contoso.pl,,,,XX\n" for n in range(3000))
    path.write_text("userPrincipalName,add,remove,disabledPlans,usageLocation\n" + bad)
    with pytest.raises(CsvPlanError) as caught:
        load_plan_csv(path, SKUS)
    assert caught.value.total == 3000
    assert len(caught.value.errors) == 1000
    assert "has 3000 error(s)" in str(caught.value)
    assert "... and 2950 more" in str(caught.value)


def test_a_repeated_user_is_found_whatever_the_case(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("userPrincipalName,add\nAnn@b.pl,ENTERPRISEPACK\nann@B.PL,ENTERPRISEPACK\n")
    with pytest.raises(CsvPlanError, match=r"line 3: ann@b\.pl already has a row \(line 2\)"):
        load_plan_csv(path, SKUS)


def test_names_that_do_not_resolve_are_errors_with_lines_when_loaded(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("userPrincipalName,add\na@b.pl,E3\nc@d.pl,ENTERPRISEPACK\ne@f.pl,E3\n")
    with pytest.raises(CsvPlanError) as caught:
        load_plan_csv(path, SKUS)
    assert [(e.line, e.message.split(":")[0]) for e in caught.value.errors] == [
        (2, "add"),
        (4, "add"),
    ]

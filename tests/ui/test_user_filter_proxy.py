"""UserFilterProxy without widgets: search, quick filters, sort, and growth while loading."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from tests.ui.factories import BASIC, E3, make_user
from ui.models.columns import Column
from ui.models.naming import LicenseNaming
from ui.models.quick_filter import QuickFilter, QuickFilterKind
from ui.models.user_filter import UserFilterProxy, search_terms
from ui.models.user_table import UserTableModel


def build(users: list[Any]) -> tuple[UserTableModel, UserFilterProxy]:
    model = UserTableModel(LicenseNaming(sku_names={E3: "Office 365 E3"}))
    model.append_users(users)
    proxy = UserFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def names(proxy: UserFilterProxy) -> list[str]:
    return [proxy.data(proxy.index(r, Column.NAME)) for r in range(proxy.rowCount())]


PEOPLE = [
    make_user(0, name="Anna Nowak", department="Sales", direct=(E3,)),
    make_user(1, name="Bartek Zieliński", department="IT", enabled=False),
    make_user(2, name="Celina Wójcik", department="Sales", errors=((E3, "CountViolation"),)),
    make_user(3, name="Dawid Anders", department="Finance", direct=(BASIC,)),
]


def test_passes_model_tester(qtbot: QtBot, qtmodeltester: Any) -> None:
    _model, proxy = build(list(PEOPLE))
    proxy.set_search("a")
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_search_matches_name_upn_and_department_case_insensitively(qtbot: QtBot) -> None:
    _model, proxy = build(list(PEOPLE))
    proxy.set_search("SALES")
    assert names(proxy) == ["Anna Nowak", "Celina Wójcik"]
    proxy.set_search("user000003@")
    assert names(proxy) == ["Dawid Anders"]
    proxy.set_search("anna sales")  # every word must match
    assert names(proxy) == ["Anna Nowak"]
    proxy.set_search("an")  # widening again finds Dawid Anders too
    assert names(proxy) == ["Anna Nowak", "Dawid Anders"]
    proxy.set_search("")
    assert len(names(proxy)) == 4


@pytest.mark.parametrize(
    ("quick", "expected"),
    [
        (QuickFilter(QuickFilterKind.LICENSED), ["Anna Nowak", "Celina Wójcik", "Dawid Anders"]),
        (QuickFilter(QuickFilterKind.UNLICENSED), ["Bartek Zieliński"]),
        (QuickFilter(QuickFilterKind.BLOCKED), ["Bartek Zieliński"]),
        (QuickFilter(QuickFilterKind.PROBLEMS), ["Celina Wójcik"]),
        (QuickFilter.package(BASIC), ["Dawid Anders"]),
    ],
)
def test_quick_filters(qtbot: QtBot, quick: QuickFilter, expected: list[str]) -> None:
    _model, proxy = build(list(PEOPLE))
    proxy.set_quick_filter(quick)
    assert names(proxy) == expected


def test_quick_filter_and_search_combine(qtbot: QtBot) -> None:
    _model, proxy = build(list(PEOPLE))
    proxy.set_quick_filter(QuickFilter(QuickFilterKind.LICENSED))
    proxy.set_search("sales")
    assert names(proxy) == ["Anna Nowak", "Celina Wójcik"]


def test_sort_by_raw_values_and_back_to_arrival_order(qtbot: QtBot) -> None:
    _model, proxy = build(list(PEOPLE))
    proxy.sort(Column.DEPARTMENT, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Dawid Anders", "Bartek Zieliński", "Anna Nowak", "Celina Wójcik"]
    proxy.sort(Column.PROBLEMS, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "Celina Wójcik"
    proxy.sort(-1)
    assert names(proxy) == [u.display_name for u in PEOPLE]


def test_pages_arriving_while_sorted_land_in_order(qtbot: QtBot) -> None:
    model, proxy = build([make_user(5, name="Eve"), make_user(1, name="Bob")])
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.append_users([make_user(3, name="Dan"), make_user(0, name="Al")])
    assert names(proxy) == ["Al", "Bob", "Dan", "Eve"]


def test_pages_arriving_unsorted_insert_only_matching_rows(qtbot: QtBot) -> None:
    model, proxy = build([make_user(0, name="Anna")])
    proxy.set_search("an")
    inserted: list[tuple[int, int]] = []
    proxy.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.append_users(
        [make_user(1, name="Jan"), make_user(2, name="Ola"), make_user(3, name="Ania")]
    )
    assert names(proxy) == ["Anna", "Jan", "Ania"]
    assert inserted == [(1, 2)]


def test_a_user_who_stops_matching_leaves_and_the_view_keeps_its_place(qtbot: QtBot) -> None:
    model, proxy = build(list(PEOPLE))
    proxy.set_quick_filter(QuickFilter(QuickFilterKind.UNLICENSED))
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.append_users([make_user(9, name="Zenon")])
    kept = QPersistentModelIndex(proxy.index(1, Column.NAME))
    assert kept.data() == "Zenon"
    with qtbot.waitSignal(proxy.rows_changed):
        model.replace_users([make_user(1, name="Bartek Zieliński", direct=(E3,))])
    assert names(proxy) == ["Zenon"]
    assert kept.row() == 0 and kept.data() == "Zenon"


def test_ticks_do_not_reorder_rows_sorted_by_tick(qtbot: QtBot) -> None:
    model, proxy = build(list(PEOPLE))
    proxy.sort(Column.CHECK, Qt.SortOrder.DescendingOrder)
    before = names(proxy)
    model.set_checked([3], True)
    assert names(proxy) == before  # rows must not jump away from the pointer while ticking


def test_search_terms_are_casefolded_unique_words() -> None:
    assert search_terms("  Anna  ANNA Straße ") == ("anna", "strasse")


@settings(max_examples=40, deadline=None)
@given(
    people=st.lists(st.tuples(st.text("abcAB ", max_size=6), st.booleans()), max_size=25),
    typed=st.text("abc ", max_size=4),
)
def test_filtering_matches_a_plain_scan(
    qapp: Any, people: list[tuple[str, bool]], typed: str
) -> None:
    users = [make_user(i, name=n or "x", enabled=e) for i, (n, e) in enumerate(people)]
    _model, proxy = build(users)
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    # Type letter by letter, as a person would (exercising the narrowing shortcut).
    for end in range(len(typed) + 1):
        proxy.set_search(typed[:end])
    proxy.set_quick_filter(QuickFilter(QuickFilterKind.BLOCKED))
    terms = search_terms(typed)
    expected = sorted(
        (
            u
            for u in users
            if not u.account_enabled
            and all(t in u.display_name.casefold() or t in u.user_principal_name for t in terms)
        ),
        key=lambda u: u.display_name.casefold(),
    )
    assert names(proxy) == [u.display_name for u in expected]

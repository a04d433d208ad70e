"""UserTableModel without any view: rows, text, ticks, sort values, in-place updates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.factories import BASIC, E3, GROUP_SALES, make_user
from ui.models.columns import CHECKED_ROLE, SORT_ROLE, USER_ROLE, Column
from ui.models.naming import LicenseNaming
from ui.models.user_table import UserTableModel

NAMING = LicenseNaming(
    sku_names={E3: "Office 365 E3", BASIC: "Microsoft 365 Business Basic"},
    group_names={GROUP_SALES: "Sales team"},
)


def text(model: UserTableModel, row: int, column: Column) -> Any:
    return model.data(model.index(row, column))


def test_pages_append_rows_one_insert_per_page(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = UserTableModel(NAMING)
    qtmodeltester.check(model)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    model.append_users([make_user(i) for i in range(3)])
    model.append_users([make_user(i) for i in range(3, 5)])
    assert inserts == [(0, 2), (3, 4)]
    assert model.rowCount() == 5
    assert text(model, 4, Column.UPN) == "user000004@contoso.example"


def test_columns_show_friendly_text(qtbot: QtBot) -> None:
    model = UserTableModel(NAMING)
    model.append_users(
        [
            make_user(
                1,
                name="Anna Nowak",
                department="Sales",
                enabled=False,
                location=None,
                direct=(E3,),
                inherited=((BASIC, GROUP_SALES),),
                errors=((E3, "CountViolation"),),
            )
        ]
    )
    assert text(model, 0, Column.NAME) == "Anna Nowak"
    assert text(model, 0, Column.STATUS) == "Blocked"
    assert text(model, 0, Column.LICENSES) == (
        "Office 365 E3, Microsoft 365 Business Basic (via Sales team)"
    )
    assert text(model, 0, Column.LOCATION) == ""
    assert text(model, 0, Column.DEPARTMENT) == "Sales"
    assert text(model, 0, Column.PROBLEMS) == "Office 365 E3: not enough seats"
    tooltip = model.data(model.index(0, Column.LOCATION), Qt.ItemDataRole.ToolTipRole)
    assert "usage location" in tooltip


def test_unknown_package_falls_back_to_its_id(qtbot: QtBot) -> None:
    model = UserTableModel(LicenseNaming())
    model.append_users([make_user(1, direct=("unknown-sku",))])
    assert text(model, 0, Column.LICENSES) == "unknown-sku"


def test_new_naming_changes_license_text(qtbot: QtBot) -> None:
    model = UserTableModel(LicenseNaming())
    model.append_users([make_user(1, inherited=((E3, GROUP_SALES),))])
    assert GROUP_SALES in text(model, 0, Column.LICENSES)
    with qtbot.waitSignal(model.dataChanged):
        model.set_naming(NAMING)
    assert text(model, 0, Column.LICENSES) == "Office 365 E3 (via Sales team)"


def test_sort_role_returns_raw_values(qtbot: QtBot) -> None:
    model = UserTableModel(NAMING)
    model.append_users([make_user(1, name="Zoë", errors=((E3, "Other"), (BASIC, "Other")))])
    assert model.data(model.index(0, Column.NAME), SORT_ROLE) == "zoë"
    assert model.data(model.index(0, Column.PROBLEMS), SORT_ROLE) == 2
    assert model.data(model.index(0, Column.STATUS), SORT_ROLE) is True
    assert model.sort_keys(Column.PROBLEMS) == [2]


def test_ticks_through_check_state_and_stats(qtbot: QtBot) -> None:
    model = UserTableModel(NAMING)
    model.append_users(
        [make_user(0, direct=(E3,)), make_user(1, enabled=False), make_user(2, location=None)]
    )
    with qtbot.waitSignal(model.checked_changed):
        assert model.setData(
            model.index(1, Column.CHECK), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    model.set_checked([0, 2], True)
    assert model.stats.count == 3
    assert model.stats.blocked == 1
    assert model.stats.with_direct_license == 1
    assert model.stats.without_usage_location == 1
    assert model.data(model.index(1, Column.NAME), CHECKED_ROLE) is True
    model.check_only([2])
    assert [u.id for u in model.checked_users()] == ["id-000002"]
    assert model.stats.count == 1 and model.stats.blocked == 0
    model.clear_checks()
    assert model.stats.count == 0 and model.checked_users() == []


def test_replace_updates_in_place_and_keeps_stats_right(qtbot: QtBot) -> None:
    model = UserTableModel(NAMING)
    model.append_users([make_user(0), make_user(1, enabled=False)])
    model.set_checked([1], True)
    assert model.sort_keys(Column.STATUS) == [True, False]
    with qtbot.waitSignal(model.dataChanged):
        model.replace_users([make_user(1, enabled=True, direct=(E3,))])
    assert model.rowCount() == 2
    assert text(model, 1, Column.STATUS) == "Active"
    assert text(model, 1, Column.LICENSES) == "Office 365 E3"
    assert model.stats.blocked == 0 and model.stats.with_direct_license == 1
    assert model.sort_keys(Column.STATUS) == [True, True]
    model.replace_users([make_user(7)])  # a user created meanwhile joins the end
    assert model.data(model.index(2, Column.NAME), USER_ROLE).id == "id-000007"


def test_reload_keeps_ticks_of_users_still_present(qtbot: QtBot) -> None:
    model = UserTableModel(NAMING)
    model.append_users([make_user(i) for i in range(3)])
    model.set_checked([0, 2], True)
    model.set_users([make_user(2), make_user(3)])
    assert [u.id for u in model.checked_users()] == ["id-000002"]
    assert model.stats.count == 1

"""A group's change in the window's words, English and Polish: the group named by its name
alone (not "Name <Name>"), what it gives its members and what they lose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import AssignedLicense
from desktop.licensing.group_holder import holder_of
from desktop.licensing.types import GroupRef, Problem, ProblemKind, Severity, UserChange
from tests.licensing.phrase_samples import SKUS
from tests.licensing.records import E3, user
from tests.ui.test_plan_words import NAMES, in_polish
from ui.plan_text import change_text, problem_text, user_label

GROUP = LicensedGroup("g-1", "Zarząd", (AssignedLicense(E3),))


def test_a_group_is_labelled_by_its_name_and_a_user_by_name_and_upn() -> None:
    ada = user("ada")
    before = {"g-1": holder_of(GROUP), "ada": ada}
    assert user_label("g-1", before) == "Zarząd"
    assert user_label("ada", before) == f"{ada.display_name} <{ada.user_principal_name}>"
    assert ada.display_name != ada.user_principal_name


def test_a_groups_license_change_and_its_members_losses_in_english_and_polish(
    qapp: QCoreApplication,
) -> None:
    change = UserChange("g-1", remove=(E3,), on_group=True)
    lose = Problem(
        ProblemKind.MEMBERS_LOSE,
        Severity.WARNING,
        "g-1",
        {"sku_ids": [E3], "count": 5, "mailboxes": 2},
    )

    def words() -> tuple[str, str]:
        return change_text(change, NAMES.naming, SKUS), problem_text(lose, NAMES.naming, SKUS)

    english = words()
    polish = in_polish(qapp, words)

    assert english[0].endswith("for every member, through the group")
    assert english[1].startswith("5 members lose ") and "2 of them" in english[1]
    assert polish[0].endswith("dla każdego członka, przez grupę")
    assert polish[1].startswith("5 członków straci ") and "2 z nich" in polish[1]


def test_joining_a_group_in_polish(qapp: QCoreApplication) -> None:
    change = UserChange("ada", join_groups=(GroupRef("g-1", "Zarząd"),))
    polish = in_polish(qapp, lambda: change_text(change, NAMES.naming, SKUS))
    assert polish == "Dodaj do grupy Zarząd"

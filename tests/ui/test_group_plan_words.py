"""A group's change in the window's words, English and Polish: the group named by its name
alone (not "Name <Name>"), what it gives its members and what they lose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import AssignedLicense
from desktop.licensing.group_holder import holder_of
from desktop.licensing.types import (
    GroupRef,
    PlanKind,
    Problem,
    ProblemKind,
    Severity,
    UserChange,
)
from tests.licensing.phrase_samples import SKUS
from tests.licensing.records import E3, user
from tests.ui.test_plan_words import NAMES, in_polish
from ui.plan_text import change_text, plan_title, problem_text, user_label

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


ZARZAD = GroupRef("g-1", "Zarząd")
# Each group plan kind: a change it makes, its window title (1 user) and the change's words,
# in English and in Polish.
GROUP_KINDS = [
    (
        PlanKind.ADD_MEMBERS,
        UserChange("ada", join_groups=(ZARZAD,)),
        ("Add to a group · 1 user", "Add to the group Zarząd"),
        ("Dodaj do grupy · 1 użytkownik", "Dodaj do grupy Zarząd"),
    ),
    (
        PlanKind.REMOVE_MEMBERS,
        UserChange("ada", leave_groups=(ZARZAD,)),
        ("Remove from a group · 1 user", "Remove from the group Zarząd"),
        ("Usuń z grupy · 1 użytkownik", "Usuń z grupy Zarząd"),
    ),
    (
        PlanKind.GROUP_LICENSE,
        UserChange("g-1", add=(AssignedLicense(E3),), on_group=True),
        ("License a group · 1 user", "Add {e3}; for every member, through the group"),
        (
            "Licencja dla grupy · 1 użytkownik",
            "Przypisanie: {e3}; dla każdego członka, przez grupę",
        ),
    ),
    (
        PlanKind.GROUP_APPS,
        UserChange("g-1", add=(AssignedLicense(E3),), on_group=True),
        (
            "Change apps in a group's license · 1 user",
            "Add {e3}; for every member, through the group",
        ),
        (
            "Zmiana aplikacji w licencji grupy · 1 użytkownik",
            "Przypisanie: {e3}; dla każdego członka, przez grupę",
        ),
    ),
    (
        PlanKind.GROUP_REMOVE,
        UserChange("g-1", remove=(E3,), on_group=True),
        (
            "Remove a license from a group · 1 user",
            "Remove {e3}; for every member, through the group",
        ),
        (
            "Usunięcie licencji z grupy · 1 użytkownik",
            "Usunięcie: {e3}; dla każdego członka, przez grupę",
        ),
    ),
    (
        PlanKind.REMOVE_COVERED,
        UserChange("ada", remove=(E3,)),
        ("Remove direct licenses a group gives · 1 user", "Remove {e3}"),
        ("Usunięcie licencji bezpośrednich, które daje grupa · 1 użytkownik", "Usunięcie: {e3}"),
    ),
    (
        PlanKind.REPROCESS,
        UserChange("ada", reprocess=True),
        ("Process group licenses again · 1 user", "Process group licenses again"),
        (
            "Ponowne przetwarzanie licencji z grup · 1 użytkownik",
            "Przetwórz ponownie licencje z grup",
        ),
    ),
]


@pytest.mark.parametrize(
    ("kind", "change", "english", "polish"), GROUP_KINDS, ids=[k[0].value for k in GROUP_KINDS]
)
def test_each_group_plan_kind_in_the_windows_english_and_polish(
    qapp: QCoreApplication,
    kind: PlanKind,
    change: UserChange,
    english: tuple[str, str],
    polish: tuple[str, str],
) -> None:
    e3 = NAMES.naming.sku(E3)

    def words() -> tuple[str, str]:
        return plan_title(kind, 1), change_text(change, NAMES.naming, SKUS)

    assert words() == (english[0], english[1].format(e3=e3))
    assert in_polish(qapp, words) == (polish[0], polish[1].format(e3=e3))

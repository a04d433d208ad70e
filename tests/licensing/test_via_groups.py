"""``leave_instead``: a removal of a license that comes from a group becomes leaving the
group(s) that give it; a direct copy held as well still goes; what is not held stays asked
(the check says so). The window's Remove license… and ``assign --leave-groups`` share it."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense
from desktop.licensing.types import GroupRef, UserChange
from desktop.licensing.via_groups import leave_instead
from tests.licensing.records import BASIC, E3, STANDARD, user

NAMES = {"g-1": "Zarząd", "g-2": "Sprzedaż"}


def test_an_inherited_only_license_is_removed_by_leaving_its_groups() -> None:
    ada = user("ada", group=((E3, "g-1"), (E3, "g-2")))
    change = leave_instead(UserChange(ada.id, remove=(E3,)), ada, NAMES)
    assert change.remove == ()
    assert change.leave_groups == (GroupRef("g-1", "Zarząd"), GroupRef("g-2", "Sprzedaż"))


def test_a_license_held_directly_and_through_a_group_loses_both() -> None:
    ada = user("ada", direct=(AssignedLicense(E3),), group=((E3, "g-1"),))
    change = leave_instead(UserChange(ada.id, remove=(E3,)), ada, NAMES)
    assert change.remove == (E3,)
    assert change.leave_groups == (GroupRef("g-1", "Zarząd"),)


def test_direct_and_unheld_licenses_stay_removals_and_groups_are_named_once() -> None:
    ada = user("ada", direct=(AssignedLicense(BASIC),), group=((E3, "g-1"),))
    asked = UserChange(ada.id, remove=(BASIC, STANDARD, E3), leave_groups=(GroupRef("G-1", ""),))
    change = leave_instead(asked, ada, {})
    assert change.remove == (BASIC, STANDARD)  # the check says STANDARD is not held
    assert change.leave_groups == (GroupRef("G-1", ""),)  # already leaving: not twice

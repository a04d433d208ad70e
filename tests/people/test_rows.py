"""Pending people as rows of the user table: keyed by the person, the proposed user name
shown, passed only by the "not activated" quick filter (shared with ``users --filter``)."""

from __future__ import annotations

from desktop.graph.records import User
from desktop.people.records import Person
from desktop.people.rows import pending_rows
from desktop.people.store import PeopleList
from desktop.user_filters import QuickFilterKind, quick_filter_test


def test_only_pending_people_become_rows_with_their_proposed_user_name() -> None:
    people = PeopleList(
        [
            Person("Łucja Żak", "Łucja", "Żak", email="Lucja@Home.pl", department="Kadry"),
            Person(
                "Jan Nowak",
                "Jan",
                "Nowak",
                email="jan@home.pl",
                linked_id="u1",
                linked_upn="jan.nowak@contoso.pl",
            ),
        ]
    )
    rows = pending_rows(people, {"lucja@home.pl": "lucja.zak@contoso.pl"})
    assert [(r.id, r.user_principal_name, r.department) for r in rows] == [
        ("lucja@home.pl", "lucja.zak@contoso.pl", "Kadry")
    ]
    assert rows[0].not_activated and not rows[0].account_enabled


def test_the_not_activated_filter_passes_people_only() -> None:
    test = quick_filter_test(QuickFilterKind.NOT_ACTIVATED)
    assert test is not None
    person = pending_rows(
        PeopleList([Person("Ola Lis", "Ola", "Lis", email="ola@home.pl")]),
        {"ola@home.pl": "ola.lis@contoso.pl"},
    )[0]
    blocked = User("u2", "Blocked", "b@contoso.pl", account_enabled=False)
    assert test(person) and not test(blocked)
    unlicensed = quick_filter_test(QuickFilterKind.UNLICENSED)
    assert unlicensed is not None and unlicensed(person)

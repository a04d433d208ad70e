"""Proposed user names: transliteration, patterns, numbering against tenant and list."""

from __future__ import annotations

from collections.abc import Collection

import pytest

from desktop.people.records import Person
from desktop.people.upn_rule import RuleError, UpnRule, propose, transliterate


def test_polish_and_other_letters_are_transliterated() -> None:
    assert transliterate("Łukasz Żółć-Ęą Śń") == "lukaszzolceasn"
    assert transliterate("Søren Straße") == "sorenstrasse"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("first.last", "zofia.zrodlo"),
        ("f.last", "z.zrodlo"),
        ("last.first", "zrodlo.zofia"),
        ("flast", "zzrodlo"),
        ("firstlast", "zofiazrodlo"),
        ("first", "zofia"),
    ],
)
def test_patterns(pattern: str, expected: str) -> None:
    person = Person("Zofia Źródło", first="Zofia", last="Źródło")
    assert UpnRule(pattern, "c.pl").local_part(person) == expected


def test_an_unknown_pattern_is_refused() -> None:
    with pytest.raises(RuleError, match=r"first\.last"):
        UpnRule("first_last", "c.pl")


def test_collisions_are_numbered_against_the_tenant_and_the_list() -> None:
    asked: list[set[str]] = []

    def taken(names: Collection[str]) -> set[str]:
        asked.append(set(names))
        return {n for n in names if n in {"jan.nowak@c.pl", "jan.nowak2@c.pl"}}

    people = [
        Person("Jan Nowak", "Jan", "Nowak", email="a@x.pl"),
        Person("Jan Nowak", "Jan", "Nowak", email="b@x.pl"),
        Person("Ewa Lis", "Ewa", "Lis", email="e@x.pl", upn="ewa@c.pl"),
        Person("Old Hand", "Old", "Hand", email="o@x.pl", linked_id="id-1"),
    ]
    upns = propose(people, UpnRule("first.last", "c.pl"), taken)
    assert upns == {"a@x.pl": "jan.nowak3@c.pl", "b@x.pl": "jan.nowak4@c.pl", "e@x.pl": "ewa@c.pl"}
    # One question per round, never about a linked person.
    assert asked[0] == {"jan.nowak@c.pl"}
    assert all("old.hand@c.pl" not in a for a in asked)

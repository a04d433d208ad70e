"""The list against a demo tenant over real HTTP: linking, proposals, the create plan, undo."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.errors import NotFoundError
from desktop.graph.records import AssignedLicense
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Outcome
from desktop.people.plans import create_people_plan, passwords_of
from desktop.people.records import Person
from desktop.people.store import PEOPLE_FILE, PeopleList, load_people, save_people
from desktop.people.tenant import link_existing, proposed_upns, rule_of
from desktop.people.upn_rule import UpnRule

E3 = "ENTERPRISEPACK"  # has free seats in the demo tenant


def test_people_matching_existing_users_are_linked_never_duplicated(graph: GraphClient) -> None:
    existing = graph.list_users()[0]
    people = PeopleList()
    people.add([
        Person("Someone Known", "Someone", "Known", email=existing.user_principal_name.upper()),
        Person("Nowa Osoba", "Nowa", "Osoba", email="nowa@prywatna.pl"),
    ])  # fmt: skip
    linked = link_existing(people, graph)
    assert [p.display_name for p in linked] == ["Someone Known"]
    known = people.find(existing.user_principal_name)
    assert known is not None and known.linked_id == existing.id
    assert [p.display_name for p in people.pending] == ["Nowa Osoba"]
    # Importing the same person again adds nobody.
    assert people.add([Person("Again", email=existing.user_principal_name)]) == (0, 1)


def test_proposals_number_past_existing_users(graph: GraphClient) -> None:
    existing = graph.list_users()[0]
    local, _, domain = existing.user_principal_name.partition("@")
    first, _, last = local.partition(".")
    assert first and last, "the demo's user names are first.last"
    people = PeopleList(rule=UpnRule("first.last", domain))
    people.add([Person(f"{first} {last}", first, last, email="x@prywatna.pl")])
    upns = proposed_upns(people, graph)
    assert upns == {"x@prywatna.pl": f"{first}.{last}2@{domain}".lower()}


def test_licensing_pending_people_creates_accounts_then_undo_deletes_exactly_them(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    people = PeopleList()
    people.add([
        Person("Łucja Żak", "Łucja", "Żak", email="lz@prywatna.pl", usage_location="PL",
               department="Kadry"),
        Person("Piotr Wąs", "Piotr", "Wąs", email="pw@prywatna.pl"),
    ])  # fmt: skip
    rule = rule_of(people, graph)
    assert rule.domain == graph.get_organization().default_domain
    upns = proposed_upns(people, graph)
    sku = demo_tenant.sku_id(E3)
    assert demo_tenant.free_seats(E3) >= 2
    before = {u.id for u in graph.list_users()}
    plan = create_people_plan(people.pending, upns, [AssignedLicense(sku)], usage_location="DE")
    checked = controller.check(plan)
    assert not checked.blocking
    assert [c.create is not None for c in checked.effective.changes] == [True, True]
    report = controller.apply(checked)
    assert [r.outcome for r in report.results] == [Outcome.DONE, Outcome.DONE]
    lucja = graph.get_user(f"lucja.zak@{rule.domain}")
    piotr = graph.get_user(f"piotr.was@{rule.domain}")
    assert (lucja.sku_ids, lucja.usage_location, lucja.department) == ({sku}, "PL", "Kadry")
    assert (piotr.sku_ids, piotr.usage_location) == ({sku}, "DE")
    passwords = passwords_of(plan)
    assert set(passwords) == {lucja.user_principal_name, piotr.user_principal_name}
    assert all(must_change for _, must_change in passwords.values())
    # The journal never holds a password.
    journal = controller.journal.path.read_bytes()
    assert all(p.encode() not in journal for p, _ in passwords.values())

    undo = controller.undo_plan(report.run_id)
    deleted = {undo.before[c.user].id for c in undo.effective.changes if c.delete}
    assert deleted == {lucja.id, piotr.id}
    assert all(c.delete for c in undo.effective.changes)
    controller.apply(undo)
    for gone in (lucja.id, piotr.id):
        with pytest.raises(NotFoundError):
            graph.get_user(gone)
    assert {u.id for u in graph.list_users()} == before


def test_a_linked_person_is_never_planned_for_creation() -> None:
    linked = Person("Known", email="k@c.pl", linked_id="id-1", linked_upn="k@c.pl")
    with pytest.raises(ValueError, match="already has an account"):
        create_people_plan([linked], {})


def test_the_list_is_stored_owner_only_and_read_back(tmp_path: Path) -> None:
    people = PeopleList(rule=UpnRule("f.last", "contoso.pl"))
    people.add([Person("Ewa Lis", "Ewa", "Lis", email="ewa@prywatna.pl", manager="s@c.pl")])
    path = save_people(tmp_path / "tenant", people)
    assert path.name == PEOPLE_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    again = load_people(tmp_path / "tenant")
    assert again.people == people.people and again.rule == people.rule
    assert again.remove(["EWA@prywatna.pl"]) == people.people and again.people == []

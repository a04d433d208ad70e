"""The list against the tenant: link people who already have an account, propose free user
names for the others. Reads only the names asked about ($batch lookups), never every user."""

from __future__ import annotations

from collections.abc import Collection

from desktop.graph.client import GraphClient
from desktop.graph.records import Organization
from desktop.licensing.reader import read_users
from desktop.people.records import Person
from desktop.people.store import PeopleList
from desktop.people.upn_rule import DEFAULT_PATTERN, UpnRule, propose


def default_rule(organization: Organization) -> UpnRule:
    domain = organization.default_domain or next(iter(organization.verified_domains), "")
    return UpnRule(DEFAULT_PATTERN, domain)


def rule_of(people: PeopleList, client: GraphClient) -> UpnRule:
    return people.rule or default_rule(client.get_organization())


def link_existing(people: PeopleList, client: GraphClient) -> list[Person]:
    """Links each pending person whose e-mail or user name is an existing user's user name;
    returns those linked now."""
    names = [n for p in people.pending for n in p.names()]
    found = read_users(client, names) if names else {}
    linked: list[Person] = []
    for person in people.pending:
        user = next((found[n] for n in person.names() if found.get(n) is not None), None)
        if user is not None:
            people.link(person.key, user.id, user.user_principal_name)
            linked.append(person)
    return linked


def proposed_upns(people: PeopleList, client: GraphClient) -> dict[str, str]:
    """Each pending person's key -> the user name their account would get now."""

    def taken(names: Collection[str]) -> set[str]:
        found = read_users(client, list(names))
        return {n for n, user in found.items() if user is not None}

    return propose(people.people, rule_of(people, client), taken)


def unlink_deleted(people: PeopleList, client: GraphClient) -> list[Person]:
    """People linked to an account that no longer exists (an undone creation, a user deleted
    in the admin center) wait for an account again; returns them."""
    linked = [p for p in people.people if p.linked_id is not None]
    found = read_users(client, [p.linked_id for p in linked if p.linked_id]) if linked else {}
    gone = [p for p in linked if p.linked_id and found.get(p.linked_id.lower()) is None]
    for person in gone:
        people.unlink(person.key)
    return gone


def sync_with_tenant(people: PeopleList, client: GraphClient) -> bool:
    """Links and unlinks as the tenant is now; True when the list changed (to be saved)."""
    gone = unlink_deleted(people, client)
    linked = link_existing(people, client)
    return bool(gone or linked)

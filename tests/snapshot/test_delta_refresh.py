"""A snapshot refreshed by delta ends exactly where a full read of the tenant does: after
users are created, changed (licenses, sign-in blocked, usage location, a licensed group joined)
and deleted by another client, and after the saved delta link expired (everything read again)."""

from __future__ import annotations

from pathlib import Path

import requests

from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile, User
from desktop.licensing.types import TenantSnapshot
from desktop.open_tenant import OpenTenant, open_demo
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.demo_tenant import DemoTenantForTests


def by_id(users: tuple[User, ...] | list[User]) -> dict[str, User]:
    return {u.id: u for u in users}


def assert_same_tenant(refreshed: TenantSnapshot, live: TenantSnapshot) -> None:
    assert by_id(refreshed.users) == by_id(live.users)
    assert len(refreshed.users) == len(live.users)
    assert {s.sku_id: s for s in refreshed.skus} == {s.sku_id: s for s in live.skus}
    assert refreshed.groups == live.groups


def join_licensed_group(tenant: DemoTenantForTests, user_id: str) -> str:
    """Add ``user_id`` to a group that carries licenses; the group's id."""
    store = tenant.store
    group_rowid = next(iter(store.propagated_licenses()))
    group = store.group_row(group_rowid)
    assert group is not None
    answer = requests.post(
        f"{tenant.base_url}/groups/{group.id}/members/$ref",
        json={"@odata.id": f"{tenant.base_url}/directoryObjects/{user_id}"},
        headers={"Authorization": "Bearer elsewhere"},
        timeout=30,
    )
    assert answer.status_code == 204, answer.text
    return group.id


def test_delta_refresh_ends_in_the_tenants_state_after_creates_updates_and_deletes(
    demo_tenant: DemoTenantForTests,
    opened: OpenTenant,
    elsewhere: GraphClient,
    windows_keyring: WindowsLikeKeyring,
) -> None:
    loader = opened.loader()
    first = loader.full_read()
    stored = loader.cached()
    assert stored is not None and by_id(stored.tenant.users) == by_id(first.users)

    flow = demo_tenant.sku_id("FLOW_FREE")
    users = list(first.users)
    licensed = next(u for u in users if flow not in u.sku_ids and u.usage_location)
    blocked = next(u for u in users if u.account_enabled and u is not licensed)
    moved = next(u for u in users if u.usage_location != "NO" and u not in (licensed, blocked))
    joining = next(
        u
        for u in users
        if not u.granting_group_ids and u.usage_location and u not in (licensed, blocked, moved)
    )
    gone = next(u for u in users if u not in (licensed, blocked, moved, joining))
    elsewhere.assign_license(licensed.id, [AssignedLicense(flow)], [])
    elsewhere.update_user(blocked.id, {"accountEnabled": False})
    elsewhere.update_user(moved.id, {"usageLocation": "NO"})
    join_licensed_group(demo_tenant, joining.id)
    elsewhere.delete_user(gone.id)
    created = elsewhere.create_user(
        NewUser(
            "Zofia Nowa",
            f"zofia.nowa@{licensed.user_principal_name.split('@')[1]}",
            PasswordProfile("Xy!23456789abc"),
            usage_location="PL",
        )
    )

    outcome = loader.refresh(stored)

    assert not outcome.full
    assert {u.id for u in outcome.changes.changed} == {
        licensed.id,
        blocked.id,
        moved.id,
        joining.id,
        created.id,
    }
    assert outcome.changes.removed == {gone.id}
    assert_same_tenant(outcome.tenant, opened.controller.load_tenant())
    saved = loader.cached()
    assert saved is not None and by_id(saved.tenant.users) == by_id(outcome.tenant.users)

    # Nothing changed since: the next round brings nothing and the state holds.
    again = loader.refresh(saved)
    assert not again.changes and not again.full
    assert_same_tenant(again.tenant, opened.controller.load_tenant())


def test_an_expired_delta_link_means_a_full_read_that_ends_in_the_tenants_state(
    demo_tenant: DemoTenantForTests,
    opened: OpenTenant,
    elsewhere: GraphClient,
    windows_keyring: WindowsLikeKeyring,
) -> None:
    loader = opened.loader()
    first = loader.full_read()
    stored = loader.cached()
    assert stored is not None
    victim = first.users[0]
    elsewhere.update_user(victim.id, {"usageLocation": "IS"})
    demo_tenant.expire_delta_links()

    outcome = loader.refresh(stored)

    assert outcome.full
    assert by_id(outcome.tenant.users)[victim.id].usage_location == "IS"
    assert_same_tenant(outcome.tenant, opened.controller.load_tenant())
    # The snapshot now carries a fresh link that works.
    saved = loader.cached()
    assert saved is not None and saved.delta_link != stored.delta_link
    assert not loader.refresh(saved).full


def test_a_change_made_while_everything_is_read_comes_in_the_next_round(
    demo_tenant: DemoTenantForTests,
    opened: OpenTenant,
    elsewhere: GraphClient,
    windows_keyring: WindowsLikeKeyring,
) -> None:
    """The delta link is taken before the users are read: a change landing during the read
    is never lost, at worst it comes twice."""
    loader = opened.loader()
    users = opened.controller.load_tenant().users
    changed: list[str] = []

    def change_during_read(page: list[User]) -> None:
        if not changed:
            elsewhere.update_user(users[-1].id, {"department": "Changed meanwhile"})
            changed.append(users[-1].id)

    loader.full_read(on_users_page=change_during_read)
    stored = loader.cached()
    assert stored is not None
    outcome = loader.refresh(stored)
    assert by_id(outcome.tenant.users)[changed[0]].department == "Changed meanwhile"
    assert_same_tenant(outcome.tenant, opened.controller.load_tenant())


def test_the_demo_opened_again_on_a_new_port_refreshes_its_snapshot_by_delta(
    tmp_path: Path, windows_keyring: WindowsLikeKeyring
) -> None:
    """The demo keeps its data between starts but listens on a new port each time: the saved
    deltaLink must still lead to it (it is kept relative to the version root)."""
    data = tmp_path / "data"
    first = open_demo(data, users=40)
    try:
        loader = first.loader()
        loader.full_read()
        loader.wait_for_save()
        first_url = first.controller.client.base_url
    finally:
        first.close()
    again = open_demo(data, users=40)
    try:
        assert again.controller.client.base_url != first_url  # a new address
        stored = again.loader().cached()
        assert stored is not None and stored.delta_link.startswith("/users/delta")
        outcome = again.loader().refresh(stored)
        assert not outcome.full and not outcome.changes
        assert_same_tenant(outcome.tenant, again.controller.load_tenant())
    finally:
        again.close()

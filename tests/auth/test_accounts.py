"""Several tenants signed in at once, the switcher, and signing out (keyring left empty)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from desktop.auth.errors import KeyringUnavailableError, SignInRequiredError
from desktop.auth.token_store import MemoryOnlyTokenStore
from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.errors import AuthenticationError
from tests.auth.demo_identity import NAMESPACE, SignInWorld
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.identity import DemoAccount


@dataclass
class TwoTenants:
    world: SignInWorld
    other: DemoTenant
    other_admin: DemoAccount


@pytest.fixture
def two_tenants(world: SignInWorld) -> Iterator[TwoTenants]:
    other = DemoTenant.start(users=30, seed=2)
    try:
        yield TwoTenants(world, other, world.identity.protect(other))
    finally:
        other.stop()


def users_seen(base_url: str, provider: object) -> int:
    client = GraphClient(base_url, provider)  # type: ignore[arg-type]
    try:
        return len(client.list_users())
    finally:
        client.close()


def test_two_tenants_signed_in_at_once_with_a_switcher(two_tenants: TwoTenants) -> None:
    world, other = two_tenants.world, two_tenants.other
    manager = world.manager()
    world.sign_in(manager, world.admin.username)
    world.sign_in(manager, two_tenants.other_admin.username)

    accounts = {a.username: a for a in manager.accounts()}
    first, second = accounts[world.admin.username], accounts[two_tenants.other_admin.username]
    assert (first.tenant_id, second.tenant_id) == (world.tenant.tenant_id, other.tenant_id)
    assert second.is_current and not first.is_current  # the latest sign-in is current

    assert users_seen(other.base_url, manager.token_provider()) == 30
    manager.switch_to(first.home_account_id)
    current = manager.current()
    assert current is not None and current.home_account_id == first.home_account_id
    assert users_seen(world.tenant.base_url, manager.token_provider()) == 60
    # The choice survives a restart.
    restarted = world.manager()
    current = restarted.current()
    assert current is not None and current.home_account_id == first.home_account_id


def test_a_token_for_one_tenant_is_refused_by_another(two_tenants: TwoTenants) -> None:
    world = two_tenants.world
    manager = world.manager()
    world.sign_in(manager, world.admin.username)
    with pytest.raises(AuthenticationError):
        users_seen(two_tenants.other.base_url, manager.token_provider())


def test_a_provider_stays_with_its_account_after_a_switch(two_tenants: TwoTenants) -> None:
    world = two_tenants.world
    manager = world.manager()
    world.sign_in(manager, world.admin.username)
    provider = manager.token_provider()  # a run starts on the first tenant ...
    world.sign_in(manager, two_tenants.other_admin.username)  # ... the switcher moves on
    assert users_seen(world.tenant.base_url, provider) == 60


def test_signing_out_removes_the_account_and_the_last_one_every_keyring_entry(
    two_tenants: TwoTenants, windows_keyring: WindowsLikeKeyring
) -> None:
    world = two_tenants.world
    manager = world.manager()
    world.sign_in(manager, world.admin.username)
    world.sign_in(manager, two_tenants.other_admin.username)
    current = manager.current()
    assert current is not None
    leaving = manager.store.cache.serialize()
    secrets_of_leaving = [
        e["secret"]
        for kind in ("RefreshToken", "AccessToken", "IdToken")
        for e in json.loads(leaving).get(kind, {}).values()
        if e["home_account_id"] == current.home_account_id
    ]
    assert len(secrets_of_leaving) >= 3

    manager.sign_out()
    stored = windows_keyring.all_text()
    assert all(secret not in stored for secret in secrets_of_leaving)
    assert [a.username for a in manager.accounts()] == [world.admin.username]
    assert [a.username for a in world.manager().accounts()] == [world.admin.username]

    manager.sign_out()
    assert windows_keyring.services(NAMESPACE) == []
    assert manager.accounts() == [] and world.manager().accounts() == []
    with pytest.raises(SignInRequiredError):
        manager.acquire_token()


def test_sign_out_all_leaves_no_keyring_entry(
    two_tenants: TwoTenants, windows_keyring: WindowsLikeKeyring
) -> None:
    world = two_tenants.world
    manager = world.manager()
    world.sign_in(manager, world.admin.username)
    world.sign_in(manager, two_tenants.other_admin.username)
    windows_keyring.set_password("someone else's app", "user", "untouched")
    manager.sign_out_all()
    assert windows_keyring.services(NAMESPACE) == []
    assert windows_keyring.get_password("someone else's app", "user") == "untouched"


def test_a_keyring_failure_after_sign_in_is_reported_and_the_session_still_works(
    world: SignInWorld, windows_keyring: WindowsLikeKeyring
) -> None:
    manager = world.manager()
    windows_keyring.locked = True
    world.sign_in(manager)
    assert isinstance(manager.storage_problem, KeyringUnavailableError)
    assert "locked" in str(manager.storage_problem)
    assert manager.acquire_token().value  # usable for this run
    windows_keyring.locked = False
    manager.switch_to(manager.accounts()[0].home_account_id)
    assert manager.storage_problem is None
    assert len(world.manager().accounts()) == 1


def test_memory_only_sign_in_works_and_leaves_the_keyring_untouched(
    world: SignInWorld, windows_keyring: WindowsLikeKeyring
) -> None:
    store = MemoryOnlyTokenStore()
    manager = world.manager(store)
    world.sign_in(manager)
    assert not manager.store.persistent
    assert users_seen(world.tenant.base_url, manager.token_provider()) == 60
    assert windows_keyring.entries == {}

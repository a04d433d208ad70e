"""Access tokens after sign-in: silent refresh, a token expiring in the middle of a bulk run,
incremental consent, revoked sessions, and a restart that finds the sign-in in the keyring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.auth import scopes
from desktop.auth.errors import ConsentRequiredError, SignInRequiredError
from desktop.graph.batch_items import BatchRequest
from desktop.graph.client import GraphClient
from desktop.graph.errors import AuthenticationError
from desktop.graph.records import User
from tests.auth.demo_identity import SignInWorld, jwt_claims, start_world
from tests.auth.fake_keyring import WindowsLikeKeyring

REFRESH = "refresh_token"


def test_silent_token_comes_from_the_cache_until_a_refresh_is_forced(
    world: SignInWorld,
) -> None:
    manager = world.manager()
    world.sign_in(manager)
    first = manager.acquire_token()
    assert manager.acquire_token().value == first.value
    assert world.identity.grants_issued.get(REFRESH, 0) == 0

    refreshed = manager.acquire_token(force_refresh=True)
    assert refreshed.value != first.value
    assert world.identity.grants_issued[REFRESH] == 1
    assert jwt_claims(refreshed.value)["upn"] == world.admin.username


def expire_tokens_on_request(world: SignInWorld, number: int) -> list[int]:
    """Make the identity platform's clock jump past every token's lifetime when the Graph
    routes check their ``number``-th token: the run's token dies mid-run."""
    check = world.tenant.token_validator
    assert check is not None
    seen: list[int] = []

    def validator(token: str) -> str | None:
        seen.append(len(seen) + 1)
        if len(seen) == number:
            world.identity.advance_clock(world.identity.access_token_lifetime + 1)
        return check(token)

    world.tenant.token_validator = validator
    return seen


def test_a_token_expiring_during_a_batch_run_is_refreshed_and_the_run_continues(
    world: SignInWorld,
) -> None:
    manager = world.manager()
    world.sign_in(manager)
    client = GraphClient(world.tenant.base_url, manager.token_provider())
    try:
        users = client.list_users()
        checks = expire_tokens_on_request(world, 2)  # the second of three $batch posts
        requests = [BatchRequest(str(i), "GET", f"/users/{u.id}") for i, u in enumerate(users)]
        answers = client.batch(requests)
    finally:
        client.close()
    assert len(answers) == 60 and all(a.status == 200 for a in answers.values())
    assert world.identity.grants_issued[REFRESH] == 1
    assert len(checks) == 4  # three $batch posts, one of them sent twice


def test_a_token_expiring_while_paging_is_refreshed_and_paging_continues(
    world: SignInWorld,
) -> None:
    manager = world.manager()
    world.sign_in(manager)
    pages: list[list[User]] = []
    client = GraphClient(world.tenant.base_url, manager.token_provider())
    try:
        expire_tokens_on_request(world, 3)
        users = client.list_users(page_size=10, on_page=pages.append)
    finally:
        client.close()
    assert len(users) == 60 and len(pages) == 6
    assert len({u.id for u in users}) == 60
    assert world.identity.grants_issued[REFRESH] == 1


@pytest.fixture
def short_lived_world(windows_keyring: WindowsLikeKeyring) -> Iterator[SignInWorld]:
    # Below MSAL's own 5-minute "about to expire" threshold, so MSAL refreshes on every ask.
    yield from start_world(access_token_lifetime=240)


def test_the_provider_reuses_a_short_lived_token_instead_of_refreshing_each_request(
    short_lived_world: SignInWorld,
) -> None:
    world = short_lived_world
    manager = world.manager()
    world.sign_in(manager)
    provider = manager.token_provider()
    first = provider.token()
    assert provider.token() == first
    assert world.identity.grants_issued.get(REFRESH, 0) <= 1


def test_write_scopes_need_consent_and_a_second_sign_in_grants_them(world: SignInWorld) -> None:
    manager = world.manager()
    world.sign_in(manager)  # browse scopes only
    read = manager.acquire_token()
    assert "LicenseAssignment.ReadWrite.All" not in str(jwt_claims(read.value)["scp"])

    with pytest.raises(ConsentRequiredError) as info:
        manager.acquire_token(scopes.CHANGE_LICENSES)
    assert "LicenseAssignment.ReadWrite.All" in info.value.scopes

    flow = manager.start_device_code(scopes.CHANGE_LICENSES)
    world.identity.approve_device_code(flow.user_code)
    flow.wait()
    write = manager.acquire_token(scopes.CHANGE_LICENSES)
    assert "LicenseAssignment.ReadWrite.All" in str(jwt_claims(write.value)["scp"])
    assert len(manager.accounts()) == 1  # the same account, now with more consent


def test_a_revoked_session_asks_to_sign_in_again(world: SignInWorld) -> None:
    manager = world.manager()
    world.sign_in(manager)
    provider = manager.token_provider()
    client = GraphClient(world.tenant.base_url, provider)
    try:
        client.list_skus()
        world.identity.revoke_sessions(world.admin.username)
        world.identity.advance_clock(world.identity.access_token_lifetime + 1)
        with pytest.raises(AuthenticationError) as info:
            client.list_skus()
    finally:
        client.close()
    assert isinstance(info.value, SignInRequiredError)
    assert "Sign in again" in str(info.value)


def test_after_a_restart_the_sign_in_comes_back_from_the_keyring(world: SignInWorld) -> None:
    world.sign_in(world.manager())
    device_codes = world.identity.grants_issued["urn:ietf:params:oauth:grant-type:device_code"]

    restarted = world.manager()  # a new store reading the same keyring, a new MSAL app
    [account] = restarted.accounts()
    assert account.username == world.admin.username and account.is_current
    client = GraphClient(world.tenant.base_url, restarted.token_provider())
    try:
        assert client.list_skus()
    finally:
        client.close()
    assert restarted.acquire_token(force_refresh=True).value
    assert (
        world.identity.grants_issued["urn:ietf:params:oauth:grant-type:device_code"] == device_codes
    )


def test_nobody_signed_in_means_sign_in_required(world: SignInWorld) -> None:
    manager = world.manager()
    with pytest.raises(SignInRequiredError, match="not signed in"):
        manager.acquire_token()
    with pytest.raises(SignInRequiredError):
        manager.token_provider()

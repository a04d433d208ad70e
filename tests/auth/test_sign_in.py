"""Sign-in with the real MSAL library against the demo identity platform: device code and
browser (auth code + PKCE through the loopback redirect), their cancellation and failures."""

from __future__ import annotations

import threading
import uuid

import pytest

from desktop.auth.config import AuthConfig
from desktop.auth.errors import (
    SignInCancelledError,
    SignInFailedError,
    SignInTimedOutError,
)
from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from tests.auth.demo_identity import SignInWorld, form_posting_browser


def test_device_code_sign_in_end_to_end(world: SignInWorld) -> None:
    manager = world.manager()
    flow = manager.start_device_code()
    assert flow.verification_uri == "https://microsoft.com/devicelogin"
    assert flow.user_code in flow.message

    world.identity.approve_device_code(flow.user_code)
    account = flow.wait()

    assert account.username == world.admin.username
    assert account.tenant_id == world.tenant.tenant_id
    assert account.is_current and manager.current() == account
    client = GraphClient(world.tenant.base_url, manager.token_provider())
    try:
        assert len(client.list_users()) == 60
    finally:
        client.close()


def test_device_code_waits_until_the_person_enters_the_code(world: SignInWorld) -> None:
    flow = world.manager().start_device_code()
    outcome: list[object] = []
    waiter = threading.Thread(target=lambda: outcome.append(flow.wait()))
    waiter.start()
    code = world.identity.wait_for_device_code()  # the app is polling, nobody approved yet
    assert code == flow.user_code
    world.identity.approve_device_code(code)
    waiter.join(timeout=30)
    assert not waiter.is_alive()
    assert getattr(outcome[0], "username", None) == world.admin.username


@pytest.mark.parametrize("how", ["flow", "token"])
def test_device_code_wait_can_be_cancelled_from_another_thread(
    world: SignInWorld, how: str
) -> None:
    flow = world.manager().start_device_code()
    cancel = CancelToken()
    failures: list[BaseException] = []

    def wait() -> None:
        try:
            flow.wait(cancel)
        except BaseException as exc:
            failures.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    world.identity.wait_for_device_code()
    if how == "flow":
        flow.cancel()
    else:
        cancel.cancel()
    waiter.join(timeout=30)
    assert not waiter.is_alive()
    assert isinstance(failures[0], SignInCancelledError)
    assert flow.expires_at == 0 or how == "token"


def test_a_declined_device_code_fails_clearly(world: SignInWorld) -> None:
    flow = world.manager().start_device_code()
    world.identity.decline_device_code(flow.user_code)
    with pytest.raises(SignInFailedError) as info:
        flow.wait()
    assert info.value.error == "authorization_declined"


def test_an_expired_device_code_times_out(world: SignInWorld) -> None:
    flow = world.manager().start_device_code()
    world.identity.advance_clock(world.identity.device_code_lifetime + 1)
    with pytest.raises(SignInTimedOutError):
        flow.wait()


def test_browser_sign_in_through_the_loopback_redirect(world: SignInWorld) -> None:
    opened: list[str] = []
    manager = world.manager(open_browser=form_posting_browser(opened))
    account = manager.sign_in_interactive()
    assert account.username == world.admin.username and account.is_current
    # The browser went to the (rewritten) authorize page with PKCE and form_post.
    assert opened[0].startswith(world.tenant.root_url + "/organizations/oauth2/v2.0/authorize?")
    assert "code_challenge_method=S256" in opened[0] and "response_mode=form_post" in opened[0]
    assert world.identity.grants_issued == {"authorization_code": 1}
    assert manager.acquire_token().value


def test_browser_sign_in_can_be_cancelled(world: SignInWorld) -> None:
    browser_opened = threading.Event()

    def idle_browser(url: str) -> bool:  # the person never finishes signing in
        browser_opened.set()
        return True

    manager = world.manager(open_browser=idle_browser)
    cancel = CancelToken()
    failures: list[BaseException] = []

    def sign_in() -> None:
        try:
            manager.sign_in_interactive(cancel=cancel)
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=sign_in)
    worker.start()
    assert browser_opened.wait(30)
    cancel.cancel()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert isinstance(failures[0], SignInCancelledError)
    assert manager.accounts() == []


def test_no_browser_points_to_device_code(world: SignInWorld) -> None:
    manager = world.manager(open_browser=lambda url: False)
    with pytest.raises(SignInFailedError, match="device code"):
        manager.sign_in_interactive()


def test_an_unregistered_client_id_is_refused_with_the_platform_message(
    world: SignInWorld,
) -> None:
    stranger = str(uuid.uuid4())
    manager = world.manager()
    with pytest.raises(SignInFailedError, match="AADSTS700016"):
        manager.start_device_code(client_id=stranger)


def test_an_organisations_own_client_id_is_used_when_given(world: SignInWorld) -> None:
    own = str(uuid.uuid4())
    world.identity.client_ids.add(own)
    manager = world.manager()
    flow = manager.start_device_code(client_id=own)
    world.identity.approve_device_code(flow.user_code)
    account = flow.wait()
    assert account.client_id == own
    assert world.identity.consented_scopes(world.admin.username, own)
    assert manager.acquire_token().value  # silent refresh goes to the same client id


def test_an_unknown_tenant_fails_clearly(world: SignInWorld) -> None:
    with pytest.raises(SignInFailedError, match="tenant was not found"):
        world.manager().start_device_code(tenant="no-such-tenant.example")


def test_a_given_tenant_is_the_authority(world: SignInWorld) -> None:
    manager = world.manager()
    flow = manager.start_device_code(tenant=world.tenant.tenant_id)
    world.identity.approve_device_code(flow.user_code)
    account = flow.wait()
    assert account.authority_tenant == world.tenant.tenant_id
    assert manager.acquire_token(force_refresh=True).value


def test_client_id_must_look_like_one() -> None:
    with pytest.raises(ValueError, match="application \\(client\\) id"):
        AuthConfig(client_id="my app")

"""Sign-in with the real MSAL library against the demo identity platform."""

from __future__ import annotations

import threading

import pytest

from desktop.auth.errors import SignInCancelledError, SignInFailedError
from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from tests.auth.demo_identity import SignInWorld


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

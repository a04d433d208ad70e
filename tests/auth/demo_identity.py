"""A demo tenant with its identity platform, and the account manager pointed at it."""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import requests

from desktop.auth.accounts import AccountManager
from desktop.auth.config import AuthConfig
from desktop.auth.token_store import KeyringTokenStore, TokenStore, open_token_store
from tests.demo_tenant import DemoTenantForTests
from tests.identity import DemoAccount, DemoIdentity

NAMESPACE = "License Desk tests"
# The shortest the protocol allows (whole seconds); most tests approve before the first poll.
POLL_INTERVAL = 1


@dataclass
class SignInWorld:
    tenant: DemoTenantForTests
    identity: DemoIdentity
    admin: DemoAccount

    @property
    def config(self) -> AuthConfig:
        return AuthConfig(login_url=self.tenant.root_url, use_broker=False)

    def store(self) -> KeyringTokenStore:
        return open_token_store(NAMESPACE)

    def manager(self, store: TokenStore | None = None, **kwargs: object) -> AccountManager:
        return AccountManager(store or self.store(), self.config, **kwargs)  # type: ignore[arg-type]

    def sign_in(self, manager: AccountManager, username: str | None = None) -> None:
        flow = manager.start_device_code()
        self.identity.approve_device_code(flow.user_code, username)
        flow.wait()


def start_world(**identity_options: float) -> Iterator[SignInWorld]:
    tenant = DemoTenantForTests.start(users=60, seed=1)
    identity = DemoIdentity(poll_interval=POLL_INTERVAL, **identity_options)  # type: ignore[arg-type]
    try:
        admin = identity.attach(tenant)
        yield SignInWorld(tenant, identity, admin)
    finally:
        tenant.stop()


def form_posting_browser(opened: list[str]) -> Callable[[str], bool]:
    """A stand-in for the system browser: loads the sign-in page and submits its form to the
    app's loopback redirect, as the page's script would."""

    def open_url(url: str) -> bool:
        opened.append(url)
        page = requests.get(url, timeout=10)
        page.raise_for_status()
        action = re.search(r'<form method="post" action="([^"]+)"', page.text)
        assert action is not None, "the sign-in page has no form"
        fields = {
            name: html.unescape(value)
            for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', page.text)
        }
        requests.post(html.unescape(action.group(1)), data=fields, timeout=10).raise_for_status()
        return True

    return open_url


def jwt_claims(token: str) -> dict[str, object]:
    body = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))))

"""A demo tenant with its identity platform, and the account manager pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.auth.accounts import AccountManager
from desktop.auth.config import AuthConfig
from desktop.auth.token_store import KeyringTokenStore, TokenStore, open_token_store
from desktop.demo import DemoTenant
from desktop.demo.identity import DemoAccount, DemoIdentity

NAMESPACE = "License Desk tests"
# Short, so tests that poll do not idle; the value is the server's advice to the client.
POLL_INTERVAL = 0.05


@dataclass
class SignInWorld:
    tenant: DemoTenant
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
    tenant = DemoTenant.start(users=60, seed=1)
    identity = DemoIdentity(poll_interval=POLL_INTERVAL, **identity_options)  # type: ignore[arg-type]
    try:
        admin = identity.attach(tenant)
        yield SignInWorld(tenant, identity, admin)
    finally:
        tenant.stop()

"""A signed-in account's token for a customer is asked for at the customer's authority, for
the same account and scopes; the home tenant keeps its own provider."""

from __future__ import annotations

from typing import Any

from desktop.auth.msal_results import AccessToken
from desktop.auth.token_provider import MsalTokenProvider
from desktop.graph.client import GraphClient
from desktop.tenants.tokens import tenant_tokens


class RecordingManager:
    """Stands in for AccountManager.acquire_token: records each call, hands out a token."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def acquire_token(self, scopes: Any, **options: Any) -> AccessToken:
        self.calls.append({"scopes": tuple(scopes), **options})
        return AccessToken(f"token-for-{options.get('tenant')}", 4_000_000_000.0, tuple(scopes))


def test_a_customers_token_comes_from_its_authority_for_the_same_account() -> None:
    manager = RecordingManager()
    home = MsalTokenProvider(manager, ("User.Read.All",), "acct-1", tenant_id="home")  # type: ignore[arg-type]
    with GraphClient("https://graph.microsoft.com/v1.0", home) as client:
        tokens = tenant_tokens(client, "home")
        assert tokens.for_tenant("home") is home
        customer = tokens.for_tenant("customer-1")
        assert customer.token() == "token-for-customer-1"
    call = manager.calls[-1]
    assert call["tenant"] == "customer-1"
    assert call["account_id"] == "acct-1"
    assert call["scopes"] == ("User.Read.All",)
    assert getattr(customer, "tenant_id", None) == "customer-1"  # its own journal
    assert home.token() == "token-for-None"  # the home tenant: the account's own authority

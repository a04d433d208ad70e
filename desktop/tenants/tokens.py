"""Tokens per tenant: a token is for one tenant, so each customer gets its own.

Microsoft's way: the same signed-in account asks MSAL for a token at the customer's authority,
``https://login.microsoftonline.com/{customerTenantId}``, silently with its refresh token
(``MsalTokenProvider.for_tenant``). The multi-tenant demo serves the same request at
``{demo}/{tenantId}/oauth2/v2.0/token`` and takes the partner's fixed token as the credential
(``AuthorityTokens``). A fixed token for Microsoft Graph reaches its own tenant only.
See docs/graph-facts.md, "Partners (GDAP) and many tenants".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

import requests

from desktop.graph.client import GraphClient
from desktop.graph.tokens import TokenProvider
from desktop.insight.tenant_data import is_demo
from desktop.tenants.errors import TenantAccessError

TOKEN_TIMEOUT = (5.0, 30.0)  # connect, read: a sign-in service that hangs is an error
# Any one of these lets a token change licenses (docs/graph-facts.md, "Permissions").
LICENSE_WRITE_SCOPES = frozenset(
    {"licenseassignment.readwrite.all", "user.readwrite.all", "directory.readwrite.all"}
)


class TenantTokens(Protocol):
    def for_tenant(self, tenant_id: str) -> TokenProvider:
        """A token provider for ``tenant_id``; it raises ``TenantAccessError`` when asked for
        a token the tenant will not give."""
        ...


class AuthorityToken:
    """One tenant's token from the demo identity, asked for once and again after a 401."""

    def __init__(self, owner: AuthorityTokens, tenant_id: str) -> None:
        self._owner = owner
        self.tenant_id = tenant_id
        self._lock = threading.Lock()
        self._value: str | None = None
        self.granted_scopes: frozenset[str] | None = None

    def token(self) -> str:
        with self._lock:
            if self._value is None:
                self._value, self.granted_scopes = self._owner.request(self.tenant_id)
            return self._value

    def refresh(self) -> str:
        with self._lock:
            self._value, self.granted_scopes = self._owner.request(self.tenant_id)
            return self._value

    def __repr__(self) -> str:  # never show the token
        return f"AuthorityToken(tenant={self.tenant_id!r})"


class AuthorityTokens:
    """Tokens per tenant from ``{login_root}/{tenantId}/oauth2/v2.0/token`` (the demo's)."""

    def __init__(
        self,
        login_root: str,
        credential: str,
        *,
        post: Callable[..., Any] | None = None,
    ) -> None:
        self._root = login_root.rstrip("/")
        self._credential = credential
        self._post = post or requests.post

    def for_tenant(self, tenant_id: str) -> AuthorityToken:
        return AuthorityToken(self, tenant_id)

    def request(self, tenant_id: str) -> tuple[str, frozenset[str]]:
        url = f"{self._root}/{quote(tenant_id, safe='')}/oauth2/v2.0/token"
        try:
            answer = self._post(
                url,
                data={"grant_type": "refresh_token", "refresh_token": self._credential},
                timeout=TOKEN_TIMEOUT,
            )
            body = answer.json()
        except (requests.RequestException, ValueError) as exc:
            raise TenantAccessError(
                f"Could not get a token for tenant {tenant_id} ({type(exc).__name__})."
            ) from None
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            described = body.get("error_description") if isinstance(body, dict) else None
            raise TenantAccessError(
                f"No token for tenant {tenant_id}: {described or 'the sign-in service refused'}"
            )
        scopes = frozenset(str(body.get("scope", "")).lower().split())
        return token, scopes


class HomeOnly:
    """A fixed token for Microsoft Graph: its own tenant, and no other."""

    def __init__(self, home: TokenProvider, home_tenant_id: str) -> None:
        self._home = home
        self._home_tenant_id = home_tenant_id

    def for_tenant(self, tenant_id: str) -> TokenProvider:
        if tenant_id == self._home_tenant_id:
            return self._home
        raise TenantAccessError(
            "A fixed token (--token) reaches its own tenant only: sign in with "
            "`license-desk login` to reach your customers' tenants."
        )


def tenant_tokens(client: GraphClient, home_tenant_id: str) -> TenantTokens:
    """Tokens for every tenant the connection behind ``client`` may reach: MSAL's per
    authority, the demo's, or the one fixed token's own tenant."""
    home = client.tokens
    switchable = getattr(home, "for_tenant", None)
    if callable(switchable):
        return _Switching(home, home_tenant_id)
    if is_demo(client):
        parts = urlsplit(client.base_url)
        return AuthorityTokens(f"{parts.scheme}://{parts.netloc}", home.token())
    return HomeOnly(home, home_tenant_id)


def may_write_licenses(tokens: TokenProvider) -> bool | None:
    """Whether the tenant's token carries a license-writing permission; None when unknown
    (only the demo's tokens say what they were granted)."""
    granted = getattr(tokens, "granted_scopes", None)
    if granted is None:
        return None
    lowered = {str(s).lower() for s in granted}
    if not lowered:
        return None
    return bool(lowered & LICENSE_WRITE_SCOPES)


class _Switching:
    def __init__(self, home: Any, home_tenant_id: str) -> None:
        self._home = home
        self._home_tenant_id = home_tenant_id

    def for_tenant(self, tenant_id: str) -> TokenProvider:
        if tenant_id == self._home_tenant_id:
            return self._home  # type: ignore[no-any-return]
        return self._home.for_tenant(tenant_id)  # type: ignore[no-any-return]

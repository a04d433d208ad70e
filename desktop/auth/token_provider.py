"""The Graph client's ``TokenProvider``, backed by MSAL's silent token acquisition.

``token()`` hands out the cached access token until shortly before it expires; ``refresh()``
(called by the client once after a 401) forces MSAL to redeem the refresh token even if MSAL
still believes the old access token is valid (the server may have revoked it, or the clocks
disagree). Concurrent 401s on several threads cause one refresh, not one each.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop.auth import scopes as graph_scopes
from desktop.auth.msal_results import AccessToken

if TYPE_CHECKING:
    from desktop.auth.accounts import AccountManager

# Renew this long before the token's own expiry, so a request never leaves with a token that
# expires in flight.
EXPIRY_MARGIN_SECONDS = 120.0


class MsalTokenProvider:
    def __init__(
        self,
        manager: AccountManager,
        scopes: Sequence[str],
        account_id: str,
        *,
        tenant_id: str = "",
        authority_tenant: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._manager = manager
        self.scopes = tuple(scopes)
        self.account_id = account_id
        self.tenant_id = tenant_id  # the signed-in tenant, for its own journal
        # Another tenant's authority (a partner's customer); None: the account's own.
        self.authority_tenant = authority_tenant
        self._clock = clock
        self._lock = threading.Lock()
        self._token: AccessToken | None = None
        self._renewals = 0  # bumps on every new token; lets waiting threads skip a refresh

    def token(self) -> str:
        with self._lock:
            current = self._token
            if current is not None and self._clock() < current.expires_at - EXPIRY_MARGIN_SECONDS:
                return current.value
            return self._acquire(force_refresh=False)

    def refresh(self) -> str:
        seen = self._renewals
        with self._lock:
            if self._renewals != seen and self._token is not None:
                return self._token.value  # another thread refreshed while we waited
            return self._acquire(force_refresh=True)

    def ensure_scopes(self, scopes: Sequence[str]) -> None:
        """Widen this provider to ``scopes`` as well, with a token that carries them, silently.

        Raises ``ConsentRequiredError`` when they were never granted: the caller signs in
        interactively with them and calls this again. The cached token is replaced even if
        still valid, because it was issued before the consent and lacks the new scopes.
        """
        wanted = graph_scopes.normalise((*self.scopes, *scopes))
        with self._lock:
            current = self._token
            if current is not None and graph_scopes.covers(current.scopes, wanted):
                self.scopes = wanted
                return
            token = self._manager.acquire_token(
                wanted, account_id=self.account_id, tenant=self.authority_tenant
            )
            self.scopes = wanted
            self._token = token
            self._renewals += 1

    def for_tenant(self, tenant_id: str) -> MsalTokenProvider:
        """The same account and scopes at ``tenant_id``'s authority: a token for a customer
        tenant, silently (docs/graph-facts.md, "Partners (GDAP) and many tenants")."""
        return MsalTokenProvider(
            self._manager,
            self.scopes,
            self.account_id,
            tenant_id=tenant_id,
            authority_tenant=tenant_id,
            clock=self._clock,
        )

    def _acquire(self, *, force_refresh: bool) -> str:
        self._token = self._manager.acquire_token(
            self.scopes,
            account_id=self.account_id,
            force_refresh=force_refresh,
            tenant=self.authority_tenant,
        )
        self._renewals += 1
        return self._token.value

    def __repr__(self) -> str:  # never show the token
        return f"MsalTokenProvider(account={self.account_id!r}, scopes={self.scopes!r})"

"""AccountManager: sign in, keep several tenants signed in at once, switch, sign out, and hand
out access tokens. The one object the window and the command line talk to about sign-in.

Every method that may touch the network blocks; call it from a worker thread. Sign-in methods
take a ``CancelToken``. ``accounts()``, ``current()`` and ``switch_to()`` only read memory (and
``switch_to`` saves to the keyring), so they are cheap, but the keyring may still prompt.
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import msal
import requests

from desktop.auth import scopes as graph_scopes
from desktop.auth.config import AuthConfig
from desktop.auth.device_code import DeviceCodeSignIn
from desktop.auth.errors import (
    KeyringUnavailableError,
    SignInFailedError,
    SignInRequiredError,
)
from desktop.auth.login_http import LoginSession
from desktop.auth.loopback import LoopbackReceiver
from desktop.auth.msal_apps import MsalApps
from desktop.auth.msal_results import AccessToken, error_from, token_from
from desktop.auth.token_provider import MsalTokenProvider
from desktop.auth.token_store import SessionRecord, TokenStore
from desktop.cancel import CancelToken
from desktop.graph.errors import ConnectionFailedError

log = logging.getLogger(__name__)

BrowserOpener = Callable[[str], bool]
INTERACTIVE_TIMEOUT_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """One signed-in account, as the switcher shows it. No secrets."""

    home_account_id: str
    username: str
    display_name: str
    tenant_id: str
    authority_tenant: str  # what sign-in asked for: "organizations", a GUID or a domain
    client_id: str
    is_current: bool

    @property
    def domain(self) -> str:
        return self.username.partition("@")[2]


class AccountManager:
    def __init__(
        self,
        store: TokenStore,
        config: AuthConfig | None = None,
        *,
        open_browser: BrowserOpener | None = None,
    ) -> None:
        self.store = store
        self.config = config or AuthConfig.from_environment()
        self.http = LoginSession(self.config.login_url)
        self._apps = MsalApps(store.cache, self.http, use_broker=self.config.use_broker)
        self._open_browser = open_browser or webbrowser.open
        self._lock = threading.RLock()
        # The last keyring failure while saving; sign-in still works for this run. The UI
        # shows it (and may switch to a memory-only store).
        self.storage_problem: KeyringUnavailableError | None = None

    # -- who is signed in (memory only) --------------------------------------------------

    def accounts(self) -> list[AccountInfo]:
        kinds = msal.TokenCache.CredentialType
        sessions = self.store.sessions()
        current = self.store.current_account_id
        found: dict[str, AccountInfo] = {}
        for entry in self.store.cache.search(kinds.ACCOUNT):
            home_id = str(entry.get("home_account_id", ""))
            if not home_id or home_id in found:
                continue
            record = sessions.get(home_id)
            found[home_id] = AccountInfo(
                home_account_id=home_id,
                username=str(entry.get("username", "")),
                display_name=record.display_name if record else "",
                # MSAL files the account under the authority's tenant ("organizations").
                tenant_id=(record.tenant_id if record else "") or str(entry.get("realm", "")),
                authority_tenant=record.authority_tenant if record else str(entry.get("realm")),
                client_id=record.client_id if record else self.config.client_id,
                is_current=home_id == current,
            )
        return sorted(found.values(), key=lambda a: (a.username.lower(), a.tenant_id))

    def current(self) -> AccountInfo | None:
        accounts = self.accounts()
        chosen = next((a for a in accounts if a.is_current), None)
        return chosen or (accounts[0] if len(accounts) == 1 else None)

    def switch_to(self, home_account_id: str) -> AccountInfo:
        if not any(a.home_account_id == home_account_id for a in self.accounts()):
            raise SignInRequiredError("That account is no longer signed in. Sign in again.")
        self.store.current_account_id = home_account_id
        self._persist()
        return next(a for a in self.accounts() if a.home_account_id == home_account_id)

    def reload(self) -> bool:
        """Take in sign-ins and sign-outs another running copy saved. Blocking (keyring)."""
        return self.store.sync()

    # -- signing in --------------------------------------------------------------------------

    def sign_in_interactive(
        self,
        scopes: Sequence[str] = graph_scopes.BROWSE,
        *,
        tenant: str | None = None,
        client_id: str | None = None,
        login_hint: str | None = None,
        cancel: CancelToken | None = None,
        timeout: float = INTERACTIVE_TIMEOUT_SECONDS,
        parent_window_handle: int | None = None,
    ) -> AccountInfo:
        """Sign in in the system browser (or Windows' broker). Blocks until done."""
        tenant, client_id = tenant or self.config.tenant, client_id or self.config.client_id
        wanted = list(graph_scopes.normalise(scopes))
        app = self._app(client_id, tenant)
        if self._apps.broker:
            # WAM shows its own window, with its own Cancel; MSAL cannot stop it from here.
            handle = parent_window_handle or msal.PublicClientApplication.CONSOLE_WINDOW_HANDLE
            result = self._network(
                lambda: app.acquire_token_interactive(
                    wanted, login_hint=login_hint, parent_window_handle=handle
                )
            )
            return self._finish(result, app, wanted, tenant, client_id)
        with LoopbackReceiver() as receiver:
            flow = self._network(
                lambda: app.initiate_auth_code_flow(
                    wanted,
                    redirect_uri=receiver.redirect_uri,
                    login_hint=login_hint,
                    prompt=None if login_hint else "select_account",
                    response_mode="form_post",
                )
            )
            receiver.expect(flow["state"])
            if not self._open_browser(self.http.rewrite(flow["auth_uri"])):
                raise SignInFailedError(
                    "no_browser",
                    "No web browser could be opened here. Use device code sign-in instead.",
                )
            answer = receiver.wait(cancel=cancel, timeout=timeout)
        result = self._network(lambda: app.acquire_token_by_auth_code_flow(flow, answer, wanted))
        return self._finish(result, app, wanted, tenant, client_id)

    def start_device_code(
        self,
        scopes: Sequence[str] = graph_scopes.BROWSE,
        *,
        tenant: str | None = None,
        client_id: str | None = None,
    ) -> DeviceCodeSignIn[AccountInfo]:
        """Ask for a device code (blocking). Show its ``user_code`` and ``verification_uri``,
        then call ``wait()`` on a worker; ``cancel()`` stops it from any thread."""
        tenant, client_id = tenant or self.config.tenant, client_id or self.config.client_id
        wanted = list(graph_scopes.normalise(scopes))
        app = self._app(client_id, tenant)
        flow = self._network(lambda: app.initiate_device_flow(scopes=wanted))
        if "user_code" not in flow:
            raise error_from(flow, wanted)
        return DeviceCodeSignIn(
            app, flow, lambda result: self._finish(result, app, wanted, tenant, client_id)
        )

    def _finish(
        self,
        result: dict[str, Any],
        app: msal.PublicClientApplication,
        scopes: Sequence[str],
        tenant: str,
        client_id: str,
    ) -> AccountInfo:
        token_from(result, scopes)  # raises the typed error when the sign-in failed
        claims = result.get("id_token_claims") or {}
        username = str(claims.get("preferred_username", ""))
        matches = list(app.get_accounts(username=username or None))
        if not matches:
            raise SignInFailedError("no_account", "The sign-in returned no account.")
        home_id = str(matches[0]["home_account_id"])
        with self._lock:
            self.store.put_session(
                SessionRecord(
                    home_id, tenant, client_id, str(claims.get("name", "")), str(claims.get("tid"))
                )
            )
            self.store.current_account_id = home_id
            self._persist()
        log.info("Signed in to tenant %s", claims.get("tid", "?"))
        return next(a for a in self.accounts() if a.home_account_id == home_id)

    # -- tokens ------------------------------------------------------------------------------

    def acquire_token(
        self,
        scopes: Sequence[str] = graph_scopes.BROWSE,
        *,
        account_id: str | None = None,
        force_refresh: bool = False,
        tenant: str | None = None,
    ) -> AccessToken:
        """An access token for ``scopes`` without any window: from the cache, or refreshed.
        ``tenant``: another tenant's authority (a partner's customer), else the account's own.

        Raises ``ConsentRequiredError`` when the scopes were never granted (sign in again with
        them) and ``SignInRequiredError`` when the sign-in is gone or no longer valid.
        """
        info = self._account(account_id)
        wanted = list(graph_scopes.normalise(scopes))
        app = self._app(info.client_id, tenant or info.authority_tenant)
        account = self._msal_account(app, info)
        result = self._network(
            lambda: app.acquire_token_silent_with_error(
                wanted, account, force_refresh=force_refresh
            )
        )
        self._persist()  # a refresh changed the cache; a cache hit writes nothing
        return token_from(result, wanted, username=info.username)

    def token_provider(
        self, scopes: Sequence[str] = graph_scopes.BROWSE, *, account_id: str | None = None
    ) -> MsalTokenProvider:
        """A ``TokenProvider`` for the Graph client, pinned to one account (the current one
        by default) so switching accounts never redirects a run that is under way."""
        info = self._account(account_id)
        return MsalTokenProvider(self, scopes, info.home_account_id, tenant_id=info.tenant_id)

    # -- signing out -------------------------------------------------------------------------

    def sign_out(self, account_id: str | None = None) -> None:
        """Forget one account (the current one by default): its tokens leave the keyring.
        Signing out the last account deletes every keyring entry License Desk made."""
        info = self._account(account_id)
        with self._lock:
            self._forget(info)
            if not self.accounts():
                self.store.clear()
                return
            self._persist(strict=True)

    def sign_out_all(self) -> None:
        with self._lock:
            for info in self.accounts():
                self._forget(info)
            self.store.clear()

    def _forget(self, info: AccountInfo) -> None:
        kinds = msal.TokenCache.CredentialType
        cache = self.store.cache
        query = {"home_account_id": info.home_account_id}
        # Straight on the cache: MSAL's remove_account needs an app object, which needs the
        # network, and signing out must work offline.
        for rt in list(cache.search(kinds.REFRESH_TOKEN, query=query)):
            cache.remove_rt(rt)
        for at in list(cache.search(kinds.ACCESS_TOKEN, query=query)):
            cache.remove_at(at)
        for idt in list(cache.search(kinds.ID_TOKEN, query=query)):
            cache.remove_idt(idt)
        for account in list(cache.search(kinds.ACCOUNT, query=query)):
            cache.remove_account(account)
        self.store.remove_session(info.home_account_id)

    # -- helpers -------------------------------------------------------------------------------

    def _account(self, account_id: str | None) -> AccountInfo:
        accounts = self.accounts()
        if account_id is None:
            chosen = self.current()
            if chosen is None:
                raise SignInRequiredError(
                    "Choose an account first." if accounts else "You are not signed in."
                )
            return chosen
        for info in accounts:
            if info.home_account_id == account_id:
                return info
        raise SignInRequiredError("That account is no longer signed in. Sign in again.")

    def _app(self, client_id: str, tenant: str) -> msal.PublicClientApplication:
        return self._network(lambda: self._apps.get(client_id, self.config.authority(tenant)))

    def _msal_account(self, app: msal.PublicClientApplication, info: AccountInfo) -> dict[str, Any]:
        for account in self._network(app.get_accounts):
            if account.get("home_account_id") == info.home_account_id:
                return dict(account)
        raise SignInRequiredError(username=info.username)

    def _network(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except requests.RequestException as exc:
            raise ConnectionFailedError(
                "Could not reach the Microsoft sign-in service "
                f"({type(exc).__name__}). Check the internet connection and try again."
            ) from None
        except ValueError as exc:
            # MSAL's only signal that the authority (tenant) does not exist.
            if "authority configuration" in str(exc) or "OIDC Discovery failed" in str(exc):
                raise SignInFailedError(
                    "invalid_tenant",
                    "The tenant was not found. Check the tenant id or domain.",
                ) from None
            raise

    def _persist(self, *, strict: bool = False) -> None:
        try:
            self.store.save()
            self.storage_problem = None
        except KeyringUnavailableError as exc:
            log.warning("Could not save the sign-in to the keyring: %s", exc.reason)
            self.storage_problem = exc
            if strict:
                raise

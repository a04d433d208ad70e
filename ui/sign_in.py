"""The one seam between the window and sign-in (desktop.auth). Everything here blocks (keyring,
browser, network): the window calls it from workers. Tests replace ``SignInService`` or point
it at a demo tenant's identity platform (``config``, ``open_store``, ``graph_url``,
``open_browser``)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.auth.accounts import AccountInfo, AccountManager, BrowserOpener
from desktop.auth.config import AuthConfig
from desktop.auth.device_code import DeviceCodeSignIn
from desktop.auth.errors import KeyringUnavailableError, SignInRequiredError
from desktop.auth.token_provider import MsalTokenProvider
from desktop.auth.token_store import MemoryOnlyTokenStore, TokenStore, open_token_store
from desktop.cancel import CancelToken
from desktop.graph.client import GRAPH_URL
from desktop.open_tenant import OpenTenant, open_graph
from desktop.snapshot.store import delete_all as delete_all_snapshots
from desktop.snapshot.store import forget_tenant
from ui.auth.options import SignInOptions

log = logging.getLogger(__name__)

DeviceCode = DeviceCodeSignIn[AccountInfo]


@dataclass(frozen=True)
class SignInStatus:
    """Who is signed in, for the account menu, and whether the sign-in outlives this run."""

    accounts: tuple[AccountInfo, ...] = ()
    memory_only: bool = False  # the sign-in is forgotten when License Desk closes
    reason: str = ""  # why the keyring cannot keep it


class SignIn(Protocol):
    """What the window needs from sign-in; tests stand in their own."""

    keyring_problem: str

    def remembered(self) -> OpenTenant | None: ...

    def sign_in(self, cancel: CancelToken) -> OpenTenant: ...

    def start_device_code(self) -> DeviceCode: ...

    def finish_device_code(self, flow: DeviceCode, cancel: CancelToken) -> OpenTenant: ...

    def keep_in_memory(self) -> None: ...

    def set_options(self, options: SignInOptions) -> None: ...

    def status(self) -> SignInStatus: ...

    def switch_to(self, account_id: str) -> OpenTenant: ...

    def sign_out(self) -> OpenTenant | None: ...

    def sign_out_all(self) -> None: ...

    def ensure_scopes(self, account_id: str, scopes: Sequence[str]) -> None:
        """Widen the account's connection to ``scopes`` silently (before a change is sent);
        ``ConsentRequiredError`` when they have not been granted yet."""
        ...

    def grant_scopes(self, account_id: str, scopes: Sequence[str], cancel: CancelToken) -> None:
        """Incremental consent: sign the same account in again in the browser, asking for
        ``scopes``; afterwards its connection's token carries them."""
        ...


@dataclass(frozen=True)
class AccountWriteAccess:
    """A connection's ``WriteAccess``: the sign-in seam, for one account."""

    sign_in: SignIn
    account_id: str

    def ensure(self, scopes: Sequence[str]) -> None:
        self.sign_in.ensure_scopes(self.account_id, scopes)

    def grant(self, scopes: Sequence[str], cancel: CancelToken) -> None:
        self.sign_in.grant_scopes(self.account_id, scopes, cancel)


def _graph_url(_account: AccountInfo) -> str:
    return GRAPH_URL


class SignInService:
    """Remembered sign-ins, sign-in in the browser or with a code, the switcher, sign-out.

    With no usable keyring, signing in raises ``KeyringUnavailableError`` until the person
    accepts ``keep_in_memory()``: never a plain file, and never memory-only without asking.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        options: SignInOptions | None = None,
        config: AuthConfig | None = None,
        open_store: Callable[[], TokenStore] = open_token_store,
        graph_url: Callable[[AccountInfo], str] = _graph_url,
        open_browser: BrowserOpener | None = None,
    ) -> None:
        self._data_dir = data_dir
        self._options = options or SignInOptions()
        self._config = config
        self._open_store = open_store
        self._graph_url = graph_url
        self._open_browser = open_browser
        self._manager: AccountManager | None = None
        self._lock = threading.Lock()
        self._memory_only_accepted = False
        # The token provider of each account's open connection, widened in place when a
        # change needs write scopes (the connection's Graph client keeps using it).
        self._providers: dict[str, MsalTokenProvider] = {}
        # Why the keyring cannot keep the sign-in ("" when it can).
        self.keyring_problem: str = ""

    def _accounts(self) -> AccountManager:
        with self._lock:
            if self._manager is None:
                store: TokenStore
                try:
                    store = self._open_store()
                    self.keyring_problem = ""
                except KeyringUnavailableError as exc:
                    log.warning("keyring unavailable: %s", exc.reason)
                    self.keyring_problem = exc.reason
                    if not self._memory_only_accepted:
                        raise
                    store = MemoryOnlyTokenStore()
                self._manager = AccountManager(
                    store,
                    self._config or AuthConfig.from_environment(),
                    open_browser=self._open_browser,
                )
            return self._manager

    def keep_in_memory(self) -> None:
        """The person accepted keeping the sign-in for this run only."""
        self._memory_only_accepted = True

    def set_options(self, options: SignInOptions) -> None:
        self._options = options

    def remembered(self) -> OpenTenant | None:
        """A connection for the account signed in earlier, or None (never prompts)."""
        try:
            account = self._accounts().current()
        except KeyringUnavailableError:
            return None  # ``keyring_problem`` says why; signing in will offer memory-only
        return self._connect(account) if account is not None else None

    def sign_in(self, cancel: CancelToken) -> OpenTenant:
        """Sign in in the browser (blocks until done, cancelled or timed out)."""
        options = self._options
        account = self._accounts().sign_in_interactive(
            tenant=options.tenant or None, client_id=options.client_id or None, cancel=cancel
        )
        return self._connect(account)

    def start_device_code(self) -> DeviceCode:
        options = self._options
        return self._accounts().start_device_code(
            tenant=options.tenant or None, client_id=options.client_id or None
        )

    def finish_device_code(self, flow: DeviceCode, cancel: CancelToken) -> OpenTenant:
        return self._connect(flow.wait(cancel))

    def status(self) -> SignInStatus:
        manager = self._manager
        if manager is None:
            return SignInStatus(memory_only=False, reason=self.keyring_problem)
        problem = manager.storage_problem
        return SignInStatus(
            tuple(manager.accounts()),
            memory_only=not manager.store.persistent or problem is not None,
            reason=problem.reason if problem is not None else self.keyring_problem,
        )

    def switch_to(self, account_id: str) -> OpenTenant:
        return self._connect(self._accounts().switch_to(account_id))

    def sign_out(self) -> OpenTenant | None:
        """Sign out of the current account; a connection to another signed-in one, if any."""
        manager = self._accounts()
        current = manager.current()
        manager.sign_out()
        if current is not None:
            forget_tenant(self._data_dir, current.tenant_id)
        remaining = manager.accounts()
        if not remaining:  # as the saved sign-in, every snapshot goes with the last account
            delete_all_snapshots(self._data_dir)
            return None
        return self._connect(manager.switch_to(remaining[0].home_account_id))

    def sign_out_all(self) -> None:
        self._accounts().sign_out_all()
        delete_all_snapshots(self._data_dir)

    def ensure_scopes(self, account_id: str, scopes: Sequence[str]) -> None:
        self._provider(account_id).ensure_scopes(scopes)

    def grant_scopes(self, account_id: str, scopes: Sequence[str], cancel: CancelToken) -> None:
        provider = self._provider(account_id)
        manager = self._accounts()
        account = next((a for a in manager.accounts() if a.home_account_id == account_id), None)
        if account is None:
            raise SignInRequiredError("That account is no longer signed in. Sign in again.")
        # The same tenant, app and person as before: only the permissions grow.
        manager.sign_in_interactive(
            (*provider.scopes, *scopes),
            tenant=account.authority_tenant,
            client_id=account.client_id,
            login_hint=account.username,
            cancel=cancel,
        )
        provider.ensure_scopes(scopes)

    def _provider(self, account_id: str) -> MsalTokenProvider:
        provider = self._providers.get(account_id)
        if provider is None:
            raise SignInRequiredError("That account is no longer signed in. Sign in again.")
        return provider

    def _connect(self, account: AccountInfo) -> OpenTenant:
        manager = self._accounts()
        tokens = manager.token_provider(account_id=account.home_account_id)
        self._providers[account.home_account_id] = tokens
        # Each tenant keeps its own journal: History and resume never see another's runs.
        return open_graph(
            self._graph_url(account),
            tokens,
            self._data_dir,
            account.username,
            tenant_id=account.tenant_id,
            write_access=AccountWriteAccess(self, account.home_account_id),
        )

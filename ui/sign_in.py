"""The one seam between the window and sign-in (desktop.auth). Everything here blocks (keyring,
browser, network): the window calls it from workers. Tests replace ``SignInService``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from desktop.auth.accounts import AccountInfo, AccountManager
from desktop.auth.errors import KeyringUnavailableError
from desktop.auth.token_store import KeyringTokenStore, MemoryOnlyTokenStore, TokenStore
from desktop.cancel import CancelToken
from desktop.graph.client import GRAPH_URL
from ui.connection import JOURNAL, TenantConnection, connect

log = logging.getLogger(__name__)


class SignIn(Protocol):
    """What the window needs from sign-in; tests stand in their own."""

    keyring_problem: str

    def remembered(self) -> TenantConnection | None: ...

    def sign_in(self, cancel: CancelToken) -> TenantConnection: ...


class SignInService:
    """Finds a remembered sign-in, or signs in through the system browser."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._manager: AccountManager | None = None
        # Why the keyring cannot keep the sign-in ("" when it can); the sign-in then lasts
        # only until the app closes.
        self.keyring_problem: str = ""

    def _accounts(self) -> AccountManager:
        if self._manager is None:
            store: TokenStore
            try:
                store = KeyringTokenStore()
                store.load()
            except KeyringUnavailableError as exc:
                # Never a plain file: keep the sign-in in memory and say so.
                log.warning("keyring unavailable: %s", exc.reason)
                self.keyring_problem = exc.reason
                store = MemoryOnlyTokenStore()
            self._manager = AccountManager(store)
        return self._manager

    def remembered(self) -> TenantConnection | None:
        """A connection for the account signed in earlier, or None (never prompts)."""
        account = self._accounts().current()
        return self._connect(account) if account is not None else None

    def sign_in(self, cancel: CancelToken) -> TenantConnection:
        """Sign in in the browser (blocks until done, cancelled or timed out)."""
        account = self._accounts().sign_in_interactive(cancel=cancel)
        return self._connect(account)

    def _connect(self, account: AccountInfo) -> TenantConnection:
        manager = self._accounts()
        tokens = manager.token_provider(account_id=account.home_account_id)
        return connect(GRAPH_URL, tokens, self._data_dir / JOURNAL, account.username)

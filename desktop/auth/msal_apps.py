"""MSAL application objects: one per (client id, authority), all sharing one token cache.

Building one is a blocking call (MSAL fetches the authority's OpenID configuration), so it
only ever happens inside the manager's blocking methods, never on a UI thread.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from typing import Any

import msal

from desktop.auth.login_http import LoginSession


def broker_available() -> bool:
    """Windows' WAM broker, only on Windows and only if ``msal[broker]`` is installed.

    MSAL raises when asked for a broker whose package is missing, so we ask only when it is
    importable; on other systems the system browser is used.
    """
    return sys.platform == "win32" and importlib.util.find_spec("pymsalruntime") is not None


class MsalApps:
    def __init__(
        self, cache: msal.SerializableTokenCache, http: LoginSession, *, use_broker: bool
    ) -> None:
        self._cache = cache
        self._http = http
        self.broker = use_broker and broker_available()
        self._apps: dict[tuple[str, str], msal.PublicClientApplication] = {}
        self._lock = threading.Lock()
        # Discovery answers only (no tokens), shared so each authority is looked up once.
        self._http_cache: dict[Any, Any] = {}

    def get(self, client_id: str, authority: str) -> msal.PublicClientApplication:
        key = (client_id, authority.lower())
        with self._lock:
            app = self._apps.get(key)
            if app is None:
                app = msal.PublicClientApplication(
                    client_id,
                    authority=authority,
                    token_cache=self._cache,
                    http_client=self._http,
                    http_cache=self._http_cache,
                    enable_broker_on_windows=self.broker or None,
                )
                self._apps[key] = app
            return app

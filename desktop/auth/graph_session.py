"""A Graph client for the signed-in account, for the command line's connection hook.

It never prompts: no keyring entry or no current account means None, so a script fails at
once with "not signed in" instead of waiting for a browser.
"""

from __future__ import annotations

from desktop.auth.accounts import AccountManager
from desktop.auth.config import AuthConfig, keyring_namespace
from desktop.auth.errors import KeyringUnavailableError
from desktop.auth.scopes import BROWSE
from desktop.auth.token_store import open_token_store
from desktop.graph.client import GRAPH_URL, GraphClient


def signed_in_graph_client(graph_url: str | None = None) -> GraphClient | None:
    """None when nobody is signed in, or there is no keyring at all (so nobody can be).

    ``graph_url`` other than Microsoft Graph is served only while sign-in itself goes to a
    demo tenant (``LICENSE_DESK_LOGIN_URL``): a real Microsoft token is never sent elsewhere.
    """
    config = AuthConfig.from_environment()
    url = (graph_url or GRAPH_URL).rstrip("/")
    if url != GRAPH_URL and config.login_url is None:
        return None
    try:
        store = open_token_store(keyring_namespace())
    except KeyringUnavailableError as exc:
        if exc.missing:
            return None
        raise  # locked or failing: say so rather than "not signed in"
    manager = AccountManager(store, config)
    current = manager.current()
    if current is None:
        return None
    # Read scopes: Entra puts every scope already consented into the token, so a change
    # works once `license-desk login --access licenses` granted it.
    return GraphClient(url, manager.token_provider(BROWSE, account_id=current.home_account_id))


def signed_in_tenant_id() -> str | None:
    """The current account's tenant id, from the keyring only (no network); None when nobody
    is signed in or there is no keyring."""
    try:
        store = open_token_store(keyring_namespace())
    except KeyringUnavailableError as exc:
        if exc.missing:
            return None
        raise
    current = AccountManager(store, AuthConfig.from_environment()).current()
    return current.tenant_id if current is not None and current.tenant_id else None

"""A token that carries the write scopes a change needs, before any of it is sent (incremental
consent: browsing never asked for write access). Which scopes a change needs is the engine's
knowledge (``desktop.licensing.needed_scopes``); sign-in only gets the list.

    ensure_write_access(client.tokens, scopes)  # ConsentRequiredError: sign in again with them

Only signed-in sessions (``MsalTokenProvider``) are checked; a fixed token (``--token``, the
demo tenant) is used as it is, and Graph answers for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.auth import scopes as graph_scopes
from desktop.auth.token_provider import MsalTokenProvider
from desktop.graph.tokens import TokenProvider

# What `license-desk login --access` calls each combination of write scopes.
ACCESS_LICENSES = "licenses"
ACCESS_USERS = "users"
ACCESS_ALL = "all"


def is_signed_in(tokens: TokenProvider) -> bool:
    return isinstance(tokens, MsalTokenProvider)


def ensure_write_access(tokens: TokenProvider, scopes: Sequence[str]) -> None:
    """Get a token carrying ``scopes`` without any window (blocking, network).

    Raises ``ConsentRequiredError`` when they still have to be granted. Does nothing for a
    fixed token or when ``scopes`` is empty.
    """
    ensure_access(tokens, scopes)


def ensure_access(tokens: TokenProvider, scopes: Sequence[str]) -> None:
    """``ensure_write_access`` for any scopes: the insight reads are asked for the same way
    (browsing never asked for sign-in activity or reports)."""
    if scopes and isinstance(tokens, MsalTokenProvider):
        tokens.ensure_scopes(scopes)


def reads_insight(scopes: Iterable[str]) -> bool:
    """Whether ``scopes`` ask for any of insight's reads beyond browsing."""
    wanted = {s.lower() for s in graph_scopes.normalise(scopes)}
    extra = set(graph_scopes.normalise(graph_scopes.INSIGHT)) - set(graph_scopes.BROWSE)
    return any(s.lower() in wanted for s in extra)


def reads_customers(scopes: Iterable[str]) -> bool:
    """Whether ``scopes`` ask to list a partner's customers."""
    return _has(scopes, graph_scopes.READ_CUSTOMERS)


def writes_licenses(scopes: Iterable[str]) -> bool:
    return _has(scopes, graph_scopes.WRITE_LICENSES)


def writes_users(scopes: Iterable[str]) -> bool:
    return _has(scopes, graph_scopes.WRITE_USERS)


def access_level(scopes: Iterable[str]) -> str:
    """The `license-desk login --access` choice that grants ``scopes``."""
    wanted = tuple(scopes)
    licenses, users = writes_licenses(wanted), writes_users(wanted)
    if licenses and users:
        return ACCESS_ALL
    return ACCESS_USERS if users else ACCESS_LICENSES


def _has(scopes: Iterable[str], needed: Sequence[str]) -> bool:
    return graph_scopes.covers(scopes, needed)

"""Where the Graph client gets its bearer token. The client never logs or formats it."""

from __future__ import annotations

from typing import Protocol


class TokenProvider(Protocol):
    def token(self) -> str:
        """A current access token (may come from a cache)."""
        ...

    def refresh(self) -> str:
        """Called once after a 401: obtain a new token (silent refresh) or raise
        ``AuthenticationError``."""
        ...


class StaticToken:
    """A fixed token, for ``--token``, the demo tenant and tests."""

    def __init__(self, value: str) -> None:
        self._value = value

    def token(self) -> str:
        return self._value

    def refresh(self) -> str:
        return self._value

    def __repr__(self) -> str:  # never show the secret
        return "StaticToken(<hidden>)"

"""Typed errors of sign-in and token storage. The UI maps each to translated text in one place.

No message here ever contains a token, a refresh token or a password: MSAL's own error
descriptions are kept (they carry AADSTS codes people search for) but nothing from a cache.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.graph.errors import AuthenticationError, LicenseDeskError


class AuthError(LicenseDeskError):
    """Base of every sign-in and token-storage error."""


class KeyringUnavailableError(AuthError):
    """The OS keyring cannot be used (none installed, locked, or it refused a write).

    License Desk never falls back to a plain file. The UI explains ``reason`` and may offer
    :class:`desktop.auth.token_store.MemoryOnlyTokenStore` (sign-in forgotten on exit).
    """

    def __init__(self, reason: str, *, backend: str = "", missing: bool = False) -> None:
        where = f" ({backend})" if backend else ""
        super().__init__(
            f"The system keyring{where} cannot store your sign-in: {reason}. "
            "Unlock or install a keyring (Windows Credential Manager, macOS Keychain, "
            "GNOME Keyring or KWallet), or continue without remembering the sign-in."
        )
        self.reason = reason
        self.backend = backend
        self.missing = missing  # no keyring at all (rather than a locked or failing one)


class SignInCancelledError(AuthError):
    """The person (or the caller's cancel token) stopped the sign-in."""

    def __init__(self) -> None:
        super().__init__("Sign-in was cancelled.")


class SignInTimedOutError(AuthError):
    """The device code or the browser sign-in expired before it was completed."""

    def __init__(self) -> None:
        super().__init__("Sign-in took too long and expired. Start the sign-in again.")


class SignInFailedError(AuthError):
    """The identity platform refused the sign-in. ``error`` is the OAuth error code,
    ``description`` the platform's text (with its AADSTS number when there is one)."""

    def __init__(self, error: str, description: str = "", *, correlation_id: str = "") -> None:
        text = description.strip().splitlines()[0] if description.strip() else error
        super().__init__(f"Sign-in failed: {text}")
        self.error = error
        self.description = description
        self.correlation_id = correlation_id


class LoginUrlError(AuthError):
    """``LICENSE_DESK_LOGIN_URL`` (a testing aid) names something other than a loopback URL."""


class SignInRequiredError(AuthenticationError):
    """No usable sign-in: never signed in, signed out, or the refresh token was refused.

    It is an :class:`AuthenticationError` so the Graph client's callers handle it with the
    other 401s; the fix is always to sign in again.
    """

    def __init__(self, message: str = "", *, username: str = "") -> None:
        who = f" as {username}" if username else ""
        super().__init__(
            "SignInRequired",
            message or f"You are not signed in{who}. Sign in to Microsoft 365 again.",
            status=401,
        )
        self.username = username


class ConsentRequiredError(SignInRequiredError):
    """The action needs permissions (scopes) the admin has not granted to the app yet.

    Incremental consent: the caller signs in again with ``scopes`` so the browser asks once.
    """

    def __init__(self, scopes: Sequence[str], *, username: str = "") -> None:
        self.scopes = tuple(scopes)
        super().__init__(
            "This action needs more permissions: "
            + ", ".join(self.scopes)
            + ". Sign in again and accept them (an administrator may have to consent).",
            username=username,
        )

"""Turn MSAL's result dictionaries into values or typed errors."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.auth.errors import (
    ConsentRequiredError,
    SignInCancelledError,
    SignInFailedError,
    SignInRequiredError,
    SignInTimedOutError,
)

# AADSTS65001: the user or administrator has not consented to use the application.
CONSENT_CODE = 65001


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str = field(repr=False)
    expires_at: float  # seconds since the epoch, by this machine's clock
    scopes: tuple[str, ...] = ()


def needs_consent(result: dict[str, Any]) -> bool:
    codes = result.get("error_codes") or []
    return (
        result.get("suberror") == "consent_required"
        or CONSENT_CODE in codes
        or "AADSTS65001" in str(result.get("error_description", ""))
    )


def token_from(
    result: dict[str, Any] | None, scopes: Sequence[str], *, username: str = ""
) -> AccessToken:
    """The access token in a result, or the typed error it stands for."""
    if result is None:
        raise SignInRequiredError(username=username)
    if "access_token" in result:
        granted = tuple(str(result.get("scope", "")).split()) or tuple(scopes)
        expires_in = float(result.get("expires_in", 0) or 0)
        return AccessToken(str(result["access_token"]), time.time() + expires_in, granted)
    raise error_from(result, scopes, username=username)


def error_from(result: dict[str, Any], scopes: Sequence[str], *, username: str = "") -> Exception:
    error = str(result.get("error", "unknown_error"))
    description = str(result.get("error_description", ""))
    if needs_consent(result):
        return ConsentRequiredError(scopes, username=username)
    if error in ("invalid_grant", "interaction_required", "login_required"):
        first_line = description.strip().splitlines()[0] if description.strip() else ""
        return SignInRequiredError(
            f"Your sign-in{' as ' + username if username else ''} is no longer valid"
            + (f" ({first_line})" if first_line else "")
            + ". Sign in again.",
            username=username,
        )
    if error in ("expired_token", "code_expired"):
        return SignInTimedOutError()
    if error == "authorization_pending":  # the caller stopped polling before approval
        return SignInCancelledError()
    return SignInFailedError(
        error, description, correlation_id=str(result.get("correlation_id", ""))
    )

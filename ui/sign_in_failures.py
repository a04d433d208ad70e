"""Microsoft Entra's sign-in refusals in the window's words, chosen from the AADSTS number and
the OAuth error code (the identity platform's text is English, so it goes under "Details").

The numbers are Microsoft's (https://learn.microsoft.com/entra/identity-platform/reference-
error-codes; docs/graph-facts.md, "Sign-in refusals"). Consent (65001, 90094, 90095) needs
the scopes named and stays in ``ui/errors.py``; everything else with fixed words is in the
table below, marked with QT_TRANSLATE_NOOP so lupdate finds each sentence once.
"""

from __future__ import annotations

import enum
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ErrorText"


class SignInFailure(enum.Enum):
    CONDITIONAL_ACCESS = "conditional-access"
    DECLINED = "declined"  # the person said no (a code declined, the browser page cancelled)
    ACCOUNT_NOT_IN_TENANT = "account-not-in-tenant"
    TENANT_NOT_FOUND = "tenant-not-found"
    APP_NOT_FOUND = "app-not-found"  # the client id is not registered in the directory
    APP_NOT_SET_UP = "app-not-set-up"  # an own registration lacking public client settings
    NOT_ASSIGNED = "not-assigned"  # the app requires assignment and the person is not assigned
    ACCOUNT_DISABLED = "account-disabled"
    ACCOUNT_LOCKED = "account-locked"
    NO_BROWSER = "no-browser"
    OTHER = "other"


_BY_CODE: dict[int, SignInFailure] = {
    65004: SignInFailure.DECLINED,  # UserDeclinedConsent
    50020: SignInFailure.ACCOUNT_NOT_IN_TENANT,  # account from another identity provider
    50034: SignInFailure.ACCOUNT_NOT_IN_TENANT,  # UserAccountNotFound in this directory
    90072: SignInFailure.ACCOUNT_NOT_IN_TENANT,  # external account not in the tenant
    90002: SignInFailure.TENANT_NOT_FOUND,  # InvalidTenantName
    700016: SignInFailure.APP_NOT_FOUND,  # application not found in the directory
    50011: SignInFailure.APP_NOT_SET_UP,  # the reply address is not registered
    500113: SignInFailure.APP_NOT_SET_UP,  # no reply address registered
    7000218: SignInFailure.APP_NOT_SET_UP,  # client secret asked: public client flows off
    50105: SignInFailure.NOT_ASSIGNED,  # EntitlementGrantsNotFound
    50057: SignInFailure.ACCOUNT_DISABLED,  # UserDisabled
    50053: SignInFailure.ACCOUNT_LOCKED,  # IdsLocked
}
# OAuth error codes (and the sign-in core's own, desktop/auth) without a telling number.
_BY_ERROR: dict[str, SignInFailure] = {
    "authorization_declined": SignInFailure.DECLINED,
    "access_denied": SignInFailure.DECLINED,
    "invalid_tenant": SignInFailure.TENANT_NOT_FOUND,
    "unauthorized_client": SignInFailure.APP_NOT_FOUND,
    "no_browser": SignInFailure.NO_BROWSER,
}

# (title, what happened and what to do) for each kind; QT_TRANSLATE_NOOP returns its text
# (typed as object by PySide6).
_WORDS: dict[SignInFailure, tuple[object, object]] = {
    SignInFailure.CONDITIONAL_ACCESS: (
        QT_TRANSLATE_NOOP("ErrorText", "Sign-in blocked by your organisation"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "Your organisation's access policies blocked this sign-in. They may allow it "
            "only from a managed device, from certain networks or countries, or with "
            "multi-factor authentication. Ask your IT administrator which Conditional Access "
            "policy applies, and show them the details.",
        ),
    ),
    SignInFailure.DECLINED: (
        QT_TRANSLATE_NOOP("ErrorText", "Sign-in not approved"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "The sign-in was declined or cancelled on Microsoft's page, so nothing was "
            "changed. Sign in again and approve it when you are ready.",
        ),
    ),
    SignInFailure.ACCOUNT_NOT_IN_TENANT: (
        QT_TRANSLATE_NOOP("ErrorText", "Account not in this organisation"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "The account you signed in with does not belong to the organisation License Desk "
            "asked for. Sign in with an account of that organisation, or clear the "
            "organisation in Sign-in options to choose it at sign-in.",
        ),
    ),
    SignInFailure.TENANT_NOT_FOUND: (
        QT_TRANSLATE_NOOP("ErrorText", "Organisation not found"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "Microsoft does not know the organisation set in Sign-in options. Check its "
            "tenant ID or domain (such as contoso.onmicrosoft.com), or clear it to choose the "
            "organisation at sign-in.",
        ),
    ),
    SignInFailure.APP_NOT_FOUND: (
        QT_TRANSLATE_NOOP("ErrorText", "Application not registered"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "The application (client) ID in Sign-in options is not registered in this "
            "organisation. Check the ID in Microsoft Entra admin center › App registrations, "
            "or clear it to use the default.",
        ),
    ),
    SignInFailure.APP_NOT_SET_UP: (
        QT_TRANSLATE_NOOP("ErrorText", "Application not set up for License Desk"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "Your own application registration is not set up for a desktop app. In Microsoft "
            "Entra admin center › App registrations › the app › Authentication, add the "
            "platform “Mobile and desktop applications” with the redirect URI "
            "http://localhost and turn on “Allow public client flows”.",
        ),
    ),
    SignInFailure.NOT_ASSIGNED: (
        QT_TRANSLATE_NOOP("ErrorText", "Not allowed to use this application"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "Your organisation lets only assigned people use this application, and your "
            "account is not one of them. Ask an administrator to assign you (Microsoft Entra "
            "admin center › Enterprise applications › the app › Users and groups).",
        ),
    ),
    SignInFailure.ACCOUNT_DISABLED: (
        QT_TRANSLATE_NOOP("ErrorText", "Account disabled"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "This account is blocked from signing in. Ask another administrator to allow it "
            "again, or sign in with a different account.",
        ),
    ),
    SignInFailure.ACCOUNT_LOCKED: (
        QT_TRANSLATE_NOOP("ErrorText", "Account locked"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "Too many sign-in attempts locked this account for a while. Wait a few minutes "
            "and try again, or ask your IT administrator to unlock it.",
        ),
    ),
    SignInFailure.NO_BROWSER: (
        QT_TRANSLATE_NOOP("ErrorText", "No web browser"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "No web browser could be opened on this computer. Use “Sign in with a code” "
            "instead and finish on another device.",
        ),
    ),
    SignInFailure.OTHER: (
        QT_TRANSLATE_NOOP("ErrorText", "Sign-in failed"),
        QT_TRANSLATE_NOOP(
            "ErrorText",
            "Microsoft did not complete the sign-in. Try again; if it keeps failing, show "
            "the details to your IT administrator.",
        ),
    ),
}

# Entra's AADSTS numbers, as they appear in the platform's error text ("AADSTS53003: ...").
_AADSTS = re.compile(r"AADSTS(\d+)")


def aadsts_code(text: str) -> int | None:
    """The first AADSTS number in a sign-in error's text, if any."""
    found = _AADSTS.search(text)
    return int(found.group(1)) if found else None


def is_conditional_access(code: int) -> bool:
    # 53000-53999 (device not compliant or joined, app not approved, blocked by policy, risk)
    # and 530000-530999 (the newer policy codes such as 530032).
    return 53000 <= code <= 53999 or 530000 <= code <= 530999


def failure_by_code(code: int) -> SignInFailure | None:
    """The kind an AADSTS number names, if it is one the window has words for."""
    if is_conditional_access(code):
        return SignInFailure.CONDITIONAL_ACCESS
    return _BY_CODE.get(code)


def sign_in_failure(error: str, code: int | None) -> SignInFailure:
    """What kind of refusal the OAuth ``error`` with AADSTS ``code`` is."""
    by_code = failure_by_code(code) if code is not None else None
    return by_code or _BY_ERROR.get(error, SignInFailure.OTHER)


def failure_words(kind: SignInFailure) -> tuple[str, str]:
    """The translated title and text for ``kind``."""
    title, text = _WORDS[kind]
    return (
        QCoreApplication.translate(CONTEXT, str(title)),
        QCoreApplication.translate(CONTEXT, str(text)),
    )

"""The words people see for sign-in problems (ui/errors.py), from the typed errors the core
raises for the identity platform's real answers: consent, missing admin role, Conditional
Access, expiry, the keyring."""

from __future__ import annotations

import pytest

from desktop.auth import scopes
from desktop.auth.errors import (
    ConsentRequiredError,
    KeyringUnavailableError,
    SignInFailedError,
    SignInRequiredError,
    SignInTimedOutError,
)
from desktop.auth.msal_results import error_from
from desktop.auth.token_store import MemoryOnlyTokenStore
from desktop.graph.envelope import error_from_body
from desktop.graph.errors import PermissionDeniedError
from tests.ui.sign_in_support import SignInDesk
from ui.errors import describe

TRACE = "\r\nTrace ID: 0b5c\r\nCorrelation ID: 7d1e\r\nTimestamp: 2025-05-01 10:00:00Z"


def test_consent_needed_for_a_change_names_the_permissions_and_the_admin(
    sign_in_desk: SignInDesk,
) -> None:
    world = sign_in_desk.world
    manager = world.manager(MemoryOnlyTokenStore())
    world.sign_in(manager)  # browsing scopes only
    with pytest.raises(ConsentRequiredError) as info:
        manager.acquire_token(scopes.CHANGE_LICENSES)  # the identity answers AADSTS65001

    message = describe(info.value)
    assert message.title == "Permission needed"
    assert "assign and remove licenses (LicenseAssignment.ReadWrite.All)" in message.text
    assert "an administrator can grant consent" in message.text
    assert "LicenseAssignment.ReadWrite.All" in message.details


def test_admin_consent_required_at_sign_in_is_explained_as_consent(qapp: object) -> None:
    refused = SignInFailedError(
        "invalid_grant", "AADSTS90094: The grant requires admin permission." + TRACE
    )
    message = describe(refused)
    assert message.title == "Permission needed"
    assert "administrator can grant consent" in message.text
    assert "AADSTS90094" in message.details


def test_a_graph_403_on_a_change_names_both_the_permission_and_the_role(qapp: object) -> None:
    body = {
        "error": {
            "code": "Authorization_RequestDenied",
            "message": "Insufficient privileges to complete the operation.",
            "innerError": {"request-id": "req-403"},
        }
    }
    error = error_from_body(403, body, {}, what="POST /users/u1/assignLicense")
    assert isinstance(error, PermissionDeniedError)
    message = describe(error)
    # Graph says the same for a missing scope and a missing role: both causes are named.
    assert "License Desk lacks the permission" in message.text
    assert "License Administrator or User Administrator role" in message.text
    assert "req-403" in message.details


@pytest.mark.parametrize(
    "error",
    [
        # A refresh refused by policy: MSAL's answer becomes "sign in again", but the words
        # must say that signing in again will not help.
        error_from(
            {
                "error": "invalid_grant",
                "error_description": "AADSTS53003: Access has been blocked by Conditional "
                "Access policies. The access policy does not allow token issuance." + TRACE,
                "error_codes": [53003],
                "suberror": "message_only",
            },
            scopes.BROWSE,
        ),
        SignInFailedError(
            "access_denied", "AADSTS53000: Device is not in required device state." + TRACE
        ),
        SignInFailedError(
            "access_denied", "AADSTS530032: Blocked by Conditional Access on security policy."
        ),
    ],
)
def test_conditional_access_blocks_are_explained(qapp: object, error: Exception) -> None:
    message = describe(error)
    assert message.title == "Sign-in blocked by your organisation"
    assert message.text.startswith("Your organisation's access policies blocked this sign-in")
    assert "AADSTS53" in message.details


def test_other_refusals_are_not_mistaken_for_policy_blocks(qapp: object) -> None:
    refused = SignInFailedError("access_denied", "AADSTS50105: Not assigned to a role." + TRACE)
    message = describe(refused)
    assert message.title == "Not allowed to use this application"
    assert "AADSTS50105" not in message.text and "AADSTS50105" in message.details
    expired = error_from({"error": "invalid_grant", "error_description": "AADSTS70008: x"}, ())
    assert isinstance(expired, SignInRequiredError)
    assert describe(expired).title == "Sign-in needed"


def test_expiry_and_the_keyring_have_their_own_words(qapp: object) -> None:
    assert describe(SignInTimedOutError()).title == "Sign-in expired"
    missing = describe(KeyringUnavailableError("no keyring backend", missing=True))
    assert missing.title == "Sign-in cannot be saved"
    assert "never saves it to a plain file" in missing.text
    assert "memory for this session only" in missing.text

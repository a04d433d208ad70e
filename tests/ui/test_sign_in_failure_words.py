"""Sign-in refusals in the window's words, English and Polish (issue 11): each kind Entra
answers (declined, wrong organisation, unknown organisation or app, policy, no connection...)
is named from its AADSTS number or OAuth error, says what to do, and keeps Microsoft's own
English under "Details". Through the window, against the demo identity platform and the real
MSAL library, where the platform can give the answer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QDialog

from desktop.auth.errors import SignInFailedError
from tests.ui.conftest import ACCEPT, TIMEOUT_MS
from tests.ui.language_support import Switch, in_language
from tests.ui.sign_in_support import SignInDesk
from ui.auth.options_dialog import SignInOptionsDialog
from ui.errors import describe
from ui.sign_in_failures import SignInFailure, failure_words

__all__ = ["in_language"]  # a fixture, imported for pytest

TRACE = "\r\nTrace ID: 0b5c\r\nCorrelation ID: 7d1e\r\nTimestamp: 2025-05-01 10:00:00Z"

# (OAuth error, Entra's text, the kind the window names)
ANSWERS = [
    ("authorization_declined", "AADSTS70020: The user declined.", SignInFailure.DECLINED),
    ("access_denied", "AADSTS65004: User declined to consent.", SignInFailure.DECLINED),
    ("access_denied", "The user cancelled the sign-in.", SignInFailure.DECLINED),
    ("invalid_grant", "AADSTS50020: User account from identity provider does not exist in "
     "tenant.", SignInFailure.ACCOUNT_NOT_IN_TENANT),
    ("invalid_grant", "AADSTS50034: The user account does not exist in the directory.",
     SignInFailure.ACCOUNT_NOT_IN_TENANT),
    ("invalid_request", "AADSTS90002: Tenant 'x' not found.", SignInFailure.TENANT_NOT_FOUND),
    ("invalid_tenant", "The tenant was not found.", SignInFailure.TENANT_NOT_FOUND),
    ("unauthorized_client", "AADSTS700016: Application with identifier 'x' was not found.",
     SignInFailure.APP_NOT_FOUND),
    ("invalid_request", "AADSTS50011: The redirect URI does not match.",
     SignInFailure.APP_NOT_SET_UP),
    ("invalid_client", "AADSTS7000218: The request body must contain client_assertion.",
     SignInFailure.APP_NOT_SET_UP),
    ("access_denied", "AADSTS50105: Not assigned to a role.", SignInFailure.NOT_ASSIGNED),
    ("access_denied", "AADSTS53003: Blocked by Conditional Access.",
     SignInFailure.CONDITIONAL_ACCESS),
    ("invalid_grant", "AADSTS50057: The user account is disabled.",
     SignInFailure.ACCOUNT_DISABLED),
    ("invalid_grant", "AADSTS50053: The account is locked.", SignInFailure.ACCOUNT_LOCKED),
    ("no_browser", "No web browser could be opened here.", SignInFailure.NO_BROWSER),
    ("server_error", "AADSTS90033: A transient error.", SignInFailure.OTHER),
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "pl"])
@pytest.mark.parametrize(("error", "text", "kind"), ANSWERS)
def test_each_refusal_is_named_in_words_and_microsofts_text_is_under_details(
    language: str, error: str, text: str, kind: SignInFailure, in_language: Switch
) -> None:
    in_language(language, "pl_PL" if language == "pl" else "en_GB")
    message = describe(SignInFailedError(error, text + TRACE, correlation_id="7d1e"))
    assert (message.title, message.text) == failure_words(kind)
    assert text not in message.text and "AADSTS" not in message.text
    assert text in message.details and "correlation id: 7d1e" in message.details


def test_every_kind_has_its_own_polish_words(in_language: Switch) -> None:
    english = {kind: failure_words(kind) for kind in SignInFailure}
    in_language("pl", "pl_PL")
    polish = {kind: failure_words(kind) for kind in SignInFailure}
    assert len({title for title, _ in polish.values()}) == len(SignInFailure)
    for kind in SignInFailure:
        assert polish[kind][0] != english[kind][0] and polish[kind][1] != english[kind][1]


@dataclass(frozen=True)
class Words:
    language: str
    locale: str
    not_in_tenant: str
    tenant_unknown: str
    no_connection: str
    declined: str


ENGLISH = Words(
    "en",
    "en_GB",
    "Account not in this organisation",
    "Organisation not found",
    "No connection",
    "Sign-in not approved",
)
POLISH = Words(
    "pl",
    "pl_PL",
    "Konto spoza tej organizacji",
    "Nie znaleziono organizacji",
    "Brak połączenia",
    "Logowanie nie zostało zatwierdzone",
)
LANGUAGES = pytest.mark.parametrize("words", [ENGLISH, POLISH], ids=["en", "pl"])


def start(desk: SignInDesk, words: Words, in_language: Switch, tenant: str = "") -> None:
    in_language(words.language, words.locale)
    welcome = desk.window.welcome
    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
    if tenant:

        def set_tenant(dialog: QDialog) -> int:
            assert isinstance(dialog, SignInOptionsDialog)
            dialog.tenant.setText(tenant)
            return ACCEPT

        desk.dialogs.expect(SignInOptionsDialog, set_tenant)
        welcome.options_button.click()


def wait_for_title(desk: SignInDesk, title: str) -> None:
    welcome = desk.window.welcome
    desk.qtbot.waitUntil(lambda: welcome.message.text().startswith(title), timeout=TIMEOUT_MS)
    assert welcome.code_button.isEnabled() and desk.window.session is None


@LANGUAGES
def test_an_account_of_another_organisation_is_named_as_such(
    words: Words, in_language: Switch, sign_in_desk: SignInDesk
) -> None:
    desk = sign_in_desk
    start(desk, words, in_language, tenant=desk.world.admin.username.partition("@")[2])
    desk.window.welcome.code_button.click()
    # Someone of the other organisation approves the code: Entra answers AADSTS50020.
    desk.world.identity.approve_device_code(desk.wait_for_code(), desk.other_admin.username)
    wait_for_title(desk, words.not_in_tenant)
    welcome = desk.window.welcome
    assert "AADSTS50020" not in welcome.message.text()
    welcome.details_button.click()
    assert welcome.details.isVisibleTo(desk.window)
    assert "AADSTS50020" in welcome.details.toPlainText()


@LANGUAGES
def test_an_unknown_organisation_is_named_as_such(
    words: Words, in_language: Switch, sign_in_desk: SignInDesk
) -> None:
    start(sign_in_desk, words, in_language, tenant="nobody-here.onmicrosoft.com")
    sign_in_desk.window.welcome.code_button.click()
    wait_for_title(sign_in_desk, words.tenant_unknown)


@LANGUAGES
def test_a_declined_code_is_named_in_the_windows_language(
    words: Words, in_language: Switch, sign_in_desk: SignInDesk
) -> None:
    start(sign_in_desk, words, in_language)
    sign_in_desk.window.welcome.code_button.click()
    sign_in_desk.world.identity.decline_device_code(sign_in_desk.wait_for_code())
    wait_for_title(sign_in_desk, words.declined)


@LANGUAGES
def test_no_connection_to_the_sign_in_service_is_named_as_such(
    words: Words, in_language: Switch, sign_in_desk: SignInDesk
) -> None:
    start(sign_in_desk, words, in_language)
    sign_in_desk.world.tenant.stop()  # the identity platform is gone: connection refused
    sign_in_desk.window.welcome.code_button.click()
    wait_for_title(sign_in_desk, words.no_connection)

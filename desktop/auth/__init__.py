"""Sign-in with Microsoft (MSAL) and tokens kept only in the OS keyring.

The window and the command line use these names; everything blocking runs on a worker::

    store = open_token_store()        # KeyringUnavailableError: offer MemoryOnlyTokenStore()
    manager = AccountManager(store)   # AuthConfig.from_environment() by default
    flow = manager.start_device_code()  # show flow.user_code + flow.verification_uri
    account = flow.wait(cancel)       # or manager.sign_in_interactive(cancel=cancel)
    client = GraphClient(GRAPH_URL, manager.token_provider())
    manager.accounts(); manager.switch_to(id); manager.sign_out()
"""

from desktop.auth.accounts import AccountInfo, AccountManager
from desktop.auth.config import GRAPH_POWERSHELL_CLIENT_ID, AuthConfig
from desktop.auth.device_code import DeviceCodeSignIn
from desktop.auth.errors import (
    AuthError,
    ConsentRequiredError,
    KeyringUnavailableError,
    LoginUrlError,
    SignInCancelledError,
    SignInFailedError,
    SignInRequiredError,
    SignInTimedOutError,
)
from desktop.auth.msal_apps import broker_available
from desktop.auth.msal_results import AccessToken
from desktop.auth.token_provider import MsalTokenProvider
from desktop.auth.token_store import (
    KeyringTokenStore,
    MemoryOnlyTokenStore,
    TokenStore,
    open_token_store,
)

__all__ = [
    "GRAPH_POWERSHELL_CLIENT_ID",
    "AccessToken",
    "AccountInfo",
    "AccountManager",
    "AuthConfig",
    "AuthError",
    "ConsentRequiredError",
    "DeviceCodeSignIn",
    "KeyringTokenStore",
    "KeyringUnavailableError",
    "LoginUrlError",
    "MemoryOnlyTokenStore",
    "MsalTokenProvider",
    "SignInCancelledError",
    "SignInFailedError",
    "SignInRequiredError",
    "SignInTimedOutError",
    "TokenStore",
    "broker_available",
    "open_token_store",
]

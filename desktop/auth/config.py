"""Which app registration and directory to sign in to, and where the identity platform is.

The client id defaults to Microsoft Graph PowerShell's public client, which every tenant can
use; an organisation that prefers its own app registration (Mobile and desktop platform,
redirect ``http://localhost``) enters its id instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from desktop.auth.errors import LoginUrlError

GRAPH_POWERSHELL_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
LOGIN_HOST = "login.microsoftonline.com"
ORGANIZATIONS = "organizations"  # any work or school account, the tenant chosen at sign-in

# FOR TESTING ONLY: send every request meant for login.microsoftonline.com to this loopback
# URL instead (a demo tenant's identity endpoints), e.g. http://127.0.0.1:8123
LOGIN_URL_ENV = "LICENSE_DESK_LOGIN_URL"
# FOR TESTING ONLY: keep the sign-in under another keyring name, so tests against the real
# keyring never touch a developer's own sign-in.
KEYRING_NAMESPACE_ENV = "LICENSE_DESK_KEYRING_NAMESPACE"

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_TENANT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]*$")


@dataclass(frozen=True, slots=True)
class AuthConfig:
    client_id: str = GRAPH_POWERSHELL_CLIENT_ID
    tenant: str = ORGANIZATIONS  # "organizations", a tenant GUID or a domain
    login_url: str | None = None  # the testing redirect above; None means the real service
    use_broker: bool = True  # Windows' WAM, when msal[broker] is installed

    def __post_init__(self) -> None:
        if not _GUID.match(self.client_id):
            raise ValueError(
                f"{self.client_id!r} is not an application (client) id. It looks like "
                "00000000-0000-0000-0000-000000000000; copy it from the app registration."
            )
        if not _TENANT.match(self.tenant):
            raise ValueError(
                f"{self.tenant!r} is not a tenant. Use a tenant id (a GUID), a domain such as "
                "contoso.onmicrosoft.com, or leave it empty to choose at sign-in."
            )

    def authority(self, tenant: str | None = None) -> str:
        return f"https://{LOGIN_HOST}/{tenant or self.tenant}"

    @classmethod
    def from_environment(
        cls, *, client_id: str | None = None, tenant: str | None = None
    ) -> AuthConfig:
        """Defaults, the caller's choices, and the testing redirect from the environment."""
        return cls(
            client_id=client_id or GRAPH_POWERSHELL_CLIENT_ID,
            tenant=tenant or ORGANIZATIONS,
            login_url=checked_login_url(os.environ.get(LOGIN_URL_ENV)),
        )


def checked_login_url(url: str | None) -> str | None:
    """Only loopback addresses are accepted: the redirect exists for tests against a demo
    tenant, and sending sign-in traffic anywhere else over plain HTTP would expose it."""
    if not url:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in (
        "127.0.0.1",
        "localhost",
        "::1",
    ):
        raise LoginUrlError(
            f"{LOGIN_URL_ENV} must be a loopback URL such as http://127.0.0.1:8123 "
            f"(it is for testing against a demo tenant); got {url!r}. Unset it to sign in "
            "to Microsoft."
        )
    return url.rstrip("/")


def keyring_namespace() -> str:
    from desktop.auth.token_store import DEFAULT_NAMESPACE

    return os.environ.get(KEYRING_NAMESPACE_ENV) or DEFAULT_NAMESPACE

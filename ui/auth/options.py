"""Which app registration and directory sign-in uses, as the person chose in "Sign-in options".

Kept in QSettings (not secret: a client id and a tenant name are public identifiers). Empty
values mean the defaults: Microsoft Graph PowerShell's public client, and "choose the tenant
at sign-in" (``organizations``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from desktop.auth.config import GRAPH_POWERSHELL_CLIENT_ID, AuthConfig

CLIENT_ID_KEY = "signIn/clientId"
TENANT_KEY = "signIn/tenant"


@dataclass(frozen=True)
class SignInOptions:
    client_id: str = ""  # "" = Microsoft Graph PowerShell's public client
    tenant: str = ""  # "" = any work or school account, the tenant chosen at sign-in

    @property
    def uses_own_app(self) -> bool:
        return bool(self.client_id) and self.client_id.lower() != GRAPH_POWERSHELL_CLIENT_ID


def is_client_id(text: str) -> bool:
    """The core's own check, so the dialog and sign-in never disagree about what is valid."""
    try:
        AuthConfig(client_id=text)
    except ValueError:
        return False
    return True


def is_tenant(text: str) -> bool:
    try:
        AuthConfig(tenant=text)
    except ValueError:
        return False
    return True


def load_options(settings: QSettings) -> SignInOptions:
    client_id = str(settings.value(CLIENT_ID_KEY, "") or "").strip()
    tenant = str(settings.value(TENANT_KEY, "") or "").strip()
    # A hand-edited settings file must not break sign-in: fall back to the defaults.
    return SignInOptions(
        client_id if client_id and is_client_id(client_id) else "",
        tenant if tenant and is_tenant(tenant) else "",
    )


def save_options(settings: QSettings, options: SignInOptions) -> None:
    settings.setValue(CLIENT_ID_KEY, options.client_id)
    settings.setValue(TENANT_KEY, options.tenant)
    settings.sync()

"""A minimal Microsoft identity platform served by a demo tenant, for the sign-in tests.

Serves what MSAL Python uses on ``login.microsoftonline.com`` (MSAL reaches it through its
``http_client``, which rewrites that host to the demo server): OpenID configuration, instance
discovery, device code, authorize (auth code + PKCE, ``form_post``) and token (device code,
authorization code, refresh token). Access tokens are checked by the Graph routes through the
demo tenant's ``token_validator`` (signature, tenant, lifetime)::

    identity = DemoIdentity(access_token_lifetime=3600)
    admin = identity.attach(tenant)        # routes + validator + the tenant's first user
    code = identity.wait_for_device_code() # the app asked for a code ...
    identity.approve_device_code(code)     # ... and the person entered it
    identity.advance_clock(3600)           # Graph now refuses the tokens issued so far

Consent is remembered per (account, client id): approving a sign-in grants the scopes it asked
for, and a refresh asking for more answers AADSTS65001 ``consent_required``, so incremental
consent can be tested end to end. AADSTS numbers marked *unverified* are our best knowledge.
"""

from __future__ import annotations

import html
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from desktop.demo.router import Request, Response
from desktop.demo.server import DemoTenant
from desktop.demo.store import COL
from tests.identity.tokens import (
    MULTI_TENANT,
    DemoAccount,
    DeviceCodeEntry,
    Grant,
    TokenSigner,
    allowed_in,
    client_info,
    granted_scopes,
    html_response,
    instance_metadata,
    json_response,
    not_in_tenant,
    oauth_error,
    openid_configuration,
    pkce_challenge,
    secret_hash,
    short_scopes,
)

__all__ = ["GRAPH_POWERSHELL_CLIENT_ID", "DemoAccount", "DemoIdentity"]

GRAPH_POWERSHELL_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
VERIFICATION_URI = "https://microsoft.com/devicelogin"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
AUTH_CODE_LIFETIME = 600
T = r"/(?P<tenant>[^/]+)"

Redeemed = tuple[Grant, frozenset[str], str]  # what was granted, scopes asked for, nonce


@dataclass
class DemoIdentity:
    access_token_lifetime: float = 3600.0
    device_code_lifetime: float = 900.0
    poll_interval: int = 5  # seconds the device code answer tells clients to wait
    clock: Callable[[], float] = time.time
    client_ids: set[str] = field(default_factory=lambda: {GRAPH_POWERSHELL_CLIENT_ID})
    browser_account: DemoAccount | None = None  # who /authorize signs in without a hint
    grants_issued: dict[str, int] = field(default_factory=dict)  # grant type -> tokens issued

    def __post_init__(self) -> None:
        self._signer = TokenSigner()
        self._skew = 0.0
        self._lock = threading.Condition()
        self._accounts: dict[str, DemoAccount] = {}  # lower-case username -> account
        self._device_codes: dict[str, DeviceCodeEntry] = {}
        self._codes: dict[str, Grant] = {}  # hash of an authorization code -> grant
        self._refresh: dict[str, Grant] = {}  # hash of a refresh token -> grant
        self._consent: dict[tuple[str, str], frozenset[str]] = {}  # (oid, client) -> scopes

    # -- wiring to demo tenants ----------------------------------------------------------

    def attach(self, tenant: DemoTenant) -> DemoAccount:
        """Serve the identity endpoints on ``tenant`` and protect its Graph routes; returns
        the tenant's administrator (its first user) as a demo account."""
        for method, path, handler in self.routes():
            tenant.mount(method, path, handler)
        return self.protect(tenant)

    def protect(self, tenant: DemoTenant) -> DemoAccount:
        """Make ``tenant``'s Graph routes accept only live tokens issued here for it (another
        tenant's server can serve the identity endpoints), and writes only with the scope they
        need (Graph's 403 otherwise: desktop/demo/permissions.py)."""
        tenant_id = tenant.tenant_id
        tenant.token_validator = lambda token: self._signer.check_access_token(
            token, tenant_id, self.now()
        )
        # Writes and the insight reads need their delegated scope in the token's scp, as on
        # Graph.
        tenant.token_scopes = lambda token: granted_scopes(self._signer.claims_of(token))
        row = tenant.store.users_page("1", (), 0, 1)[0]
        return self.add_account(
            tenant_id, row[COL["upn"]], row[COL["display_name"]], row[COL["id"]]
        )

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        return [
            ("GET", T + r"/v2\.0/\.well-known/openid-configuration", self.openid_config),
            ("GET", r"/common/discovery/instance", self.instance_discovery),
            ("POST", T + r"/oauth2/v2\.0/devicecode", self.device_code),
            ("GET", T + r"/oauth2/v2\.0/authorize", self.authorize),
            ("POST", T + r"/oauth2/v2\.0/token", self.token),
            ("POST", r"/common/oauth2/deviceauth", self.device_login_page),
        ]

    # -- directory and test controls -------------------------------------------------------

    def now(self) -> float:
        return self.clock() + self._skew

    def add_account(self, tenant_id: str, username: str, name: str, oid: str = "") -> DemoAccount:
        account = DemoAccount(oid or str(uuid.uuid4()), username, name, tenant_id)
        with self._lock:
            self._accounts[username.lower()] = account
            if self.browser_account is None:
                self.browser_account = account
        return account

    def account(self, username: str) -> DemoAccount:
        return self._accounts[username.lower()]

    def advance_clock(self, seconds: float) -> None:
        """Move the platform's clock, which Graph checks token lifetimes against. MSAL's clock
        does not move, as when a token is revoked early or the clocks disagree."""
        self._skew += seconds

    def wait_for_device_code(self, timeout: float = 30.0) -> str:
        """Block until an app has asked for a device code nobody approved yet; its user code."""
        with self._lock:
            code = self._lock.wait_for(self._pending_code, timeout)
        if not code:
            raise TimeoutError("no app asked for a device code")
        return code

    def approve_device_code(self, user_code: str, username: str | None = None) -> None:
        """What the person does at microsoft.com/devicelogin: enter the code, sign in, consent."""
        with self._lock:
            entry = self._by_user_code(user_code)
            account = self.account(username) if username else self.browser_account
            if account is None:
                raise LookupError("no demo account can sign in")
            entry.account = account
            self._grant_consent(account, entry.client_id, entry.scopes)

    def decline_device_code(self, user_code: str) -> None:
        with self._lock:
            self._by_user_code(user_code).declined = True

    def revoke_sessions(self, username: str) -> None:
        """Invalidate every refresh token of an account (an admin's "revoke sessions")."""
        oid = self.account(username).oid
        with self._lock:
            self._refresh = {k: g for k, g in self._refresh.items() if g.account.oid != oid}

    def consented_scopes(self, username: str, client_id: str) -> frozenset[str]:
        return self._consent.get((self.account(username).oid, client_id), frozenset())

    def _pending_code(self) -> str | None:
        for entry in self._device_codes.values():
            if entry.account is None and not entry.declined:
                return entry.user_code
        return None

    def _by_user_code(self, user_code: str) -> DeviceCodeEntry:
        for entry in self._device_codes.values():
            if entry.user_code == user_code.strip().upper():
                return entry
        raise LookupError("that code is not valid or has expired")

    def _grant_consent(self, account: DemoAccount, client_id: str, scopes: Iterable[str]) -> None:
        key = (account.oid, client_id)
        self._consent[key] = self._consent.get(key, frozenset()) | frozenset(scopes)

    def _tenant_known(self, tenant: str) -> bool:
        known = {a.tenant_id for a in self._accounts.values()}
        return tenant in MULTI_TENANT or tenant in known or self._tenant_of_domain(tenant) != ""

    def _tenant_of_domain(self, domain: str) -> str:
        found = (a.tenant_id for a in self._accounts.values() if a.domain == domain.lower())
        return next(found, "")

    # -- endpoints ------------------------------------------------------------------------

    def openid_config(self, request: Request) -> Response:
        tenant = request.params["tenant"]
        if not self._tenant_known(tenant):
            return oauth_error("invalid_tenant", 90002, f"Tenant '{tenant}' not found.")
        canonical = self._tenant_of_domain(tenant) or tenant  # Entra answers a domain's id
        issuer = "{tenantid}" if tenant in MULTI_TENANT else canonical
        return json_response(openid_configuration(canonical, issuer))

    def instance_discovery(self, request: Request) -> Response:
        return json_response(instance_metadata())

    def device_code(self, request: Request) -> Response:
        form = request.form()
        refusal = self._refuse_client(form.get("client_id", ""), request.params["tenant"])
        if refusal is not None:
            return refusal
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(9))
        entry = DeviceCodeEntry(
            secrets.token_urlsafe(48),
            code,
            form["client_id"],
            request.params["tenant"],
            short_scopes(form.get("scope", "")),
            self.now() + self.device_code_lifetime,
        )
        with self._lock:
            self._device_codes[entry.device_code] = entry
            self._lock.notify_all()
        return json_response(
            {
                "user_code": code,
                "device_code": entry.device_code,
                "verification_uri": VERIFICATION_URI,
                "expires_in": int(self.device_code_lifetime),
                "interval": self.poll_interval,
                "message": f"To sign in, use a web browser to open the page {VERIFICATION_URI} "
                f"and enter the code {code} to authenticate.",
            }
        )

    def device_login_page(self, request: Request) -> Response:
        """Stand-in for microsoft.com/devicelogin: ``POST otc=<code>[&username=<upn>]``."""
        form = request.form()
        try:
            self.approve_device_code(form.get("otc", ""), form.get("username") or None)
        except (LookupError, KeyError):
            return html_response(400, "<p>That code or account is not valid.</p>")
        return html_response(200, "<p>You have signed in to License Desk on your device.</p>")

    def authorize(self, request: Request) -> Response:
        """The browser's sign-in page, answered at once: the ``login_hint`` account (or the
        browser account) signs in and consents, as a person clicking through would."""
        query = request.query
        refusal = self._refuse_client(query.get("client_id", ""), request.params["tenant"])
        if refusal is not None:
            return refusal
        hint = query.get("login_hint", "").lower()
        account = self._accounts.get(hint) if hint else self.browser_account
        if account is None:
            return html_response(400, "<p>No account can sign in here.</p>")
        code = secrets.token_urlsafe(64)
        grant = Grant(
            account,
            query["client_id"],
            request.params["tenant"],
            redirect_uri=query.get("redirect_uri", ""),
            code_challenge=query.get("code_challenge", ""),
            nonce=query.get("nonce", ""),
            expires_at=self.now() + AUTH_CODE_LIFETIME,
        )
        with self._lock:
            self._codes[secret_hash(code)] = grant
            self._grant_consent(account, grant.client_id, short_scopes(query.get("scope", "")))
        answer = {
            "code": code,
            "state": query.get("state", ""),
            "client_info": client_info(account),
        }
        if query.get("response_mode") != "form_post":
            return Response(302, {"Location": f"{grant.redirect_uri}?{urlencode(answer)}"})
        fields = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(v)}">' for k, v in answer.items()
        )
        action = html.escape(grant.redirect_uri)
        return html_response(
            200,
            f'<form method="post" action="{action}">{fields}</form>'
            "<script>document.forms[0].submit()</script>",
        )

    def token(self, request: Request) -> Response:
        form = request.form()
        tenant = request.params["tenant"]
        refusal = self._refuse_client(form.get("client_id", ""), tenant)
        if refusal is not None:
            return refusal
        grant_type = form.get("grant_type", "")
        with self._lock:
            if grant_type == DEVICE_GRANT:
                result = self._redeem_device_code(form)
            elif grant_type == "authorization_code":
                result = self._redeem_code(form)
            elif grant_type == "refresh_token":
                result = self._redeem_refresh_token(form, tenant)
            else:
                return oauth_error("unsupported_grant_type", 70003, "Unsupported grant type.")
            if isinstance(result, Response):
                return result
            self.grants_issued[grant_type] = self.grants_issued.get(grant_type, 0) + 1
            return self._issue(*result)

    # -- grants ---------------------------------------------------------------------------

    def _redeem_device_code(self, form: Mapping[str, str]) -> Response | Redeemed:
        entry = self._device_codes.get(form.get("device_code", ""))
        if entry is None:
            return oauth_error("invalid_grant", 70000, "The provided grant is invalid.")
        if self.now() > entry.expires_at:
            return oauth_error("expired_token", 70019, "Verification code expired.")
        if entry.declined:  # AADSTS number *unverified*
            return oauth_error("authorization_declined", 70020, "The user declined to sign in.")
        if entry.account is None:
            return oauth_error(
                "authorization_pending",
                70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
            )
        if not allowed_in(entry.account, entry.tenant):
            return not_in_tenant(entry.account, entry.tenant)
        del self._device_codes[entry.device_code]
        return Grant(entry.account, entry.client_id, entry.tenant), entry.scopes, ""

    def _redeem_code(self, form: Mapping[str, str]) -> Response | Redeemed:
        grant = self._codes.pop(secret_hash(form.get("code", "")), None)
        challenge = pkce_challenge(form.get("code_verifier", ""))
        if (
            grant is None
            or self.now() > grant.expires_at
            or grant.redirect_uri != form.get("redirect_uri")
            or (grant.code_challenge and challenge != grant.code_challenge)
        ):
            return oauth_error(
                "invalid_grant",
                70008,
                "The provided authorization code or refresh token has expired due to "
                "inactivity. Send a new interactive authorization request.",
            )
        if not allowed_in(grant.account, grant.tenant):
            return not_in_tenant(grant.account, grant.tenant)
        return grant, short_scopes(form.get("scope", "")), grant.nonce

    def _redeem_refresh_token(self, form: Mapping[str, str], tenant: str) -> Response | Redeemed:
        grant = self._refresh.get(secret_hash(form.get("refresh_token", "")))
        if grant is None:
            return oauth_error(
                "invalid_grant",
                50173,
                "The provided grant has expired due to it being revoked, a fresh auth token "
                "is needed. The user might have changed or reset their password.",
            )
        wanted = short_scopes(form.get("scope", ""))
        if not wanted <= self._consent.get((grant.account.oid, grant.client_id), frozenset()):
            return oauth_error(
                "invalid_grant",
                65001,
                "The user or administrator has not consented to use the application with ID "
                f"'{grant.client_id}'. Send an interactive authorization request for this user "
                "and resource.",
                suberror="consent_required",
            )
        if not allowed_in(grant.account, tenant):
            return not_in_tenant(grant.account, tenant)
        return Grant(grant.account, grant.client_id, tenant), wanted, ""

    def _refuse_client(self, client_id: str, tenant: str) -> Response | None:
        if not self._tenant_known(tenant):
            return oauth_error("invalid_tenant", 90002, f"Tenant '{tenant}' not found.")
        if client_id not in self.client_ids:
            return oauth_error(
                "unauthorized_client",
                700016,
                f"Application with identifier '{client_id}' was not found in the directory.",
            )
        return None

    def _issue(self, grant: Grant, requested: frozenset[str], nonce: str) -> Response:
        account, now = grant.account, int(self.now())
        # As Entra does, the access token carries every scope consented for the resource.
        granted = self._consent.get((account.oid, grant.client_id), requested)
        refresh_token = "0.A" + secrets.token_urlsafe(900)
        self._refresh[secret_hash(refresh_token)] = Grant(account, grant.client_id, grant.tenant)
        lifetime = int(self.access_token_lifetime)
        return json_response(
            {
                "token_type": "Bearer",
                "scope": " ".join([*sorted(granted), "openid", "profile", "email"]),
                "expires_in": lifetime,
                "ext_expires_in": lifetime,
                "access_token": self._signer.access_token(
                    account, grant.client_id, granted, now, lifetime
                ),
                "refresh_token": refresh_token,
                "id_token": self._signer.id_token(account, grant.client_id, now, nonce),
                "client_info": client_info(account),
            }
        )

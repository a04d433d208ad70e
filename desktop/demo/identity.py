"""A minimal Microsoft identity platform for the demo tenant and the tests.

Serves what MSAL Python uses on ``login.microsoftonline.com`` (reached through MSAL's
``http_client``, which rewrites that host to the demo server): OpenID configuration, instance
discovery, device code, authorize (auth code + PKCE, ``form_post``) and token (device code,
authorization code, refresh token). Tokens are JWT-shaped and HMAC-signed with a per-run key;
MSAL does not verify id tokens, and the Graph routes check access tokens through
:meth:`DemoIdentity.check_bearer` (signature, tenant, lifetime, scopes).

Consent is remembered per (account, client id): approving a sign-in grants the scopes it
asked for, and a silent refresh asking for more answers AADSTS65001 ``consent_required``, so
incremental consent can be tested end to end. Tests approve device codes with
:meth:`approve_device_code` (as the person would in the browser) and move the identity
platform's clock with :meth:`advance_clock` to expire access tokens mid-run.

Error texts follow Entra's; AADSTS numbers marked *unverified* are our best knowledge.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from desktop.demo import errors
from desktop.demo.router import Request, Response

LOGIN = "https://login.microsoftonline.com"
GRAPH_AUDIENCE = "https://graph.microsoft.com"
GRAPH_POWERSHELL_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
MULTI_TENANT = ("organizations", "common")
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
TENANT_PATH = r"/(?P<tenant>[^/]+)"

# What each Graph call needs (any one of), GRAPH_FACTS.md "Permissions"; Directory.* omitted.
READ_USERS = ("User.Read.All", "User.ReadWrite.All")
READ_SKUS = ("LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All",
             "Organization.Read.All")  # fmt: skip
WRITE_LICENSES = ("LicenseAssignment.ReadWrite.All", "User.ReadWrite.All")
WRITE_USERS = ("User.ReadWrite.All",)
READ_GROUPS = ("GroupMember.Read.All", "Group.Read.All")
READ_ORGANIZATION = ("User.Read", "Organization.Read.All")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def short_scopes(scope_text: str) -> frozenset[str]:
    """Graph scopes in a request, as short names, without the OpenID ones."""
    names = (s.removeprefix(GRAPH_AUDIENCE + "/") for s in scope_text.split())
    return frozenset(n for n in names if n and n.lower() not in OIDC_SCOPES)


@dataclass(frozen=True, slots=True)
class DemoAccount:
    oid: str
    username: str
    name: str
    tenant_id: str

    @property
    def domain(self) -> str:
        return self.username.partition("@")[2].lower()


@dataclass(slots=True)
class _DeviceCode:
    device_code: str
    user_code: str
    client_id: str
    tenant: str
    scopes: frozenset[str]
    expires_at: float
    account: DemoAccount | None = None
    declined: bool = False
    polls: int = 0


@dataclass(frozen=True, slots=True)
class _Grant:
    """What an authorization code or a refresh token stands for (the server keeps hashes)."""

    account: DemoAccount
    client_id: str
    tenant: str
    redirect_uri: str = ""
    code_challenge: str = ""
    nonce: str = ""
    expires_at: float = 0.0


@dataclass
class DemoIdentity:
    access_token_lifetime: float = 3600.0
    device_code_lifetime: float = 900.0
    poll_interval: float = 5.0
    clock: Callable[[], float] = time.time
    client_ids: set[str] = field(default_factory=lambda: {GRAPH_POWERSHELL_CLIENT_ID})
    # Who the /authorize page signs in when the request names nobody (the "browser" user).
    browser_account: DemoAccount | None = None
    grants_issued: dict[str, int] = field(default_factory=dict)  # grant type -> count

    def __post_init__(self) -> None:
        self._key = secrets.token_bytes(32)
        self._skew = 0.0
        self._lock = threading.Condition()
        self._accounts: dict[str, DemoAccount] = {}  # by lower-case username
        self._domains: dict[str, str] = {}  # domain -> tenant id
        self._device_codes: dict[str, _DeviceCode] = {}  # by device_code
        self._codes: dict[str, _Grant] = {}  # sha256(code) -> grant
        self._refresh: dict[str, _Grant] = {}  # sha256(refresh token) -> grant
        self._consent: dict[tuple[str, str], frozenset[str]] = {}  # (oid, client) -> scopes

    # -- directory ----------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock() + self._skew

    def add_account(self, tenant_id: str, username: str, name: str, oid: str = "") -> DemoAccount:
        account = DemoAccount(oid or str(uuid.uuid4()), username, name, tenant_id)
        with self._lock:
            self._accounts[username.lower()] = account
            self._domains[account.domain] = tenant_id
            if self.browser_account is None:
                self.browser_account = account
        return account

    def account(self, username: str) -> DemoAccount:
        return self._accounts[username.lower()]

    def _tenant_known(self, tenant: str) -> bool:
        return tenant in MULTI_TENANT or tenant in self._domains.values() or tenant in self._domains

    def _allowed_in(self, account: DemoAccount, tenant: str) -> bool:
        return tenant in MULTI_TENANT or tenant in (account.tenant_id, account.domain)

    # -- test controls ------------------------------------------------------------------------

    def advance_clock(self, seconds: float) -> None:
        """Move the identity platform's clock (what the Graph routes check lifetimes against);
        MSAL's own clock does not move, as when a token is revoked or clocks disagree."""
        self._skew += seconds

    def wait_for_device_code(self, timeout: float = 30.0) -> str:
        """Block until an app asks for a device code nobody approved yet; its user code."""
        with self._lock:
            found = self._lock.wait_for(self._pending_code, timeout)
            if not found:
                raise TimeoutError("no device code was requested")
            return found

    def _pending_code(self) -> str | None:
        for entry in self._device_codes.values():
            if entry.account is None and not entry.declined:
                return entry.user_code
        return None

    def approve_device_code(self, user_code: str, username: str | None = None) -> None:
        """What the person does at microsoft.com/devicelogin: enter the code, sign in, consent."""
        with self._lock:
            entry = self._by_user_code(user_code)
            account = self.account(username) if username else self.browser_account
            if account is None:
                raise LookupError("no demo account to sign in with")
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

    def _by_user_code(self, user_code: str) -> _DeviceCode:
        for entry in self._device_codes.values():
            if entry.user_code == user_code.strip().upper():
                return entry
        raise LookupError(f"unknown device code {user_code!r}")

    def _grant_consent(self, account: DemoAccount, client_id: str, scopes: Iterable[str]) -> None:
        key = (account.oid, client_id)
        self._consent[key] = self._consent.get(key, frozenset()) | frozenset(scopes)

    # -- routes -------------------------------------------------------------------------------

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        prefix = TENANT_PATH
        return [
            ("GET", prefix + r"/v2\.0/\.well-known/openid-configuration", self.openid_config),
            ("GET", r"/common/discovery/instance", self.instance_discovery),
            ("POST", prefix + r"/oauth2/v2\.0/devicecode", self.device_code),
            ("GET", prefix + r"/oauth2/v2\.0/authorize", self.authorize),
            ("POST", prefix + r"/oauth2/v2\.0/token", self.token),
            ("POST", r"/common/oauth2/deviceauth", self.device_login_page),
        ]

    def mount(self, mount: Callable[[str, str, Callable[[Request], Response]], None]) -> None:
        """Register every route through a demo tenant's ``mount(method, regex, handler)``."""
        for method, path, handler in self.routes():
            mount(method, path, handler)

    def openid_config(self, request: Request) -> Response:
        tenant = request.params["tenant"]
        if not self._tenant_known(tenant):
            return _oauth_error(400, "invalid_tenant", 90002, f"Tenant '{tenant}' not found.")
        # Entra answers a domain with its tenant id in every endpoint.
        canonical = self._domains.get(tenant.lower(), tenant)
        base = f"{LOGIN}/{canonical}"
        issuer_tenant = "{tenantid}" if tenant in MULTI_TENANT else canonical
        return _json(
            {
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "issuer": f"{LOGIN}/{issuer_tenant}/v2.0",
                "response_modes_supported": ["query", "fragment", "form_post"],
                "response_types_supported": ["code", "id_token", "code id_token"],
                "scopes_supported": sorted(OIDC_SCOPES),
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_post", "none"],
                "cloud_instance_name": "microsoftonline.com",
                "msgraph_host": "graph.microsoft.com",
            }
        )

    def instance_discovery(self, request: Request) -> Response:
        aliases = ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com"]
        return _json(
            {
                "tenant_discovery_endpoint": f"{LOGIN}/common/v2.0/.well-known/openid-configuration",
                "api-version": "1.1",
                "metadata": [
                    {
                        "preferred_network": aliases[0],
                        "preferred_cache": aliases[1],
                        "aliases": aliases,
                    }  # fmt: skip
                ],
            }
        )

    def device_code(self, request: Request) -> Response:
        form = request.form()
        problem = self._check_client(form.get("client_id", ""), request.params["tenant"])
        if problem is not None:
            return problem
        entry = _DeviceCode(
            device_code=secrets.token_urlsafe(48),
            user_code="".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9)),
            client_id=form["client_id"],
            tenant=request.params["tenant"],
            scopes=short_scopes(form.get("scope", "")),
            expires_at=self.now() + self.device_code_lifetime,
        )
        with self._lock:
            self._device_codes[entry.device_code] = entry
            self._lock.notify_all()
        uri = "https://microsoft.com/devicelogin"
        return _json(
            {
                "user_code": entry.user_code,
                "device_code": entry.device_code,
                "verification_uri": uri,
                "expires_in": int(self.device_code_lifetime),
                "interval": self.poll_interval,
                "message": f"To sign in, use a web browser to open the page {uri} and enter "
                f"the code {entry.user_code} to authenticate.",
            }
        )

    def device_login_page(self, request: Request) -> Response:
        """The demo's stand-in for microsoft.com/devicelogin: POST otc=<code>[&username=]."""
        form = request.form()
        try:
            self.approve_device_code(form.get("otc", ""), form.get("username") or None)
        except LookupError as exc:
            return _html(400, f"<p>{html.escape(str(exc))}</p>")
        return _html(200, "<p>You have signed in to License Desk on your device.</p>")

    def authorize(self, request: Request) -> Response:
        """The browser's sign-in page, answered at once: the account named by ``login_hint``
        (or the browser account) signs in and consents, as a person clicking through would."""
        query = request.query
        problem = self._check_client(query.get("client_id", ""), request.params["tenant"])
        if problem is not None:
            return problem
        hint = query.get("login_hint", "").lower()
        account = self._accounts.get(hint) if hint else self.browser_account
        if account is None:
            return _html(400, "<p>No account can sign in here.</p>")
        code = secrets.token_urlsafe(64)
        grant = _Grant(
            account,
            query["client_id"],
            request.params["tenant"],
            redirect_uri=query.get("redirect_uri", ""),
            code_challenge=query.get("code_challenge", ""),
            nonce=query.get("nonce", ""),
            expires_at=self.now() + 600,
        )
        with self._lock:
            self._codes[_hash(code)] = grant
            self._grant_consent(account, grant.client_id, short_scopes(query.get("scope", "")))
        answer = {
            "code": code,
            "state": query.get("state", ""),
            "client_info": _client_info(account),
        }
        if query.get("response_mode") != "form_post":
            return Response(302, {"Location": f"{grant.redirect_uri}?{urlencode(answer)}"})
        inputs = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(v)}">' for k, v in answer.items()
        )
        return _html(
            200,
            f'<form method="post" action="{html.escape(grant.redirect_uri)}">{inputs}</form>'
            "<script>document.forms[0].submit()</script>",
        )

    def token(self, request: Request) -> Response:
        form = request.form()
        grant_type = form.get("grant_type", "")
        problem = self._check_client(form.get("client_id", ""), request.params["tenant"])
        if problem is not None:
            return problem
        with self._lock:
            if grant_type == DEVICE_GRANT:
                result = self._redeem_device_code(form)
            elif grant_type == "authorization_code":
                result = self._redeem_code(form)
            elif grant_type == "refresh_token":
                result = self._redeem_refresh_token(form, request.params["tenant"])
            else:
                return _oauth_error(400, "unsupported_grant_type", 70003, "Unsupported grant.")
            if isinstance(result, Response):
                return result
            grant, scopes, nonce = result
            self.grants_issued[grant_type] = self.grants_issued.get(grant_type, 0) + 1
            return self._issue(grant, scopes, nonce)

    # -- grants -------------------------------------------------------------------------------

    def _redeem_device_code(
        self, form: Mapping[str, str]
    ) -> Response | tuple[_Grant, frozenset[str], str]:
        entry = self._device_codes.get(form.get("device_code", ""))
        if entry is None:
            return _oauth_error(400, "invalid_grant", 70000, "The provided grant is invalid.")
        entry.polls += 1
        self._lock.notify_all()
        if self.now() > entry.expires_at:
            return _oauth_error(400, "expired_token", 70019, "Verification code expired.")
        if entry.declined:  # AADSTS number *unverified*
            return _oauth_error(400, "authorization_declined", 70020, "The user declined.")
        if entry.account is None:
            return _oauth_error(
                400, "authorization_pending", 70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
            )  # fmt: skip
        if not self._allowed_in(entry.account, entry.tenant):
            return _not_in_tenant(entry.account, entry.tenant)
        del self._device_codes[entry.device_code]
        return _Grant(entry.account, entry.client_id, entry.tenant), entry.scopes, ""

    def _redeem_code(
        self, form: Mapping[str, str]
    ) -> Response | tuple[_Grant, frozenset[str], str]:
        grant = self._codes.pop(_hash(form.get("code", "")), None)
        verifier = form.get("code_verifier", "")
        challenge = _b64(hashlib.sha256(verifier.encode()).digest())
        if (
            grant is None
            or self.now() > grant.expires_at
            or grant.redirect_uri != form.get("redirect_uri")
            or (grant.code_challenge and challenge != grant.code_challenge)
        ):
            return _oauth_error(
                400, "invalid_grant", 70008,
                "The provided authorization code or refresh token has expired due to inactivity.",
            )  # fmt: skip
        if not self._allowed_in(grant.account, grant.tenant):
            return _not_in_tenant(grant.account, grant.tenant)
        return grant, short_scopes(form.get("scope", "")), grant.nonce

    def _redeem_refresh_token(
        self, form: Mapping[str, str], tenant: str
    ) -> Response | tuple[_Grant, frozenset[str], str]:
        grant = self._refresh.get(_hash(form.get("refresh_token", "")))
        if grant is None:
            return _oauth_error(
                400, "invalid_grant", 50173,
                "The provided grant has expired due to it being revoked, a fresh auth token "
                "is needed.",
            )  # fmt: skip
        wanted = short_scopes(form.get("scope", ""))
        granted = self._consent.get((grant.account.oid, grant.client_id), frozenset())
        if not wanted <= granted:
            return _oauth_error(
                400, "invalid_grant", 65001,
                f"The user or administrator has not consented to use the application with ID "
                f"'{grant.client_id}'. Send an interactive authorization request for this user "
                "and resource.",
                suberror="consent_required",
            )  # fmt: skip
        if not self._allowed_in(grant.account, tenant):
            return _not_in_tenant(grant.account, tenant)
        return _Grant(grant.account, grant.client_id, tenant), wanted, ""

    def _check_client(self, client_id: str, tenant: str) -> Response | None:
        if not self._tenant_known(tenant):
            return _oauth_error(400, "invalid_tenant", 90002, f"Tenant '{tenant}' not found.")
        if client_id not in self.client_ids:
            return _oauth_error(
                400, "unauthorized_client", 700016,
                f"Application with identifier '{client_id}' was not found in the directory.",
            )  # fmt: skip
        return None

    # -- tokens -------------------------------------------------------------------------------

    def _issue(self, grant: _Grant, requested: frozenset[str], nonce: str) -> Response:
        account, now = grant.account, int(self.now())
        # Like Entra: the access token carries every scope consented for the resource.
        granted = sorted(self._consent.get((account.oid, grant.client_id), requested))
        refresh_token = "0.A" + secrets.token_urlsafe(900)
        self._refresh[_hash(refresh_token)] = _Grant(account, grant.client_id, grant.tenant)
        lifetime = int(self.access_token_lifetime)
        access = self._sign(
            {
                "aud": GRAPH_AUDIENCE, "iss": f"https://sts.windows.net/{account.tenant_id}/",
                "iat": now, "nbf": now, "exp": now + lifetime, "appid": grant.client_id,
                "app_displayname": "Microsoft Graph Command Line Tools", "idtyp": "user",
                "name": account.name, "oid": account.oid, "scp": " ".join(granted),
                "sub": _b64(hashlib.sha256(account.oid.encode()).digest()),
                "tid": account.tenant_id, "unique_name": account.username,
                "upn": account.username, "uti": secrets.token_urlsafe(16), "ver": "1.0",
                "wids": ["4d6ac14f-3453-41d0-bef9-a3e0c569773a"],
                "xms_st": {"sub": secrets.token_urlsafe(32)}, "xms_tcdt": now - 10**7,
            }
        )  # fmt: skip
        id_claims: dict[str, Any] = {
            "aud": grant.client_id, "iss": f"{LOGIN}/{account.tenant_id}/v2.0",
            "iat": now, "nbf": now, "exp": now + 3600, "name": account.name,
            "oid": account.oid, "preferred_username": account.username,
            "sub": secrets.token_urlsafe(32), "tid": account.tenant_id,
            "uti": secrets.token_urlsafe(16), "ver": "2.0",
        }  # fmt: skip
        if nonce:
            id_claims["nonce"] = nonce
        return _json(
            {
                "token_type": "Bearer",
                "scope": " ".join([*granted, "openid", "profile", "email"]),
                "expires_in": lifetime,
                "ext_expires_in": lifetime,
                "access_token": access,
                "refresh_token": refresh_token,
                "id_token": self._sign(id_claims),
                "client_info": _client_info(account),
            }
        )

    def _sign(self, claims: Mapping[str, Any]) -> str:
        header = _b64(json.dumps({"typ": "JWT", "alg": "HS256", "kid": "demo"}).encode())
        body = _b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = hmac.new(self._key, f"{header}.{body}".encode(), hashlib.sha256).digest()
        return f"{header}.{body}.{_b64(signature)}"

    def claims_of(self, token: str) -> dict[str, Any] | None:
        """The claims of a token this platform signed, or None (bad shape or signature)."""
        try:
            header, body, signature = token.split(".")
            expected = hmac.new(self._key, f"{header}.{body}".encode(), hashlib.sha256).digest()
            if not hmac.compare_digest(_unb64(signature), expected):
                return None
            claims = json.loads(_unb64(body))
        except (ValueError, TypeError):
            return None
        return claims if isinstance(claims, dict) else None

    def check_bearer(
        self, authorization: str | None, tenant_id: str, any_of_scopes: Iterable[str] = ()
    ) -> dict[str, Any]:
        """Graph's check of ``Authorization: Bearer ...``; raises Graph's 401/403 envelopes."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise errors.GraphFailure(401, errors.INVALID_TOKEN, errors.MSG_EMPTY_TOKEN)
        claims = self.claims_of(token.strip())
        if claims is None or claims.get("aud") != GRAPH_AUDIENCE:
            # *unverified* wording for a token Graph cannot parse or whose signature fails.
            raise errors.GraphFailure(401, errors.INVALID_TOKEN, "Access token validation failure.")
        if self.now() >= float(claims.get("exp", 0)):
            raise errors.GraphFailure(
                401, errors.INVALID_TOKEN, "Lifetime validation failed, the token is expired."
            )
        if claims.get("tid") != tenant_id:
            raise errors.GraphFailure(
                401, errors.INVALID_TOKEN, "Access token validation failure. Invalid audience."
            )
        wanted = {s.lower() for s in any_of_scopes}
        held = {s.lower() for s in str(claims.get("scp", "")).split()}
        if wanted and not wanted & held:
            raise errors.GraphFailure(
                403,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.",
            )
        return claims


def scopes_for(method: str, path: str) -> tuple[str, ...]:
    """The delegated scopes (any one of) a Graph call needs; ``path`` after ``/v1.0``."""
    lowered = path.lower().rstrip("/")
    if lowered.startswith("/subscribedskus"):
        return READ_SKUS
    if lowered.startswith("/organization"):
        return READ_ORGANIZATION
    if lowered.startswith("/groups"):
        return READ_GROUPS
    if lowered.endswith("/assignlicense"):
        return WRITE_LICENSES
    if lowered.startswith("/users") or lowered.startswith("/me"):
        return READ_USERS if method.upper() == "GET" else WRITE_USERS
    return ()


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _client_info(account: DemoAccount) -> str:
    return _b64(json.dumps({"uid": account.oid, "utid": account.tenant_id}).encode())


def _json(payload: Mapping[str, Any], status: int = 200) -> Response:
    body = json.dumps(payload, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"}
    return Response(status, headers, body, payload)


def _html(status: int, body: str) -> Response:
    page = f"<!doctype html><meta charset='utf-8'><title>Sign in</title>{body}".encode()
    return Response(status, {"Content-Type": "text/html; charset=utf-8"}, page)


def _oauth_error(
    status: int, error: str, aadsts: int, text: str, *, suberror: str = ""
) -> Response:
    trace, correlation = str(uuid.uuid4()), str(uuid.uuid4())
    stamp = time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime())
    payload: dict[str, Any] = {
        "error": error,
        "error_description": f"AADSTS{aadsts}: {text}\r\nTrace ID: {trace}\r\n"
        f"Correlation ID: {correlation}\r\nTimestamp: {stamp}",
        "error_codes": [aadsts],
        "timestamp": stamp,
        "trace_id": trace,
        "correlation_id": correlation,
        "error_uri": f"{LOGIN}/error?code={aadsts}",
    }
    if suberror:
        payload["suberror"] = suberror
    return _json(payload, status)


def _not_in_tenant(account: DemoAccount, tenant: str) -> Response:
    return _oauth_error(
        400, "invalid_grant", 50020,
        f"User account '{account.username}' from identity provider does not exist in tenant "
        f"'{tenant}' and cannot access the application in that tenant.",
    )  # fmt: skip

"""Tokens and answers of the test identity platform (``platform.py``): JWT-shaped tokens signed
with a per-run HMAC key, their check on the Graph side, and Entra's JSON error shape.

The access token carries the claims Graph's own tokens carry (so its size, and the MSAL cache
size measured from it, is realistic); only the signature differs (HS256 instead of RS256).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.demo.router import Response

LOGIN = "https://login.microsoftonline.com"
GRAPH_AUDIENCE = "https://graph.microsoft.com"
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
MULTI_TENANT = ("organizations", "common")
LICENSE_ADMINISTRATOR_ROLE = "4d6ac14f-3453-41d0-bef9-a3e0c569773a"

# Graph's 401 messages. The expired one is Graph's; the others are *unverified* wording.
MSG_EXPIRED = "Lifetime validation failed, the token is expired."
MSG_INVALID = "Access token validation failure."
MSG_WRONG_TENANT = "Access token validation failure. Invalid audience."


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
class DeviceCodeEntry:
    device_code: str
    user_code: str
    client_id: str
    tenant: str
    scopes: frozenset[str]
    expires_at: float
    account: DemoAccount | None = None
    declined: bool = False


@dataclass(frozen=True, slots=True)
class Grant:
    """What an authorization code or a refresh token stands for."""

    account: DemoAccount
    client_id: str
    tenant: str
    redirect_uri: str = ""
    code_challenge: str = ""
    nonce: str = ""
    expires_at: float = 0.0


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def secret_hash(secret: str) -> str:
    """The server keeps codes and refresh tokens only as hashes."""
    return hashlib.sha256(secret.encode()).hexdigest()


def pkce_challenge(verifier: str) -> str:
    """RFC 7636 S256: what the client's code_verifier must hash to."""
    return b64(hashlib.sha256(verifier.encode()).digest())


def short_scopes(scope_text: str) -> frozenset[str]:
    """Graph scopes in a request, as short names, without the OpenID ones."""
    names = (s.removeprefix(GRAPH_AUDIENCE + "/") for s in scope_text.split())
    return frozenset(n for n in names if n and n.lower() not in OIDC_SCOPES)


def client_info(account: DemoAccount) -> str:
    return b64(json.dumps({"uid": account.oid, "utid": account.tenant_id}).encode())


class TokenSigner:
    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def sign(self, claims: Mapping[str, Any]) -> str:
        header = b64(json.dumps({"typ": "JWT", "alg": "HS256", "kid": "demo"}).encode())
        body = b64(json.dumps(claims, separators=(",", ":")).encode())
        return f"{header}.{body}.{b64(self._mac(f'{header}.{body}'))}"

    def claims_of(self, token: str) -> dict[str, Any] | None:
        """The claims of a token signed here, or None (wrong shape or signature)."""
        try:
            header, body, signature = token.split(".")
            if not hmac.compare_digest(unb64(signature), self._mac(f"{header}.{body}")):
                return None
            claims = json.loads(unb64(body))
        except (ValueError, TypeError):
            return None
        return claims if isinstance(claims, dict) else None

    def _mac(self, text: str) -> bytes:
        return hmac.new(self._key, text.encode(), hashlib.sha256).digest()

    def access_token(
        self, account: DemoAccount, client_id: str, scopes: Iterable[str], now: int, lifetime: int
    ) -> str:
        return self.sign(
            {
                "aud": GRAPH_AUDIENCE,
                "iss": f"https://sts.windows.net/{account.tenant_id}/",
                "iat": now,
                "nbf": now,
                "exp": now + lifetime,
                "acr": "1",
                "amr": ["pwd", "mfa"],
                "app_displayname": "Microsoft Graph Command Line Tools",
                "appid": client_id,
                "idtyp": "user",
                "name": account.name,
                "oid": account.oid,
                "platf": "3",
                "scp": " ".join(sorted(scopes)),
                "sub": b64(hashlib.sha256(account.oid.encode()).digest()),
                "tid": account.tenant_id,
                "unique_name": account.username,
                "upn": account.username,
                "uti": secrets.token_urlsafe(16),
                "ver": "1.0",
                "wids": [LICENSE_ADMINISTRATOR_ROLE],
                "xms_st": {"sub": secrets.token_urlsafe(32)},
                "xms_tcdt": now - 10**7,
            }
        )

    def id_token(self, account: DemoAccount, client_id: str, now: int, nonce: str) -> str:
        claims: dict[str, Any] = {
            "aud": client_id,
            "iss": f"{LOGIN}/{account.tenant_id}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "name": account.name,
            "oid": account.oid,
            "preferred_username": account.username,
            "sub": secrets.token_urlsafe(32),
            "tid": account.tenant_id,
            "uti": secrets.token_urlsafe(16),
            "ver": "2.0",
        }
        if nonce:
            claims["nonce"] = nonce
        return self.sign(claims)

    def check_access_token(self, token: str, tenant_id: str, now: float) -> str | None:
        """Graph's verdict on a bearer token: None if good, else the 401 message."""
        claims = self.claims_of(token)
        if claims is None or claims.get("aud") != GRAPH_AUDIENCE:
            return MSG_INVALID
        if now >= float(claims.get("exp", 0)):
            return MSG_EXPIRED
        if claims.get("tid") != tenant_id:
            return MSG_WRONG_TENANT
        return None


def granted_scopes(claims: Mapping[str, Any] | None) -> frozenset[str]:
    """The delegated scopes in a token's ``scp`` claim (what desktop/demo/permissions.py checks)."""
    return frozenset(str((claims or {}).get("scp", "")).split())


def openid_configuration(tenant: str, issuer_tenant: str) -> dict[str, Any]:
    """``/{tenant}/v2.0/.well-known/openid-configuration``, trimmed to what clients read."""
    base = f"{LOGIN}/{tenant}"
    return {
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
        "cloud_instance_name": "microsoftonline.com",
        "msgraph_host": "graph.microsoft.com",
    }


def instance_metadata() -> dict[str, Any]:
    """``/common/discovery/instance``: the public cloud's host aliases."""
    aliases = ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com"]
    return {
        "tenant_discovery_endpoint": f"{LOGIN}/common/v2.0/.well-known/openid-configuration",
        "api-version": "1.1",
        "metadata": [
            {"preferred_network": aliases[0], "preferred_cache": aliases[1], "aliases": aliases}
        ],
    }


def json_response(payload: Mapping[str, Any], status: int = 200) -> Response:
    body = json.dumps(payload, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"}
    return Response(status, headers, body, payload)


def html_response(status: int, body: str) -> Response:
    page = f"<!doctype html><meta charset='utf-8'><title>Sign in</title>{body}".encode()
    return Response(status, {"Content-Type": "text/html; charset=utf-8"}, page)


def oauth_error(error: str, aadsts: int, text: str, *, suberror: str = "") -> Response:
    """Entra's error answer (HTTP 400) with its AADSTS number in front of the text."""
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
    return json_response(payload, 400)


def allowed_in(account: DemoAccount, tenant: str) -> bool:
    return tenant in MULTI_TENANT or tenant in (account.tenant_id, account.domain)


def not_in_tenant(account: DemoAccount, tenant: str) -> Response:
    return oauth_error(
        "invalid_grant",
        50020,
        f"User account '{account.username}' from identity provider does not exist in tenant "
        f"'{tenant}' and cannot access the application in that tenant.",
    )

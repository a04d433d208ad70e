"""Put an MSAL-shaped sign-in into a token cache without any network, the way MSAL itself does
after a token response (``TokenCache.add``), for storage tests that need realistic contents."""

from __future__ import annotations

import base64
import json
import secrets
import time

import msal

CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
TOKEN_ENDPOINT = "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def fake_jwt(claims: dict[str, object], padding: int = 0) -> str:
    header = {"typ": "JWT", "alg": "none"}
    body = dict(claims, filler=secrets.token_urlsafe(padding)) if padding else claims
    return f"{_b64(header)}.{_b64(body)}.{secrets.token_urlsafe(32)}"


def add_sign_in(
    cache: msal.TokenCache,
    *,
    oid: str,
    tid: str,
    username: str,
    scopes: tuple[str, ...] = ("User.Read.All", "LicenseAssignment.Read.All"),
) -> dict[str, str]:
    """Add one account's id token, access token and refresh token; returns the secrets so
    tests can look for them."""
    now = int(time.time())
    id_token = fake_jwt(
        {
            "oid": oid,
            "tid": tid,
            "preferred_username": username,
            "name": username,
            "iss": f"https://login.microsoftonline.com/{tid}/v2.0",
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 3600,
            "sub": oid,
        }
    )
    access_token = fake_jwt({"oid": oid, "tid": tid, "scp": " ".join(scopes)}, padding=900)
    refresh_token = "0.A" + secrets.token_urlsafe(800)
    cache.add(
        {
            "client_id": CLIENT_ID,
            "scope": list(scopes),
            "token_endpoint": TOKEN_ENDPOINT,
            "response": {
                "token_type": "Bearer",
                "scope": " ".join(scopes),
                "expires_in": 3600,
                "access_token": access_token,
                "refresh_token": refresh_token,
                "id_token": id_token,
                "client_info": _b64({"uid": oid, "utid": tid}),
            },
        }
    )
    return {"access_token": access_token, "refresh_token": refresh_token, "id_token": id_token}


def remove_sign_in(cache: msal.TokenCache, home_account_id: str) -> None:
    """What MSAL's remove_account does to the cache, without an app object."""
    kinds = msal.TokenCache.CredentialType
    query = {"home_account_id": home_account_id}
    for rt in list(cache.search(kinds.REFRESH_TOKEN, query=query)):
        cache.remove_rt(rt)
    for at in list(cache.search(kinds.ACCESS_TOKEN, query=query)):
        cache.remove_at(at)
    for idt in list(cache.search(kinds.ID_TOKEN, query=query)):
        cache.remove_idt(idt)
    for account in list(cache.search(kinds.ACCOUNT, query=query)):
        cache.remove_account(account)


def home_account_ids(cache: msal.TokenCache) -> set[str]:
    kinds = msal.TokenCache.CredentialType
    return {a["home_account_id"] for a in cache.search(kinds.ACCOUNT)}

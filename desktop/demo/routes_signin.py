"""``signInActivity`` on ``GET /users`` and ``GET /users/{id}``, with Graph's rules for it.

Graph returns the property only when ``$select`` names it; reading it needs Microsoft Entra ID
P1 or P2 in the tenant (else 403 ``Authentication_RequestFromNonPremiumTenantOrB2CTenant``), and
pages that carry it hold at most 120 users whatever ``$top`` asks (a larger ``$top`` is not an
error). Users who never signed in come back without the property. Everything else about the
request is left to the plain user routes, which these wrap. See ``docs/graph-facts.md``,
"Sign-in activity and usage reports".
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from desktop.demo import errors, routes_users
from desktop.demo.context import Backend, context_url, next_link
from desktop.demo.errors import EnvelopeError
from desktop.demo.insight_seed import SignInKind
from desktop.demo.insight_state import InsightState
from desktop.demo.router import Request, Response, Router

SIGN_IN_ACTIVITY = "signInActivity"
SIGN_IN_PAGE_SIZE = 120
MAX_TOP = 999  # beyond it Graph refuses $top anyway (the plain route says so)
NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant"
MSG_NON_PREMIUM = "Neither tenant is B2C or tenant doesn't have premium license"
# One user by id or UPN; never the "/users/$count" segment, which the user routes serve.
_ONE_USER = r"/v1\.0/users/(?P<user>(?!\$count$)[^/]+)"


def register(router: Router, backend: Backend, state: InsightState) -> None:
    """Mount before ``routes_users`` so these see the user reads first."""
    router.add("GET", r"/v1\.0/users", lambda r: list_users(r, backend, state), graph=True)
    router.add("GET", _ONE_USER, lambda r: get_user(r, backend, state), graph=True)


def _names(select: str | None) -> list[str]:
    return [name.strip() for name in (select or "").split(",") if name.strip()]


def _wants_sign_ins(request: Request) -> bool:
    query = request.query
    selected = any(n.lower() == SIGN_IN_ACTIVITY.lower() for n in _names(query.get("$select")))
    filtered = SIGN_IN_ACTIVITY.lower() in (query.get("$filter") or "").lower()
    return selected or filtered


def _refuse_without_premium(state: InsightState) -> None:
    if not state.premium:
        raise EnvelopeError(403, NON_PREMIUM, MSG_NON_PREMIUM)


def _inner(request: Request) -> tuple[Request, bool]:
    """The request without signInActivity in ``$select`` (but with ``id``), ``$top`` capped."""
    pairs: list[tuple[str, str]] = []
    for name, given in request.query_pairs():
        lowered = name.lower()
        value = given
        if lowered == "$select":
            kept = [n for n in _names(given) if n.lower() != SIGN_IN_ACTIVITY.lower()]
            if not any(n.lower() == "id" for n in kept):
                kept.append("id")
            value = ",".join(kept)
        elif lowered == "$top" and given.strip().isdigit() and int(given) <= MAX_TOP:
            value = str(min(int(given), SIGN_IN_PAGE_SIZE))
        pairs.append((name, value))
    query = "&".join(f"{quote(k, safe='$')}={quote(v, safe='$,()/:@')}" for k, v in pairs)
    selected_id = any(n.lower() == "id" for n in _names(request.query.get("$select")))
    return replace(request, raw_query=query), selected_id


def activity_json(
    state: InsightState, rowid: int, now: datetime | None = None
) -> dict[str, Any] | None:
    seeded = state.sign_in(rowid)
    if seeded is None or seeded.kind is SignInKind.NEVER:
        return None
    success, interactive, non_interactive = state.stamps(seeded, now or state.today())
    # Request ids are not kept by the demo; Graph gives the sign-in log entry's id.
    return {
        "lastSignInDateTime": interactive,
        "lastSignInRequestId": None,
        "lastNonInteractiveSignInDateTime": non_interactive,
        "lastNonInteractiveSignInRequestId": None,
        "lastSuccessfulSignInDateTime": success,
        "lastSuccessfulSignInRequestId": None,
    }


def _decorate(
    user: dict[str, Any], backend: Backend, state: InsightState, keep_id: bool
) -> dict[str, Any]:
    row = backend.store.user(str(user["id"]))
    activity = activity_json(state, int(row[0])) if row is not None else None
    if not keep_id:
        del user["id"]
    if activity is not None:
        user[SIGN_IN_ACTIVITY] = activity
    return user


def _rowids(backend: Backend, ids: list[str]) -> dict[str, int]:
    rows = backend.store.query(
        "SELECT id, rowid FROM users WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    )
    return {str(user_id): int(rowid) for user_id, rowid in rows}


def list_users(request: Request, backend: Backend, state: InsightState) -> Response:
    if not _wants_sign_ins(request):
        return routes_users.list_users(request, backend)
    _refuse_without_premium(state)
    if SIGN_IN_ACTIVITY.lower() in (request.query.get("$filter") or "").lower():
        # Graph filters on signInActivity; the demo does not: say so rather than ignore it.
        raise errors.bad_request(
            "The demo tenant does not filter on signInActivity.", errors.UNSUPPORTED_QUERY
        )
    inner, keep_id = _inner(request)
    payload = routes_users.list_users_payload(inner, backend)
    users: list[dict[str, Any]] = payload["value"]
    rowids = _rowids(backend, [str(u["id"]) for u in users])
    now = state.today()
    for user in users:
        activity = activity_json(state, rowids[str(user["id"])], now)
        if not keep_id:
            del user["id"]
        if activity is not None:
            user[SIGN_IN_ACTIVITY] = activity
    select = ",".join(_names(request.query.get("$select")))
    result: dict[str, Any] = {"@odata.context": context_url(request, f"users({select})")}
    if "@odata.count" in payload:
        result["@odata.count"] = payload["@odata.count"]
    link = payload.get("@odata.nextLink")
    if link:
        # The same query the client sent (signInActivity and its $top included), next page.
        token = parse_qs(urlsplit(link).query)["$skiptoken"][0]
        result["@odata.nextLink"] = next_link(request, token)
    result["value"] = users
    return Response.json(200, result)


def get_user(request: Request, backend: Backend, state: InsightState) -> Response:
    if not _wants_sign_ins(request):
        return routes_users.get_user(request, backend)
    _refuse_without_premium(state)
    inner, keep_id = _inner(request)
    answer = routes_users.get_user(inner, backend)
    payload: dict[str, Any] = answer.payload
    select = ",".join(_names(request.query.get("$select")))
    payload["@odata.context"] = context_url(request, f"users({select})/$entity")
    return Response.json(200, _decorate(payload, backend, state, keep_id))

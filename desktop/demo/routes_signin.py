"""``signInActivity`` on ``GET /users`` and ``GET /users/{id}``, with Graph's rules for it.

Graph returns the property only when ``$select`` names it; reading it needs Microsoft Entra ID
P1 or P2 in the tenant (else 403 ``Authentication_RequestFromNonPremiumTenantOrB2CTenant``), and
pages that carry it hold at most 120 users whatever ``$top`` asks (a larger ``$top`` is not an
error). Users who never signed in come back without the property. Everything else about the
request is left to the plain user routes, which these wrap. See ``docs/graph-facts.md``,
"Sign-in activity and usage reports".
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.demo import errors, routes_users
from desktop.demo.context import Backend, context_url
from desktop.demo.errors import EnvelopeError
from desktop.demo.insight_seed import SignInKind
from desktop.demo.insight_state import InsightState, Stamps
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
    return list(_name_tuple(select or ""))


@functools.lru_cache(maxsize=256)  # every page of a listing repeats the same $select
def _name_tuple(select: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in select.split(",") if name.strip())


def _wants_sign_ins(request: Request) -> bool:
    query = request.query
    selected = any(n.lower() == SIGN_IN_ACTIVITY.lower() for n in _names(query.get("$select")))
    filtered = SIGN_IN_ACTIVITY.lower() in (query.get("$filter") or "").lower()
    return selected or filtered


def _refuse_without_premium(state: InsightState) -> None:
    if not state.premium:
        raise EnvelopeError(403, NON_PREMIUM, MSG_NON_PREMIUM)


def _inner_query(query: Mapping[str, str]) -> dict[str, str]:
    """The query the user routes serve: signInActivity out of ``$select`` (``id`` in, to find
    each user's activity), ``$top`` capped at a sign-in page."""
    inner: dict[str, str] = {}
    for name, given in query.items():
        lowered = name.lower()
        value = given
        if lowered == "$select":
            kept = [n for n in _names(given) if n.lower() != SIGN_IN_ACTIVITY.lower()]
            if not any(n.lower() == "id" for n in kept):
                kept.append("id")
            value = ",".join(kept)
        elif lowered == "$top" and given.strip().isdigit() and int(given) <= MAX_TOP:
            value = str(min(int(given), SIGN_IN_PAGE_SIZE))
        inner[name] = value
    return inner


def _selects_id(query: Mapping[str, str]) -> bool:
    return any(n.lower() == "id" for n in _names(query.get("$select")))


def _activity(stamps: Stamps) -> dict[str, Any]:
    success, interactive, non_interactive = stamps
    # Request ids are not kept by the demo; Graph gives the sign-in log entry's id.
    return {
        "lastSignInDateTime": interactive,
        "lastSignInRequestId": None,
        "lastNonInteractiveSignInDateTime": non_interactive,
        "lastNonInteractiveSignInRequestId": None,
        "lastSuccessfulSignInDateTime": success,
        "lastSuccessfulSignInRequestId": None,
    }


def _add_activity(
    users: list[dict[str, Any]], rowids: Sequence[int | None], state: InsightState, keep_id: bool
) -> None:
    """Each user's signInActivity, found by the rowid in the same place (none for users who
    never signed in, or are gone); ``id`` dropped when the client did not select it."""
    stamps = state.stamper(state.today())
    sign_in = state.sign_in
    for user, rowid in zip(users, rowids, strict=True):
        seeded = None if rowid is None else sign_in(rowid)
        if not keep_id:
            del user["id"]
        if seeded is not None and seeded.kind is not SignInKind.NEVER:
            user[SIGN_IN_ACTIVITY] = _activity(stamps(seeded))


def list_users(request: Request, backend: Backend, state: InsightState) -> Response:
    if not _wants_sign_ins(request):
        return routes_users.list_users(request, backend)
    _refuse_without_premium(state)
    query = request.query
    if SIGN_IN_ACTIVITY.lower() in (query.get("$filter") or "").lower():
        # Graph filters on signInActivity; the demo does not: say so rather than ignore it.
        raise errors.bad_request(
            "The demo tenant does not filter on signInActivity.", errors.UNSUPPORTED_QUERY
        )
    page = routes_users.read_users_page(request, backend, _inner_query(query))
    _add_activity(page.users, [row[0] for row in page.rows], state, _selects_id(query))
    select = ",".join(_names(query.get("$select")))
    # The nextLink repeats the query the client sent, signInActivity and its $top included.
    return Response.json(200, routes_users.page_payload(request, page, f"users({select})"))


def get_user(request: Request, backend: Backend, state: InsightState) -> Response:
    if not _wants_sign_ins(request):
        return routes_users.get_user(request, backend)
    _refuse_without_premium(state)
    query = request.query
    answer = routes_users.get_user(request, backend, _inner_query(query))
    payload: dict[str, Any] = answer.payload
    select = ",".join(_names(query.get("$select")))
    payload["@odata.context"] = context_url(request, f"users({select})/$entity")
    row = backend.store.user(str(payload["id"]))
    _add_activity([payload], [None if row is None else row[0]], state, _selects_id(query))
    return Response.json(200, payload)

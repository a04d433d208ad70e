"""``GET /users/delta`` as Graph serves it (docs/graph-facts.md, "Delta queries").

A round starts with ``/users/delta`` (optionally ``$select``): every current user in pages
linked by ``@odata.nextLink``, the last page carrying ``@odata.deltaLink``. ``$deltatoken=latest``
skips the users and answers only a deltaLink ("sync from now"). The deltaLink answers the users
changed since it was issued (every selected property, the id always) and ``{"id": ...,
"@removed": {"reason": "changed"}}`` for deleted ones, again in pages ending with a new
deltaLink. Tokens carry the ``$select`` of the first request. A token older than seven days,
of a replaced tenant, expired on purpose (``DemoTenant.expire_delta_links``) or unreadable is
answered 400 ``syncStateNotFound``: the client must read everything again.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.demo import delta_log, errors, odata, payloads
from desktop.demo.context import Backend, context_url, refuse_options
from desktop.demo.router import Request, Response, Router
from desktop.demo.routes_users import render_users

# *unverified*: Graph's page size for users delta is its own (it ignores $top); 200 is what
# field reports show for user objects.
PAGE_SIZE = 200
TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600  # verified: directory objects, seven days
SYNC_STATE_NOT_FOUND = "syncStateNotFound"
MSG_SYNC_STATE_NOT_FOUND = (
    "The sync state generation is not found. The delta token is expired and data must be "
    "synchronized again."
)
DELTA_PATHS = (r"/v1\.0/users/delta", r"/v1\.0/users/microsoft\.graph\.delta")
# Properties Graph refuses on users delta; *unverified* (field reports): sign-in activity is
# read in a listing of its own anyway (desktop/insight/snapshot.py).
NOT_ON_DELTA = ("signInActivity",)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "i": initial round by rowid; "c": changes; "d": a deltaLink
    select: tuple[str, ...]
    epoch: int
    up_to: int  # last change covered by this round
    after: int = 0  # "i": last rowid served; "c": last change served
    since: int = 0  # "c": the change the round started after
    issued: float = 0.0  # "d": when the deltaLink was issued

    def encode(self) -> str:
        raw = json.dumps(
            [
                self.kind,
                list(self.select),
                self.epoch,
                self.up_to,
                self.after,
                self.since,
                self.issued,
            ],
            separators=(",", ":"),
        ).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @staticmethod
    def decode(text: str) -> Token:
        try:
            raw = base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode())
            kind, select, epoch, up_to, after, since, issued = json.loads(raw)
            return Token(
                str(kind),
                tuple(str(s) for s in select),
                int(epoch),
                int(up_to),
                int(after),
                int(since),
                float(issued),
            )
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
            raise _expired() from None


def _expired() -> errors.EnvelopeError:
    return errors.bad_request(MSG_SYNC_STATE_NOT_FOUND, SYNC_STATE_NOT_FOUND)


def register(router: Router, backend: Backend, wall_clock: Callable[[], float] = time.time) -> None:
    """Mount before ``/users/{id}``, which would take ``delta`` for a user's id."""
    for path in DELTA_PATHS:
        router.add("GET", path, lambda r: delta(r, backend, wall_clock), graph=True)


def delta(request: Request, backend: Backend, wall_clock: Callable[[], float]) -> Response:
    refuse_options(
        request, ("$top", "$orderby", "$expand", "$filter", "$search", "$count", "$skip")
    )
    query = request.query
    store = backend.store
    epoch = delta_log.epoch(store.query)
    skip, delta_token = query.get("$skiptoken"), query.get("$deltatoken")
    if skip is not None or (delta_token is not None and delta_token.lower() != "latest"):
        token = Token.decode(skip if skip is not None else str(delta_token))
        if token.epoch != epoch:
            raise _expired()
        if token.kind == "d":
            if skip is not None or wall_clock() - token.issued > TOKEN_LIFETIME_SECONDS:
                raise _expired()
            token = Token(
                "c",
                token.select,
                epoch,
                delta_log.last_seq(store.query),
                after=token.up_to,
                since=token.up_to,
            )
        elif skip is None:
            raise _expired()  # a nextLink's token given as a deltatoken
        return _page(request, backend, token, wall_clock)
    select = _select(query.get("$select"))
    start = Token("i", select, epoch, delta_log.last_seq(store.query))
    if delta_token is not None:  # "latest": sync from now, no users
        return _answer(request, select, [], deltatoken=_delta_link_token(start, wall_clock))
    return _page(request, backend, start, wall_clock)


def _select(value: str | None) -> tuple[str, ...]:
    for name in NOT_ON_DELTA:
        if value is not None and name.lower() in (p.strip().lower() for p in value.split(",")):
            raise errors.bad_request(
                f"Property '{name}' is not supported for delta queries.",  # *unverified*
                errors.UNSUPPORTED_QUERY,
            )
    chosen = odata.parse_select(value, payloads.USER_PROPERTIES)
    return tuple(chosen) if chosen else payloads.DEFAULT_USER_PROPERTIES


def _delta_link_token(token: Token, wall_clock: Callable[[], float]) -> str:
    return Token("d", token.select, token.epoch, token.up_to, issued=wall_clock()).encode()


def _page(
    request: Request, backend: Backend, token: Token, wall_clock: Callable[[], float]
) -> Response:
    store = backend.store
    properties = token.select if "id" in token.select else (*token.select, "id")
    items: list[dict[str, Any]]
    if token.kind == "i":
        rows = store.users_page("1", [], token.after, PAGE_SIZE + 1)
        more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        items = render_users(backend, rows, properties)
        following = (
            Token("i", token.select, token.epoch, token.up_to, after=int(rows[-1][0]))
            if more
            else None
        )
    else:
        changed = delta_log.changed_user_ids(
            store.query, token.since, token.up_to, token.after, PAGE_SIZE + 1
        )
        more = len(changed) > PAGE_SIZE
        changed = changed[:PAGE_SIZE]
        items = _changed_items(backend, [user_id for user_id, _ in changed], properties)
        following = (
            Token(
                "c", token.select, token.epoch, token.up_to, after=changed[-1][1], since=token.since
            )
            if more
            else None
        )
    if following is not None:
        return _answer(request, token.select, items, skiptoken=following.encode())
    return _answer(request, token.select, items, deltatoken=_delta_link_token(token, wall_clock))


def _changed_items(
    backend: Backend, user_ids: list[str], properties: tuple[str, ...]
) -> list[dict[str, Any]]:
    rows = {str(row[1]): row for row in (backend.store.user(uid) for uid in user_ids) if row}
    rendered = dict(zip(rows, render_users(backend, list(rows.values()), properties), strict=True))
    # A deleted user can be restored for 30 days: Graph's reason is "changed", not "deleted".
    return [rendered.get(uid) or {"id": uid, "@removed": {"reason": "changed"}} for uid in user_ids]


def _answer(
    request: Request,
    select: tuple[str, ...],
    items: list[dict[str, Any]],
    *,
    skiptoken: str | None = None,
    deltatoken: str | None = None,
) -> Response:
    link = f"{request.root_url}/v1.0/users/delta"
    payload: dict[str, Any] = {"@odata.context": context_url(request, f"users({','.join(select)})")}
    if skiptoken is not None:
        payload["@odata.nextLink"] = f"{link}?$skiptoken={skiptoken}"
    else:
        payload["@odata.deltaLink"] = f"{link}?$deltatoken={deltatoken}"
    payload["value"] = items
    return Response.json(200, payload)

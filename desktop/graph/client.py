"""GraphClient: the only code that speaks HTTP to Microsoft Graph or the demo tenant.

The contract's signatures are fixed; the machinery lives beside it: ``transport`` (auth,
timeouts, retries), ``pacing`` (write limit), ``batching`` ($batch), ``parse`` (records).
Safe to share between threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

from desktop.cancel import CancelToken
from desktop.collection_pause import collection_paused
from desktop.graph.batch_items import BatchRequest, BatchResponse
from desktop.graph.batching import BatchSender
from desktop.graph.clock import Clock, RealClock
from desktop.graph.json_checks import fail
from desktop.graph.limits import (
    DEFAULT_DEADLINE_SECONDS,
    DEFAULT_MAX_ANSWER_BYTES,
    DEFAULT_MAX_REPORT_BYTES,
)
from desktop.graph.pacing import WriteLimit, WritePacer
from desktop.graph.paging import PageGuard, follow_pages, max_pages
from desktop.graph.parse import (
    decode_json,
    parse_collection,
    parse_group,
    parse_organization,
    parse_skus,
    parse_user,
    parse_users,
)
from desktop.graph.priority import Priority
from desktop.graph.records import AssignedLicense, Group, NewUser, Organization, Sku, User
from desktop.graph.retry import RetryPolicy
from desktop.graph.stats import GraphStats, StatsCounter
from desktop.graph.tokens import TokenProvider
from desktop.graph.transport import Reply, Transport

GRAPH_URL = "https://graph.microsoft.com/v1.0"

USER_SELECT = (
    "id,displayName,userPrincipalName,mail,accountEnabled,usageLocation,department,jobTitle,"
    "onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates"
)
GROUP_SELECT = "id,displayName"
MAX_PAGE_SIZE = 999  # Graph's cap on $top for users
HTTP_NOT_FOUND = 404

PageCallback = Callable[[list[User]], None]
ItemsCallback = Callable[[list[User], list[Any]], None]  # the users and their items

log = logging.getLogger("desktop.graph")

# Query values keep Graph's own punctuation readable (and logged paths short).
_QUERY_SAFE = "$,/:'()@"


def user_path(id_or_upn: str) -> str:
    """``/users/{id or UPN}`` with the UPN quoted (guest UPNs hold ``#``)."""
    return f"/users/{quote(id_or_upn, safe='@')}"


def _query(params: dict[str, str]) -> str:
    return "&".join(f"{key}={quote(value, safe=_QUERY_SAFE)}" for key, value in params.items())


def new_user_body(new_user: NewUser) -> dict[str, Any]:
    """The body of ``POST /users``: Graph's required properties, then the optional ones set."""
    body: dict[str, Any] = {
        "accountEnabled": new_user.account_enabled,
        "displayName": new_user.display_name,
        "mailNickname": new_user.nickname,
        "userPrincipalName": new_user.user_principal_name,
        "passwordProfile": {
            "password": new_user.password_profile.password,
            "forceChangePasswordNextSignIn": (
                new_user.password_profile.force_change_password_next_sign_in
            ),
        },
    }
    optional = {
        "usageLocation": new_user.usage_location,
        "department": new_user.department,
        "jobTitle": new_user.job_title,
        "givenName": new_user.given_name,
        "surname": new_user.surname,
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body


def assign_license_body(add: Sequence[AssignedLicense], remove: Sequence[str]) -> dict[str, Any]:
    """Both keys always present, as Graph requires, even when one list is empty."""
    return {
        "addLicenses": [
            {"skuId": lic.sku_id, "disabledPlans": list(lic.disabled_plans)} for lic in add
        ],
        "removeLicenses": list(remove),
    }


@dataclass(frozen=True, slots=True)
class _DeltaPage:
    """One page of a delta round; the last one's ``delta_link`` ends the round."""

    items: list[Any]
    delta_link: object  # checked on the last page only
    where: str


class GraphClient:
    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 60.0,
        deadline: float = DEFAULT_DEADLINE_SECONDS,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        max_pages_per_listing: int | None = None,
        max_retries: int = 6,
        max_retry_wait: float = 180.0,
        write_limit: WriteLimit | None = None,
        pacer: WritePacer | None = None,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
    ) -> None:
        """``base_url`` is the version root (``GRAPH_URL`` or a demo tenant's ``base_url``);
        an address no retry could reach raises ``BadAddressError`` here.

        ``read_timeout`` bounds each wait for the next byte, ``deadline`` one whole exchange
        (connect to last byte); ``max_answer_bytes`` caps one answer; a listing stops after
        ``max_pages_per_listing`` pages (default: what the largest tenant could fill).
        ``write_limit`` sets a known write limit; ``pacer`` shares one pacer between clients
        using the same token; ``retry`` and ``clock`` replace the defaults (tests).
        """
        self._tokens = tokens
        self._max_pages = max_pages_per_listing
        self._clock = clock or RealClock()
        self._stats = StatsCounter()
        self._pacer = pacer or WritePacer(write_limit, clock=self._clock)
        self._transport = Transport(
            base_url,
            tokens,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retry=retry or RetryPolicy(max_attempts=max_retries + 1, max_total_wait=max_retry_wait),
            pacer=self._pacer,
            clock=self._clock,
            stats=self._stats,
            deadline_seconds=deadline,
            max_answer_bytes=max_answer_bytes,
        )
        self._batches = BatchSender(self._transport)

    @property
    def tokens(self) -> TokenProvider:
        """Where the bearer token comes from; callers ask it for more scopes before a change."""
        return self._tokens

    def __repr__(self) -> str:
        return f"GraphClient({self.base_url!r})"

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def stats(self) -> GraphStats:
        """Counters so far (requests sent, 429s, retries, pacer pauses, ...)."""
        return replace(self._stats.snapshot(), write_pauses=self._pacer.pauses)

    @property
    def pacer(self) -> WritePacer:
        return self._pacer

    # reads
    def list_users(
        self,
        *,
        filter: str | None = None,
        search: str | None = None,
        page_size: int = 999,
        on_page: PageCallback | None = None,
        cancel: CancelToken | None = None,
        priority: Priority = Priority.NORMAL,
        advanced: bool = True,
        select: str = USER_SELECT,
        on_items: ItemsCallback | None = None,
    ) -> list[User]:
        """Every user, following ``@odata.nextLink``; each page goes to ``on_page`` on arrival.

        ``filter`` is an OData filter; ``search`` a ``$search`` term such as
        ``displayName:ann`` (quoted for you). Either one makes it an advanced query, which
        needs ``ConsistencyLevel: eventual`` and ``$count=true``: the header is sent with
        every page because the server does not carry it over. ``advanced=False`` sends a
        ``filter`` Graph serves by default without them (``startswith(userPrincipalName,'a')``:
        desktop/graph/user_partitions.py). Raises ``CancelledError`` when ``cancel`` is set
        between pages. Every read call takes a ``priority``: ``LOW`` for background work,
        ``NORMAL`` (the default) for what the administrator waits for.
        """
        url, headers = self.users_query(
            filter=filter, search=search, page_size=page_size, advanced=advanced, select=select
        )
        headers.update(priority.header())
        users: list[User] = []
        guard = self.page_guard("users", page_size)
        with collection_paused():  # the users read live on: collecting finds nothing
            for batch in self.users_pages(
                url, headers, guard=guard, cancel=cancel, on_items=on_items
            ):
                users.extend(batch)
                if on_page is not None:
                    on_page(batch)
        log.debug("Listed %d users in %d page(s)", len(users), guard.pages)
        return users

    def users_pages(
        self,
        first: str,
        headers: dict[str, str],
        *,
        guard: PageGuard,
        what: str = "users",
        cancel: CancelToken | None = None,
        on_items: ItemsCallback | None = None,
    ) -> Iterator[list[User]]:
        """The users of each page of a listing from ``first`` (``users_query``), page after page
        (``paging.follow_pages``); ``on_items`` as in ``users_page``."""

        def fetch(url: str, number: int) -> tuple[list[User], str | None]:
            where = f"{what} page {number}"
            return self.users_page(
                url, what=where, headers=headers, cancel=cancel, on_items=on_items
            )

        yield from follow_pages(
            first, fetch, guard=guard, cancel=cancel,
            stopped="Stopped listing users: the work was cancelled.",
        )  # fmt: skip

    @staticmethod
    def users_query(
        *,
        filter: str | None = None,
        search: str | None = None,
        page_size: int = 999,
        advanced: bool = True,
        select: str = USER_SELECT,
    ) -> tuple[str, dict[str, str]]:
        """The first page's path of a users listing and the headers each page needs."""
        params = {"$select": select, "$top": str(max(1, min(page_size, MAX_PAGE_SIZE)))}
        headers: dict[str, str] = {}
        if filter:
            params["$filter"] = filter
        if search:
            params["$search"] = search if search.startswith('"') else f'"{search}"'
        if search or (filter and advanced):
            params["$count"] = "true"
            headers["ConsistencyLevel"] = "eventual"
        return f"/users?{_query(params)}", headers

    def users_page(
        self,
        url: str,
        *,
        what: str,
        headers: dict[str, str],
        cancel: CancelToken | None = None,
        on_items: ItemsCallback | None = None,
    ) -> tuple[list[User], str | None]:
        """One page of a users listing and the next page's link (None after the last);
        ``on_items`` gets the page's users with the items they were read from (for properties
        beyond the records', such as ``signInActivity``)."""
        items, next_url = self._collection_page(url, what, headers, cancel)
        users = parse_users(items, what)
        if on_items is not None:
            on_items(users, items)
        return users, next_url

    def _collection_page(
        self, url: str, what: str, headers: dict[str, str], cancel: CancelToken | None
    ) -> tuple[list[Any], str | None]:
        """One page's raw items and the next page's link."""
        reply = self._transport.send("GET", url, what=what, headers=headers, cancel=cancel)
        items, next_url, _count = parse_collection(self._json(reply, what), what)
        return items, next_url

    def count_users(self, *, priority: Priority = Priority.NORMAL) -> int:
        """``GET /users/$count``: counting directory objects needs ``ConsistencyLevel:
        eventual``, and the count is only eventually consistent (docs/graph-facts.md)."""
        what = "users count"
        headers = {**priority.header(), "ConsistencyLevel": "eventual"}
        reply = self._transport.send("GET", "/users/$count", what=what, headers=headers)
        text = reply.content.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
        if not text.isdigit():
            fail(what, f"expected a number, got {text[:40]!r}")
        return int(text)

    def get_json(self, path: str, *, what: str, priority: Priority = Priority.NORMAL) -> Any:
        """One GET below the version root, decoded; for reads the typed methods do not cover
        (sign-in activity, report settings, subscriptions: ``desktop/insight``)."""
        reply = self._transport.send("GET", path, what=what, headers=priority.header())
        return self._json(reply, what)

    def pages(
        self,
        path: str,
        *,
        what: str,
        cancel: CancelToken | None = None,
        priority: Priority = Priority.NORMAL,
        headers: dict[str, str] | None = None,
    ) -> Iterator[list[Any]]:
        """The raw items of each page of a collection, following ``@odata.nextLink``;
        ``headers`` (such as ``ConsistencyLevel``) go with every page."""
        sent = {**priority.header(), **(headers or {})}

        def fetch(url: str, number: int) -> tuple[list[Any], str | None]:
            where = what if number == 1 else f"{what} page {number}"
            return self._collection_page(url, where, sent, cancel)

        # The page size is the caller's: the loosest bound.
        yield from follow_pages(
            path, fetch, guard=self.page_guard(what, 1), cancel=cancel,
            stopped=f"Stopped reading {what}: the work was cancelled.",
        )  # fmt: skip

    def delta_round(
        self,
        start: str,
        *,
        what: str,
        cancel: CancelToken | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> tuple[list[Any], str]:
        """One round of a delta query from ``start`` (``/users/delta?...`` or a saved
        ``@odata.deltaLink``): the raw items of every page, following ``@odata.nextLink``, and
        the round's closing ``@odata.deltaLink`` (docs/graph-facts.md, "Delta queries").
        An expired link raises ``GraphError`` (400 ``syncStateNotFound`` or 410)."""
        sent = priority.header()

        def fetch(url: str, number: int) -> tuple[_DeltaPage, str | None]:
            where = what if number == 1 else f"{what} page {number}"
            reply = self._transport.send("GET", url, what=where, cancel=cancel, headers=sent)
            body = self._json(reply, where)
            found, next_url, _count = parse_collection(body, where)
            return _DeltaPage(found, body.get("@odata.deltaLink"), where), next_url

        items: list[Any] = []
        pages = follow_pages(
            start, fetch, guard=self.page_guard(what, 1), cancel=cancel,
            stopped=f"Stopped reading {what}: the work was cancelled.",
        )  # fmt: skip
        last: _DeltaPage | None = None
        for last in pages:
            items.extend(last.items)
        assert last is not None  # the chain has at least its first page
        if type(last.delta_link) is not str or not last.delta_link:
            fail(last.where, "the last page has neither @odata.nextLink nor @odata.deltaLink")
        return items, self._below_root(last.delta_link)

    def _below_root(self, link: str) -> str:
        """A link of this service kept relative to its version root, so that a saved deltaLink
        still leads to it when the root moves (the demo tenant listens on a new port at every
        start; Graph's root never moves, where this changes nothing)."""
        root = self.base_url.rstrip("/")
        return link[len(root) :] if link.startswith(root + "/") else link

    def get_user(self, id_or_upn: str, *, priority: Priority = Priority.NORMAL) -> User:
        where = f"user {id_or_upn}"
        reply = self._transport.send(
            "GET",
            f"{user_path(id_or_upn)}?{_query({'$select': USER_SELECT})}",
            what=where,
            headers=priority.header(),
        )
        return parse_user(self._json(reply, where), where)

    def list_skus(self, *, priority: Priority = Priority.NORMAL) -> list[Sku]:
        sent = priority.header()

        def fetch(url: str, number: int) -> tuple[list[Sku], str | None]:
            where = "subscribedSkus" if number == 1 else f"subscribedSkus page {number}"
            items, next_url = self._collection_page(url, where, sent, None)
            return parse_skus(items, where), next_url

        pages = follow_pages(
            "/subscribedSkus", fetch, guard=self.page_guard("subscribed licenses", 1),
            cancel=None, stopped="Stopped reading subscribed licenses.",
        )  # fmt: skip
        return [sku for page in pages for sku in page]

    def get_group(self, group_id: str, *, priority: Priority = Priority.NORMAL) -> Group:
        where = f"group {group_id}"
        path = f"/groups/{quote(group_id, safe='')}?{_query({'$select': GROUP_SELECT})}"
        reply = self._transport.send("GET", path, what=where, headers=priority.header())
        return parse_group(self._json(reply, where), where)

    def group_names(
        self, group_ids: Sequence[str], *, priority: Priority = Priority.NORMAL
    ) -> dict[str, str]:
        """Display names for many groups at once (through $batch); unknown ids map to the id."""
        unique = list(dict.fromkeys(group_ids))
        requests = [
            BatchRequest(
                id=str(n),
                method="GET",
                url=f"/groups/{quote(gid, safe='')}?{_query({'$select': GROUP_SELECT})}",
                headers=tuple(priority.header().items()),
            )
            for n, gid in enumerate(unique, 1)
        ]
        answers = self._batches.send(requests)
        names: dict[str, str] = {}
        for n, gid in enumerate(unique, 1):
            answer = answers.get(str(n))
            names[gid] = gid
            if answer is None:
                continue
            if answer.ok:
                names[gid] = parse_group(answer.body, f"group {gid}").display_name or gid
            elif answer.status != HTTP_NOT_FOUND:
                log.warning("Could not read the name of group %s (HTTP %d)", gid, answer.status)
        return names

    def get_organization(self, *, priority: Priority = Priority.NORMAL) -> Organization:
        where = "organization"
        reply = self._transport.send("GET", "/organization", what=where, headers=priority.header())
        items, _next, _count = parse_collection(self._json(reply, where), where)
        if not items:
            fail(where, "the list is empty, expected the tenant's organization")
        return parse_organization(items[0], where)

    # writes
    def assign_license(
        self, user: str, add: Sequence[AssignedLicense], remove: Sequence[str]
    ) -> User:
        where = f"license change for {user}"
        reply = self._transport.send(
            "POST",
            f"{user_path(user)}/assignLicense",
            what=where,
            body=assign_license_body(add, remove),
        )
        return parse_user(self._json(reply, where), where)

    def update_user(self, user: str, fields: dict[str, Any]) -> None:
        self._transport.send("PATCH", user_path(user), what=f"update of {user}", body=fields)

    def create_user(self, new_user: NewUser) -> User:
        where = f"creation of {new_user.user_principal_name}"
        reply = self._transport.send("POST", "/users", what=where, body=new_user_body(new_user))
        return parse_user(self._json(reply, where), where)

    def delete_user(self, user: str) -> None:
        self._transport.send("DELETE", user_path(user), what=f"deletion of {user}")

    def batch(
        self, requests: Sequence[BatchRequest], *, cancel: CancelToken | None = None
    ) -> dict[str, BatchResponse]:
        """Send in chunks of 20 (keeping ``depends_on`` chains in one chunk), retry inner 429s on
        their own, and return every response keyed by request id.

        When ``cancel`` is set, stops between rounds; requests never sent are absent from the
        result. A failure of the $batch call itself (network down, retry budget spent) raises;
        chunks answered before it were applied, so give at most 20 requests per call when
        every outcome must be known.
        """
        return self._batches.send(requests, cancel)

    def download_redirected_report(
        self, path: str, *, max_bytes: int = DEFAULT_MAX_REPORT_BYTES
    ) -> bytes:
        """The body of a report such as ``/reports/getOffice365ActiveUserDetail(period='D30')``.

        Graph answers these with a redirect to a short-lived download address on another host;
        this is the only call that follows a redirect, and it does so without the token (the
        address itself carries the permission). Every other call refuses redirects.
        """
        return self._transport.fetch_redirected(
            path, what=f"report {path.lstrip('/')}", max_bytes=max_bytes
        )

    def close(self) -> None:
        """Wake any thread waiting out a Retry-After and release the connections."""
        close = getattr(self._clock, "close", None)
        if callable(close):
            close()
        self._transport.close()

    def __enter__(self) -> GraphClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def page_guard(self, what: str, page_size: int, *, already: int = 0) -> PageGuard:
        """The bound on one listing's pages (``already``: pages read before it, such as a
        sample page whose next link the listing follows)."""
        limit = self._max_pages or max_pages(max(1, min(page_size, MAX_PAGE_SIZE)))
        return PageGuard(what, limit, already=already)

    @staticmethod
    def _json(reply: Reply, where: str) -> Any:
        return decode_json(reply.content, where, reply.content_type)

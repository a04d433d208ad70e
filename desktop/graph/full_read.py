"""Reading every user in parallel parts, proven complete, else one page after another.

Paging ``/users`` through ``@odata.nextLink`` is strictly sequential: 100 pages of 999 users at
about a second each. ``read_all_users`` instead:

1. asks at once for the first page of the plain listing (its users are shown at once and are
   the sample) and for ``/users/$count``;
2. if the first page is the last, that is everyone; with no count, or too few users for parts
   to pay, it pages on from there; else it splits the list by user principal name prefixes
   (``user_partitions.py``), sized so no part holds much more than its share;
3. reads the parts at once, ``parallel`` requests in flight, largest first; each page's users
   not seen before go to ``on_page``;
4. proves the parts cover every user exactly once: no user in two parts, each user in the part
   its name belongs to, and as many users as ``/users/$count`` says. If the proof fails (a name
   outside the documented characters, users created meanwhile, no count) it reads the list
   again one page after another, and that list is the answer.

Every part is one more request that costs resource units (1 each with ``$select``), far below
the app's budget per 10 seconds at these rates; a 429 naming the budget pauses every request
of the client together (``resource_pause.py``). The pool is the client's connection pool size.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from desktop.cancel import CancelToken, EitherCancel
from desktop.collection_pause import collection_paused
from desktop.graph.client import MAX_PAGE_SIZE, USER_SELECT, GraphClient, ItemsCallback
from desktop.graph.errors import GraphError, ProtocolError
from desktop.graph.priority import Priority
from desktop.graph.records import User
from desktop.graph.user_partitions import PrefixPart, plan_parts

log = logging.getLogger(__name__)

PARALLEL_READS = 32  # requests in flight at once; the transport keeps as many connections
# A part holds at most this many times its fair share of the pages (fewer, larger parts: each
# part costs requests, empty ones included), and never fewer than this many pages.
_SHARE_FACTOR = 2
_MIN_PART_PAGES = 2
# The first page, shown at once and the sample the parts are planned from: half a full page
# comes sooner and still judges a part of 8,000 users in 100,000 (40 names) to about a sixth.
SAMPLE_SIZE = 500
# When a first page kept the reader waiting at least this long, and this many times longer than
# it worked on the answer, parts read at once pay (``waiting_dominates``).
_WORTH_WAITING = 0.05
_WAIT_OVER_WORK = 2.0


@dataclass(frozen=True, slots=True)
class FullRead:
    """What a full read found and how: ``parts`` is 0 when the list came one page after
    another (small tenant, or the fallback), ``fallback`` when the parts failed the proof."""

    users: list[User]
    parts: int
    fallback: bool
    counted: int | None


def read_all_users(
    client: GraphClient,
    *,
    on_page: Callable[[list[User]], None] | None = None,
    cancel: CancelToken | None = None,
    priority: Priority = Priority.NORMAL,
    parallel: int = PARALLEL_READS,
) -> list[User]:
    """Every user of the tenant, read in parallel parts where that is provably complete."""
    return read_all_users_in_parts(
        client, on_page=on_page, cancel=cancel, priority=priority, parallel=parallel
    ).users


@collection_paused()  # what is read lives on: collecting finds nothing
def read_all_users_in_parts(
    client: GraphClient,
    *,
    on_page: Callable[[list[User]], None] | None = None,
    cancel: CancelToken | None = None,
    priority: Priority = Priority.NORMAL,
    parallel: int = PARALLEL_READS,
    page_size: int = MAX_PAGE_SIZE,
    select: str = USER_SELECT,
    on_items: ItemsCallback | None = None,
    parts_only_when_waiting: bool = False,
) -> FullRead:
    """``read_all_users`` with how it went. ``select`` and ``on_items`` read more than the
    records hold (insight's sign-in activity): every page's users and items go to ``on_items``,
    from whichever thread read them; after a failed proof the sequential read repeats them.
    ``parts_only_when_waiting``: split only if the first page kept this thread waiting much
    longer than it worked on it (``waiting_dominates``)."""
    shown = _Shown(on_page)
    with ThreadPoolExecutor(max_workers=max(1, parallel), thread_name_prefix="users") as pool:
        count = pool.submit(_count, client, priority)
        # A read that may well stay page after page asks for its first page at full size: the
        # next link keeps the first page's $top, so a 500-user sample would make every page
        # after it 500 users too (twice the requests for a plain listing of 999 a page).
        first_size = page_size if parts_only_when_waiting else min(page_size, SAMPLE_SIZE)
        first_url, headers = client.users_query(page_size=first_size, select=select)
        headers.update(priority.header())
        started, worked_from = time.perf_counter(), time.thread_time()
        sample, more = client.users_page(
            first_url, what="users page 1", headers=headers, cancel=cancel, on_items=on_items
        )
        worked = time.thread_time() - worked_from
        waited = time.perf_counter() - started - worked
        shown.offer(sample)
        if more is None:
            return FullRead(sample, 0, False, None)
        total, count_seconds = count.result()
        pages = math.ceil(total / page_size) if total is not None else 0
        share = math.ceil(pages / max(1, parallel)) * _SHARE_FACTOR
        max_part = max(_MIN_PART_PAGES, share) * page_size
        # The first page can wait on a cold server or a new connection; the count's round
        # trip, its answer a few bytes, says how long any request waits. The smaller counts.
        waiting = min(waited, count_seconds)
        pays = not parts_only_when_waiting or waiting_dominates(waiting, worked)
        if total is None or total <= max_part or not pays:  # page on from the first page
            shown.stop_remembering()  # one listing: no user comes twice
            rest = _follow(
                client, more, headers, shown, cancel=cancel, page_size=page_size,
                on_items=on_items,
            )  # fmt: skip
            return FullRead(sample + rest, 0, False, total)
        parts = plan_parts([u.user_principal_name for u in sample], total, max_part=max_part)
        found = _read_parts(
            client, pool, parts, shown, cancel=cancel, priority=priority,
            page=_PartPages(page_size, select, on_items),
        )  # fmt: skip
        problem = _coverage_problem(found, parts, total)
        if problem is None:
            users = [user for part_users in found for user in part_users]
            log.debug("Read %d users in %d parts", len(users), len(parts))
            return FullRead(users, len(parts), False, total)
    log.warning("Reading users again one page after another: %s", problem)
    users = client.list_users(
        on_page=shown.offer, cancel=cancel, priority=priority, page_size=page_size,
        select=select, on_items=on_items,
    )  # fmt: skip
    return FullRead(users, 0, True, total)


def _follow(
    client: GraphClient,
    url: str,
    headers: dict[str, str],
    shown: _Shown,
    *,
    cancel: CancelToken | None,
    page_size: int,
    on_items: ItemsCallback | None,
) -> list[User]:
    """The rest of a plain listing from its next-page link (the sample was page 1)."""
    users: list[User] = []
    guard = client.page_guard("users", page_size, already=1)
    for batch in client.users_pages(url, headers, guard=guard, cancel=cancel, on_items=on_items):
        users.extend(batch)
        shown.offer(batch)
    return users


@dataclass(frozen=True, slots=True)
class _PartPages:
    """How each part's pages are asked for and what else they feed."""

    size: int
    select: str
    on_items: ItemsCallback | None


def waiting_dominates(waited: float, worked: float) -> bool:
    """Whether a page's answer kept the reading thread waiting (``waited`` seconds) enough for
    parts read at once to pay. Parallel requests hide waiting, not work: against Graph a page
    waits hundreds of milliseconds and parts cut the read several times over; against a server
    on this computer that answers at once, the filtered parts and the requests in flight are
    extra work for the same two processors (bench_insights: 1.86x instead of 1.49x the plain
    listing's time, and 1.77x its memory)."""
    return waited >= max(_WORTH_WAITING, _WAIT_OVER_WORK * worked)


class _Shown:
    """Passes each user to ``on_page`` once, whichever part (or the sample) brings it first."""

    def __init__(self, on_page: Callable[[list[User]], None] | None) -> None:
        self._on_page = on_page
        self._seen: set[str] | None = set()
        self._lock = threading.Lock()

    def stop_remembering(self) -> None:
        """From here on there is one listing, whose users come once each: keep no ids."""
        with self._lock:
            self._seen = None

    def offer(self, users: list[User]) -> None:
        if self._on_page is None:
            return
        with self._lock:  # one page at a time reaches the caller
            fresh = users
            if self._seen is not None:
                seen = self._seen
                fresh = [user for user in users if user.id not in seen]
                seen.update(user.id for user in fresh)
            if fresh:
                self._on_page(fresh)


def _count(client: GraphClient, priority: Priority) -> tuple[int | None, float]:
    """``/users/$count`` and the seconds its round trip took."""
    started = time.perf_counter()
    try:
        total = client.count_users(priority=priority)
    except (GraphError, ProtocolError) as exc:  # no count, no proof: the caller reads sequentially
        log.warning("Could not count the users (%s)", exc)
        total = None
    return total, time.perf_counter() - started


def _read_parts(
    client: GraphClient,
    pool: ThreadPoolExecutor,
    parts: list[PrefixPart],
    shown: _Shown,
    *,
    cancel: CancelToken | None,
    priority: Priority,
    page: _PartPages,
) -> list[list[User]]:
    stop = EitherCancel(cancel)
    futures: list[Future[list[User]]] = [
        pool.submit(_read_part, client, part, shown, stop, priority, page) for part in parts
    ]
    done, _pending = wait(futures, return_when=FIRST_EXCEPTION)
    failed = next((f for f in done if f.exception() is not None), None)
    if failed is not None:
        stop.cancel()  # the other parts stop at their next page
        wait(futures)
        error = failed.exception()
        assert error is not None
        raise error
    return [future.result() for future in futures]


def _read_part(  # noqa: PLR0917  (one call site, through the pool)
    client: GraphClient,
    part: PrefixPart,
    shown: _Shown,
    cancel: CancelToken,
    priority: Priority,
    page: _PartPages,
) -> list[User]:
    url: str | None
    url, headers = client.users_query(
        filter=part.filter, page_size=page.size, advanced=False, select=page.select
    )
    headers.update(priority.header())
    users: list[User] = []
    what = f"users starting with {part.prefix!r}"
    pages = client.users_pages(
        url, headers, guard=client.page_guard(what, page.size), what=what, cancel=cancel,
        on_items=page.on_items,
    )  # fmt: skip
    for batch in pages:
        users.extend(batch)
        shown.offer(batch)
    return users


def _coverage_problem(
    found: Iterable[list[User]], parts: list[PrefixPart], total: int
) -> str | None:
    """Why the parts do not prove to hold every user exactly once; None when they do."""
    seen: set[str] = set()
    for part, users in zip(parts, found, strict=True):
        for user in users:
            if user.id in seen:
                return f"user {user.id} came in two parts"
            if not part.holds(user.user_principal_name):
                return f"a user came in the part for {part.prefix!r} without belonging there"
            seen.add(user.id)
    if len(seen) != total:
        return f"the parts hold {len(seen)} users, /users/$count says {total}"
    return None

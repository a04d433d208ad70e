"""Every paged read follows ``@odata.nextLink`` through the one loop (desktop/graph/paging.py):
the same page limit, the same stop on a repeated link and the same stop on cancel, whichever
listing it is."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from desktop.cancel import CancelToken, EitherCancel
from desktop.graph.client import GraphClient
from desktop.graph.errors import CancelledError, PagingLoopError
from desktop.graph.full_read import read_all_users_in_parts
from tests.graph.canned import Canned, CannedServer, Seen

USER = {
    "id": "u1",
    "displayName": "Ann",
    "userPrincipalName": "ann@contoso.com",
    "accountEnabled": True,
    "assignedLicenses": [],
}

Listing = Callable[[GraphClient, CancelToken | None], Any]

LISTINGS: dict[str, Listing] = {
    "users": lambda graph, cancel: graph.list_users(cancel=cancel),
    "collection pages": lambda graph, cancel: list(
        graph.pages("/groups", what="groups", cancel=cancel)
    ),
    "delta round": lambda graph, cancel: graph.delta_round(
        "/users/delta", what="users delta", cancel=cancel
    ),
    "subscribed licenses": lambda graph, _cancel: graph.list_skus(),
    "full read": lambda graph, cancel: read_all_users_in_parts(graph, cancel=cancel),
}


class _Token:
    def token(self) -> str:
        return "t"

    def refresh(self) -> str:
        return "t"


def endless(server: CannedServer, *, repeat: bool = False) -> None:
    """Every page links to a new one (or, with ``repeat``, to the same one); the full read's
    count says three users, so it pages on from its first page instead of splitting."""
    counter = iter(range(100_000))

    def answer(seen: Seen) -> Canned:
        if "$count" in seen.path:
            return Canned(200, "3")
        token = "same" if repeat else str(next(counter))
        link = f"{server.base_url}/next?$skiptoken={token}"
        return Canned(200, {"value": [], "@odata.nextLink": link})

    server.responder = answer


def pages_asked(server: CannedServer) -> int:
    return sum(1 for seen in server.seen if "$count" not in seen.path)


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_stops_at_the_clients_page_limit(server: CannedServer, name: str) -> None:
    endless(server)
    with (
        GraphClient(server.base_url, _Token(), max_pages_per_listing=7) as graph,
        pytest.raises(PagingLoopError, match="past 7 pages"),
    ):
        LISTINGS[name](graph, None)
    assert pages_asked(server) == 7


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_stops_when_a_next_link_comes_again(server: CannedServer, name: str) -> None:
    endless(server, repeat=True)
    with (
        GraphClient(server.base_url, _Token()) as graph,
        pytest.raises(PagingLoopError, match="same next-page link twice"),
    ):
        LISTINGS[name](graph, None)
    assert pages_asked(server) == 2  # the first page and the link; the link again is refused


@pytest.mark.parametrize("name", [name for name in LISTINGS if name != "subscribed licenses"])
def test_every_cancellable_listing_stops_between_pages(server: CannedServer, name: str) -> None:
    cancel = CancelToken()
    counter = iter(range(100_000))

    def answer(seen: Seen) -> Canned:
        if "$count" in seen.path:
            return Canned(200, "3")
        if pages_asked(server) == 2:
            cancel.cancel()  # while the second page is being answered
        link = f"{server.base_url}/next?$skiptoken={next(counter)}"
        return Canned(200, {"value": [], "@odata.nextLink": link})

    server.responder = answer
    with (
        GraphClient(server.base_url, _Token()) as graph,
        pytest.raises(CancelledError, match="cancelled"),
    ):
        LISTINGS[name](graph, cancel)
    assert pages_asked(server) == 2  # no page asked for once the work was cancelled


def test_pages_are_named_by_their_number_in_errors(server: CannedServer) -> None:
    link = f"{server.base_url}/next?$skiptoken=2"
    server.script(
        Canned(200, {"value": [USER], "@odata.nextLink": link}),
        Canned(200, "<html>not json</html>", {"Content-Type": "text/html"}),
    )
    with GraphClient(server.base_url, _Token()) as graph, pytest.raises(Exception) as raised:
        graph.list_users()
    assert "users page 2" in str(raised.value)


def test_either_cancel_wakes_a_waiter_when_the_outer_token_is_cancelled() -> None:
    """A part reader sleeping out a Retry-After must stop when the administrator cancels,
    not when the wait ends."""
    outer = CancelToken()
    either = EitherCancel(outer)
    woke: list[bool] = []
    waiter = threading.Thread(target=lambda: woke.append(either.wait(600)))
    waiter.start()
    outer.cancel()
    waiter.join(timeout=30)
    assert not waiter.is_alive()
    assert woke == [True]


def test_either_cancel_is_cancelled_by_its_own_cancel_without_touching_the_outer() -> None:
    outer = CancelToken()
    either = EitherCancel(outer)
    assert not either.cancelled
    assert not either.wait(0)
    either.cancel()
    assert either.cancelled and either.wait(600)
    assert not outer.cancelled
    assert EitherCancel(None).wait(0) is False

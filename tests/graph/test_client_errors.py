"""Error paths of the client against scripted answers: typed errors, retries, the token kept
secret."""

from __future__ import annotations

import logging

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.errors import (
    AnswerLostError,
    AuthenticationError,
    ConnectionFailedError,
    GraphError,
    LicenseDeskError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    ThrottledError,
)
from desktop.graph.records import AssignedLicense
from tests.graph.canned import Canned, CannedServer, envelope
from tests.graph.fakes import FRESH_SECRET, SECRET, FakeClock, RefreshingToken

USER = {"id": "u1", "userPrincipalName": "ann@contoso.com", "displayName": "Ann"}
HTML = b"<html><body><h1>502 Bad Gateway</h1></body></html>"


def page(*users: dict[str, object], next_link: str | None = None) -> dict[str, object]:
    body: dict[str, object] = {"value": list(users)}
    if next_link:
        body["@odata.nextLink"] = next_link
    return body


def test_an_html_page_instead_of_json_is_a_protocol_error_naming_the_page(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(200, HTML, {"Content-Type": "text/html"}))
    with pytest.raises(ProtocolError, match=r"users page 1: the answer is not JSON \(text/html"):
        client.list_users()


def test_truncated_json_is_a_protocol_error(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(200, b'{"value": [{"id": "u1", "userPrin'))
    with pytest.raises(ProtocolError, match="users page 1: the JSON answer is cut off"):
        client.list_users()


def test_a_missing_id_on_a_later_page_names_page_and_item(
    server: CannedServer, client: GraphClient
) -> None:
    broken = {"userPrincipalName": "bob@contoso.com"}
    server.script(
        Canned(200, page(USER, next_link=f"{server.base_url}/users?$skiptoken=a")),
        Canned(200, page(USER, USER, broken)),
    )
    with pytest.raises(ProtocolError, match=r"^users page 2, item 3: missing 'id'$"):
        client.list_users()


def test_fractional_retry_after_is_waited_exactly_then_the_call_succeeds(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    server.script(
        Canned(429, envelope("TooManyRequests", "Slow down"), {"Retry-After": "2.128"}),
        Canned(200, USER),
    )
    assert client.get_user("ann@contoso.com").id == "u1"
    assert clock.sleeps == [2.128]
    assert client.stats.throttled == 1
    assert client.stats.retries == 1
    assert client.stats.requests_sent == 2


def test_503_without_retry_after_backs_off_then_succeeds(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    server.script(Canned(503, HTML, {"Content-Type": "text/html"}), Canned(200, USER))
    assert client.get_user("u1").user_principal_name == "ann@contoso.com"
    assert len(clock.sleeps) == 1
    assert 0 <= clock.sleeps[0] <= 0.5  # full jitter below the first backoff cap


def test_throttling_past_the_budget_raises_throttled_error_with_retry_after(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    throttle = Canned(429, envelope("TooManyRequests", "Slow down"), {"Retry-After": "3"})
    server.script(*[throttle] * 4)
    with pytest.raises(ThrottledError) as caught:
        client.list_skus()
    assert caught.value.retry_after == 3.0
    assert caught.value.status == 429
    assert len(server.seen) == 4  # max_attempts in the fixture's policy
    assert clock.sleeps == [3.0, 3.0, 3.0]


def test_a_retry_after_longer_than_the_wait_budget_is_not_waited(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    server.script(Canned(429, envelope("TooManyRequests", "x"), {"Retry-After": "3600"}))
    with pytest.raises(ThrottledError):
        client.list_skus()
    assert clock.sleeps == []


def test_a_dropped_connection_is_retried(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(drop=True), Canned(200, USER))
    assert client.get_user("u1").id == "u1"
    assert client.stats.connection_failures == 1


def test_a_dropped_post_is_not_resent_blind(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(drop=True), Canned(200, USER))
    with pytest.raises(AnswerLostError, match="may have been applied"):
        client.assign_license("u1", [AssignedLicense("sku-1")], [])
    assert client.stats.lost_answers == 1
    assert [s.method for s in server.seen] == ["POST"]


def test_a_write_answered_504_is_not_resent_blind(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(504, envelope("GatewayTimeout", "x")), Canned(204))
    with pytest.raises(AnswerLostError, match="HTTP 504"):
        client.update_user("u1", {"usageLocation": "PL"})
    assert [s.method for s in server.seen] == ["PATCH"]


def test_a_read_that_keeps_dropping_ends_in_connection_failed(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(*[Canned(drop=True)] * 4)
    with pytest.raises(ConnectionFailedError, match="Check the network connection"):
        client.get_organization()
    assert len(server.seen) == 4


def test_an_unreachable_server_is_a_connection_error(clock: FakeClock) -> None:
    dead = CannedServer()
    dead.close()
    graph = GraphClient(dead.base_url, RefreshingToken(), clock=clock, max_retries=1)
    with pytest.raises(ConnectionFailedError, match="refused") as caught:
        graph.update_user("u1", {"usageLocation": "PL"})
    assert not isinstance(caught.value, AnswerLostError)  # never reached the server


def test_an_envelope_without_inner_error_takes_the_request_id_from_the_header(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(
        Canned(
            400,
            envelope("Request_BadRequest", "Invalid usage location.", request_id=None),
            {"request-id": "hdr-42"},
        )
    )
    with pytest.raises(GraphError) as caught:
        client.update_user("u1", {"usageLocation": "XX"})
    assert type(caught.value) is GraphError
    assert (caught.value.code, caught.value.message) == (
        "Request_BadRequest",
        "Invalid usage location.",
    )
    assert caught.value.request_id == "hdr-42"
    assert caught.value.status == 400


def test_a_401_refreshes_the_token_once_and_retries(
    server: CannedServer, client: GraphClient, tokens: RefreshingToken
) -> None:
    server.script(Canned(401, envelope("InvalidAuthenticationToken", "Expired")), Canned(200, USER))
    client.get_user("u1")
    assert tokens.refreshes == 1
    auth = [s.headers["Authorization"] for s in server.seen]
    assert auth == [f"Bearer {SECRET}", f"Bearer {FRESH_SECRET}"]


def test_a_second_401_is_an_authentication_error(
    server: CannedServer, client: GraphClient, tokens: RefreshingToken
) -> None:
    unauthorized = Canned(401, envelope("InvalidAuthenticationToken", "Access token expired."))
    server.script(unauthorized, unauthorized)
    with pytest.raises(AuthenticationError, match="Access token expired"):
        client.list_skus()
    assert tokens.refreshes == 1


@pytest.mark.parametrize(
    ("status", "kind"),
    [(403, PermissionDeniedError), (404, NotFoundError), (409, GraphError)],
)
def test_statuses_map_to_typed_errors(
    server: CannedServer, client: GraphClient, status: int, kind: type[GraphError]
) -> None:
    server.script(Canned(status, envelope("SomeCode", "Graph says no.")))
    with pytest.raises(kind) as caught:
        client.delete_user("u1")
    assert type(caught.value) is kind
    assert caught.value.status == status
    assert len(server.seen) == 1  # client errors are not retried


def test_an_error_without_a_json_body_still_carries_the_status(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(404, HTML, {"Content-Type": "text/html"}))
    with pytest.raises(NotFoundError, match="HTTP 404 Not Found") as caught:
        client.get_user("nobody@contoso.com")
    assert caught.value.code == "UnknownError"


ERROR_SCRIPTS: list[tuple[str, list[Canned]]] = [
    ("html", [Canned(200, HTML)]),
    ("truncated", [Canned(200, b'{"value": [')]),
    ("401 twice", [Canned(401, envelope("InvalidAuthenticationToken", "no"))] * 2),
    ("403", [Canned(403, envelope("Authorization_RequestDenied", "no"))]),
    ("404 html", [Canned(404, HTML)]),
    ("400", [Canned(400, envelope("Request_BadRequest", "bad"))]),
    ("429s", [Canned(429, b"", {"Retry-After": "0.01"})] * 4),
    ("500s", [Canned(500, b"oops")] * 4),
    ("drops", [Canned(drop=True)] * 4),
    ("echo", [Canned(400, envelope("Echo", f"You sent Bearer {FRESH_SECRET}"))] * 2),
]


@pytest.mark.parametrize(("name", "answers"), ERROR_SCRIPTS, ids=[n for n, _ in ERROR_SCRIPTS])
def test_the_token_never_reaches_error_text_or_logs(
    server: CannedServer,
    client: GraphClient,
    caplog: pytest.LogCaptureFixture,
    name: str,
    answers: list[Canned],
) -> None:
    caplog.set_level(logging.DEBUG)
    server.script(Canned(401, envelope("InvalidAuthenticationToken", "expired")), *answers)
    with pytest.raises(LicenseDeskError) as caught:
        client.list_users(filter="accountEnabled eq true")
    error = caught.value
    texts = [str(error), repr(error), repr(error.args), caplog.text, repr(client)]
    texts += [repr(vars(error))]
    for text in texts:
        assert SECRET not in text
        assert FRESH_SECRET not in text
        assert "SECRET-TOKEN" not in text and "FRESH-TOKEN" not in text
    assert server.seen, "the scenario must have reached the server"

"""The server around the routes: auth, envelope headers, routing, mounting, life cycle."""

from __future__ import annotations

import http.client
import json
import socket
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.demo import DemoTenant, Request, Response
from desktop.demo.errors import GraphFailure
from desktop.demo.store import Store
from tests.demo.support import Graph, error_of


def test_bearer_token_is_required_on_every_graph_route(graph_ro: Graph) -> None:
    anonymous = Graph(graph_ro.tenant, token=None)
    for path in ("/users", "/subscribedSkus", "/organization", "/groups"):
        response = anonymous.get(path)
        assert response.status_code == 401
        assert error_of(response) == ("InvalidAuthenticationToken", "Access token is empty.")
        assert "WWW-Authenticate" in response.headers
    basic = requests.get(graph_ro.url("/users"), headers={"Authorization": "Basic abc"}, timeout=10)
    assert basic.status_code == 401
    empty = requests.get(graph_ro.url("/users"), headers={"Authorization": "Bearer "}, timeout=10)
    assert empty.status_code == 401


def test_the_token_validator_hook_rejects_with_its_message(graph: Graph) -> None:
    seen: list[str] = []

    def validator(token: str) -> str | None:
        seen.append(token)
        return None if token == "good" else "Lifetime validation failed, the token is expired."

    graph.tenant.token_validator = validator
    assert Graph(graph.tenant, "good").get("/organization").status_code == 200
    expired = Graph(graph.tenant, "stale").get("/organization")
    assert expired.status_code == 401
    assert error_of(expired) == (
        "InvalidAuthenticationToken",
        "Lifetime validation failed, the token is expired.",
    )
    assert seen == ["good", "stale"]
    graph.tenant.token_validator = None
    assert Graph(graph.tenant, "stale").get("/organization").status_code == 200


def test_errors_carry_request_ids_in_body_and_headers(graph_ro: Graph) -> None:
    response = graph_ro.get("/users/ghost", headers={"client-request-id": "my-id-123"})
    inner = response.json()["error"]["innerError"]
    assert inner["request-id"] == response.headers["request-id"]
    assert inner["client-request-id"] == "my-id-123"
    assert response.headers["client-request-id"] == "my-id-123"
    assert len(inner["date"]) == 19 and inner["date"][10] == "T"
    other = graph_ro.get("/users/ghost")
    assert other.headers["request-id"] != response.headers["request-id"]


def test_unknown_segments_and_methods(graph_ro: Graph) -> None:
    unknown = graph_ro.get("/licences")
    assert unknown.status_code == 400
    assert error_of(unknown) == ("BadRequest", "Resource not found for the segment 'licences'.")
    wrong_method = graph_ro.delete("/subscribedSkus")
    assert wrong_method.status_code == 405
    outside = requests.get(graph_ro.tenant.root_url + "/elsewhere", timeout=10)
    assert outside.status_code == 404


def test_paths_ignore_case_like_graph(graph_ro: Graph) -> None:
    assert graph_ro.get("/Users?$top=1").status_code == 200
    assert graph_ro.get("/SUBSCRIBEDSKUS").status_code == 200


def test_keep_alive_reuses_one_connection(graph_ro: Graph) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", graph_ro.tenant.port, timeout=10)
    try:
        sockets = []
        for _ in range(3):
            connection.request("GET", "/v1.0/organization", headers={"Authorization": "Bearer x"})
            response = connection.getresponse()
            assert response.status == 200
            assert json.loads(response.read())["value"]
            assert not response.will_close
            sockets.append(connection.sock)
        assert sockets[0] is sockets[1] is sockets[2]
    finally:
        connection.close()


def test_a_mounted_route_is_served_without_bearer_token(graph: Graph) -> None:
    def token_endpoint(request: Request) -> Response:
        form = request.form()
        if form.get("grant_type") != "client_credentials":
            raise GraphFailure(400, "invalid_request", "grant_type is missing.")
        return Response.json(200, {"tenant": request.params["tenant"], "access_token": "t0k"})

    graph.tenant.mount("POST", r"/(?P<tenant>[^/]+)/oauth2/v2\.0/token", token_endpoint)
    url = f"{graph.tenant.root_url}/organizations/oauth2/v2.0/token"
    ok = requests.post(url, data={"grant_type": "client_credentials"}, timeout=10)
    assert ok.status_code == 200
    assert ok.json() == {"tenant": "organizations", "access_token": "t0k"}
    bad = requests.post(url, data={}, timeout=10)
    assert bad.status_code == 400
    assert error_of(bad) == ("invalid_request", "grant_type is missing.")
    # Graph routes keep working and keep requiring a token.
    assert requests.get(graph.url("/users"), timeout=10).status_code == 401


def test_mounted_routes_skip_throttling(graph: Graph) -> None:
    graph.tenant.mount("GET", r"/health", lambda request: Response.json(200, {"ok": True}))
    graph.tenant.faults.throttle_rate = 1.0
    assert requests.get(graph.tenant.root_url + "/health", timeout=10).json() == {"ok": True}
    assert graph.get("/organization").status_code == 429


def test_reset_reseeds_and_clears_counters(graph: Graph) -> None:
    before = graph.users()
    target = before[0]
    graph.patch(f"/users/{target['id']}", {"jobTitle": "Zmieniony"})
    graph.tenant.reset()
    assert graph.tenant.stats.http_requests == 0
    assert graph.users() == before


def test_a_database_file_is_reused_not_reseeded(tmp_path: Path) -> None:
    database = str(tmp_path / "demo.sqlite")
    with DemoTenant.start(users=12, seed=5, db_path=database) as tenant:
        graph = Graph(tenant)
        user = graph.users()[0]
        graph.patch(f"/users/{user['id']}", {"jobTitle": "Zostaje"})
    with DemoTenant.start(users=40, seed=9, db_path=database) as tenant:
        users = Graph(tenant).users()
        assert len(users) == 12
        assert users[0]["jobTitle"] == "Zostaje"


def test_a_file_kept_by_an_older_version_counts_the_seats_in_grace_once(tmp_path: Path) -> None:
    """Older versions kept a package in grace with its units both enabled and in warning; the
    seats are now enabled + warning, so opening such a file moves them to warning only."""
    database = str(tmp_path / "demo.sqlite")
    with DemoTenant.start(users=60, seed=1, db_path=database) as tenant:
        fresh = Graph(tenant).skus()["SPB"]
        tenant.store.query("UPDATE skus SET enabled = warning WHERE part_number = 'SPB'")
    assert fresh["prepaidUnits"]["enabled"] == 0 and fresh["prepaidUnits"]["warning"] > 0
    with DemoTenant.start(users=60, seed=1, db_path=database) as tenant:
        reopened = Graph(tenant).skus()
    assert reopened["SPB"] == fresh
    # Only that layout is rewritten: a package fully enabled stays as it was.
    assert reopened["ENTERPRISEPACK"]["prepaidUnits"]["enabled"] > 0


def test_only_loopback_addresses_are_accepted() -> None:
    with pytest.raises(ValueError, match="only listens on this computer"):
        DemoTenant.start(users=2, host="0.0.0.0")


def test_urls(graph_ro: Graph) -> None:
    tenant = graph_ro.tenant
    assert tenant.root_url == f"http://127.0.0.1:{tenant.port}"
    assert tenant.base_url == tenant.root_url + "/v1.0"
    body = graph_ro.get("/organization").json()
    assert body["@odata.context"] == tenant.base_url + "/$metadata#organization"


def test_responses_are_json_with_graphs_content_type(graph_ro: Graph) -> None:
    response = graph_ro.get("/organization")
    assert response.headers["Content-Type"].startswith("application/json")
    assert json.loads(response.content.decode("utf-8"))


def test_read_helpers_for_assertions(graph: Graph) -> None:
    tenant = graph.tenant
    e3 = tenant.sku_id("ENTERPRISEPACK")
    users = graph.users()
    member = next(
        u
        for u in users
        if any(
            s["assignedByGroup"] and s["state"] == "Active" for s in u["licenseAssignmentStates"]
        )
        and not any(s["assignedByGroup"] is None for s in u["licenseAssignmentStates"])
    )
    assert tenant.store.user_licenses(member["userPrincipalName"]) == {}
    assert tenant.assigned_licenses(member["userPrincipalName"]) == {
        a["skuId"]: tuple(a["disabledPlans"]) for a in member["assignedLicenses"]
    }
    holder = next(
        u
        for u in users
        if e3 in {s["skuId"] for s in u["licenseAssignmentStates"] if s["assignedByGroup"] is None}
    )
    assert e3 in tenant.store.user_licenses(holder["id"])
    sku = graph.skus()["ENTERPRISEPACK"]
    assert (
        tenant.free_seats("ENTERPRISEPACK") == sku["prepaidUnits"]["enabled"] - sku["consumedUnits"]
    )
    assert tenant.consumed_units("ENTERPRISEPACK") == sku["consumedUnits"]
    with pytest.raises(KeyError):
        tenant.assigned_licenses("ghost@bursztynlogistyka.pl")


def test_handle_can_be_wrapped_after_start(graph: Graph) -> None:
    # tests/licensing/gate.py wraps tenant.handle to hold requests; it must see every request.
    tenant = graph.tenant
    seen: list[str] = []
    original = tenant.handle

    def spy(request: Request) -> Any:
        seen.append(request.path)
        return original(request)

    tenant.handle = spy  # type: ignore[method-assign]
    assert graph.get("/organization").status_code == 200
    assert seen == ["/v1.0/organization"]


def test_chunked_request_bodies_are_read_whole(graph: Graph) -> None:
    user = graph.users()[1]
    connection = http.client.HTTPConnection("127.0.0.1", graph.tenant.port, timeout=10)
    try:
        body = json.dumps({"jobTitle": "Spedytor międzynarodowy"}).encode()
        connection.request(
            "PATCH",
            f"/v1.0/users/{user['id']}",
            body=iter([body[:10], body[10:]]),
            headers={"Authorization": "Bearer x", "Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        response.read()
        assert response.status == 204
        # The same connection still works: the chunked body was consumed exactly.
        connection.request("GET", "/v1.0/organization", headers={"Authorization": "Bearer x"})
        assert connection.getresponse().status == 200
    finally:
        connection.close()
    assert graph.user(user["id"])["jobTitle"] == "Spedytor międzynarodowy"


def test_answers_are_framed_exactly_on_one_connection(graph_ro: Graph) -> None:
    """Head and body leave the server in one write: each answer is its head, a blank line and
    exactly Content-Length bytes of body, then the next answer; an HTTP/1.0 request ends it."""
    head = f"Host: 127.0.0.1:{graph_ro.tenant.port}\r\nAuthorization: Bearer x\r\n\r\n"
    requests_sent = (
        f"GET /v1.0/users?$top=2&$select=id,signInActivity HTTP/1.1\r\n{head}"
        f"GET /v1.0/nowhere HTTP/1.1\r\n{head}"
        f"GET /v1.0/organization HTTP/1.0\r\n{head}"
    ).encode()
    with socket.create_connection(("127.0.0.1", graph_ro.tenant.port), timeout=10) as sock:
        sock.sendall(requests_sent)  # pipelined: the answers must not run into each other
        received = b""
        while chunk := sock.recv(65536):  # the HTTP/1.0 answer closes the connection
            received += chunk
    statuses = []
    while received:
        head_bytes, separator, rest = received.partition(b"\r\n\r\n")
        assert separator
        lines = head_bytes.decode("latin-1").split("\r\n")
        fields = dict(line.split(": ", 1) for line in lines[1:])
        assert "Date" in fields
        length = int(fields["Content-Length"])
        assert json.loads(rest[:length])  # the whole body, and only it
        statuses.append(lines[0])
        received = rest[length:]
    assert statuses == ["HTTP/1.1 200 OK", "HTTP/1.1 400 Bad Request", "HTTP/1.1 200 OK"]


def test_stop_is_idempotent_and_works_before_serving() -> None:
    tenant = DemoTenant(Store(), users=1, seed_number=1)
    tenant.stop()
    tenant.stop()

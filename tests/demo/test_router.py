"""The router remembers which route a (method, path) takes; the answers stay those of trying
every route in mounting order."""

from __future__ import annotations

import itertools
import json

from desktop.demo import router as router_module
from desktop.demo.router import Request, Response, Router


def _handler(name: str) -> router_module.Handler:
    def handle(request: Request) -> Response:
        return Response.json(200, {"route": name})

    return handle


def _routes() -> Router:
    routes = Router()
    routes.add("GET", r"/v1\.0/users", _handler("list"), graph=True)
    routes.add("GET", r"/v1\.0/users/\$count", _handler("count"), graph=True)
    routes.add("GET", r"/v1\.0/users/(?P<user>[^/]+)", _handler("one"), graph=True)
    routes.add("PATCH", r"/v1\.0/users/(?P<user>[^/]+)", _handler("patch"), graph=True)
    routes.add("GET", r"/(?P<tenant>[^/]+)/v1\.0/organization", _handler("tenant org"), graph=True)
    routes.add("GET", r"/health", _handler("mounted"), graph=False)
    return routes


def _tried_in_order(routes: Router, method: str, path: str) -> tuple[object, ...] | None:
    """The router's own rule, spelled out: the first route whose method and regex match."""
    found = routes._first_match(method, path)
    return None if found is None else (found.route, found.params)


PATHS = ["/v1.0/users", "/V1.0/USERS", "/v1.0/users/$count", "/v1.0/users/a%40b.pl",
         "/v1.0/users/x/y", "/t1/v1.0/organization", "/health", "/HEALTH", "/v1.0/nowhere",
         ""]  # fmt: skip


def test_remembered_answers_are_those_of_trying_every_route() -> None:
    routes = _routes()
    for _ in range(2):  # the second round is answered from memory
        for method, path in itertools.product(["GET", "PATCH", "get", "POST"], PATHS):
            found = routes.match(method, path)
            expected = _tried_in_order(routes, method, path)
            assert (None if found is None else (found.route, found.params)) == expected


def test_params_are_decoded_and_each_caller_gets_its_own() -> None:
    routes = _routes()
    first = routes.match("GET", "/v1.0/users/a%40b.pl")
    assert first is not None and first.params == {"user": "a@b.pl"}
    first.params["user"] = "changed by a handler"
    again = routes.match("GET", "/v1.0/users/a%40b.pl")
    assert again is not None and again.params == {"user": "a@b.pl"}


def test_a_route_added_later_is_seen_by_paths_already_asked() -> None:
    routes = _routes()
    assert routes.match("GET", "/v1.0/groups") is None
    routes.add("GET", r"/v1\.0/groups", _handler("groups"), graph=True)
    found = routes.match("GET", "/v1.0/groups")
    assert found is not None and found.route.handler(Request("GET", "/")).payload == {
        "route": "groups"
    }
    # a mounted route goes before the Graph routes, so it takes over a path already asked
    assert routes.match("GET", "/t1/v1.0/organization") is not None
    routes.add("GET", r"/t1/v1\.0/organization", _handler("mounted org"), graph=False)
    taken = routes.match("GET", "/t1/v1.0/organization")
    assert taken is not None and not taken.route.graph


def test_memory_is_bounded() -> None:
    routes = _routes()
    for number in range(router_module._REMEMBERED_MATCHES + 10):
        assert routes.match("GET", f"/v1.0/users/{number}") is not None
    assert len(routes._found) <= router_module._REMEMBERED_MATCHES
    found = routes.match("GET", "/v1.0/users/5")
    assert found is not None and found.params == {"user": "5"}


def test_json_answers_are_encoded_as_json_dumps_would() -> None:
    payload = {"displayName": "Zażółć gęślą jaźń", "n": [1, 2.5, float("nan"), None, True],
               "nested": {"\u2028": "line separator", "quote": '"'}}  # fmt: skip
    expected = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert Response.json(200, payload).body == expected

"""The demo tenant's tiny HTTP vocabulary: a request, a response, and a router.

Other modules mount extra routes on the same server through ``DemoTenant.mount``::

    def token_endpoint(request: Request) -> Response:
        form = request.form()              # or request.json(), request.query, request.body
        return Response.json(200, {"access_token": "...", "token_type": "Bearer"})

    tenant.mount("POST", r"/(?P<tenant>[^/]+)/oauth2/v2\\.0/token", token_endpoint)

``path_regex`` must match the whole path (no query string); named groups land in
``request.params``, already percent-decoded. Mounted routes are matched before the Graph routes,
need no bearer token, and skip throttling and fault injection (only the latency switch applies),
so they suit an identity platform living beside ``/v1.0``. A handler may raise ``EnvelopeError``
(see ``errors.py``) to answer with Graph's error envelope.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

JSON_TYPE = "application/json"
# What Graph itself sends; clients must accept the parameters after the media type.
GRAPH_JSON_TYPE = (
    "application/json;odata.metadata=minimal;odata.streaming=true;"
    "IEEE754Compatible=false;charset=utf-8"
)

# What json.dumps(payload, ensure_ascii=False, separators=(",", ":")) uses, made once: dumps
# builds a new encoder for every call that passes options.
_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


class Headers(Mapping[str, str]):
    """Case-insensitive, read-only header lookup (HTTP header names ignore case)."""

    def __init__(self, pairs: Mapping[str, str] | None = None) -> None:
        self._items: dict[str, tuple[str, str]] = {}
        for name, value in (pairs or {}).items():
            self._items[name.lower()] = (name, value)

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (original for original, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items


@dataclass(slots=True)
class Request:
    """One HTTP request, or one inner request of a ``$batch`` (then ``in_batch`` is True)."""

    method: str
    path: str
    raw_query: str = ""
    headers: Headers = field(default_factory=Headers)
    body: bytes = b""
    root_url: str = ""  # scheme://host:port the client used, for absolute links
    params: dict[str, str] = field(default_factory=dict)
    request_id: str = ""
    in_batch: bool = False
    parsed_json: Any = None  # set for $batch inner requests, whose body arrives as JSON already
    # raw_query parsed once (a request's query is read several times on its way): the text it
    # was parsed from, its pairs, and the first value of each name.
    _parsed: tuple[str, tuple[tuple[str, str], ...], dict[str, str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def query(self) -> dict[str, str]:
        """Query parameters, percent-decoded; the first occurrence wins."""
        return dict(self._parse()[2])

    def query_pairs(self) -> list[tuple[str, str]]:
        return list(self._parse()[1])

    def _parse(self) -> tuple[str, tuple[tuple[str, str], ...], dict[str, str]]:
        parsed = self._parsed
        if parsed is None or parsed[0] is not self.raw_query:
            pairs = tuple(parse_qsl(self.raw_query, keep_blank_values=True))
            first: dict[str, str] = {}
            for name, value in pairs:
                first.setdefault(name, value)
            parsed = self._parsed = (self.raw_query, pairs, first)
        return parsed

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name, default)

    def json(self) -> Any:
        """The body as JSON; raises ``ValueError`` when it is not JSON."""
        if self.parsed_json is not None:
            return self.parsed_json
        if not self.body:
            raise ValueError("empty body")
        return json.loads(self.body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        """An ``application/x-www-form-urlencoded`` body as a dict."""
        return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True))

    @property
    def client_request_id(self) -> str | None:
        return self.header("client-request-id")


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # Kept for $batch, which embeds inner bodies as JSON rather than as bytes.
    payload: Any = None

    @classmethod
    def json(cls, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
        merged = {"Content-Type": GRAPH_JSON_TYPE, **(headers or {})}
        body = _JSON_ENCODER.encode(payload).encode("utf-8")
        return cls(status, merged, body, payload)

    @classmethod
    def empty(cls, status: int, headers: Mapping[str, str] | None = None) -> Response:
        return cls(status, dict(headers or {}))


Handler = Callable[[Request], Response]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    graph: bool  # Graph routes need a bearer token and take part in throttling and faults


@dataclass(frozen=True, slots=True)
class Match:
    route: Route
    params: dict[str, str]


# How many (method, path) -> route answers the router remembers; a listing asks for the same
# path hundreds of times, while writes to single users each ask once.
_REMEMBERED_MATCHES = 4096
_NOT_YET: Any = object()


class Router:
    """Routes in mounting order; the first whose method and whole-path regex match wins.

    Which route a (method, path) takes depends on nothing else, so the answer is remembered
    (until a route is added) instead of trying every route's regex on every request."""

    def __init__(self) -> None:
        self._routes: list[Route] = []
        self._found: dict[tuple[str, str], Match | None] = {}

    def add(self, method: str, path_regex: str, handler: Handler, *, graph: bool) -> None:
        flags = re.IGNORECASE if graph else 0  # Graph's own paths ignore case
        route = Route(method.upper(), re.compile(path_regex, flags), handler, graph)
        if graph:
            self._routes.append(route)
        else:
            # Mounted routes go before the Graph routes so they can never be shadowed.
            first_graph = next((i for i, r in enumerate(self._routes) if r.graph), None)
            position = len(self._routes) if first_graph is None else first_graph
            self._routes.insert(position, route)
        self._found = {}

    def match(self, method: str, path: str) -> Match | None:
        """The route and its percent-decoded path parameters (a dict of the caller's own)."""
        key = (method, path)
        found = self._found  # a new one when a route is added
        remembered = found.get(key, _NOT_YET)
        if remembered is _NOT_YET:
            remembered = self._first_match(method, path)
            if len(found) >= _REMEMBERED_MATCHES:
                found.clear()
            found[key] = remembered
        if remembered is None:
            return None
        return Match(remembered.route, dict(remembered.params))

    def _first_match(self, method: str, path: str) -> Match | None:
        for route in self._routes:
            if route.method != method.upper():
                continue
            found = route.pattern.fullmatch(path)
            if found is not None:
                params = {k: unquote(v) for k, v in found.groupdict().items() if v is not None}
                return Match(route, params)
        return None

    def path_known(self, path: str) -> bool:
        """True when some route matches the path with another method (so: 405, not 404)."""
        return any(route.pattern.fullmatch(path) for route in self._routes)

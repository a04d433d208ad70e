"""The demo tenant: a local emulation of the part of Microsoft Graph v1.0 License Desk uses.

    from desktop.demo import DemoTenant, Faults
    with DemoTenant.start(users=60, seed=1) as tenant:   # 127.0.0.1, random port
        tenant.base_url          # "http://127.0.0.1:PORT/v1.0"
        tenant.faults.throttle_rate = 0.2
        tenant.stats.snapshot()
        tenant.token_validator = lambda token: None if token == "ok" else "Token expired."
        tenant.mount("GET", r"/health", lambda request: Response.json(200, {"ok": True}))

Every request runs through one pipeline: latency, injected faults (503/504/dropped
connection), bearer-token check, throttling (429: the random switch, the resource-unit quota,
the per-token write limit), then the route and, with ``faults.page_cost``, the time a collection
page takes to put together (``page_cost.py``; not inside a $batch). Answers that reach the
route or the throttle carry Graph's identity throttle headers (``throttling.py``). Routes mounted
with ``mount`` skip everything but the latency (see ``router.py``).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from ipaddress import ip_address
from types import TracebackType
from urllib.parse import urlsplit

from desktop.demo import (
    delta_log,
    errors,
    permissions,
    routes_batch,
    routes_delta,
    routes_groups,
    routes_insight,
    routes_signin,
    routes_tenant,
    routes_users,
    routes_writes,
)
from desktop.demo.assignments import Assignments
from desktop.demo.context import GRAPH_VERSION_PREFIX, Backend
from desktop.demo.errors import EnvelopeError
from desktop.demo.faults import (
    DROP_FAULTS,
    FAULT_503_RETRY_AFTER,
    FAULT_504,
    FAULT_DROP_AFTER,
    FAULT_DROP_BEFORE,
    FaultDice,
    Faults,
    Stats,
    WriteLimiter,
    format_retry_after,
)
from desktop.demo.group_processing import GroupProcessing
from desktop.demo.insight_state import InsightState
from desktop.demo.page_cost import collection_cost_seconds
from desktop.demo.router import Handler, Headers, Match, Request, Response, Router
from desktop.demo.saved_tenant import bring_up_to_date
from desktop.demo.seed import build as build_seed
from desktop.demo.store import Store
from desktop.demo.throttling import (
    DEFAULT_APP_ID,
    LIMIT_PERCENTAGE,
    READ_WRITE,
    RESOURCE_UNIT,
    RESOURCE_UNIT_LIMIT_EXCEEDED,
    THROTTLE_INFORMATION,
    THROTTLE_SCOPE,
    WARN_FRACTION,
    WRITE,
    WRITE_LIMIT_EXCEEDED,
    WRITE_METHODS,
    ResourceBuckets,
    format_fraction,
    request_cost,
    resource_quota,
    throttle_scope,
    throttled_message,
    token_key,
)
from desktop.demo.transport import DROP, Drop, LoopbackHTTPServer
from desktop.demo.usage_report import DownloadHost

log = logging.getLogger(__name__)

TokenValidator = Callable[[str], "str | None"]
# bearer token -> the delegated scopes it carries. Set by the identity platform the sign-in
# tests attach (tests/identity), which issues the tokens; without one (the window's demo
# tenant, a fixed token) every valid token may do everything. What each request needs is
# desktop/demo/permissions.py.
TokenScopes = Callable[[str], frozenset[str]]
_BATCH_PATH = f"{GRAPH_VERSION_PREFIX}/$batch"
_WWW_AUTHENTICATE = (
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/'
    'authorize", client_id="00000003-0000-0000-c000-000000000000"'
)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


class DemoTenant:
    def __init__(
        self,
        store: Store,
        *,
        users: int,
        seed_number: int,
        faults: Faults | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """``clock`` drives the write-limit windows and ``sleep`` the latency switch; tests
        replace them to check both without waiting."""
        if not is_loopback(host):
            raise ValueError(f"the demo tenant only listens on this computer, not on {host}")
        self.store = store
        self.assignments = Assignments(store)
        self.faults = faults or Faults()
        self.faults.validate()
        self.stats = Stats()
        self.token_validator: TokenValidator | None = None
        self.token_scopes: TokenScopes | None = None
        self._users = users
        self._seed = seed_number
        self._dice = FaultDice(seed_number)
        self._limiter = WriteLimiter(clock)
        self._clock = clock
        self._drop_lock = threading.Lock()
        self._buckets = ResourceBuckets(clock)
        # The resource-unit quota follows the tenant's size when it starts (or is reset).
        self._resource_quota = resource_quota(store.count_users())
        # The application id x-ms-throttle-scope and the 429 text name.
        self.app_id = DEFAULT_APP_ID
        self._sleep = sleep
        self._router = Router()
        # Group licenses reach members after group_processing.delay seconds.
        self.group_processing = GroupProcessing(store, self.assignments)
        backend = Backend(store, self.assignments, self.group_processing)
        # License insight: switches (tenant.insight.premium, .concealed_names) and seeded
        # sign-ins; report files come from a second loopback host, as Graph's do.
        self.insight = InsightState(seed_number)
        self.insight.reseed(store)
        self.report_downloads = DownloadHost(host)
        routes_delta.register(self._router, backend)  # before /users/{id}
        routes_signin.register(self._router, backend, self.insight)  # before the user routes
        routes_users.register(self._router, backend)
        routes_writes.register(self._router, backend)
        routes_tenant.register(self._router, backend)
        routes_groups.register(self._router, backend)
        routes_insight.register(self._router, backend, self.insight, self.report_downloads)
        routes_batch.register(self._router, self._execute_inner, seed_number)
        self._server = LoopbackHTTPServer((host, port), self._dispatch)
        self._thread: threading.Thread | None = None
        self._stopped = False

    # -- life cycle -----------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        users: int = 60,
        seed: int = 1,
        db_path: str | None = None,
        faults: Faults | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> DemoTenant:
        """Seed (unless ``db_path`` already holds a tenant) and serve in a background thread."""
        store = Store(db_path)
        if store.is_empty():
            store.load(build_seed(users, seed))
        else:
            bring_up_to_date(store)  # a file an older version kept
        tenant = cls(
            store,
            users=users,
            seed_number=seed,
            faults=faults,
            host=host,
            port=port,
            clock=clock,
            sleep=sleep,
        )
        tenant.serve_in_background()
        return tenant

    def serve_in_background(self) -> None:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="demo-tenant",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the database; safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        if self._thread is not None:
            self._server.shutdown()  # waits for serve_forever, so only when it runs
        self._server.close_all()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        self.report_downloads.stop()
        self.group_processing.cancel_all()
        with self.store.lock:  # a group being processed finishes before the database closes
            self.store.close()

    def __enter__(self) -> DemoTenant:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def reset(self) -> None:
        """Reseed from the same numbers and clear counters and write windows."""
        self.group_processing.cancel_all()
        self.store.load(build_seed(self._users, self._seed))
        self.insight.reseed(self.store)
        self.stats.reset()
        self._limiter.reset()
        self._buckets.reset()
        self._resource_quota = resource_quota(self.store.count_users())

    # -- addresses and routes -----------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def root_url(self) -> str:
        host = self._server.server_address[0]
        return f"http://{host!s}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.root_url}{GRAPH_VERSION_PREFIX}"

    @property
    def tenant_id(self) -> str:
        return self.store.meta("tenant_id")

    def expire_delta_links(self) -> None:
        """Void every ``@odata.deltaLink`` issued so far, as seven days would on Graph."""
        with self.store.transaction() as conn:
            delta_log.expire(conn)

    def refuse_reads(self, seconds: float) -> None:
        """Answer every read 503 for the next ``seconds`` (0 ends it at once)."""
        self.faults.reads_refused_until = self._clock() + seconds if seconds > 0 else 0.0

    def mount(self, method: str, path_regex: str, handler: Handler) -> None:
        """Serve ``handler`` for ``method`` on paths fully matching ``path_regex``."""
        self._router.add(method, path_regex, handler, graph=False)

    def add_graph_route(self, method: str, path_regex: str, handler: Handler) -> None:
        """A Graph route of one tenant (token, throttling and faults apply), for the demo's
        partner and customers (``multi_tenant.py``)."""
        self._router.add(method, path_regex, handler, graph=True)

    # -- the pipeline ---------------------------------------------------------------------

    def _dispatch(self, request: Request) -> Response | Drop:
        # ``handle`` is looked up per request so a test may wrap it (tests/licensing/gate.py).
        return self.handle(request)

    def handle(self, request: Request) -> Response | Drop:
        self.stats.add("http_requests")
        faults = self.faults
        if faults.latency_ms > 0:
            self._sleep(faults.latency_ms / 1000)  # the emulated network
        match = self._router.match(request.method, request.path)
        if match is not None and not match.route.graph:
            request.params = match.params
            return self._run(match.route.handler, request)
        if not request.path.lower().startswith(GRAPH_VERSION_PREFIX + "/"):
            return self._error(request, EnvelopeError(404, "NotFound", "Not found."))
        drop_after = False
        if self._dice.chance(faults.fault_rate):
            kind = self._dice.pick(faults.fault_kinds)
            self.stats.add("faults")
            if kind == FAULT_DROP_BEFORE:
                self.stats.add("dropped")
                return DROP
            if kind == FAULT_DROP_AFTER:
                drop_after = True
            else:
                return self._error(request, self._server_fault(kind))
        refused = self._reads_refused(request)
        if refused is not None:
            return self._error(request, refused)
        drop_after = self._drop_after_apply(request) or drop_after
        outcome = self._authorized_response(request, match)
        if drop_after:
            self.stats.add("dropped")
            return DROP
        return outcome

    def _drop_after_apply(self, request: Request) -> bool:
        """Whether this write (or $batch with writes) is applied and then left unanswered."""
        faults = self.faults
        if not (faults.drop_after_apply or faults.drop_after_apply_rate) or not _writes(request):
            return False
        with self._drop_lock:
            if faults.drop_after_apply > 0:
                faults.drop_after_apply -= 1
                return True
        return self._dice.chance(faults.drop_after_apply_rate)

    def _reads_refused(self, request: Request) -> EnvelopeError | None:
        if request.method != "GET":
            return None
        left = self.faults.reads_refused_until - self._clock()
        if left <= 0:
            return None
        return EnvelopeError(
            503,
            errors.SERVICE_UNAVAILABLE,
            errors.MSG_UNAVAILABLE,
            {"Retry-After": format_retry_after(left)},
        )

    def _authorized_response(self, request: Request, match: Match | None) -> Response:
        failure = self._check_token(request)
        if failure is not None:
            return self._error(request, failure)
        if match is None:
            return self._error(request, self._unknown_route(request))
        request.params = match.params
        is_batch = request.path.lower() == _BATCH_PATH.lower()
        if is_batch:  # a $batch's inner requests are checked and charged one by one
            return self._run(match.route.handler, request)
        denied = self._check_permission(request)
        if denied is not None:
            return self._error(request, denied)
        refusal, headers = self._throttle(request)
        if refusal is not None:
            return self._error(request, refusal)
        response = self._run(match.route.handler, request)
        self._charge_page(request, response)
        return _with_headers(response, headers)

    def _charge_page(self, request: Request, response: Response) -> None:
        """The time the service takes to put a collection page together (page_cost.py)."""
        if not self.faults.page_cost or request.method != "GET" or response.status != 200:
            return
        cost = collection_cost_seconds(response.payload)
        if cost > 0:
            self._sleep(cost)

    def _execute_inner(self, outer: Request, inner: routes_batch.InnerRequest) -> Response:
        """One request inside a $batch: throttled, faulted and write-limited on its own."""
        self.stats.add("batch_requests")
        url = inner.url
        if "://" in url:
            # Microsoft's SDKs put absolute URLs in batches; accept them when they point here.
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}".lower() != outer.root_url.lower():
                return self._error(
                    outer, errors.bad_request("Invalid request URI.", errors.BAD_REQUEST)
                )
            url = parts.path + (f"?{parts.query}" if parts.query else "")
        path, _, query = url.partition("?")
        # "/v1.0/users/..." as well as the documented "/users/..." form.
        if path.lower().startswith(GRAPH_VERSION_PREFIX + "/"):
            path = path[len(GRAPH_VERSION_PREFIX) :]
        request = Request(
            method=inner.method,
            path=GRAPH_VERSION_PREFIX + "/" + path.lstrip("/"),
            raw_query=query,
            headers=Headers(
                {**inner.headers, "Authorization": outer.header("Authorization") or ""}
            ),
            body=b"",
            root_url=outer.root_url,
            request_id=str(uuid.uuid4()),
            in_batch=True,
            parsed_json=inner.body,
        )
        refused = self._reads_refused(request)
        if refused is not None:
            return self._error(request, refused)
        inner_faults = tuple(k for k in self.faults.fault_kinds if k not in DROP_FAULTS)
        if inner_faults and self._dice.chance(self.faults.fault_rate):
            self.stats.add("faults")
            return self._error(request, self._server_fault(self._dice.pick(inner_faults)))
        refusal, headers = self._throttle(request)
        if refusal is not None:
            return self._error(request, refusal)
        match = self._router.match(request.method, request.path)
        if match is None or not match.route.graph or request.path.lower() == _BATCH_PATH.lower():
            return _with_headers(self._error(request, self._unknown_route(request)), headers)
        request.params = match.params
        denied = self._check_permission(request)
        if denied is not None:
            return _with_headers(self._error(request, denied), headers)
        return _with_headers(self._run(match.route.handler, request), headers)

    def _check_permission(self, request: Request) -> EnvelopeError | None:
        """Graph's 403 when the token lacks the delegated scope the request needs."""
        scopes_of = self.token_scopes
        if scopes_of is None:
            return None
        needed = permissions.needs(request.method, request.path, request.raw_query)
        if needed is None:
            return None
        token = (request.header("Authorization") or "").partition(" ")[2].strip()
        if needed.allowed(scopes_of(token)):
            return None
        return EnvelopeError(403, needed.code, needed.message)

    def _check_token(self, request: Request) -> EnvelopeError | None:
        scheme, _, token = (request.header("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return EnvelopeError(
                401, errors.INVALID_TOKEN, errors.MSG_EMPTY_TOKEN,
                {"WWW-Authenticate": _WWW_AUTHENTICATE},
            )  # fmt: skip
        validator = self.token_validator
        message = validator(token.strip()) if validator is not None else None
        if message:
            return EnvelopeError(
                401, errors.INVALID_TOKEN, message, {"WWW-Authenticate": _WWW_AUTHENTICATE}
            )
        return None

    def _throttle(self, request: Request) -> tuple[EnvelopeError | None, dict[str, str]]:
        """Charge one Graph request: the random throttle switch, the resource-unit quota (when
        enforced) and the write limit. Returns the 429 to answer, or None and the throttle
        headers for the answer (docs/graph-facts.md, "Throttling and retries")."""
        faults = self.faults
        below_version = request.path[len(GRAPH_VERSION_PREFIX) :]
        cost = request_cost(request.method, below_version, request.query)
        headers = {RESOURCE_UNIT: str(cost.resource_units)}
        if self._dice.chance(faults.throttle_rate):
            # Graph may throttle under load before any limit is reached; such 429s name no
            # limit (no scope or information header).
            self.stats.add("throttled")
            return self._too_many(self._dice.jitter(faults.throttle_retry_after), headers), {}
        token = (request.header("Authorization") or "").partition(" ")[2].strip()
        key = token_key(token)
        quota = self._resource_quota
        used: list[float] = []
        if faults.resource_unit_limit:
            short = self._buckets.take(key, cost.resource_units, quota)
            if short is not None:
                self.stats.add("throttled")
                return self._too_many(short, headers, READ_WRITE, RESOURCE_UNIT_LIMIT_EXCEEDED), {}
            used.append(self._buckets.used(key, quota))
        if cost.writes:
            limit = faults.write_limit
            if limit is not None:
                wait_for = self._limiter.acquire(token, limit)
                if wait_for is not None:
                    if faults.resource_unit_limit:  # a refused request costs nothing
                        self._buckets.refund(key, cost.resource_units, quota)
                    self.stats.add("throttled")
                    return self._too_many(wait_for, headers, WRITE, WRITE_LIMIT_EXCEEDED), {}
                used.append(self._limiter.in_window(token, limit[1]) / limit[0])
            self.stats.add("writes")
        share = max(used, default=0.0)
        if share > WARN_FRACTION:
            headers[LIMIT_PERCENTAGE] = format_fraction(share)
        return None, headers if faults.throttle_headers else {}

    def _too_many(
        self,
        seconds: float,
        headers: dict[str, str],
        limit: str | None = None,
        information: str | None = None,
    ) -> EnvelopeError:
        answer = {"Retry-After": format_retry_after(seconds)}
        if self.faults.throttle_headers:
            answer.update(headers)
            if limit is not None and information is not None:
                answer[THROTTLE_SCOPE] = throttle_scope(limit, self.app_id, self.tenant_id)
                answer[THROTTLE_INFORMATION] = information
        return EnvelopeError(429, errors.TOO_MANY_REQUESTS, throttled_message(self.app_id), answer)

    def _server_fault(self, kind: str) -> EnvelopeError:
        if kind == FAULT_504:
            return EnvelopeError(504, errors.GATEWAY_TIMEOUT, errors.MSG_TIMEOUT)
        headers = {}
        if kind == FAULT_503_RETRY_AFTER:
            headers["Retry-After"] = format_retry_after(self.faults.fault_retry_after)
        return EnvelopeError(503, errors.SERVICE_UNAVAILABLE, errors.MSG_UNAVAILABLE, headers)

    def _unknown_route(self, request: Request) -> EnvelopeError:
        if self._router.path_known(request.path):
            return EnvelopeError(405, errors.REQUEST_BAD_REQUEST, errors.MSG_METHOD_NOT_ALLOWED)
        segments = request.path[len(GRAPH_VERSION_PREFIX) :].strip("/").split("/")
        segment = next((s for s in reversed(segments) if s), "")
        return errors.bad_request(
            f"Resource not found for the segment '{segment}'.", errors.BAD_REQUEST
        )

    def _run(self, handler: Handler, request: Request) -> Response:
        try:
            return handler(request)
        except EnvelopeError as failure:
            return self._error(request, failure)
        except Exception:
            # The method and path only: bodies and headers may hold passwords and tokens.
            log.exception("demo tenant failed on %s %s", request.method, request.path)
            return self._error(
                request,
                EnvelopeError(500, "generalException", "An internal server error occurred."),
            )

    @staticmethod
    def _error(request: Request, failure: EnvelopeError) -> Response:
        return errors.error_response(
            failure.status,
            failure.code,
            failure.message,
            request_id=request.request_id,
            client_request_id=request.client_request_id,
            headers=failure.headers,
        )


def _writes(request: Request) -> bool:
    """A write request, or a $batch carrying at least one."""
    if request.method in WRITE_METHODS and request.path.lower() != _BATCH_PATH.lower():
        return True
    if request.path.lower() != _BATCH_PATH.lower():
        return False
    try:
        entries = json.loads(request.body or b"{}").get("requests", [])
    except (ValueError, AttributeError):
        return False
    return any(
        isinstance(e, dict) and str(e.get("method", "GET")).upper() in WRITE_METHODS
        for e in entries
    )


def _with_headers(response: Response, headers: dict[str, str]) -> Response:
    response.headers.update(headers)
    return response

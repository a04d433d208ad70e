"""Virtual time for code that runs on several threads, so pacing can be tested (and tuned) without
depending on how fast a shared machine happens to be.

``VirtualTime`` lets the threads of one ``run`` take turns: exactly one runs at a time, and
time moves only when it sleeps, to the earliest wake-up of any thread (ties in the order they
went to sleep). The same jobs therefore see the same times, in the same order, on every run.
It is a ``desktop.graph.clock.Clock``, and its ``now`` is the clock a ``DemoTenant`` takes, so
the client and the tenant's write limit share one time.

``InProcessTenant`` carries a ``GraphClient``'s requests straight to a demo tenant's ``handle``
in the calling thread, no socket involved, taking ``latency`` seconds of virtual time for each
round trip (the tenant sees the request half-way; a function of no arguments gives each round
trip its own). Every request is a turn of its thread, so
a job that blocks on anything but this clock (a queue, another thread) would stall the run:
run only senders that meet each other through the clock and through locks they never hold
across a sleep (the pacer, the tenant).
"""

from __future__ import annotations

import heapq
import io
import itertools
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from desktop.cancel import CancelToken
from desktop.demo.router import Headers, Request
from desktop.demo.server import DemoTenant
from desktop.demo.transport import Drop
from desktop.graph.client import GraphClient
from desktop.graph.errors import CancelledError

Latency = float | Callable[[], float]  # seconds per round trip, or what gives each one


class VirtualTime:
    def __init__(self, start: float = 1000.0) -> None:
        self._time = start
        self._turn = threading.Condition()
        self._sleepers: list[tuple[float, int, int]] = []  # (wakes at, order, job)
        self._order = itertools.count()
        self._running: int | None = None
        self._job = threading.local()

    def now(self) -> float:
        return self._time

    def sleep(self, seconds: float, cancel: CancelToken | None = None) -> None:
        if cancel is not None and cancel.cancelled:
            raise CancelledError("Stopped: the work was cancelled.")
        job: int | None = getattr(self._job, "id", None)
        if job is None:  # a thread outside ``run`` (a single-threaded test): just move on
            self._time += max(0.0, seconds)
            return
        with self._turn:
            heapq.heappush(self._sleepers, (self._time + max(0.0, seconds), next(self._order), job))
            self._pass_turn()
            self._turn.wait_for(lambda: self._running == job)

    def run(self, jobs: Sequence[Callable[[], None]]) -> None:
        """Run ``jobs`` on threads of their own, taking turns; re-raise the first failure."""
        failures: list[BaseException] = []

        def body(job_id: int, job: Callable[[], None]) -> None:
            self._job.id = job_id
            with self._turn:
                self._turn.wait_for(lambda: self._running == job_id)
            try:
                job()
            except BaseException as failure:  # handed to the caller below
                failures.append(failure)
            finally:
                with self._turn:
                    self._pass_turn()

        threads = []
        with self._turn:
            for job_id, job in enumerate(jobs):
                heapq.heappush(self._sleepers, (self._time, next(self._order), job_id))
                threads.append(threading.Thread(target=body, args=(job_id, job), daemon=True))
        for thread in threads:
            thread.start()
        with self._turn:
            self._pass_turn()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[0]

    def _pass_turn(self) -> None:
        if self._sleepers:
            wakes_at, _, job = heapq.heappop(self._sleepers)
            self._time = max(self._time, wakes_at)
            self._running = job
        else:
            self._running = None
        self._turn.notify_all()


class InProcessTenant(BaseAdapter):
    def __init__(self, tenant: DemoTenant, time: VirtualTime, latency: Latency) -> None:
        super().__init__()
        self.tenant = tenant
        self.time = time
        self.latency = latency if callable(latency) else lambda: latency

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **_: object
    ) -> requests.Response:
        url = urlsplit(request.url or "")
        body = request.body or b""
        demo_request = Request(
            method=request.method or "GET",
            path=url.path,
            raw_query=url.query,
            headers=Headers(dict(request.headers)),
            body=body.encode() if isinstance(body, str) else bytes(body),
            root_url=f"{url.scheme}://{url.netloc}",
            request_id=str(uuid.uuid4()),
        )
        round_trip = self.latency()
        self.time.sleep(round_trip / 2)
        outcome = self.tenant.handle(demo_request)
        self.time.sleep(round_trip / 2)
        if isinstance(outcome, Drop):
            raise requests.ConnectionError("the demo tenant dropped the connection")
        response = requests.Response()
        response.status_code = outcome.status
        response.headers = CaseInsensitiveDict(_with_ids(outcome.headers, demo_request))
        response.raw = io.BytesIO(outcome.body)
        response.url = request.url or ""
        response.request = request
        return response

    def close(self) -> None:
        pass


def _with_ids(headers: Mapping[str, str], request: Request) -> dict[str, str]:
    answer = dict(headers)
    answer.setdefault("request-id", request.request_id)
    answer.setdefault("client-request-id", request.client_request_id or request.request_id)
    return answer


def connect(client: GraphClient, tenant: DemoTenant, time: VirtualTime, latency: Latency) -> None:
    """Send ``client``'s requests to ``tenant`` in-process (the client must use ``time``)."""
    adapter = InProcessTenant(tenant, time, latency)
    client._transport._session.mount(tenant.root_url, adapter)  # test wiring

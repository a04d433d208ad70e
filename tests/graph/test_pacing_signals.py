"""The client paces from Graph's throttle headers when they come, and without them when not
(docs/graph-facts.md, "Throttling and retries")."""

from __future__ import annotations

import math
import tempfile
from collections import deque
from pathlib import Path

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.errors import GraphError
from desktop.graph.pacing import WritePacer
from desktop.graph.records import AssignedLicense
from desktop.graph.retry import RetryPolicy
from desktop.graph.throttle_signals import LimitShare, limit_share, throttle_reason
from desktop.graph.tokens import StaticToken
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan, PlanKind, UserChange
from tests.demo_tenant import DemoTenantForTests
from tests.graph.canned import Canned, CannedServer, envelope
from tests.graph.fakes import FakeClock, RefreshingToken
from tests.graph.test_batch_canned import BatchScript, get, patch


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("0.85", LimitShare(0.85, 0.01)),
        ("1.8", LimitShare(1.8, 0.1)),
        ("0.8123", LimitShare(0.8123, 0.0001)),
        ("1", LimitShare(1.0, 1.0)),
        (" 0.9 ", LimitShare(0.9, 0.1)),
    ],
)
def test_the_percentage_is_read_at_the_precision_it_is_sent(text: str, share: LimitShare) -> None:
    read = limit_share({"X-MS-Throttle-Limit-Percentage": text})
    assert read is not None
    assert read.value == pytest.approx(share.value)
    assert read.resolution == pytest.approx(share.resolution)


@pytest.mark.parametrize("text", ["", "high", "nan", "-0.9", "0"])
def test_an_unreadable_percentage_is_no_signal(text: str) -> None:
    assert limit_share({"x-ms-throttle-limit-percentage": text}) is None
    assert limit_share(None) is None


def test_the_reason_of_a_429() -> None:
    assert throttle_reason({"x-ms-throttle-information": "WriteLimitExceeded"}) == (
        "WriteLimitExceeded"
    )
    assert throttle_reason({"Retry-After": "1"}) is None


class ReportingService:
    """A sliding-window write limit that, like Graph, reports the share of it in use on every
    accepted write once above 0.8 (two decimals), or never when ``reports`` is False."""

    def __init__(self, clock: FakeClock, limit: int, window: float, *, reports: bool) -> None:
        self.clock = clock
        self.limit = limit
        self.window = window
        self.reports = reports
        self.accepted: deque[float] = deque()
        self.throttled = 0

    def write(self) -> tuple[float | None, LimitShare | None]:
        """(Retry-After when refused, the share reported when accepted)."""
        now = self.clock.now()
        while self.accepted and self.accepted[0] <= now - self.window:
            self.accepted.popleft()
        if len(self.accepted) >= self.limit:
            self.throttled += 1
            return self.accepted[0] + self.window - now, None
        self.accepted.append(now)
        share = len(self.accepted) / self.limit
        if not self.reports or share <= 0.8:
            return None, None
        return None, limit_share({"x-ms-throttle-limit-percentage": f"{share:.2f}"})


def run_writes(pacer: WritePacer, service: ReportingService, total: int) -> float:
    """Send ``total`` writes in $batch-sized reservations, one at a time; the elapsed time."""
    clock = service.clock
    start = clock.now()
    done = 0
    while done < total:
        ticket = pacer.acquire(min(20, total - done), partial=True)
        clock.advance(0.01)  # the round trip
        answers = [service.write() for _ in range(ticket.count)]
        refused = [wait for wait, _ in answers if wait is not None]
        shares = [share for _, share in answers if share is not None]
        if refused:
            pacer.throttled(ticket, max(refused))
        pacer.accepted(ticket, len(answers) - len(refused), max(shares, key=lambda s: s.upper)
                       if shares else None)  # fmt: skip
        done += len(answers) - len(refused)
    return clock.now() - start


def test_with_the_percentage_the_window_fills_with_a_single_429() -> None:
    clock = FakeClock()
    service = ReportingService(clock, limit=100, window=10.0, reports=True)
    pacer = WritePacer(clock=clock)
    elapsed = run_writes(pacer, service, 3000)
    minimum = (3000 / 100 - 1) * 10.0
    assert service.throttled == 1
    assert pacer.allowance is not None and pacer.allowance[0] == 100  # all of the limit
    assert elapsed <= minimum * 1.02


def test_without_the_percentage_the_pacer_still_keeps_under_the_limit() -> None:
    clock = FakeClock()
    service = ReportingService(clock, limit=100, window=10.0, reports=False)
    pacer = WritePacer(clock=clock)
    elapsed = run_writes(pacer, service, 3000)
    assert not pacer.signalled
    assert service.throttled <= 3000 * 0.03
    assert 3000 / elapsed >= 0.75 * 10


def test_writes_beyond_the_reported_room_are_cut_from_the_batch() -> None:
    clock = FakeClock()
    pacer = WritePacer(clock=clock)
    t1, t2, t3 = (pacer.acquire(20, partial=True) for _ in range(3))
    pacer.accepted(t1, 20)
    pacer.accepted(t2, 20)
    t4 = pacer.acquire(20, partial=True)  # 80 writes out; 40 answered before this one left
    pacer.accepted(t3, 20)
    # The service had counted at least 40 + 20 writes, under 0.71 of its limit: >= 84.5.
    pacer.accepted(t4, 20, LimitShare(0.70, 0.01))
    assert pacer.acquire(20, partial=True).count == 4  # 84 - 80 out already
    # No room left: one probe, and nobody else until it is answered. It takes a quarter of
    # what may still fit: the 80 writes out when the share was above 0.69 bound the limit to
    # under 116, and 84 are out.
    probe = pacer.acquire(20, partial=True)
    assert (probe.count, probe.probe) == (math.floor((80 / 0.69 - 84) / 4), True)
    waiting_since = clock.now()
    second = pacer.acquire(20, partial=True)
    assert second.probe and second.sent_at - waiting_since >= 2.0  # the probe counts as lost
    # Answered: the next probe goes at once, smaller as the bounds close in (under 98 / 0.94).
    pacer.accepted(second, second.count, LimitShare(0.95, 0.01))
    third = pacer.acquire(20, partial=True)
    assert (third.count, third.probe, third.sent_at) == (1, True, clock.now())


def test_a_later_429_holds_a_reported_window_longer_instead_of_cutting_it() -> None:
    clock = FakeClock()
    pacer = WritePacer(clock=clock)
    ticket = pacer.acquire(10, partial=True)
    pacer.accepted(ticket, 10, LimitShare(1.0, 0.01))
    pacer.throttled(pacer.acquire(1, partial=True), 5.0)
    pacer.acquire(1)  # the pause ends: the window is learned
    learned = pacer.allowance
    assert learned is not None and learned[0] == 10
    for _ in range(9):
        pacer.accepted(pacer.acquire(1), 1)  # the window's 10 writes, answered at once
    late = pacer.acquire(1)  # a window later; the service still had one: 429
    assert late.sent_at - ticket.sent_at >= 2 * learned[1]
    pacer.throttled(late, 0.25)
    assert pacer.allowance == learned  # the count came from the service: kept
    again = pacer.acquire(1)
    assert again.sent_at == pytest.approx(late.sent_at + 0.25)


def test_a_429_naming_another_limit_does_not_pause_the_writes(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    script = BatchScript(clock)
    reads_exhausted = (
        429,
        {"Retry-After": "2", "x-ms-throttle-information": "ResourceUnitLimitExceeded"},
    )
    for n in range(20):
        script.plan(f"w{n}", reads_exhausted)
    server.responder = script
    client.batch([patch(f"w{n}") for n in range(20)])
    assert client.stats.write_pauses == 0 and client.pacer.rate is None


def test_a_single_429_naming_the_write_limit_pauses_every_write(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    script = BatchScript(clock)
    write_limit = {"Retry-After": "3", "x-ms-throttle-information": "WriteLimitExceeded"}
    script.plan("w7", (429, write_limit))
    server.responder = script
    start = clock.now()
    client.batch([patch(f"w{n}") for n in range(20)])
    client.batch([patch("later")])
    assert client.stats.write_pauses == 1
    assert script.sent_at["later"][0] - start >= 3


@pytest.mark.parametrize("headers", [True, False])
def test_the_engine_under_a_write_limit_against_the_demo_tenant(headers: bool) -> None:
    """One real run of the engine, threads and HTTP: every change lands exactly once, and the
    client reads the headers when they come. How many 429s it takes depends on how the
    machine schedules the threads; the bound is tested on virtual time
    (test_pacing_on_virtual_time.py)."""
    with (
        DemoTenantForTests.start(users=600, seed=5) as tenant,
        tempfile.TemporaryDirectory() as folder,
    ):
        flow = tenant.sku_id("FLOW_FREE")
        with tenant.store.transaction() as db:
            db.execute("UPDATE skus SET enabled = 1000 WHERE sku_id = ?", (flow,))
        with GraphClient(tenant.base_url, StaticToken("reader")) as reader:
            users = [u for u in reader.list_users() if u.usage_location][:500]
        plan = Plan(
            PlanKind.MIXED,
            tuple(
                UserChange(u.id, remove=(flow,))
                if flow in u.direct_sku_ids
                else UserChange(u.id, add=(AssignedLicense(flow),))
                for u in users
            ),
            "Flip FLOW_FREE",
        )
        # Long enough that the writes fill more than 0.8 of it (when the percentage comes)
        # however slowly a busy machine sends them.
        tenant.faults.write_limit = (250, 5.0)
        tenant.faults.throttle_headers = headers
        client = GraphClient(tenant.base_url, StaticToken("writer"))
        controller = LicenseController(client, Path(folder) / "journal.sqlite3", max_in_flight=2)
        try:
            report = controller.apply(controller.check(plan))
        finally:
            controller.close()
        assert [r.outcome.value for r in report.results] == ["done"] * len(users)
        assert tenant.stats.snapshot()["writes"] == len(users)  # none sent twice
        with GraphClient(tenant.base_url, StaticToken("reader")) as reader:
            after = {u.id: flow in u.direct_sku_ids for u in reader.list_users()}
        assert all(after[u.id] is (flow not in u.direct_sku_ids) for u in users)
        assert client.pacer.signalled is headers


@pytest.mark.parametrize(
    ("information", "paused"),
    [("ResourceUnitLimitExceeded", True), (None, False), ("WriteLimitExceeded", False)],
)
def test_a_429_for_spent_resource_units_pauses_every_request_of_the_client(
    server: CannedServer,
    tokens: RefreshingToken,
    clock: FakeClock,
    information: str | None,
    paused: bool,
) -> None:
    headers = {"Retry-After": "3"}
    if information is not None:
        headers["x-ms-throttle-information"] = information
    server.script(
        Canned(429, envelope("TooManyRequests", "Too many requests."), headers),
        Canned(200, {"value": [{"id": "t1", "displayName": "Contoso", "verifiedDomains": []}]}),
    )
    once = RetryPolicy(max_attempts=1)
    with GraphClient(server.base_url, tokens, retry=once, clock=clock) as client:
        with pytest.raises(GraphError):
            client.list_skus()  # no retries left: the 429 is final for this request
        start = clock.now()
        client.get_organization()  # another request: it waits out the first one's 429 or not
    assert clock.now() - start == (pytest.approx(3.0) if paused else 0.0)


def test_an_inner_429_for_spent_resource_units_pauses_the_next_batch(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    script = BatchScript(clock)
    spent = {"Retry-After": "2", "x-ms-throttle-information": "ResourceUnitLimitExceeded"}
    script.plan("a", (429, spent))
    server.responder = script
    start = clock.now()
    client.batch([get("a"), get("b")])
    client.batch([get("c")])
    assert script.sent_at["c"][0] - start >= 2
    assert script.sent_at["a"] == [start, start + 2]

"""Fault switches: throttling, 503/504, dropped connections, write limit, latency, counters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from desktop.demo import DemoTenant, Faults
from desktop.demo.faults import (
    FAULT_503,
    FAULT_503_RETRY_AFTER,
    FAULT_504,
    FAULT_DROP_AFTER,
    FAULT_DROP_BEFORE,
    format_retry_after,
)
from tests.demo.support import Graph, error_of


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clocked_tenant(clock: FakeClock) -> Iterator[DemoTenant]:
    tenant = DemoTenant.start(users=20, seed=3, clock=clock, sleep=clock.sleep)
    try:
        yield tenant
    finally:
        tenant.stop()


def test_everything_is_off_by_default(graph: Graph) -> None:
    faults = graph.tenant.faults
    assert (faults.latency_ms, faults.throttle_rate, faults.fault_rate) == (0, 0, 0)
    assert faults.write_limit is None
    statuses = {graph.get("/organization").status_code for _ in range(30)}
    assert statuses == {200}
    assert graph.tenant.stats.throttled == graph.tenant.stats.faults == 0


def test_throttling_answers_429_with_a_fractional_retry_after(graph: Graph) -> None:
    tenant = graph.tenant
    tenant.faults.throttle_rate = 1.0
    tenant.faults.throttle_retry_after = 0.2
    waits = []
    for _ in range(10):
        response = graph.get("/users")
        assert response.status_code == 429
        assert error_of(response)[0] == "TooManyRequests"
        waits.append(float(response.headers["Retry-After"]))
    assert all(0.1 <= w <= 0.3 for w in waits)
    assert len(set(waits)) > 1  # jittered like Graph's, not a constant
    assert tenant.stats.throttled == 10
    tenant.faults.throttle_rate = 0.0  # switched off at run time
    assert graph.get("/users").status_code == 200


def test_a_partial_throttle_rate_throttles_some(graph: Graph) -> None:
    graph.tenant.faults.throttle_rate = 0.3
    statuses = [graph.get("/organization").status_code for _ in range(60)]
    assert 0 < statuses.count(429) < 60
    assert set(statuses) == {200, 429}


@pytest.mark.parametrize(
    ("kind", "status", "retry_after"),
    [(FAULT_503, 503, None), (FAULT_503_RETRY_AFTER, 503, "0.2"), (FAULT_504, 504, None)],
)
def test_server_faults(graph: Graph, kind: str, status: int, retry_after: str | None) -> None:
    graph.tenant.faults.fault_rate = 1.0
    graph.tenant.faults.fault_kinds = (kind,)
    response = graph.get("/users")
    assert response.status_code == status
    assert response.headers.get("Retry-After") == retry_after
    assert error_of(response)[0]
    assert graph.tenant.stats.faults == 1


def test_drop_before_processing_changes_nothing(graph: Graph) -> None:
    user = graph.users()[1]
    graph.tenant.faults.fault_rate = 1.0
    graph.tenant.faults.fault_kinds = (FAULT_DROP_BEFORE,)
    with pytest.raises(requests.ConnectionError):
        graph.patch(f"/users/{user['id']}", {"department": "Zakupy-X"})
    graph.tenant.faults.fault_rate = 0.0
    assert graph.user(user["id"])["department"] == user["department"]
    assert graph.tenant.stats.dropped == 1


def test_drop_after_processing_keeps_the_change(graph: Graph) -> None:
    user = graph.users()[1]
    graph.tenant.faults.fault_rate = 1.0
    graph.tenant.faults.fault_kinds = (FAULT_DROP_AFTER,)
    with pytest.raises(requests.ConnectionError):
        graph.patch(f"/users/{user['id']}", {"department": "Zakupy-X"})
    graph.tenant.faults.fault_rate = 0.0
    assert graph.user(user["id"])["department"] == "Zakupy-X"


def test_the_server_keeps_serving_after_drops(graph: Graph) -> None:
    graph.tenant.faults.fault_rate = 0.5
    graph.tenant.faults.fault_kinds = (FAULT_DROP_BEFORE,)
    outcomes = []
    for _ in range(30):
        try:
            outcomes.append(graph.get("/organization").status_code)
        except requests.ConnectionError:
            outcomes.append(0)
    assert 0 in outcomes and 200 in outcomes


def test_write_limit_retry_after_is_honest(clocked_tenant: DemoTenant, clock: FakeClock) -> None:
    graph = Graph(clocked_tenant)
    user = graph.users()[0]["id"]
    clocked_tenant.faults.write_limit = (2, 10.0)
    assert graph.patch(f"/users/{user}", {"jobTitle": "A"}).status_code == 204
    clock.now += 1
    assert graph.patch(f"/users/{user}", {"jobTitle": "B"}).status_code == 204
    clock.now += 1
    refused = graph.patch(f"/users/{user}", {"jobTitle": "C"})
    assert refused.status_code == 429
    assert error_of(refused)[0] == "TooManyRequests"
    wait = float(refused.headers["Retry-After"])
    assert wait == 8.0  # the first write leaves the 10 s window 8 s from now
    assert graph.get(f"/users/{user}").status_code == 200  # reads are not writes
    clock.now += wait - 0.01
    early = graph.patch(f"/users/{user}", {"jobTitle": "C"})
    assert early.status_code == 429
    assert float(early.headers["Retry-After"]) == pytest.approx(0.01, abs=0.001)
    clock.now += 0.01
    assert graph.patch(f"/users/{user}", {"jobTitle": "C"}).status_code == 204
    assert clocked_tenant.stats.writes == 3
    assert clocked_tenant.stats.throttled == 2


def test_write_limit_is_per_token(clocked_tenant: DemoTenant) -> None:
    first, second = Graph(clocked_tenant, "token-1"), Graph(clocked_tenant, "token-2")
    user = first.users()[0]["id"]
    clocked_tenant.faults.write_limit = (1, 60.0)
    assert first.patch(f"/users/{user}", {"jobTitle": "A"}).status_code == 204
    assert first.patch(f"/users/{user}", {"jobTitle": "B"}).status_code == 429
    assert second.patch(f"/users/{user}", {"jobTitle": "B"}).status_code == 204


def test_latency_is_applied_to_every_request(clocked_tenant: DemoTenant, clock: FakeClock) -> None:
    graph = Graph(clocked_tenant)
    clocked_tenant.faults.latency_ms = 250
    for _ in range(3):
        graph.get("/organization")
    assert clock.slept == [0.25, 0.25, 0.25]


def test_fault_decisions_repeat_for_the_same_seed() -> None:
    def statuses() -> list[int]:
        tenant = DemoTenant.start(users=5, seed=11, faults=Faults(throttle_rate=0.5))
        try:
            graph = Graph(tenant)
            return [graph.get("/organization").status_code for _ in range(25)]
        finally:
            tenant.stop()

    first = statuses()
    assert set(first) == {200, 429}
    assert statuses() == first


def test_stats_count_and_reset(graph: Graph) -> None:
    stats = graph.tenant.stats
    graph.get("/organization")
    graph.patch(f"/users/{graph.users()[0]['id']}", {"jobTitle": "Kupiec"})
    assert stats.snapshot() == {
        "http_requests": 3,
        "batch_requests": 0,
        "writes": 1,
        "throttled": 0,
        "faults": 0,
        "dropped": 0,
    }
    stats.reset()
    assert stats.http_requests == 0


@pytest.mark.parametrize(
    "faults",
    [
        Faults(throttle_rate=1.5),
        Faults(fault_rate=-0.1),
        Faults(write_limit=(0, 10.0)),
        Faults(fault_kinds=("boom",)),
    ],
)
def test_invalid_switches_are_refused(faults: Faults) -> None:
    with pytest.raises(ValueError):
        faults.validate()


@pytest.mark.parametrize(
    ("seconds", "text"), [(2.1281, "2.129"), (8.0, "8"), (0.0004, "0.001"), (0.25, "0.25")]
)
def test_retry_after_is_rounded_up_to_the_millisecond(seconds: float, text: str) -> None:
    assert format_retry_after(seconds) == text


def test_requests_inside_a_batch_get_server_faults_of_their_own(graph: Graph) -> None:
    graph.tenant.faults.fault_rate = 0.5
    graph.tenant.faults.fault_kinds = (FAULT_504,)
    batch = {
        "requests": [{"id": str(i), "method": "GET", "url": "/organization"} for i in range(20)]
    }
    for _ in range(20):  # the seeded dice decide which envelopes get through
        response = graph.post("/$batch", batch)
        if response.status_code == 200:
            break
        assert response.status_code == 504
    else:
        raise AssertionError("no batch envelope got through")
    statuses = {r["status"] for r in response.json()["responses"]}
    assert statuses == {200, 504}


def test_apply_then_drop_applies_a_single_write_and_leaves_it_unanswered(graph: Graph) -> None:
    tenant = graph.tenant
    target = next(u for u in graph.users() if u["usageLocation"] != "DE")
    tenant.faults.drop_after_apply = 1
    with pytest.raises(requests.ConnectionError):
        graph.patch(f"/users/{target['id']}", {"usageLocation": "DE"})
    assert graph.user(target["id"])["usageLocation"] == "DE"  # applied all the same
    assert tenant.faults.drop_after_apply == 0  # the switch was used up
    answered = graph.patch(f"/users/{target['id']}", {"usageLocation": "PL"})
    assert answered.status_code == 204
    assert tenant.stats.snapshot()["dropped"] == 1


def test_apply_then_drop_applies_a_whole_batch_and_passes_reads(graph: Graph) -> None:
    tenant = graph.tenant
    users = [u for u in graph.users() if u["usageLocation"] != "DE"][:3]
    tenant.faults.drop_after_apply = 1
    reads = [{"id": "r", "method": "GET", "url": f"/users/{users[0]['id']}"}]
    assert graph.post("/$batch", {"requests": reads}).status_code == 200  # no writes: answered
    writes = [
        {
            "id": str(n),
            "method": "PATCH",
            "url": f"/users/{u['id']}",
            "headers": {"Content-Type": "application/json"},
            "body": {"usageLocation": "DE"},
        }
        for n, u in enumerate(users)
    ]
    with pytest.raises(requests.ConnectionError):
        graph.post("/$batch", {"requests": writes})
    assert [graph.user(u["id"])["usageLocation"] for u in users] == ["DE"] * 3


def test_refused_reads_answer_503_until_the_time_is_up_and_writes_pass(
    clocked_tenant: DemoTenant, clock: FakeClock
) -> None:
    graph = Graph(clocked_tenant)
    target = graph.users()[0]
    clocked_tenant.refuse_reads(30)
    refused = graph.get(f"/users/{target['id']}")
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "30"
    inner = graph.post(
        "/$batch", {"requests": [{"id": "1", "method": "GET", "url": f"/users/{target['id']}"}]}
    )
    assert inner.status_code == 200 and inner.json()["responses"][0]["status"] == 503
    write = graph.patch(f"/users/{target['id']}", {"usageLocation": "DE"})
    assert write.status_code == 204
    clock.now += 30
    assert graph.user(target["id"])["usageLocation"] == "DE"

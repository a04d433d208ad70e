"""The client's write pacing against the demo tenant's write limit, with several senders, on
virtual time (tests/graph/virtual_time.py): the real client and the real tenant, but the same
times and the same answers on every run, however busy the machine is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.demo_tenant import DemoTenantForTests
from tests.graph.bulk_writes import ROUND_TRIP, send_writes
from tests.graph.virtual_time import VirtualTime


@pytest.fixture
def time() -> VirtualTime:
    return VirtualTime()


@pytest.fixture
def tenant(time: VirtualTime) -> Iterator[DemoTenantForTests]:
    with DemoTenantForTests.start(users=60, seed=1, clock=time.now) as tenant:
        yield tenant


@pytest.mark.parametrize("headers", [True, False], ids=["headers", "no-headers"])
def test_bulk_writes_are_paced_under_the_write_limit(
    tenant: DemoTenantForTests, time: VirtualTime, headers: bool
) -> None:
    """60 writes per sliding second per token; four $batch calls in flight, more than the
    limit, so even the percentage header (from 0.8 of it) comes too late for the first ones."""
    run = send_writes(tenant, time, writes=400, limit=(60, 1.0), headers=headers)
    assert run.statuses == {204: 400}
    assert run.writes == 400  # every write landed exactly once
    assert run.client.stats.throttled == run.throttled
    assert run.client.pacer.signalled is headers
    # The first collision costs at most the batches in flight; after that the pacer keeps its
    # own copy of the window and stays under it.
    assert 1 <= run.throttled <= 4 * 20
    assert run.client.stats.write_pauses == 1
    allowance = run.client.pacer.allowance
    assert allowance is not None
    assert allowance[0] == 60 and 1.0 <= allowance[1] <= 1.0 + 2 * ROUND_TRIP


@pytest.mark.parametrize("headers", [True, False], ids=["headers", "no-headers"])
def test_with_the_percentage_header_the_window_fills_with_a_single_429(
    tenant: DemoTenantForTests, time: VirtualTime, headers: bool
) -> None:
    """A limit large against the writes in flight, as Graph's 3,000 are: the header comes at
    0.8, before they reach it, and the pacer lets out only what fits, then one write."""
    run = send_writes(tenant, time, writes=500, limit=(250, 1.0), headers=headers, senders=2)
    assert run.statuses == {204: 500} and run.writes == 500
    assert run.client.pacer.signalled is headers
    if headers:
        assert run.throttled == 1
    else:  # blind: the writes in flight when the window filled
        assert 10 <= run.throttled <= 2 * 20


@pytest.mark.parametrize("headers", [True, False], ids=["headers", "no-headers"])
def test_a_long_run_under_an_unknown_limit_ends_near_its_minimum(
    tenant: DemoTenantForTests, time: VirtualTime, headers: bool
) -> None:
    """The write-limit benchmark's targets (tests/benchmarks/bench_engine_write_limit.py) in
    small: within 1.10 of the fastest the limit allows; with the headers at most 10 429s."""
    run = send_writes(tenant, time, writes=3000, limit=(600, 6.0), headers=headers)
    minimum = (3000 / 600 - 1) * 6.0
    assert run.statuses == {204: 3000} and run.writes == 3000
    assert run.elapsed <= 1.10 * minimum
    assert run.throttled <= (10 if headers else 4 * 20)


def test_the_same_run_gives_the_same_figures() -> None:
    figures = []
    for _ in range(2):
        time = VirtualTime()
        with DemoTenantForTests.start(users=60, seed=1, clock=time.now) as tenant:
            run = send_writes(tenant, time, writes=200, limit=(50, 1.0), headers=False)
        figures.append((run.elapsed, run.throttled, run.client.pacer.allowance))
    assert figures[0] == figures[1]

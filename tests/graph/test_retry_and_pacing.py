"""Retry timing and the write pacer, on virtual time."""

from __future__ import annotations

import random
import threading
from collections import deque
from datetime import datetime, timezone

import pytest

from desktop.cancel import CancelToken
from desktop.graph.batch_items import BatchRequest
from desktop.graph.batching import plan_chunks
from desktop.graph.clock import RealClock
from desktop.graph.errors import CancelledError
from desktop.graph.pacing import WriteLimit, WritePacer
from desktop.graph.retry import RetryBudget, RetryPolicy, parse_retry_after
from tests.graph.fakes import FakeClock


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("2.128", 2.128), ("7", 7.0), (" 0.5 ", 0.5), ("-3", 0.0), (3, 3.0), ("soon", None)],
)
def test_retry_after_values(value: object, seconds: float | None) -> None:
    assert parse_retry_after(value) == seconds


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("nan") is None


def test_backoff_is_full_jitter_under_a_growing_cap() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, rng=random.Random(1))
    for retry in range(1, 8):
        cap = min(8.0, 2 ** (retry - 1))
        waits = [policy.backoff(retry) for _ in range(200)]
        assert all(0 <= w <= cap for w in waits)
        assert max(waits) > cap * 0.8  # really spread up to the cap, not fixed


def test_budget_stops_at_max_attempts_or_max_wait() -> None:
    budget = RetryBudget(RetryPolicy(max_attempts=3, max_total_wait=10.0))
    budget.record_attempt()
    assert budget.next_wait(4.0) == 4.0
    budget.record_attempt()
    assert budget.next_wait(7.0) is None  # 4 + 7 > 10
    assert budget.next_wait(6.0) == 6.0
    budget.record_attempt()
    assert budget.next_wait(0.1) is None  # three attempts used


def test_the_pacer_is_unlimited_until_a_write_is_throttled() -> None:
    clock = FakeClock()
    pacer = WritePacer(clock=clock)
    for _ in range(500):
        pacer.acquire(20)
    assert clock.sleeps == [] and pacer.rate is None


def test_a_throttle_pauses_everyone_and_the_learned_window_fits_the_limit() -> None:
    """Service limit: 100 writes per 10 s sliding window, honest Retry-After."""
    clock = FakeClock()
    pacer = WritePacer(clock=clock)
    start = clock.now()
    for _ in range(5):  # 100 writes in the first second: accepted
        pacer.accepted(pacer.acquire(20), 20)
        clock.advance(0.2)
    throttled = pacer.acquire(20)  # the window is full: 429, Retry-After = 10 - 1.0
    pacer.throttled(throttled, 9.0)
    assert pacer.pauses == 1
    after = pacer.acquire(1)
    # Paused until 10 s; then room only as the burst's first writes leave the window.
    assert after.sent_at == pytest.approx(start + 10.0)
    # The burst that filled the window is the limit: all of it, no margin on the count.
    assert pacer.allowance == pytest.approx((100.0, 10.0))


class SlidingWindowService:
    """A write limit like the service's: ``limit`` writes per sliding ``window`` seconds,
    answering 429 with an honest Retry-After."""

    def __init__(self, clock: FakeClock, limit: int, window: float) -> None:
        self.clock = clock
        self.limit = limit
        self.window = window
        self.accepted: deque[float] = deque()

    def write(self) -> float | None:
        now = self.clock.now()
        while self.accepted and self.accepted[0] <= now - self.window:
            self.accepted.popleft()
        if len(self.accepted) >= self.limit:
            return self.accepted[0] + self.window - now
        self.accepted.append(now)
        return None


@pytest.mark.parametrize("batch", [1, 20])
def test_a_long_run_against_a_sliding_window_limit_sees_few_throttles(batch: int) -> None:
    clock = FakeClock()
    service = SlidingWindowService(clock, limit=100, window=10.0)
    pacer = WritePacer(clock=clock)
    start = clock.now()
    done = throttled = 0
    while done < 3000:
        ticket = pacer.acquire(batch)
        clock.advance(0.005)  # the request's round trip
        answers = [service.write() for _ in range(batch)]
        pacer.accepted(ticket, answers.count(None))
        done += answers.count(None)
        for retry_after in answers:
            if retry_after is not None:
                throttled += 1
                pacer.throttled(ticket, retry_after)
    elapsed = clock.now() - start
    assert throttled <= 3000 * 0.03
    assert 3000 / elapsed >= 0.75 * 10  # at least 75 % of the allowed 10 writes/s


def test_throttles_of_writes_sent_before_the_last_change_do_not_cut_again() -> None:
    clock = FakeClock()
    pacer = WritePacer(clock=clock, decrease=0.5)
    in_flight = [pacer.acquire(20) for _ in range(4)]
    pacer.accepted(in_flight[0], 20)
    pacer.throttled(in_flight[1], 5.0)
    pacer.throttled(in_flight[2], 5.0)  # same burst, answered later: no second pause
    assert pacer.pauses == 1
    fresh = pacer.acquire(1)  # after the pause: the window is learned
    learned = pacer.allowance
    assert learned is not None
    pacer.throttled(in_flight[3], 5.0)  # an old write's late answer
    assert pacer.allowance == learned
    pacer.throttled(fresh, 5.0)  # a write sent under the learned window: cut
    allowance = pacer.allowance
    assert allowance is not None and allowance[0] == pytest.approx(learned[0] * 0.5)


def test_after_a_cut_the_allowance_recovers_to_the_learned_count_and_no_further() -> None:
    clock = FakeClock()
    pacer = WritePacer(clock=clock, decrease=0.5)
    pacer.accepted(pacer.acquire(100), 100)
    pacer.throttled(pacer.acquire(1), 1.0)
    pacer.acquire(1)  # the pause ends: 100 writes per second learned
    learned = pacer.allowance
    assert learned is not None and learned[0] == 100
    pacer.throttled(pacer.acquire(1), 0.5)  # the limit shrank (another session): cut
    allowances = []
    for _ in range(3000):
        pacer.accepted(pacer.acquire(1), 1)
        allowance = pacer.allowance
        assert allowance is not None
        allowances.append(allowance[0])
    assert allowances[0] == 50
    assert allowances == sorted(allowances)  # regained window by window
    assert allowances[-1] == max(allowances) == learned[0]  # up to the count, never above


def test_a_configured_limit_is_never_exceeded_by_probing() -> None:
    clock = FakeClock()
    pacer = WritePacer(WriteLimit(writes=10, seconds=1.0), clock=clock)
    for _ in range(200):
        pacer.acquire(1)
    assert pacer.allowance == (10, 1.0)


def test_a_configured_limit_is_a_sliding_window() -> None:
    clock = FakeClock()
    pacer = WritePacer(WriteLimit(writes=10, seconds=5.0), clock=clock)
    start = clock.now()
    sends = [pacer.acquire(1).sent_at - start for _ in range(25)]
    assert sends[:10] == [0.0] * 10
    assert sends[10:20] == [5.0] * 10
    assert sends[20:] == [10.0] * 5


def test_a_slot_frees_a_window_after_the_answer_even_a_slow_one() -> None:
    """The service may log a write just before answering it, so a round trip slower than any
    seen before (a busy machine) holds its slot longer than guessed at the send."""
    clock = FakeClock()
    pacer = WritePacer(WriteLimit(writes=1, seconds=10.0), clock=clock)
    first = pacer.acquire(1)
    clock.advance(3.0)
    pacer.accepted(first, 1)
    assert pacer.acquire(1).sent_at == pytest.approx(first.sent_at + 3.0 + 10.0)


def test_a_configured_limit_counts_every_write_of_a_batch() -> None:
    clock = FakeClock()
    pacer = WritePacer(WriteLimit(writes=30, seconds=5.0), clock=clock)
    start = clock.now()
    sends = [pacer.acquire(20).sent_at - start for _ in range(3)]
    assert sends == [0.0, 5.0, 10.0]


def test_a_cancelled_wait_raises_cancelled() -> None:
    pacer = WritePacer(WriteLimit(writes=1, seconds=60.0))
    pacer.acquire(1)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        pacer.acquire(1, cancel)


def test_the_pacer_is_safe_across_threads() -> None:
    clock = FakeClock()
    pacer = WritePacer(WriteLimit(writes=50, seconds=10.0), clock=clock)
    sent: list[float] = []
    lock = threading.Lock()

    def writer() -> None:
        for _ in range(25):
            ticket = pacer.acquire(1)
            with lock:
                sent.append(ticket.sent_at)

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(sent) == 200
    sent.sort()
    for i, first in enumerate(sent):
        assert sum(1 for t in sent[i:] if t < first + 10.0) <= 50


def req(rid: str, *depends: str) -> BatchRequest:
    return BatchRequest(rid, "GET", "/x", depends_on=depends)


def test_chunks_put_dependencies_first_and_keep_chains_whole() -> None:
    requests = [req("b", "a"), req("a"), *[req(f"x{n}") for n in range(19)]]
    chunks = plan_chunks(requests)
    assert [r.id for r in chunks[0][:2]] == ["a", "b"]
    assert [len(c) for c in chunks] == [20, 1]


@pytest.mark.parametrize(
    ("requests", "message"),
    [
        ([req("a"), req("a")], "used twice"),
        ([req("a", "zz")], "not in the batch"),
        ([req("a", "b"), req("b", "a")], "circle"),
        ([req("r0"), *[req(f"r{n}", f"r{n - 1}") for n in range(1, 21)]], "at most 20"),
    ],
)
def test_impossible_batches_are_refused_before_sending(
    requests: list[BatchRequest], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        plan_chunks(requests)


def test_the_real_clock_wakes_sleepers_on_cancel_and_on_close() -> None:
    clock = RealClock()
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(CancelledError):
        clock.sleep(60.0, cancel)
    started = threading.Event()
    outcome: list[BaseException] = []

    def sleeper() -> None:
        started.set()
        try:
            clock.sleep(600.0)
        except CancelledError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=sleeper)
    thread.start()
    started.wait()
    clock.close()
    thread.join(timeout=30)  # a safety net against a hang, not a timing check
    assert not thread.is_alive()
    assert len(outcome) == 1 and "closed" in str(outcome[0])

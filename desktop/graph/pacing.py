"""Keeps writes under the service's write limit, shared by every thread using one client.

Graph limits writes per app and tenant (3,000 per 2.5 minutes, subject to change; see
docs/graph-facts.md, "Throttling and retries"), counted over a sliding window, and answers 429
with an honest ``Retry-After`` once the window is full. Hammering into that limit wastes
requests and, with several $batch calls in flight, turns one throttle into dozens. So the pacer:

* sends writes unlimited until the first 429 for a write (most runs never get there);
* then pauses every sender until ``Retry-After`` has passed;
* when the pause ends (by then the answers of writes that were in flight have arrived) it
  learns the window: the writes the service accepted in the burst that filled it are the
  limit N, and the span from the burst's first write to the end of the pause is the window S
  (an honest ``Retry-After`` points at the moment the oldest write leaves the window);
* from then on it keeps its own copy of that sliding window, seeded with the burst's writes,
  and lets a write (or a whole $batch) go only when the window has room.

Both halves of what it learns err on the safe side, so the copy needs no margin on the count:
in a sliding window a sender that reaches the limit at all does so within the first window, so
no write of the burst had left it (N is exact, or low when another user of the same app took
some of it); the burst's first write left before the service logged it, and the pause ends
after the honest Retry-After (S is never short). The service logs a write somewhere between
our send and its answer, so a slot counts as free a window after the answer (until the answer
comes: after the send plus the longest recent round trip; an answer slower than that holds the
slot longer when it comes).

It then follows the limit like TCP (AIMD), but never above that count: the copy's timing is
conservative, so a write it lets out above the count may land only by luck of timing, and
probing there would buy 429s with nothing learned (without the percentage header nothing
else tells the service's count):

* a later 429 means the limit shrank (shared with another session of the same app): the
  allowance is cut by ``decrease``;
* every window spent waiting for room without a 429 raises it by a twentieth of the count,
  back up to the count.

An administrator may also configure a known limit (N writes per S seconds); it starts as the
window, is the count, and a 429 still lowers the allowance.

When the service sends ``x-ms-throttle-limit-percentage`` on accepted writes (throttle_signals.py)
the pacer uses it, and falls back to the above wherever it is missing:

* each answer bounds the limit from below: the writes the service had surely counted (those
  answered before the request left, plus its own) divided by the share's upper bound. This
  assumes none has left the service's window yet, which holds as above. (If one had left, the
  bound runs high and the run meets the limit as it would without the header);
* while unlimited, it lets out only the writes that fit under that bound (a $batch may be cut
  to fit: ``acquire(partial=True)``); when none fit it sends one small probe at a time, each
  answer sharpening the bound, until a write is refused: so the window fills with a few 429s
  instead of every write in flight. The same answers bound the limit from above (every write
  sent so far over the share's lower bound): a probe takes a quarter of the writes between
  the two bounds, at least one, so it takes a few round trips, not one per write;
* the service itself said that burst filled its window, so the count learned is the limit:
  it never probes above it. A later 429 then says the timing was early (an answer slower than
  any recent one): the writes in the copy are held ``Retry-After`` longer instead of cutting
  the count; a second one within a window says the limit shrank after all, and cuts.
"""

from __future__ import annotations

import itertools
import logging
import math
import threading
from collections import Counter, deque
from dataclasses import dataclass

from desktop.cancel import CancelToken
from desktop.graph.clock import Clock, RealClock
from desktop.graph.throttle_signals import LimitShare

log = logging.getLogger(__name__)

_DEFAULT_PAUSE = 2.0  # seconds, for a 429 that names no Retry-After
_HISTORY = 50_000  # accepted writes remembered for learning the window
# With the percentage header: how long one probing write may stay unanswered before another
# may go (a probe lost to a network failure must not stall every sender), and how often
# waiting senders look again.
_PROBE_TIMEOUT = 2.0
_PROBE_POLL = 0.005
# A probe takes this share of the writes that may still fit (between the bounds of the limit
# the percentage gives), so it ends in a few round trips and only its last writes meet a 429.
_PROBE_SHARE = 0.25
_ROUND_TRIPS = 64  # recent write round trips remembered (see WritePacer._slack)
_RECOVERY = 0.05  # share of the count regained per window without a 429 after a cut


@dataclass(frozen=True, slots=True)
class WriteLimit:
    """A known write limit: ``writes`` per sliding window of ``seconds``."""

    writes: int
    seconds: float

    def __post_init__(self) -> None:
        if self.writes < 1 or self.seconds <= 0:
            raise ValueError("A write limit needs at least 1 write per a positive time span.")


@dataclass(frozen=True, slots=True)
class PaceTicket:
    """Proof of a reservation: when ``count`` writes were allowed out, and under which
    setting of the pacer (``generation`` counts its cuts), so late 429s of writes sent before
    a cut do not cut again."""

    sent_at: float
    count: int
    generation: int = 0
    # Writes accepted (answered) before this reservation: the service counted them already.
    accepted_before: int = 0
    probe: bool = False
    slot: int | None = None  # the window's group of these writes, once a window is known


class _SlidingWindow:
    """Our copy of the service's window: when the slot of each recent write frees there.

    Writes are kept in groups (one per reservation) as [frees at, count]; a group's time can
    be brought forward once its answer says when the service had it (``settle``)."""

    def __init__(self, writes: float, seconds: float, logged: list[float] | None = None) -> None:
        """``logged``: times of writes already in the service's window (one per write)."""
        self.writes = writes
        self.seconds = seconds
        self._groups: dict[int, list[float]] = {}
        self._ids = itertools.count()
        self._last_start = float("-inf")
        for at, count in sorted(Counter(logged or ()).items()):
            self._groups[next(self._ids)] = [at + seconds, float(count)]
            self._last_start = at

    @property
    def capacity(self) -> int:
        return max(1, math.floor(self.writes))

    def reserve(self, start: float, count: int, slack: float = 0.0) -> tuple[float, int]:
        """The earliest time from ``start`` at which ``count`` writes fit, and the id of the
        group that records them. ``slack`` keeps them that much longer than the window until
        ``settle`` (see ``WritePacer._slack``)."""
        start = max(start, self._last_start)  # first come, first served
        live = {gid: group for gid, group in self._groups.items() if group[0] > start}
        over = sum(int(group[1]) for group in live.values()) + min(count, self.capacity)
        over -= self.capacity
        if over > 0:
            freed = 0
            for frees_at, group_count in sorted(live.values()):
                freed += int(group_count)
                if freed >= over:
                    start = max(start, frees_at)
                    break
        self._groups = {gid: group for gid, group in live.items() if group[0] > start}
        self._last_start = start
        gid = next(self._ids)
        self._groups[gid] = [start + self.seconds + slack, float(count)]
        return start, gid

    def hold_longer(self, extra: float) -> None:
        """The service still counts the writes in the copy: each frees ``extra`` seconds later."""
        for group in self._groups.values():
            group[0] += extra

    def settle(self, gid: int, answered_at: float) -> None:
        """The answer arrived: the service logged these writes before ``answered_at``, and may
        have logged them just before it: they leave its window a window later. That is sooner
        than the guess made at the send, or later when the round trip was slower than any
        recent one (a busy machine), which the guess could not know."""
        group = self._groups.get(gid)
        if group is not None:
            group[0] = answered_at + self.seconds


class WritePacer:
    def __init__(
        self,
        limit: WriteLimit | None = None,
        *,
        clock: Clock | None = None,
        decrease: float = 0.8,
    ) -> None:
        self.limit = limit
        self._clock = clock or RealClock()
        self._decrease = decrease
        self._lock = threading.Lock()
        self._paused_until = float("-inf")
        self._window = _SlidingWindow(limit.writes, limit.seconds) if limit else None
        # The count (configured, or learned from the burst that filled the window): the
        # allowance recovers up to it after a cut, never above (see the module docstring).
        self._count = float("inf") if limit is None else float(limit.writes)
        self._last_change = float("-inf")
        # (sent at, writes accepted, answered at) as answers arrive, for learning the window.
        self._accepted: deque[tuple[float, int, float]] = deque(maxlen=_HISTORY)
        self._learning: tuple[float, PaceTicket] | None = None  # (throttled at, ticket)
        self._generation = 0
        self.pauses = 0
        # From x-ms-throttle-limit-percentage, while unlimited: writes let out, writes
        # accepted, the best lower bound of the limit, and when an unanswered probe expires.
        self._signalled = False
        self._reserved = 0
        self._accepted_total = 0
        self._limit_floor: float | None = None
        self._limit_ceiling = float("inf")
        self._probe_until = float("-inf")
        self._round_trips: deque[float] = deque(maxlen=_ROUND_TRIPS)

    @property
    def allowance(self) -> tuple[float, float] | None:
        """(writes, seconds) the pacer currently allows, or None while unlimited."""
        with self._lock:
            window = self._window
            return None if window is None else (window.writes, window.seconds)

    @property
    def rate(self) -> float | None:
        """The allowance as writes per second, or None while unlimited."""
        allowance = self.allowance
        return None if allowance is None else allowance[0] / allowance[1]

    @property
    def signalled(self) -> bool:
        """Whether the service has sent the percentage header for our writes."""
        with self._lock:
            return self._signalled

    def acquire(
        self, count: int = 1, cancel: CancelToken | None = None, *, partial: bool = False
    ) -> PaceTicket:
        """Wait until ``count`` writes may be sent (one request, or one $batch's writes).

        With ``partial`` the ticket may grant fewer (at least 1): send only that many now.
        """
        count = max(1, count)
        with self._lock:
            now = self._clock.now()
            start, slot = self._reserve(now, count)
            windowed = self._window is not None
        while True:
            now = self._clock.now()
            if start > now:
                self._clock.sleep(start - now, cancel)
                continue
            with self._lock:
                # A 429 seen by another sender while this one waited pauses it too.
                if self._paused_until > now:
                    start = self._paused_until
                    continue
                if self._learning is not None:
                    self._learn()
                if not windowed and self._window is not None:
                    # Reserved while unlimited, woken after the window was learned: queue up.
                    start, slot = self._reserve(now, count)
                    windowed = True
                    continue
                if windowed:
                    return PaceTicket(start, count, self._generation, slot=slot)
                granted, probe = self._grant_unlimited(count, partial, now)
                if granted:
                    self._reserved += granted
                    return PaceTicket(start, granted, self._generation, self._accepted_total, probe)
                start = now + _PROBE_POLL  # a probe is out: wait for its answer

    def _grant_unlimited(self, count: int, partial: bool, now: float) -> tuple[int, bool]:
        """(writes granted, whether they probe the limit) while no window is known."""
        floor = self._limit_floor
        if floor is None:
            return count, False
        room = math.floor(floor) - self._reserved
        if room >= count:
            return count, False
        if room > 0:
            return (room if partial else count), False
        if now < self._probe_until:
            return 0, False
        self._probe_until = now + _PROBE_TIMEOUT
        if not partial:
            return count, True
        uncertain = self._limit_ceiling - self._reserved
        if not math.isfinite(uncertain):
            return 1, True
        return max(1, min(count, math.floor(uncertain * _PROBE_SHARE))), True

    def _slack(self) -> float:
        """The window holds exactly the limit, so timing decides: the service logs a write
        when it arrives, somewhere between our send and the answer. So a slot counts as free a
        window after the answer (``settle``) and, until the answer comes, a window plus the
        longest recent round trip after the send."""
        return max(self._round_trips, default=0.0)

    def _reserve(self, now: float, count: int) -> tuple[float, int | None]:
        start = max(now, self._paused_until)
        window = self._window
        if window is None:
            return start, None
        start, slot = window.reserve(start, count, self._slack())
        recovering = window.writes < self._count
        if recovering and start > now and now - self._last_change >= window.seconds:
            # A full window spent waiting for room without a 429: regain some of the count.
            window.writes = min(self._count, window.writes + max(1.0, self._count * _RECOVERY))
            self._last_change = now
        return start, slot

    def accepted(self, ticket: PaceTicket, count: int, share: LimitShare | None = None) -> None:
        """``count`` writes sent under ``ticket`` were accepted (not answered 429); ``share``
        is the highest x-ms-throttle-limit-percentage among their answers, if any."""
        with self._lock:
            if ticket.probe:
                self._probe_until = float("-inf")
            if share is not None:
                self._signalled = True
            now = self._clock.now()
            self._round_trips.append(now - ticket.sent_at)
            window = self._window
            if window is not None and ticket.slot is not None:
                window.settle(ticket.slot, now)
            if count <= 0 or window is not None:
                return
            self._accepted.append((ticket.sent_at, count, now))
            self._accepted_total += count
            if share is not None:
                # The service had counted at least these writes when it sent ``share``, and
                # at most every write sent so far.
                floor = (ticket.accepted_before + count) / share.upper
                self._limit_floor = max(self._limit_floor or 0.0, floor)
                if share.lower > 0:
                    ceiling = self._reserved / share.lower
                    self._limit_ceiling = min(self._limit_ceiling, ceiling)

    def throttled(self, ticket: PaceTicket, retry_after: float | None) -> None:
        """A write sent under ``ticket`` got 429: pause everyone and slow down."""
        wait = _DEFAULT_PAUSE if retry_after is None else retry_after
        with self._lock:
            if ticket.probe:
                self._probe_until = float("-inf")
            now = self._clock.now()
            if self._paused_until <= now:
                self.pauses += 1
            self._paused_until = max(self._paused_until, now + wait)
            window = self._window
            if window is None:
                if self._learning is None:
                    self._learning = (now, ticket)
                return  # learned when the pause ends
            if ticket.generation < self._generation:
                return  # sent before the last cut, which already accounts for it
            self._generation += 1
            once = now - self._last_change >= window.seconds  # the first 429 in a window
            self._last_change = now
            if self._signalled and once:
                # The count came from the service itself: our timing was early.
                window.hold_longer(wait)
            else:
                # The limit shrank (shared with another session of the same app).
                window.writes = max(1.0, window.writes * self._decrease)
            log.info(
                "Write limit reached again (a write let out %.3g s before): pausing %.3g s, "
                "then %d writes per %.3g s",
                now - ticket.sent_at,
                wait,
                window.capacity,
                window.seconds,
            )

    def _learn(self) -> None:
        """The window from the burst that filled it (see the module docstring)."""
        assert self._learning is not None
        throttled_at, ticket = self._learning
        self._learning = None
        end = self._paused_until
        gap = max(end - throttled_at, 1.0)
        sends = sorted((s for s in self._accepted if s[0] <= throttled_at), reverse=True)
        accepted = 0
        first = ticket.sent_at
        burst: list[float] = []
        for sent_at, count, answered_at in sends:
            if first - sent_at > gap:
                break  # an earlier, separate burst
            accepted += count
            first = min(first, sent_at)
            burst.extend([answered_at] * count)  # a slot is timed from the answer (_slack)
        seconds = max(end - first, 1e-3)
        writes = float(max(1, accepted))
        self._window = _SlidingWindow(writes, seconds, burst)
        self._count = writes
        self._generation += 1
        self._last_change = end
        self._accepted.clear()
        log.info(
            "Write limit reached: %d writes filled about %.3g s; allowing %d per window",
            accepted,
            seconds,
            self._window.capacity,
        )

"""Sending a checked plan: $batch chunks of 20, a few in flight, every part of every user an
outcome.

Each chunk is marked ``sent`` in the journal before it goes out and its results are written
as soon as they arrive. A user's change has parts (create, usage location, sign-in, licenses,
see ``parts.py``); each gets the outcome its own answer gives. When an answer is lost (the
connection dropped after sending, an inner 504), the client does not resend: the users are read
again and compared with the intended state. What the tenant shows is done; only what is still
missing is sent again. When they cannot be read, those parts are *unconfirmed*: never failed,
and ``resume`` settles them.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace

from desktop.cancel import CancelToken
from desktop.graph.batch_items import MAX_BATCH, BatchRequest, BatchResponse
from desktop.graph.client import GraphClient
from desktop.graph.errors import AnswerLostError, LicenseDeskError, ProtocolError
from desktop.graph.parse import parse_user
from desktop.graph.records import User
from desktop.licensing.journal import Journal, StepState, StepUpdate
from desktop.licensing.parts import (
    first_problem,
    only,
    outcome_of,
    parts_of,
    parts_shown,
    request_parts,
)
from desktop.licensing.reader import read_holders, response_error
from desktop.licensing.state import pending_part
from desktop.licensing.types import (
    Outcome,
    Part,
    PartResult,
    PartState,
    Progress,
    UserChange,
    UserResult,
)
from desktop.licensing.wire import create_request, update_requests

SIGNAL_POLL_SECONDS = 0.2
# A user whose answers are lost this many times in a row stops being resent: what a fresh read
# shows is then final. Bounds the work under a network that drops every answer.
MAX_LOST_ANSWERS = 5
FAILED_DEPENDENCY = 424

ProgressCallback = Callable[[Progress], None]

NOT_SENT = "Cancelled before it was sent."
UNCONFIRMED = (
    "Graph's answer was lost and the user could not be read again ({reason}); resume the run "
    "to check what took effect."
)
LOST_TOO_OFTEN = "Graph's answer was lost {count} times; a fresh read shows it did not take effect."
NOT_OURS = "Another account named {name} exists; it was not created."
GUARD_REFUSED = "Read again just before sending, it no longer holds: left as it is."
UNGUARDED = "Not sent: it could not be read again just before sending ({})."

# Checked against the user as read just before the change is sent (None: the user is gone);
# False leaves the user as they are.
Guard = Callable[[User | None, UserChange], bool]


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One user's change. ``target`` addresses the user (id preferred); None before a create.

    ``change`` is what is left to send: the whole planned change at first, only the missing
    parts after a lost answer or a create. ``lost`` counts that user's lost answers so far.
    """

    seq: int
    key: str
    target: str | None
    change: UserChange
    created: bool = False  # a follow-up after this run created the user
    lost: int = 0


@dataclass(slots=True)
class _Chunk:
    items: list[WorkItem]
    requests: list[BatchRequest]


@dataclass(slots=True)
class _Unknown:
    """A user with parts whose fate no answer told: settled by reading the user again."""

    item: WorkItem
    parts: list[Part]
    reason: str  # why no answer: for the journal when the read fails too
    code: str | None
    lost: bool  # the request may have reached Graph (else it surely did not: a failure)


@dataclass(slots=True)
class _ChunkResult:
    results: dict[int, UserResult] = field(default_factory=dict)
    follow_ups: list[WorkItem] = field(default_factory=list)


@dataclass(slots=True)
class _Findings:
    """What one chunk learned, user by user (by step seq)."""

    parts: dict[int, list[PartResult]]
    after: dict[int, User] = field(default_factory=dict)  # the user as Graph last showed it
    created: dict[int, str] = field(default_factory=dict)  # new users' ids
    follow_ups: list[WorkItem] = field(default_factory=list)


def _requests_for(item: WorkItem) -> list[BatchRequest]:
    prefix = str(item.seq)
    if item.change.create is not None and item.target is None:
        return [create_request(prefix, item.change)]
    assert item.target is not None
    return update_requests(prefix, item.target, item.change)


def pack(items: Iterable[WorkItem]) -> list[_Chunk]:
    """Greedy packing: whole users per chunk (their requests depend on each other)."""
    chunks: list[_Chunk] = []
    current = _Chunk([], [])
    for item in items:
        requests = _requests_for(item)
        if current.requests and len(current.requests) + len(requests) > MAX_BATCH:
            chunks.append(current)
            current = _Chunk([], [])
        current.items.append(item)
        current.requests.extend(requests)
    if current.items:
        chunks.append(current)
    return chunks


class ApplyRun:
    """Applies work items for one journal run. Use once."""

    def __init__(
        self,
        client: GraphClient,
        journal: Journal,
        run_id: str,
        *,
        max_in_flight: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        counts: Progress,
        guard: Guard | None = None,
    ) -> None:
        self.client = client
        self.guard = guard
        self.journal = journal
        self.run_id = run_id
        self.max_in_flight = max(1, max_in_flight)
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self.counts = counts
        self._lock = threading.Lock()

    # -- the loop ------------------------------------------------------------------------
    def run(self, items: Sequence[WorkItem]) -> dict[int, UserResult]:
        results: dict[int, UserResult] = {}
        pending: deque[_Chunk] = deque(pack(items))
        self._report()
        with ThreadPoolExecutor(self.max_in_flight, thread_name_prefix="apply") as pool:
            in_flight: set[Future[_ChunkResult]] = set()
            while True:
                while pending and len(in_flight) < self.max_in_flight and not self.cancelled:
                    in_flight.add(pool.submit(self._send, pending.popleft()))
                if not in_flight:
                    break
                # A timeout, so the main thread wakes to run a Ctrl+C handler: the OS may
                # deliver SIGINT to a worker thread, leaving this wait uninterrupted.
                finished, in_flight = wait(
                    in_flight, timeout=SIGNAL_POLL_SECONDS, return_when=FIRST_COMPLETED
                )
                for future in finished:
                    outcome = future.result()
                    results.update(outcome.results)
                    self._count(outcome.results.values())
                    pending.extend(pack(outcome.follow_ups))
        left = [item for chunk in pending for item in chunk.items]
        if left:
            settled = self._settle(
                {item.seq: _all(item, PartState.NOT_SENT, NOT_SENT) for item in left}
            )
            keys = {item.seq: item.key for item in left}
            cancelled = {seq: replace(r, user=keys[seq]) for seq, r in settled.items()}
            results.update(cancelled)
            self._count(cancelled.values())
        return results

    @property
    def cancelled(self) -> bool:
        return self.cancel.cancelled

    def _count(self, results: Iterable[UserResult]) -> None:
        results = list(results)
        if not results:
            return  # e.g. only new accounts created, their licenses still to come
        with self._lock:
            counts = self.counts
            for r in results:
                counts = replace(
                    counts,
                    done=counts.done + (r.outcome is Outcome.DONE),
                    failed=counts.failed + (r.outcome is Outcome.FAILED),
                    skipped=counts.skipped + (r.outcome is Outcome.SKIPPED),
                    cancelled=counts.cancelled + (r.outcome is Outcome.CANCELLED),
                    partly=counts.partly + (r.outcome is Outcome.PARTLY),
                    unconfirmed=counts.unconfirmed + (r.outcome is Outcome.UNCONFIRMED),
                )
            self.counts = counts
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.counts)

    def _settle(
        self,
        parts: dict[int, list[PartResult]],
        after: dict[int, User] | None = None,
        in_flight: frozenset[int] = frozenset(),
    ) -> dict[int, UserResult]:
        """Record parts' outcomes; users with nothing ``in_flight`` get their result."""
        merged = self.journal.record(
            self.run_id,
            [StepUpdate(seq, StepState.SENT, parts=tuple(p)) for seq, p in parts.items() if p],
        )
        results: dict[int, UserResult] = {}
        for seq, known in merged.items():
            if seq in in_flight:
                continue
            outcome = outcome_of(known) or Outcome.DONE
            explaining = first_problem(known)
            results[seq] = UserResult(
                "",
                outcome,
                explaining.message if explaining else "",
                explaining.code if explaining else None,
                after=(after or {}).get(seq),
                parts=known,
            )
        return results

    # -- one chunk, on a worker thread -----------------------------------------------------
    def _send(self, chunk: _Chunk) -> _ChunkResult:
        self.journal.mark_sent(self.run_id, [item.seq for item in chunk.items])
        found = _Findings({item.seq: [] for item in chunk.items})
        sending = self._guarded(chunk, found) if self.guard is not None else chunk
        unknown = self._exchange(sending, found) if sending.items else []
        if unknown:
            self._reread(unknown, found)
        if found.created:
            self.journal.record_created(self.run_id, found.created)
        in_flight = frozenset(f.seq for f in found.follow_ups)
        for follow_up in found.follow_ups:
            # In flight again: if the process dies now, resume must read these users first.
            found.parts[follow_up.seq] += _all(follow_up, PartState.UNCONFIRMED, "")
        settled = self._settle(found.parts, found.after, in_flight)
        keys = {item.seq: item.key for item in chunk.items}
        return _ChunkResult(
            {seq: replace(r, user=keys[seq]) for seq, r in settled.items()}, found.follow_ups
        )

    def _exchange(self, sending: _Chunk, found: _Findings) -> list[_Unknown]:
        """Send the chunk; each part's outcome from its answer, the unclear ones to re-read."""
        unknown: list[_Unknown] = []
        try:
            # With the cancel token the client stops retrying throttled requests at once;
            # the ones it never sent again come back absent.
            responses = self.client.batch(sending.requests, cancel=self.cancel)
        except LicenseDeskError as exc:
            # No answer for the chunk: whatever was applied, a fresh read will show. A lost or
            # unreadable answer may hide applied writes; an error answer or a connection never
            # made means nothing was applied.
            lost = isinstance(exc, AnswerLostError | ProtocolError)
            code = getattr(exc, "code", None)
            for item in sending.items:
                unknown.append(_Unknown(item, list(parts_of(item.change)), str(exc), code, lost))
        else:
            for item in sending.items:
                judged = self._judge(item, responses, found)
                if judged is not None:
                    unknown.append(judged)
        return unknown

    def _guarded(self, chunk: _Chunk, found: _Findings) -> _Chunk:
        """The chunk's users read again just before it goes: an item the guard refuses now is
        skipped with the reason, never sent."""
        guard = self.guard
        fresh = [i for i in chunk.items if not i.created and i.target]
        if guard is None or not fresh:
            return chunk
        try:
            current = read_holders(
                self.client, [i.change for i in fresh], [i.target or "" for i in fresh]
            )
        except LicenseDeskError as exc:
            refused = {i.seq for i in fresh}
            for item in fresh:
                found.parts[item.seq] += _all(item, PartState.NOT_SENT, UNGUARDED.format(exc))
        else:
            refused = {
                i.seq for i in fresh if not guard(current.get((i.target or "").lower()), i.change)
            }
            for item in fresh:
                if item.seq in refused:
                    found.parts[item.seq] += _all(item, PartState.SKIPPED, GUARD_REFUSED)
        kept = [i for i in chunk.items if i.seq not in refused]
        return _Chunk(kept, [r for i in kept for r in _requests_for(i)])

    def _judge(
        self, item: WorkItem, responses: dict[str, BatchResponse], found: _Findings
    ) -> _Unknown | None:
        """Each part's outcome from its own answer; the parts no answer settles, to re-read."""
        parts = found.parts[item.seq]
        requests = _requests_for(item)
        answers = {r.id: responses.get(r.id) for r in requests}
        unclear = {rid for rid, a in answers.items() if a is not None and a.maybe_applied}
        cause = _cause(answers)
        missing: list[Part] = []
        for request in requests:
            answer = answers[request.id]
            # A create carries the whole change: its licenses follow only once it exists.
            is_create = request.id.endswith("c")
            mine = parts_of(item.change) if is_create else request_parts(item.change, request.id)
            if answer is None:
                parts += [PartResult(p, PartState.NOT_SENT, NOT_SENT) for p in mine]
            elif request.id in unclear or (
                answer.status == FAILED_DEPENDENCY and unclear & set(request.depends_on)
            ):
                missing += mine  # applied or not, only a read can tell
            elif answer.ok or (request.method == "DELETE" and answer.status == 404):
                if is_create:
                    try:
                        user = parse_user(answer.body, f"new user {item.key}")
                    except ProtocolError:  # a new user's id unreadable: find it by name
                        missing += mine
                        continue
                    _after_create(item, user, found)
                    continue
                parts += [PartResult(p, PartState.DONE) for p in mine]
                if answer.status == 200 and isinstance(answer.body, dict):
                    # The change is done whatever the body looks like; the user is a bonus.
                    with contextlib.suppress(ProtocolError):
                        found.after[item.seq] = parse_user(answer.body, f"user {item.key}")
            else:
                code, message = response_error(answer)
                if answer.status == FAILED_DEPENDENCY and cause is not None:
                    code, message = cause
                parts += [PartResult(p, PartState.FAILED, message, code) for p in mine]
        # Several requests may carry one part (a membership per group): one outcome for it,
        # the re-read's when any of them is unclear, else the worst.
        found.parts[item.seq] = _one_per_part([p for p in parts if p.part not in missing])
        if not missing:
            return None
        return _Unknown(
            item, list(dict.fromkeys(missing)), "Graph's answer was lost (HTTP 504)", None, True
        )

    def _reread(self, unknown: list[_Unknown], found: _Findings) -> None:
        """Settle parts no answer settled by reading the users: what the tenant shows is done,
        what is missing is sent again (after a lost answer) or failed (after a refusal)."""
        keys = {u.item.seq: _read_key(u.item) for u in unknown}
        try:
            current = read_holders(
                self.client, [u.item.change for u in unknown], list(keys.values())
            )
        except LicenseDeskError as exc:
            for u in unknown:
                state = PartState.UNCONFIRMED if u.lost else PartState.FAILED
                message = UNCONFIRMED.format(reason=exc) if u.lost else u.reason
                found.parts[u.item.seq] += [PartResult(p, state, message, u.code) for p in u.parts]
            return
        for u in unknown:
            item = u.item
            parts = found.parts[item.seq]
            user = current.get(keys[item.seq].lower())
            is_create = item.change.create is not None and item.target is None
            if is_create and user is not None:
                if user.display_name != item.change.create.display_name:  # type: ignore[union-attr]
                    parts += _all(item, PartState.FAILED, NOT_OURS.format(name=keys[item.seq]))
                    continue
                _after_create(item, user, found)
                continue
            if user is not None:
                found.after[item.seq] = user
            shown = parts_shown(user, item.change)
            parts += [PartResult(p, PartState.DONE) for p in u.parts if p in shown]
            missing = [p for p in u.parts if p not in shown]
            if not missing:
                continue
            lost = item.lost + 1
            if u.lost and lost < MAX_LOST_ANSWERS and not self.cancelled:
                # Only what the tenant does not show yet goes again (a group already joined
                # is not joined twice).
                still = pending_part(user, item.change) if user is not None else item.change
                again = only(still, missing)
                found.follow_ups.append(replace(item, change=again, lost=lost))
            elif u.lost and self.cancelled:
                parts += [PartResult(p, PartState.NOT_SENT, NOT_SENT) for p in missing]
            else:
                message = LOST_TOO_OFTEN.format(count=lost) if u.lost else u.reason
                parts += [PartResult(p, PartState.FAILED, message, u.code) for p in missing]


def _after_create(item: WorkItem, user: User, found: _Findings) -> None:
    found.created[item.seq] = user.id
    found.after[item.seq] = user
    found.parts[item.seq].append(PartResult(Part.CREATE, PartState.DONE))
    if item.change.add:
        licenses_only = UserChange(user=item.key, add=item.change.add)
        found.follow_ups.append(
            WorkItem(item.seq, item.key, user.id, licenses_only, True, item.lost)
        )


_WORST_FIRST = (PartState.FAILED, PartState.NOT_SENT, PartState.UNCONFIRMED, PartState.DONE)


def _one_per_part(results: list[PartResult]) -> list[PartResult]:
    """One result per part, the worst of those given (a failure names what went wrong)."""
    chosen: dict[Part, PartResult] = {}
    for result in results:
        held = chosen.get(result.part)
        if held is None or _rank(result) < _rank(held):
            chosen[result.part] = result
    return list(chosen.values())


def _rank(result: PartResult) -> int:
    state = result.state
    return _WORST_FIRST.index(state) if state in _WORST_FIRST else len(_WORST_FIRST)


def _all(item: WorkItem, state: PartState, message: str) -> list[PartResult]:
    return [PartResult(p, state, message) for p in parts_of(item.change)]


def _cause(answers: dict[str, BatchResponse | None]) -> tuple[str, str] | None:
    """The error behind a 424 (which only says its dependency failed)."""
    for answer in answers.values():
        if answer is not None and not answer.ok and answer.status != FAILED_DEPENDENCY:
            return response_error(answer)
    return None


def _read_key(item: WorkItem) -> str:
    if item.target is not None:
        return item.target
    assert item.change.create is not None
    return item.change.create.user_principal_name

"""Sending a checked plan: $batch chunks of 20, a few in flight, every user one outcome.

Each chunk is marked ``sent`` in the journal before it goes out and its results are written
as soon as they arrive. A failure that may come from a duplicate send after a dropped
connection (the first attempt worked, the retry found nothing to do) is settled by reading
the user again: if the target state holds, the outcome is done.
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
from desktop.graph.errors import LicenseDeskError, ProtocolError
from desktop.graph.parse import parse_user
from desktop.graph.records import User
from desktop.licensing.journal import Journal, StepState, StepUpdate
from desktop.licensing.reader import read_users, response_error
from desktop.licensing.state import satisfies
from desktop.licensing.types import Outcome, Progress, UserChange, UserResult
from desktop.licensing.wire import create_request, update_requests

SIGNAL_POLL_SECONDS = 0.2

ProgressCallback = Callable[[Progress], None]

_STATE_OF = {
    Outcome.DONE: StepState.DONE,
    Outcome.FAILED: StepState.FAILED,
    Outcome.SKIPPED: StepState.SKIPPED,
    Outcome.CANCELLED: StepState.CANCELLED,
}


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One user's change. ``target`` addresses the user (id preferred); None before a create."""

    seq: int
    key: str
    target: str | None
    change: UserChange
    created: bool = False  # a follow-up after this run created the user


@dataclass(slots=True)
class _Chunk:
    items: list[WorkItem]
    requests: list[BatchRequest]


@dataclass(frozen=True, slots=True)
class _Failure:
    code: str | None
    message: str
    unsent: bool = False  # never answered: the client stopped retrying on cancel


@dataclass(slots=True)
class _ChunkResult:
    results: dict[int, UserResult] = field(default_factory=dict)
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


def _first_error(responses: Sequence[BatchResponse]) -> tuple[str, str]:
    """The cause of a user's failure: a 424 only says its dependency failed, so prefer others."""
    failed = [r for r in responses if not r.ok]
    cause = next((r for r in failed if r.status != 424), failed[0])
    return response_error(cause)


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
    ) -> None:
        self.client = client
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
            cancelled = {item.seq: self._cancelled(item) for item in left}
            self._record(cancelled)
            results.update(cancelled)
            self._count(cancelled.values())
        return results

    @property
    def cancelled(self) -> bool:
        return self.cancel.cancelled

    def _cancelled(self, item: WorkItem) -> UserResult:
        message = "Cancelled before it was sent."
        if item.created:
            message = "The account was created; cancelled before its licenses were assigned."
        return UserResult(item.key, Outcome.CANCELLED, message)

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
                )
            self.counts = counts
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.counts)

    def _record(self, results: dict[int, UserResult]) -> None:
        self.journal.record(
            self.run_id,
            [
                StepUpdate(seq, _STATE_OF[r.outcome], r.message, r.code)
                for seq, r in results.items()
            ],
        )

    # -- one chunk, on a worker thread -----------------------------------------------------
    def _send(self, chunk: _Chunk) -> _ChunkResult:
        self.journal.mark_sent(self.run_id, [item.seq for item in chunk.items])
        outcome = _ChunkResult()
        failures: dict[int, _Failure] = {}
        created: dict[int, str] = {}
        try:
            # With the cancel token the client stops retrying throttled requests at once;
            # the ones it never sent again come back absent.
            responses = self.client.batch(chunk.requests, cancel=self.cancel)
        except LicenseDeskError as exc:
            # The whole chunk's fate is unknown: every user is settled by re-reading.
            failure = _Failure(getattr(exc, "code", None), str(exc))
            failures = dict.fromkeys((item.seq for item in chunk.items), failure)
            responses = {}
        for item in chunk.items:
            if item.seq in failures:
                continue
            mine = [responses[r.id] for r in _requests_for(item) if r.id in responses]
            if len(mine) < len(_requests_for(item)):
                failures[item.seq] = _Failure(None, "Graph sent no answer.", unsent=True)
                continue
            if all(r.ok for r in mine) or (item.change.delete and mine[0].status == 404):
                try:
                    self._succeeded(item, mine, outcome, created)
                except ProtocolError as exc:  # a new user's id unreadable: find it by name
                    failures[item.seq] = _Failure(None, str(exc))
            else:
                failures[item.seq] = _Failure(*_first_error(mine))
        if failures:
            self._reconcile(chunk, failures, outcome, created)
        if created:
            self.journal.record_created(self.run_id, created)
        self._record(outcome.results)
        return outcome

    def _succeeded(
        self,
        item: WorkItem,
        responses: Sequence[BatchResponse],
        outcome: _ChunkResult,
        created: dict[int, str],
    ) -> None:
        if item.change.create is not None and item.target is None:
            user = parse_user(responses[0].body, f"new user {item.key}")
            self._after_create(item, user, outcome, created)
            return
        after: User | None = None
        for response in responses:
            if response.status == 200 and isinstance(response.body, dict):
                # The change is done whatever the body looks like; the user copy is a bonus.
                with contextlib.suppress(ProtocolError):
                    after = parse_user(response.body, f"user {item.key}")
        outcome.results[item.seq] = UserResult(item.key, Outcome.DONE, after=after)

    def _after_create(
        self, item: WorkItem, user: User, outcome: _ChunkResult, created: dict[int, str]
    ) -> None:
        created[item.seq] = user.id
        if item.change.add:
            licenses_only = UserChange(user=item.key, add=item.change.add)
            outcome.follow_ups.append(
                WorkItem(item.seq, item.key, user.id, licenses_only, created=True)
            )
        else:
            outcome.results[item.seq] = UserResult(item.key, Outcome.DONE, after=user)

    def _reconcile(
        self,
        chunk: _Chunk,
        failures: dict[int, _Failure],
        outcome: _ChunkResult,
        created: dict[int, str],
    ) -> None:
        items = [item for item in chunk.items if item.seq in failures]
        keys = {item.seq: _read_key(item) for item in items}
        try:
            current = read_users(self.client, list(keys.values()))
        except LicenseDeskError:
            current = {}
        for item in items:
            failure = failures[item.seq]
            user = current.get(keys[item.seq].lower())
            is_create = item.change.create is not None and item.target is None
            if is_create and user is not None and _is_our_create(item.change, user):
                self._after_create(item, user, outcome, created)
            elif (
                not is_create
                and keys[item.seq].lower() in current
                and (satisfies(user, item.change))
            ):
                outcome.results[item.seq] = UserResult(item.key, Outcome.DONE, after=user)
            elif failure.unsent and self.cancelled:
                message = "Cancelled before it was finished."
                if item.created:
                    message = "The account was created; cancelled before its licenses were."
                outcome.results[item.seq] = UserResult(item.key, Outcome.CANCELLED, message)
            else:
                message = failure.message
                if item.created:
                    message = f"The account was created, but its licenses were not: {message}"
                outcome.results[item.seq] = UserResult(
                    item.key, Outcome.FAILED, message, failure.code
                )


def _read_key(item: WorkItem) -> str:
    if item.target is not None:
        return item.target
    assert item.change.create is not None
    return item.change.create.user_principal_name


def _is_our_create(change: UserChange, user: User) -> bool:
    """A create answered "already exists" after a dropped connection: ours if it matches.

    The check saw the name free moments ago, so a matching account is our first attempt.
    """
    assert change.create is not None
    return user.display_name == change.create.display_name

"""``POST /$batch``: chunks of 20, dependency chains kept together, inner throttles retried.

Graph answers a batch with 200 as long as the envelope parses; each inner request has its own
status. An inner 429 (or 503, or a read's 504) is retried on its own after its own
``Retry-After``; a request that got 424 only because its dependency was throttled goes again
together with that dependency. An inner write answered 504 may have been applied, so it is
never resent blind: it comes back marked ``maybe_applied`` for the caller to re-read. Everything
else is final and handed back keyed by request id.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.cancel import CancelToken
from desktop.graph.batch_items import MAX_BATCH, BatchRequest, BatchResponse
from desktop.graph.errors import CancelledError
from desktop.graph.json_checks import decode_json, describe, fail, wrong
from desktop.graph.pacing import PaceTicket
from desktop.graph.resource_pause import names_resource_units
from desktop.graph.retry import THROTTLE_STATUSES, header, parse_retry_after
from desktop.graph.throttle_signals import (
    LimitShare,
    counts_as_write_limit,
    limit_share,
    throttle_reason,
)
from desktop.graph.transport import Transport

log = logging.getLogger("desktop.graph")

FAILED_DEPENDENCY = 424
_AMBIGUOUS_INNER = frozenset({504})  # an inner write that timed out may have been applied


def plan_chunks(
    requests: Sequence[BatchRequest], size: int = MAX_BATCH
) -> list[list[BatchRequest]]:
    """Split into chunks of at most ``size``; requests linked by ``depends_on`` share a chunk,
    and inside a chunk every request comes after the ones it depends on.

    Raises ValueError for duplicate ids, unknown or circular dependencies, and linked groups
    larger than one batch: those are mistakes in the caller's plan, not the server's.
    """
    by_id: dict[str, BatchRequest] = {}
    for request in requests:
        if request.id in by_id:
            raise ValueError(f"Batch request id {request.id!r} is used twice; ids must be unique.")
        by_id[request.id] = request
    parent = {rid: rid for rid in by_id}

    def root(rid: str) -> str:
        while parent[rid] != rid:
            parent[rid] = parent[parent[rid]]
            rid = parent[rid]
        return rid

    for request in requests:
        for dependency in request.depends_on:
            if dependency not in by_id:
                raise ValueError(
                    f"Batch request {request.id!r} depends on {dependency!r}, "
                    "which is not in the batch."
                )
            parent[root(request.id)] = root(dependency)
    groups: dict[str, list[BatchRequest]] = {}
    for request in requests:
        groups.setdefault(root(request.id), []).append(request)
    chunks: list[list[BatchRequest]] = []
    current: list[BatchRequest] = []
    for group in groups.values():
        if len(group) > size:
            raise ValueError(
                f"{len(group)} batch requests depend on each other (starting with "
                f"{group[0].id!r}); at most {size} fit in one $batch."
            )
        if len(current) + len(group) > size:
            chunks.append(current)
            current = []
        current.extend(_dependencies_first(group))
    if current:
        chunks.append(current)
    return chunks


def _dependencies_first(group: list[BatchRequest]) -> list[BatchRequest]:
    """Stable topological order; ValueError on a cycle."""
    placed: set[str] = set()
    ordered: list[BatchRequest] = []
    waiting = list(group)
    while waiting:
        ready = [r for r in waiting if all(d in placed for d in r.depends_on)]
        if not ready:
            raise ValueError(
                f"Batch requests {', '.join(repr(r.id) for r in waiting)} depend on each other "
                "in a circle."
            )
        for request in ready:
            placed.add(request.id)
            ordered.append(request)
        waiting = [r for r in waiting if r.id not in placed]
    return ordered


def parse_batch_reply(body: Any, where: str, sent: Iterable[str]) -> dict[str, BatchResponse]:
    """Inner answers keyed by id; every sent id must be answered exactly once."""
    if type(body) is not dict:
        fail(where, f"expected a JSON object with 'responses', got {describe(body)}")
    items = body.get("responses")
    if type(items) is not list:
        wrong(where, "responses", body.get("responses", object()), "a list")
    expected = set(sent)
    answers: dict[str, BatchResponse] = {}
    for position, item in enumerate(items, 1):
        here = f"{where}, response {position}"
        if type(item) is not dict:
            fail(here, f"expected an object, got {describe(item)}")
        rid = item.get("id")
        if type(rid) is not str:
            wrong(here, "id", item.get("id", object()), "a request id")
        status = item.get("status")
        if type(status) is not int:
            wrong(here, "status", item.get("status", object()), "an HTTP status")
        raw_headers = item.get("headers") or {}
        if type(raw_headers) is not dict:
            wrong(here, "headers", raw_headers, "an object")
        if rid not in expected:
            fail(here, f"answers request {rid!r}, which was not sent in this batch")
        if rid in answers:
            fail(here, f"answers request {rid!r} a second time")
        answers[rid] = BatchResponse(
            id=rid,
            status=status,
            body=item.get("body"),
            headers={str(k): str(v) for k, v in raw_headers.items()},
        )
    missing = expected - answers.keys()
    if missing:
        fail(where, f"no answer for request(s) {', '.join(sorted(missing))}")
    return answers


_FEW_WRITES = 4


def window_full(throttled_writes: int, writes: int) -> bool:
    """Whether the inner 429s of one $batch say the service's write window is full.

    A full window refuses every write until its oldest entry expires, so most of the batch
    comes back 429. Scattered 429s (a few in twenty) are ordinary throttling of single
    requests: each is retried after its own Retry-After, and slowing the whole run down for
    them would cost far more than the few retries (1,000 users under 10% random throttling
    took 44 s instead of about 3 s before this check). A handful of writes is too few to tell.
    """
    enough = throttled_writes >= min(writes, _FEW_WRITES)
    return throttled_writes > 0 and enough and throttled_writes * 2 >= writes


class BatchSender:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def send(
        self, requests: Sequence[BatchRequest], cancel: CancelToken | None = None
    ) -> dict[str, BatchResponse]:
        """Every answer keyed by id. When cancelled, stops between rounds: requests never sent
        (or still waiting to be retried) are absent from the result."""
        results: dict[str, BatchResponse] = {}
        for chunk in plan_chunks(requests):
            if cancel is not None and cancel.cancelled:
                break
            results.update(_Chunk(self._transport, chunk, cancel).run())
        return results


class _Chunk:
    """One chunk and its retry rounds."""

    def __init__(
        self, transport: Transport, chunk: list[BatchRequest], cancel: CancelToken | None
    ) -> None:
        self.transport = transport
        self.cancel = cancel
        self.requests = {r.id: r for r in chunk}
        self.order = [r.id for r in chunk]
        self.attempts = dict.fromkeys(self.order, 0)
        self.last: dict[str, BatchResponse] = {}
        self.due: dict[str, float] = {}  # ids waiting to be sent again, and from when
        self.maybe_applied: set[str] = set()
        self.results: dict[str, BatchResponse] = {}

    def run(self) -> dict[str, BatchResponse]:
        clock = self.transport.clock
        policy = self.transport.retry
        waited = 0.0
        round_ids = list(self.order)
        while round_ids:
            try:
                self._send_round(round_ids)
            except CancelledError:
                return self.results  # the round was never answered: treat as not sent
            if not self.due:
                break
            now = clock.now()
            next_due = min(self._effective_due(rid) for rid in self.due)
            wait = max(0.0, next_due - now)
            if waited + wait > policy.max_total_wait:
                log.warning(
                    "$batch: retry time used up; %d request(s) stay throttled", len(self.due)
                )
                break
            try:
                clock.sleep(wait, self.cancel)
            except CancelledError:
                return self.results
            waited += wait
            now = clock.now()
            round_ids = [
                rid for rid in self.order if rid in self.due and self._effective_due(rid) <= now
            ]
        for rid in self.due:  # budget spent: the last (throttled) answer is final
            self._finish(rid)
        return self.results

    def _effective_due(self, rid: str) -> float:
        """A request goes no earlier than the throttled requests it depends on."""
        due = self.due[rid]
        for dependency in self.requests[rid].depends_on:
            if dependency in self.due:
                due = max(due, self._effective_due(dependency))
        return due

    def _fit_to_pace(self, round_ids: list[str]) -> tuple[list[str], PaceTicket | None]:
        """Reserve the round's writes with the pacer, which may grant fewer (close to a limit
        the service reports); then keep the leading requests that fit, linked ones together,
        and leave the rest due at once for the next round."""
        writes = sum(1 for rid in round_ids if self.requests[rid].is_write)
        if not writes:
            return round_ids, None
        self.transport.resource_pause.wait(self.cancel)
        ticket = self.transport.pacer.acquire(writes, self.cancel, partial=True)
        if ticket.count >= writes:
            return round_ids, ticket
        kept: list[str] = []
        kept_writes = 0
        for group in self._linked_groups(round_ids):
            group_writes = sum(1 for rid in group if self.requests[rid].is_write)
            if kept and kept_writes + group_writes > ticket.count:
                break
            kept.extend(group)
            kept_writes += group_writes
        now = self.transport.clock.now()
        kept_ids = set(kept)
        for rid in round_ids:
            if rid not in kept_ids:
                self.due[rid] = now
        return kept, ticket

    def _linked_groups(self, round_ids: list[str]) -> list[list[str]]:
        """The round's requests in order, grouped with those they depend on in the round."""
        in_round = set(round_ids)
        group_of: dict[str, int] = {}
        groups: list[list[str]] = []
        for rid in round_ids:
            linked = {group_of[d] for d in self.requests[rid].depends_on if d in in_round}
            if not linked:
                group_of[rid] = len(groups)
                groups.append([rid])
                continue
            target = min(linked)
            for other in sorted(linked - {target}, reverse=True):
                for moved in groups[other]:
                    group_of[moved] = target
                groups[target].extend(groups[other])
                groups[other] = []
            group_of[rid] = target
            groups[target].append(rid)
        return [group for group in groups if group]

    def _send_round(self, round_ids: list[str]) -> None:
        round_ids, ticket = self._fit_to_pace(round_ids)
        in_round = set(round_ids)
        wire = []
        for rid in round_ids:
            request = self.requests[rid]
            entry = request.to_wire()
            # Dependencies answered in an earlier round are done; only same-round ones count.
            depends = [d for d in request.depends_on if d in in_round]
            if depends:
                entry["dependsOn"] = depends
            else:
                entry.pop("dependsOn", None)
            wire.append(entry)
            self.attempts[rid] += 1
            if self.attempts[rid] > 1:
                self.transport.stats.add(retries=1)
            self.due.pop(rid, None)
        writes = sum(1 for rid in round_ids if self.requests[rid].is_write)
        reply = self.transport.send(
            "POST",
            "/$batch",
            what=f"$batch of {len(round_ids)}",
            body={"requests": wire},
            writes=writes,
            batch=True,
            ticket=ticket,
            cancel=self.cancel,
        )
        body = decode_json(reply.content, "$batch answer", reply.content_type)
        answers = parse_batch_reply(body, "$batch answer", round_ids)
        now = self.transport.clock.now()
        policy = self.transport.retry
        # Only first attempts speak for the window: a round of retries is small and was picked
        # for having been throttled, so its share of 429s says nothing about the window.
        fresh_writes = sum(
            1 for rid in round_ids if self.requests[rid].is_write and self.attempts[rid] == 1
        )
        unnamed: list[float | None] = []  # first tries' 429s that give no reason
        write_limit: list[float | None] = []  # 429s that say the write limit is full
        shares: list[LimitShare] = []
        for rid in round_ids:
            answer = answers[rid]
            self.last[rid] = answer
            request = self.requests[rid]
            if request.is_write and answer.status != 429:
                share = limit_share(answer.headers)
                if share is not None:
                    shares.append(share)
            if answer.status not in THROTTLE_STATUSES:
                continue
            retry_after = parse_retry_after(header(answer.headers, "Retry-After"))
            if answer.status == 429:
                self.transport.stats.add(throttled=1)
                reason = throttle_reason(answer.headers)
                if names_resource_units(reason):
                    self.transport.resource_pause.hold(retry_after)
                if request.is_write and reason is None and self.attempts[rid] == 1:
                    unnamed.append(retry_after)
                elif request.is_write and counts_as_write_limit(reason, unnamed=False):
                    write_limit.append(retry_after)
            if answer.status in _AMBIGUOUS_INNER and request.is_write:
                self.maybe_applied.add(rid)
                self.transport.stats.add(lost_answers=1)
                continue
            if self.attempts[rid] >= policy.max_attempts:
                continue
            wait = retry_after if retry_after is not None else policy.backoff(self.attempts[rid])
            self.due[rid] = now + wait
        # A 429 that names the write limit speaks for the window on its own; unnamed ones only
        # when most of the batch got them (see window_full).
        if write_limit or window_full(len(unnamed), fresh_writes):
            waits = [w for w in write_limit or unnamed if w is not None]
            if reply.ticket is not None:
                self.transport.pacer.throttled(reply.ticket, max(waits) if waits else None)
        if reply.ticket is not None:
            accepted = sum(
                1 for rid in round_ids if self.requests[rid].is_write and answers[rid].status != 429
            )
            highest = max(shares, key=lambda share: share.upper) if shares else None
            self.transport.pacer.accepted(reply.ticket, accepted, highest)
        self._carry_dependents(round_ids)
        for rid in round_ids:
            if rid not in self.due:
                self._finish(rid)

    def _carry_dependents(self, round_ids: list[str]) -> None:
        """A 424 caused by a dependency that will be retried is retried with it."""
        changed = True
        while changed:
            changed = False
            for rid in round_ids:
                if rid in self.due or self.last[rid].status != FAILED_DEPENDENCY:
                    continue
                if any(d in self.due for d in self.requests[rid].depends_on):
                    self.due[rid] = self._effective_due_of_dependencies(rid)
                    changed = True

    def _effective_due_of_dependencies(self, rid: str) -> float:
        return max(self._effective_due(d) for d in self.requests[rid].depends_on if d in self.due)

    def _finish(self, rid: str) -> None:
        answer = self.last[rid]
        if rid in self.maybe_applied:
            answer = BatchResponse(answer.id, answer.status, answer.body, answer.headers, True)
        self.results[rid] = answer

"""$batch against a scripted server: ordering, inner throttles, dependencies, chunking."""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any

import pytest

from desktop.cancel import CancelToken
from desktop.graph.batch_items import BatchRequest
from desktop.graph.client import GraphClient
from desktop.graph.errors import AnswerLostError, ProtocolError
from tests.graph.canned import Canned, CannedServer, Seen, envelope
from tests.graph.fakes import FakeClock

Inner = tuple[int, dict[str, str]]
OK: Inner = (200, {})


def throttle(seconds: str) -> Inner:
    return (429, {"Retry-After": seconds})


class BatchScript:
    """Answers each inner request from its own queue of statuses (then 200), in reverse
    order, with 424 for requests whose same-batch dependency failed, as Graph does."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.queues: dict[str, deque[Inner]] = defaultdict(deque)
        self.rounds: list[list[str]] = []
        self.sent_at: dict[str, list[float]] = defaultdict(list)
        self.depends: list[dict[str, list[str]]] = []
        self.clock = clock

    def plan(self, rid: str, *answers: Inner) -> None:
        self.queues[rid].extend(answers)

    def __call__(self, seen: Seen) -> Canned:
        requests = seen.json()["requests"]
        self.rounds.append([r["id"] for r in requests])
        self.depends.append({r["id"]: r.get("dependsOn", []) for r in requests})
        status_of: dict[str, int] = {}
        responses: list[dict[str, Any]] = []
        for request in requests:
            rid = request["id"]
            if self.clock is not None:
                self.sent_at[rid].append(self.clock.now())
            if any(status_of.get(d, 200) >= 400 for d in request.get("dependsOn", [])):
                status, headers = 424, {}
            else:
                queue = self.queues[rid]
                status, headers = queue.popleft() if queue else OK
            status_of[rid] = status
            body: Any = {"id": rid} if status < 400 else envelope("X", f"status {status}")
            responses.append({"id": rid, "status": status, "headers": headers, "body": body})
        return Canned(200, {"responses": responses[::-1]})


def get(rid: str, *depends: str) -> BatchRequest:
    return BatchRequest(rid, "GET", f"/users/{rid}", depends_on=depends)


def patch(rid: str, *depends: str) -> BatchRequest:
    return BatchRequest(rid, "PATCH", f"/users/{rid}", {"usageLocation": "PL"}, depends)


def test_answers_in_any_order_are_matched_by_id(server: CannedServer, client: GraphClient) -> None:
    server.responder = BatchScript()
    answers = client.batch([get("a"), get("b"), get("c")])
    assert {rid: a.body["id"] for rid, a in answers.items()} == {"a": "a", "b": "b", "c": "c"}


def test_inner_throttles_are_retried_alone_after_their_own_retry_after(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    script = BatchScript(clock)
    script.plan("b", throttle("1.5"))
    script.plan("c", throttle("4"), throttle("0.25"))
    server.responder = script
    start = clock.now()
    answers = client.batch([get("a"), get("b"), get("c")])
    assert all(answer.status == 200 for answer in answers.values())
    assert script.rounds == [["a", "b", "c"], ["b"], ["c"], ["c"]]
    assert [round(t - start, 3) for t in script.sent_at["b"]] == [0, 1.5]
    assert [round(t - start, 3) for t in script.sent_at["c"]] == [0, 4, 4.25]
    assert client.stats.throttled == 3


def test_a_batch_refused_for_a_full_write_window_pauses_every_write_until_its_retry_after(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    script = BatchScript(clock)
    for rid in ("a", "b", "c", "d"):
        script.plan(rid, throttle("3"))
    server.responder = script
    start = clock.now()
    client.batch([patch("a"), patch("b"), patch("c"), patch("d"), patch("e")])
    client.batch([patch("later")])
    assert [round(t - start, 3) for t in script.sent_at["b"]] == [0, 3]
    assert script.sent_at["later"][0] - start >= 3
    assert client.stats.write_pauses == 1
    assert client.pacer.rate is not None  # learned from the throttle


def test_one_throttled_write_in_twenty_is_retried_alone_without_pausing_the_others(
    server: CannedServer, client: GraphClient, clock: FakeClock
) -> None:
    script = BatchScript(clock)
    script.plan("w7", throttle("3"))
    server.responder = script
    start = clock.now()
    client.batch([patch(f"w{n}") for n in range(20)])
    client.batch([patch("later")])
    assert [round(t - start, 3) for t in script.sent_at["w7"]] == [0, 3]
    assert client.stats.write_pauses == 0
    assert client.pacer.rate is None  # still unlimited: one 429 is not a full window


def test_a_dependent_that_failed_because_its_dependency_was_throttled_goes_with_it(
    server: CannedServer, client: GraphClient
) -> None:
    script = BatchScript()
    script.plan("patch", throttle("0.5"))
    server.responder = script
    requests = [patch("patch"), BatchRequest("assign", "POST", "/x", {}, ("patch",)), get("z")]
    answers = client.batch(requests)
    assert answers["assign"].status == 200
    assert answers["patch"].status == 200
    assert script.rounds == [["patch", "assign", "z"], ["patch", "assign"]]
    assert script.depends[1] == {"patch": [], "assign": ["patch"]}


def test_a_dependent_of_a_real_failure_keeps_its_424(
    server: CannedServer, client: GraphClient
) -> None:
    script = BatchScript()
    script.plan("patch", (400, {}))
    server.responder = script
    answers = client.batch([patch("patch"), BatchRequest("assign", "POST", "/x", {}, ("patch",))])
    assert (answers["patch"].status, answers["assign"].status) == (400, 424)
    assert len(script.rounds) == 1


def test_an_inner_throttle_past_the_budget_is_returned_as_is(
    server: CannedServer, client: GraphClient
) -> None:
    script = BatchScript()
    script.plan("a", *[throttle("0.1")] * 10)
    server.responder = script
    answers = client.batch([get("a"), get("b")])
    assert answers["a"].status == 429
    assert answers["b"].ok
    assert len(script.rounds) == 4  # the fixture's max_attempts


def test_more_than_20_requests_go_in_chunks_keeping_dependency_chains_together(
    server: CannedServer, client: GraphClient
) -> None:
    script = BatchScript()
    server.responder = script
    requests: list[BatchRequest] = []
    for n in range(15):
        requests.append(patch(f"p{n}"))
        requests.append(BatchRequest(f"a{n}", "POST", f"/users/{n}/assignLicense", {}, (f"p{n}",)))
    answers = client.batch(requests)
    assert len(answers) == 30
    assert [len(r) for r in script.rounds] == [20, 10]
    for chunk in script.rounds:
        for rid in chunk:
            if rid.startswith("a"):
                assert f"p{rid[1:]}" in chunk


def test_cancel_between_chunks_leaves_unsent_requests_out(
    server: CannedServer, client: GraphClient
) -> None:
    cancel = CancelToken()
    script = BatchScript()

    def answer_then_cancel(seen: Seen) -> Canned:
        cancel.cancel()
        return script(seen)

    server.responder = answer_then_cancel
    answers = client.batch([get(f"r{n}") for n in range(25)], cancel=cancel)
    assert sorted(answers) == sorted(f"r{n}" for n in range(20))


def test_a_batch_answer_missing_a_request_is_a_protocol_error(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(200, {"responses": [{"id": "a", "status": 200, "body": {}}]}))
    with pytest.raises(ProtocolError, match=r"no answer for request\(s\) b"):
        client.batch([get("a"), get("b")])


def test_group_names_fall_back_to_the_id_for_unknown_groups(
    server: CannedServer, client: GraphClient
) -> None:
    def groups(seen: Seen) -> Canned:
        responses = []
        for request in seen.json()["requests"]:
            gid = request["url"].split("/")[2].split("?")[0]
            if gid == "g-missing":
                responses.append({"id": request["id"], "status": 404, "body": envelope("N", "x")})
            else:
                body = {"id": gid, "displayName": f"Group {gid}"}
                responses.append({"id": request["id"], "status": 200, "body": body})
        return Canned(200, {"responses": responses})

    server.responder = groups
    names = client.group_names(["g1", "g-missing", "g1", "g2"])
    assert names == {"g1": "Group g1", "g-missing": "g-missing", "g2": "Group g2"}
    assert len(server.seen[0].json()["requests"]) == 3


def test_a_write_batch_whose_connection_drops_is_not_resent(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(drop=True))
    server.responder = BatchScript()
    with pytest.raises(AnswerLostError, match="may have been applied"):
        client.batch([patch("a"), get("b")])
    assert len(server.seen) == 1  # the caller re-reads; a blind resend could apply it twice
    assert client.stats.lost_answers == 1


def test_a_read_only_batch_whose_connection_drops_is_sent_again(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(drop=True))
    server.responder = BatchScript()
    answers = client.batch([get("a"), get("b")])
    assert answers["a"].ok and answers["b"].ok
    assert len(server.seen) == 2


def test_an_inner_write_that_timed_out_is_not_resent_but_marked(
    server: CannedServer, client: GraphClient
) -> None:
    script = BatchScript()
    script.plan("a", (504, {}))
    script.plan("b", (503, {"Retry-After": "0.2"}))
    script.plan("c", (504, {}))
    server.responder = script
    answers = client.batch([patch("a"), patch("b"), get("c")])
    assert (answers["a"].status, answers["a"].maybe_applied) == (504, True)
    assert (answers["b"].ok, answers["b"].maybe_applied) == (True, False)  # 503: not applied
    assert (answers["c"].ok, answers["c"].maybe_applied) == (True, False)  # a read: retried
    sent = [rid for round_ids in script.rounds for rid in round_ids]
    assert (sent.count("a"), sent.count("b"), sent.count("c")) == (1, 2, 2)

"""``POST /$batch``: up to 20 requests in one call, answered in a shuffled order.

The batch itself answers 400 when it cannot be read (more than 20 requests, duplicate ids,
unknown ``dependsOn`` ids); otherwise 200, with each inner request's own status, headers and
body. A request whose dependency failed gets 424. Responses come back in a deterministic but
shuffled order (never the request order when there are two or more), so clients must match them
by id, as they must with Graph.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable
from typing import Any

from desktop.demo import errors
from desktop.demo.context import json_body
from desktop.demo.router import Request, Response, Router
from desktop.graph.batch_items import MAX_BATCH

METHODS = frozenset({"GET", "POST", "PATCH", "PUT", "DELETE"})

# Runs one inner request (throttling, faults and write limits included) and answers it.
InnerExecutor = Callable[[Request, "InnerRequest"], Response]


class InnerRequest:
    """One validated entry of ``requests``."""

    __slots__ = ("body", "depends_on", "headers", "id", "method", "url")

    def __init__(self, entry: dict[str, Any]) -> None:
        self.id: str = entry["id"]
        self.method: str = entry["method"].upper()
        self.url: str = entry["url"]
        self.headers: dict[str, str] = entry.get("headers") or {}
        self.body: Any = entry.get("body")
        self.depends_on: list[str] = entry.get("dependsOn") or []

    def has_content_type(self) -> bool:
        return any(name.lower() == "content-type" for name in self.headers)


def register(router: Router, execute: InnerExecutor, seed: int) -> None:
    counter = itertools.count(1)
    router.add(
        "POST", r"/v1\.0/\$batch", lambda r: batch(r, execute, seed, next(counter)), graph=True
    )


def _invalid(message: str) -> errors.EnvelopeError:
    return errors.bad_request(message, errors.BAD_REQUEST)


def parse_requests(payload: Any) -> list[InnerRequest]:
    if not isinstance(payload, dict) or not isinstance(payload.get("requests"), list):
        raise _invalid("Invalid batch payload format.")  # unverified wording
    entries = payload["requests"]
    if len(entries) > MAX_BATCH:
        raise _invalid(errors.MSG_BATCH_TOO_LARGE)
    requests: list[InnerRequest] = []
    for entry in entries:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str)
            and entry["id"]
            and isinstance(entry.get("method"), str)
            and entry["method"].upper() in METHODS
            and isinstance(entry.get("url"), str)
            and isinstance(entry.get("headers") or {}, dict)
            and isinstance(entry.get("dependsOn") or [], list)
        ):
            raise _invalid("Invalid batch payload format.")
        requests.append(InnerRequest(entry))
    ids = [r.id for r in requests]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise _invalid(f"Batch request contains duplicate request id '{duplicates[0]}'.")
    known = set(ids)
    for request in requests:
        for dependency in request.depends_on:
            if dependency not in known or dependency == request.id:
                raise _invalid(
                    f"Request '{request.id}' depends on '{dependency}', which is not another "
                    "request in this batch."
                )
    return requests


def _execution_order(requests: list[InnerRequest]) -> list[InnerRequest]:
    by_id = {r.id: r for r in requests}
    ordered: list[InnerRequest] = []
    state: dict[str, str] = {}

    def visit(request: InnerRequest) -> None:
        mark = state.get(request.id)
        if mark == "done":
            return
        if mark == "visiting":
            raise _invalid("The dependsOn entries of the batch form a cycle.")
        state[request.id] = "visiting"
        for dependency in request.depends_on:
            visit(by_id[dependency])
        state[request.id] = "done"
        ordered.append(request)

    for request in requests:
        visit(request)
    return ordered


def _inner_json(request_id: str, response: Response) -> dict[str, Any]:
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    result: dict[str, Any] = {"id": request_id, "status": response.status, "headers": headers}
    if response.payload is not None:
        result["body"] = response.payload
    elif response.body:
        result["body"] = json.loads(response.body)
    return result


def batch(request: Request, execute: InnerExecutor, seed: int, number: int) -> Response:
    requests = parse_requests(json_body(request))
    statuses: dict[str, int] = {}
    answers: dict[str, dict[str, Any]] = {}
    for inner in _execution_order(requests):
        if any(statuses[d] >= 400 for d in inner.depends_on):
            response = errors.error_response(
                424,
                errors.FAILED_DEPENDENCY,
                errors.MSG_DEPENDENCY_FAILED,
                request_id=request.request_id,
                client_request_id=request.client_request_id,
            )
        elif inner.body is not None and not inner.has_content_type():
            response = errors.error_response(
                400,
                errors.BAD_REQUEST,
                errors.msg_batch_content_type(inner.id),
                request_id=request.request_id,
                client_request_id=request.client_request_id,
            )
        else:
            response = execute(request, inner)
        statuses[inner.id] = response.status
        answers[inner.id] = _inner_json(inner.id, response)
    order = [r.id for r in requests]
    shuffled = list(order)
    random.Random(f"batch:{seed}:{number}").shuffle(shuffled)
    if len(shuffled) > 1 and shuffled == order:
        shuffled = shuffled[1:] + shuffled[:1]
    return Response.json(200, {"responses": [answers[i] for i in shuffled]})

"""One request inside ``POST /$batch``, its answer, and how many fit in one batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Graph's limit of requests in one $batch (docs/graph-facts.md, "$batch"). The demo tenant
# refuses more with the same number, so client and emulator cannot drift apart.
MAX_BATCH = 20
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})


@dataclass(frozen=True, slots=True)
class BatchRequest:
    """``url`` is relative to the version root, e.g. ``/users/{id}/assignLicense``.

    ``depends_on`` names ids in the same chunk; the client keeps such requests together.
    """

    id: str
    method: str
    url: str
    body: dict[str, Any] | None = None
    depends_on: tuple[str, ...] = ()
    # Inner request headers (e.g. x-ms-throttle-priority); Content-Type comes with a body.
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def is_write(self) -> bool:
        return self.method.upper() in WRITE_METHODS

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"id": self.id, "method": self.method, "url": self.url}
        headers = dict(self.headers)
        if self.body is not None:
            wire["body"] = self.body
            headers["Content-Type"] = "application/json"
        if headers:
            wire["headers"] = headers
        if self.depends_on:
            wire["dependsOn"] = list(self.depends_on)
        return wire


@dataclass(frozen=True, slots=True)
class BatchResponse:
    id: str
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    # A write whose answer says nothing of its fate (an inner 504: the gateway gave up
    # waiting): it may have been applied. It is not resent; re-read the object to know.
    maybe_applied: bool = False

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

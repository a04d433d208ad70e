"""What every route handler shares: the store, the derived license view and small helpers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from desktop.demo import errors
from desktop.demo.assignments import Assignments
from desktop.demo.router import Request
from desktop.demo.store import Store

if TYPE_CHECKING:  # group_processing needs now_iso from here
    from desktop.demo.group_processing import GroupProcessing

GRAPH_VERSION_PREFIX = "/v1.0"
# Characters Graph leaves readable in nextLink query values.
_LINK_SAFE = "$,()'/:@"
MSG_UNREADABLE_JSON = (
    "Unable to read JSON request payload. Please ensure Content-Type header is set and payload "
    "is of valid JSON format."
)


@dataclass(slots=True)
class Backend:
    store: Store
    assignments: Assignments
    group_processing: GroupProcessing

    def sku_order(self) -> dict[str, int]:
        return {sku.sku_id: index for index, sku in enumerate(self.store.skus())}


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def json_body(request: Request) -> Any:
    """The request's JSON object, or Graph's 400 for a missing or unreadable payload."""
    if request.parsed_json is not None:
        return request.parsed_json
    try:
        return json.loads(request.body.decode("utf-8")) if request.body else None
    except (ValueError, UnicodeDecodeError):
        raise errors.bad_request(MSG_UNREADABLE_JSON, errors.BAD_REQUEST) from None


def without_annotations(body: dict[str, Any]) -> dict[str, Any]:
    """Drop OData instance annotations (``@odata.type``, ``prop@odata.bind``...): Graph accepts
    them on writes and Microsoft's SDKs always send ``@odata.type``."""
    return {k: v for k, v in body.items() if not k.startswith("@") and "@" not in k}


def eventual_consistency(request: Request) -> bool:
    """``ConsistencyLevel: eventual``: advanced queries and counts need it on every page."""
    return (request.header("ConsistencyLevel") or "").strip().lower() == "eventual"


def context_url(request: Request, fragment: str) -> str:
    return f"{request.root_url}{GRAPH_VERSION_PREFIX}/$metadata#{fragment}"


def next_link(request: Request, skiptoken: str) -> str:
    """The same URL and query, with ``$skiptoken`` replaced: clients follow it unchanged."""
    pairs = [(k, v) for k, v in request.query_pairs() if k.lower() != "$skiptoken"]
    pairs.append(("$skiptoken", skiptoken))
    query = "&".join(f"{quote(k, safe='$')}={quote(v, safe=_LINK_SAFE)}" for k, v in pairs)
    return f"{request.root_url}{request.path}?{query}"


def refuse_options(request: Request, names: tuple[str, ...]) -> None:
    """Query options Graph rejects (or the demo does not implement) on this endpoint."""
    for name in request.query:
        if name.lower() in names:
            # *unverified* wording.
            raise errors.bad_request(
                f"The query parameter '{name}' is not supported.", errors.UNSUPPORTED_QUERY
            )

"""Checks shared by the parsers: decoding JSON, collection envelopes, and error text that says
what was wrong and where, without quoting the offending content."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from desktop.graph.errors import ProtocolError

MISSING: Any = object()  # marks an absent key, as distinct from an explicit null


def fail(where: str, problem: str) -> NoReturn:
    raise ProtocolError(f"{where}: {problem}")


def describe(value: object) -> str:
    """A short, safe description of a JSON value for error text (never its whole content)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def wrong(where: str, key: str, value: object, expected: str) -> NoReturn:
    if value is MISSING:
        fail(where, f"missing {key!r}")
    fail(where, f"{key!r} is {describe(value)}, expected {expected}")


def decode_json(content: bytes, where: str, content_type: str = "") -> Any:
    """The JSON document in ``content``; ProtocolError for anything else."""
    if not content:
        fail(where, "the answer was empty, expected JSON")
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as exc:
        kind = content_type.split(";", 1)[0].strip() or "unknown type"
        if content.lstrip()[:1] in (b"{", b"["):
            fail(where, f"the JSON answer is cut off or malformed ({exc})")
        fail(where, f"the answer is not JSON ({kind}, {len(content)} bytes)")


def parse_collection(body: Any, where: str) -> tuple[list[Any], str | None, int | None]:
    """``value``, ``@odata.nextLink`` and ``@odata.count`` of a collection page."""
    if type(body) is not dict:
        fail(where, f"expected a JSON object with 'value', got {describe(body)}")
    items = body.get("value", MISSING)
    if type(items) is not list:
        wrong(where, "value", items, "a list")
    next_link = body.get("@odata.nextLink")
    if next_link is not None and (type(next_link) is not str or not next_link):
        wrong(where, "@odata.nextLink", next_link, "a URL")
    count = body.get("@odata.count")
    if count is not None and type(count) is not int:
        wrong(where, "@odata.count", count, "a whole number")
    return items, next_link, count


def guid_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if type(value) is not list:
        wrong(where, key, value, "a list of ids")
    for entry in value:
        if type(entry) is not str:
            fail(where, f"{key!r} holds {describe(entry)}, expected ids")
    return tuple([sys.intern(entry) for entry in value])

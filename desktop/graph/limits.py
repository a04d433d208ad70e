"""The client's bounds: how long one exchange may take, how big one answer may be, how many
pages one listing may have. Each limit fails with an error that names it."""

from __future__ import annotations

import requests

from desktop.graph.errors import AnswerTooLargeError

MB = 1024 * 1024
# One exchange, from connect to the last byte of the answer (a read timeout alone lets a
# server that sends a byte a second hold us for ever).
DEFAULT_DEADLINE_SECONDS = 120.0
# A page of 999 users with every property we select is about 2 MB; a $batch answer of 20 is
# smaller. Anything far past that is not Graph talking.
DEFAULT_MAX_ANSWER_BYTES = 64 * MB
# A usage report of a large tenant is a CSV of tens of megabytes.
DEFAULT_MAX_REPORT_BYTES = 512 * MB
# Entra ID tenants hold at most a few million objects (the default quota is 50,000 and can be
# raised to 300,000+ on request; the largest tenants hold a few million): at $top=999 that
# is a few thousand pages. Past this, a nextLink chain is a loop, not a tenant.
MAX_PAGES = 10_000
_CHUNK = 64 * 1024


def too_large(what: str, limit: int) -> AnswerTooLargeError:
    return AnswerTooLargeError(
        f"The answer to {what} is larger than {limit / MB:g} MB, far more than Graph sends; "
        "License Desk stopped reading it."
    )


def read_capped(response: requests.Response, what: str, limit: int) -> bytes:
    """The whole body, read in chunks, refusing to hold more than ``limit`` bytes (after
    decompression, so a small gzip bomb is caught as well)."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise too_large(what, limit)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large(what, limit)
        chunks.append(chunk)
    return b"".join(chunks)

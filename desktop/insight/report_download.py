"""Download a Graph usage report: the 302 to a pre-authenticated URL, followed without the token.

Graph answers ``GET /reports/get...(period='D30')`` with ``302 Found`` and a short-lived download
URL on another host. The bearer token must never follow it there (the URL itself is the key),
so this does the two steps by hand: the Graph request with the token and redirects off, then a
plain GET of the ``Location`` with no Authorization header, bounded in time and size.

This is a minimal stand-in until the Graph client has its own redirect-without-token download
method (``hardening`` adds one); then this module should call it. See ``docs/graph-facts.md``,
"Sign-in activity and usage reports".
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from desktop.graph.client import GraphClient
from desktop.graph.envelope import error_from_http
from desktop.graph.errors import ConnectionFailedError, ProtocolError

MAX_REPORT_BYTES = 256 * 1024 * 1024  # a 300,000-user report is about 100 MB
TIMEOUT = (5.0, 120.0)
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _check_location(location: str) -> str:
    parts = urlsplit(location)
    host = (parts.hostname or "").lower()
    if parts.scheme == "https" and host:
        return location
    if parts.scheme == "http" and host in _LOOPBACK:  # the demo tenant's download host
        return location
    raise ProtocolError(
        f"The report download link is not a secure address ({parts.scheme}://{host}); "
        "refusing to download it."
    )


def download_redirected_report(client: GraphClient, path: str, *, what: str) -> bytes:
    """The report file behind ``path`` (below the version root)."""
    url = f"{client.base_url}/{path.lstrip('/')}"
    token = client.tokens.token()
    with requests.Session() as session:
        try:
            first = session.get(
                url,
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                allow_redirects=False,
                timeout=TIMEOUT,
            )
            if first.status_code == 401:
                token = client.tokens.refresh()
                first = session.get(
                    url,
                    headers={"Authorization": f"Bearer {token}"},
                    allow_redirects=False,
                    timeout=TIMEOUT,
                )
        except requests.RequestException as exc:
            raise ConnectionFailedError(
                f"Could not read {what}: the connection failed. Check the network and try again."
            ) from exc
        if first.status_code not in (301, 302, 303, 307, 308):
            if 200 <= first.status_code < 300:
                raise ProtocolError(f"{what}: expected a link to the file, got the answer itself.")
            raise error_from_http(
                first.status_code,
                first.content,
                first.headers,
                what=what,
                redact=lambda text: text.replace(token, "<hidden>") if token else text,
                client_request_id="",
            )
        location = _check_location(first.headers.get("Location", ""))
        try:
            with session.get(location, stream=True, timeout=TIMEOUT) as answer:
                if answer.status_code != 200:
                    raise ProtocolError(
                        f"{what}: the download link answered HTTP {answer.status_code}; "
                        "it may have expired. Try again."
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in answer.iter_content(chunk_size=1 << 20):
                    size += len(chunk)
                    if size > MAX_REPORT_BYTES:
                        raise ProtocolError(f"{what}: the file is larger than expected; stopped.")
                    chunks.append(chunk)
        except requests.RequestException as exc:
            raise ConnectionFailedError(
                f"Could not download {what}: the connection failed. Try again."
            ) from exc
    return b"".join(chunks)

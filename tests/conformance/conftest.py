"""The targets of the conformance checks: the demo tenant always, a real tenant on request.

    LICENSE_DESK_LIVE_GRAPH_URL=https://graph.microsoft.com/v1.0 \\
    LICENSE_DESK_LIVE_GRAPH_TOKEN=<an access token with User.Read.All and
                                   LicenseAssignment.Read.All> \\
    python -m pytest tests/conformance -v

Every check only reads (a ``$batch`` of GETs at most), so it is safe against any tenant. Without
both variables, or under CI, the live target is skipped and says why; nothing leaves this
computer. The token is sent only to the given URL and never printed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from tests.demo_tenant import DemoTenantForTests

LIVE_URL = "LICENSE_DESK_LIVE_GRAPH_URL"
LIVE_TOKEN = "LICENSE_DESK_LIVE_GRAPH_TOKEN"
EVENTUAL = {"ConsistencyLevel": "eventual"}


@dataclass
class Target:
    """A Graph v1.0 root and a signed-in session that only reads."""

    name: str
    base_url: str
    session: requests.Session

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url(path), timeout=60, allow_redirects=False, **kwargs)

    def read_batch(self, requests_: list[dict[str, Any]]) -> requests.Response:
        assert all(r["method"] == "GET" for r in requests_), "conformance checks only read"
        return self.session.post(
            self.url("/$batch"), json={"requests": requests_}, timeout=60, allow_redirects=False
        )


def live_skip_reason() -> str | None:
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false"):
        return "CI never contacts a live tenant"
    missing = [name for name in (LIVE_URL, LIVE_TOKEN) if not os.environ.get(name, "").strip()]
    if missing:
        return f"no live tenant configured: set {' and '.join(missing)} to compare with one"
    if not os.environ[LIVE_URL].strip().lower().startswith("https://"):
        return f"{LIVE_URL} must be an https:// address (Graph's version root)"
    return None


def session_with(token: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


@pytest.fixture(params=["demo", "live"])
def target(
    request: pytest.FixtureRequest, demo_tenant_readonly: DemoTenantForTests
) -> Iterator[Target]:
    if request.param == "demo":
        session = session_with("conformance")
        yield Target("demo", demo_tenant_readonly.base_url, session)
    else:
        reason = live_skip_reason()
        if reason is not None:
            pytest.skip(reason)
        session = session_with(os.environ[LIVE_TOKEN].strip())
        yield Target("live", os.environ[LIVE_URL].strip().rstrip("/"), session)
    session.close()

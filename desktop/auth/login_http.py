"""The HTTP session MSAL uses (its ``http_client`` argument).

Normally a plain ``requests.Session`` with timeouts. For tests, it rewrites
``https://login.microsoftonline.com/...`` to a demo tenant's loopback URL: MSAL insists on
https authorities on Microsoft's host, so the rewrite happens underneath it and MSAL itself
runs unmodified.
"""

from __future__ import annotations

from typing import Any

import requests

from desktop.auth.config import LOGIN_HOST

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
_PREFIX = f"https://{LOGIN_HOST}"


class LoginSession(requests.Session):
    def __init__(self, login_url: str | None = None) -> None:
        super().__init__()
        self.login_url = login_url

    def rewrite(self, url: str) -> str:
        """Where a URL of the identity platform really goes (unchanged without a redirect)."""
        if self.login_url and (url == _PREFIX or url.startswith(_PREFIX + "/")):
            return self.login_url + url[len(_PREFIX) :]
        return url

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        if isinstance(url, bytes):
            url = url.decode()
        kwargs.setdefault("timeout", (CONNECT_TIMEOUT, READ_TIMEOUT))
        return super().request(method, self.rewrite(url), *args, **kwargs)

"""The ``requests`` session every Graph exchange goes through: the environment read once.

For every request ``requests`` looks at the environment again: the proxy variables and
``no_proxy`` (walking ``os.environ`` three times), the CA bundle variables, and ``~/.netrc``
for credentials. On a small page that is about a third of the client's own work: the sign-in
listing of a 100,000-user tenant is 834 pages of 120 users. A running app's environment does
not change, so proxies and CA bundle are resolved once per scheme and host, by requests' own
rules. ``.netrc`` is never consulted: every request already carries the authorization it
should (the tenant's token, or deliberately none for a pre-authorised report download), and a
line in that file must not add or replace one.

``exchange`` sends one request without the rest of ``Session.request``'s per-request merging
(session settings, hooks, cookie jars, a redirect look-ahead): with the environment cached it
is most of what is left of the client's own work on a small page, about 0.1 ms of a 0.5 ms
request (2026-11-30). It sends the session's headers and the caller's, as ``request`` would,
and no cookies: Graph authenticates every request by its token, and nothing we call relies on
a cookie set by an earlier answer.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase
from requests.structures import CaseInsensitiveDict

if TYPE_CHECKING:  # the stubs' names for what requests passes around
    from requests.sessions import _Cert, _Settings, _Verify

_Key = tuple[str, str, bool | None, Any, Any]


class _AsSent(AuthBase):
    """Leaves a request as it was built. Set as the session's auth, it keeps ``requests`` from
    filling one in from ``~/.netrc``."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


class GraphSession(requests.Session):
    def __init__(self) -> None:
        super().__init__()
        self.auth = _AsSent()
        self._environment: dict[_Key, _Settings] = {}

    def merge_environment_settings(
        self,
        url: str | bytes | None,
        proxies: MutableMapping[str, str] | None,
        stream: bool | None,
        verify: _Verify | None,
        cert: _Cert | None,
    ) -> _Settings:
        if proxies or not isinstance(url, str):  # a caller's own proxies: requests' rules
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        target = urlsplit(url)
        key: _Key = (target.scheme.lower(), target.netloc.lower(), stream, verify, cert)
        settings = self._environment.get(key)
        if settings is None:
            settings = super().merge_environment_settings(url, {}, stream, verify, cert)
            self._environment[key] = settings
        fresh = settings.copy()
        fresh["proxies"] = dict(settings["proxies"])  # requests may add to it on the way
        return fresh

    def exchange(
        self,
        method: str,
        url: str,
        *,
        data: bytes | None,
        headers: Mapping[str, str],
        timeout: tuple[float, float],
    ) -> requests.Response:
        """``request(method, url, ..., allow_redirects=False, stream=True)``, made directly:
        the answer's body is left to the caller to read (and close)."""
        sent: CaseInsensitiveDict[str | bytes] = CaseInsensitiveDict(self.headers)
        sent.update(headers)  # the caller's win, whatever their case
        prepared = requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers=sent, data=data)
        settings = self.merge_environment_settings(url, {}, True, None, None)
        verify = settings["verify"]
        return self.get_adapter(url).send(
            prepared,
            stream=True,
            timeout=timeout,
            verify=True if verify is None else verify,  # requests checks certificates by default
            cert=settings["cert"],
            proxies=settings["proxies"],
        )

"""The Graph session reads the environment once per host, by requests' own rules, and never
takes credentials from ``~/.netrc``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests.sessions

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.errors import ConnectionFailedError
from desktop.graph.tokens import StaticToken

TOKEN = StaticToken("demo-token")
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


def test_a_netrc_entry_for_the_host_never_replaces_the_token(
    demo_tenant_readonly: DemoTenant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password not-the-token\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    with GraphClient(demo_tenant_readonly.base_url, TOKEN, max_retries=0) as client:
        assert client.get_organization().display_name


def test_the_proxy_variables_are_read_once_per_host_and_obeyed(
    demo_tenant_readonly: DemoTenant, no_proxy_variables: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = requests.sessions.get_environ_proxies

    def counted(url: str, no_proxy: Any = None) -> dict[str, str]:
        calls.append(url)
        return original(url, no_proxy=no_proxy)

    no_proxy_variables.setattr(requests.sessions, "get_environ_proxies", counted)
    no_proxy_variables.setenv("HTTP_PROXY", DEAD_PROXY)
    no_proxy_variables.setenv("NO_PROXY", "127.0.0.1")
    with GraphClient(demo_tenant_readonly.base_url, TOKEN, max_retries=0) as client:
        for _ in range(3):
            client.get_organization()  # NO_PROXY names the tenant's host: straight there
    assert len(calls) == 1


def test_a_proxy_named_in_the_environment_is_used(
    demo_tenant_readonly: DemoTenant, no_proxy_variables: pytest.MonkeyPatch
) -> None:
    no_proxy_variables.setenv("HTTP_PROXY", DEAD_PROXY)
    with (
        GraphClient(demo_tenant_readonly.base_url, TOKEN, max_retries=0) as client,
        pytest.raises(ConnectionFailedError),
    ):
        client.get_organization()  # through the proxy, which is not there

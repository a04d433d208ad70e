"""Opening a tenant, the one way the command line and the window share (desktop.open_tenant)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest
import requests

from desktop.commands.connection import open_from_options
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.licensing.errors import JournalError
from desktop.open_tenant import DEMO_DATABASE, DEMO_JOURNAL, open_demo, open_tenant, tenant_journal
from desktop.paths import JOURNAL_FILE, app_data_dir, tenant_journal_file
from tests.demo_tenant import DemoTenantForTests

TENANT = "11111111-2222-3333-4444-555555555555"


def test_each_signed_in_tenant_has_its_own_journal_and_an_unknown_one_the_shared(
    tmp_path: Path,
) -> None:
    assert tenant_journal(tmp_path, TENANT) == tmp_path / tenant_journal_file(TENANT)
    assert tenant_journal(tmp_path, None) == tmp_path / JOURNAL_FILE
    assert tenant_journal(tmp_path, TENANT) != tenant_journal(tmp_path, "another-tenant")


def test_the_demo_tenant_opens_with_its_own_database_and_journal(tmp_path: Path) -> None:
    opened = open_demo(tmp_path / "data", users=5)
    try:
        assert opened.is_demo and opened.demo is not None
        assert opened.data_dir == tmp_path / "data"
        assert opened.journal_path == tmp_path / "data" / DEMO_JOURNAL
        assert (tmp_path / "data" / DEMO_DATABASE).exists()
        assert opened.client is opened.controller.client
        assert len(opened.controller.client.list_users()) == 5
        url = opened.demo.base_url
    finally:
        opened.close()
    assert opened.demo is None  # stopped, and closing again is harmless
    opened.close()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/users", timeout=5)


def test_a_signed_in_tenant_gets_its_journal_in_the_data_folder(
    demo_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    client = GraphClient(demo_tenant.base_url, StaticToken("t"))
    opened = open_tenant(client, tmp_path, "ann@contoso.com", tenant_id=TENANT)
    try:
        assert opened.journal_path == tmp_path / tenant_journal_file(TENANT)
        assert opened.account_label == "ann@contoso.com"
        assert not opened.is_demo and opened.write_access is None
        assert opened.controller.journal.summaries() == []
    finally:
        opened.close()


def test_a_journal_that_cannot_open_closes_the_client_and_says_why(tmp_path: Path) -> None:
    closed: list[bool] = []

    class Client(GraphClient):
        def close(self) -> None:
            closed.append(True)
            super().close()

    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    with pytest.raises(JournalError, match=r"Cannot open the journal at .*a file, not a folder"):
        open_tenant(
            Client("http://127.0.0.1:9/v1.0", StaticToken("t")),
            tmp_path,
            "x",
            journal_path=blocker / "journal.sqlite3",
        )
    assert closed == [True]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG rules are Linux's")
def test_the_command_line_opens_through_the_same_door_into_the_shared_data_folder(
    demo_tenant: DemoTenantForTests, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("LICENSE_DESK_JOURNAL", raising=False)
    args = argparse.Namespace(graph_url=demo_tenant.base_url, token="t", journal=None)
    opened = open_from_options(args)
    try:
        assert opened.data_dir == app_data_dir() == tmp_path / "license-desk"
        # A fixed token names no tenant: the shared journal, as the window's would be.
        assert opened.journal_path == tenant_journal(app_data_dir(), None)
        assert opened.client.base_url == demo_tenant.base_url
    finally:
        opened.close()

"""The snapshot on disk: encrypted (no user name readable in its bytes), owner-only, written
only with a keyring to hold its key, thrown away with one line when it was tampered with."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop.graph.client import GRAPH_URL
from desktop.graph.tokens import StaticToken
from desktop.open_tenant import OpenTenant, open_graph
from desktop.private_files import is_private
from desktop.snapshot import vault
from desktop.snapshot.store import SnapshotStore, delete_all, forget_tenant
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.demo_tenant import DemoTenantForTests


def snapshot_store(opened: OpenTenant) -> SnapshotStore:
    store = opened.loader().store
    assert store is not None
    return store


def test_the_snapshot_file_holds_no_readable_user_name(
    opened: OpenTenant, windows_keyring: WindowsLikeKeyring
) -> None:
    tenant = opened.loader().full_read()
    opened.loader().wait_for_save()  # saved on a thread of its own
    path = snapshot_store(opened).path
    data = path.read_bytes()
    assert len(data) > 1000
    leaks = []
    for user in tenant.users:
        for text in (user.user_principal_name, user.display_name, user.id, user.mail or ""):
            if not text:
                continue
            for encoding in ("utf-8", "utf-16-le"):
                if text.encode(encoding) in data or text.lower().encode(encoding) in data:
                    leaks.append(text)
    assert leaks == []
    assert is_private(path) and is_private(path.parent)
    # The key is in the keyring, never beside the file.
    assert windows_keyring.services(vault.KEY_SERVICE_PREFIX) == [
        vault.key_service(snapshot_store(opened).scope)
    ]
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_without_a_keyring_there_is_no_snapshot_and_the_tenant_is_read_live(
    opened: OpenTenant, no_keyring: None, demo_tenant: DemoTenantForTests
) -> None:
    paths = demo_tenant.record_paths()
    loader = opened.loader()
    tenant = loader.load()
    assert len(tenant.users) == 60
    assert loader.cached() is None
    assert not snapshot_store(opened).path.exists()
    assert "/v1.0/users/delta" not in paths  # no snapshot to continue: no delta link asked


@pytest.mark.parametrize("damage", ["flip a byte", "cut short", "another key"])
def test_a_tampered_snapshot_is_discarded_with_one_line_and_the_tenant_read_live(
    opened: OpenTenant,
    windows_keyring: WindowsLikeKeyring,
    caplog: pytest.LogCaptureFixture,
    damage: str,
) -> None:
    loader = opened.loader()
    loader.full_read()
    loader.wait_for_save()
    store = snapshot_store(opened)
    data = bytearray(store.path.read_bytes())
    if damage == "flip a byte":
        data[len(data) // 2] ^= 0x01
        store.path.write_bytes(bytes(data))
    elif damage == "cut short":
        store.path.write_bytes(bytes(data[:40]))
    else:
        vault.delete_key(store.scope)
        assert vault.create_key(store.scope) is not None

    with caplog.at_level(logging.INFO, logger="desktop.snapshot"):
        assert loader.cached() is None
    lines = [r for r in caplog.records if r.name.startswith("desktop.snapshot")]
    assert len(lines) == 1 and "discarded" in lines[0].getMessage()
    assert not store.path.exists()
    assert len(loader.load().users) == 60  # read live, and a new snapshot saved
    assert loader.cached() is not None


def test_signing_out_of_a_tenant_deletes_its_snapshot_and_key(
    opened: OpenTenant, windows_keyring: WindowsLikeKeyring
) -> None:
    opened.loader().full_read()
    opened.loader().wait_for_save()
    store = snapshot_store(opened)
    assert store.path.exists() and windows_keyring.services(vault.KEY_SERVICE_PREFIX)
    assert opened.snapshot_key is not None
    forget_tenant(opened.data_dir, opened.snapshot_key)
    assert not store.path.exists()
    assert windows_keyring.services(vault.KEY_SERVICE_PREFIX) == []


def test_signing_out_of_everything_deletes_every_snapshot_and_key(
    opened: OpenTenant, windows_keyring: WindowsLikeKeyring
) -> None:
    opened.loader().full_read()
    opened.loader().wait_for_save()
    other = SnapshotStore(opened.data_dir, "another tenant")
    stored = opened.loader().cached()
    assert stored is not None and other.save(stored)
    delete_all(opened.data_dir)
    assert list((opened.data_dir / "snapshots").iterdir()) == []
    assert windows_keyring.services(vault.KEY_SERVICE_PREFIX) == []


def test_which_connections_keep_a_snapshot_and_under_which_name(
    demo_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    """One per tenant: a signed-in tenant by its id; a demo address by address and token (a
    multi-tenant demo tells its customers apart by token); a fixed token for Graph itself
    names no tenant, so none."""
    opened = [
        open_graph(demo_tenant.base_url, StaticToken("customer a"), tmp_path, "a"),
        open_graph(demo_tenant.base_url, StaticToken("customer b"), tmp_path, "b"),
        open_graph(GRAPH_URL, StaticToken("x"), tmp_path, "graph"),
        open_graph(GRAPH_URL, StaticToken("x"), tmp_path, "signed in", tenant_id="t-1"),
    ]
    try:
        keys = [o.snapshot_key for o in opened]
        assert keys[0] != keys[1] and None not in keys[:2]
        assert keys[2] is None and opened[2].loader().store is None
        assert keys[3] == "t-1"
    finally:
        for o in opened:
            o.close()

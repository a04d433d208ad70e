"""Signing out of a tenant deletes its local snapshot and the snapshot's key (CLI ``logout``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.paths import app_data_dir
from desktop.snapshot import vault
from tests.auth.demo_identity import SignInWorld
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.auth.test_command import Run, login_with_device_code
from tests.auth.test_command import run as run  # noqa: PLC0414  (the fixture)


def test_logout_deletes_the_tenants_snapshot_and_its_key(
    world: SignInWorld,
    run: Run,
    windows_keyring: WindowsLikeKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert login_with_device_code(world, run)[0] == 0
    code, _out, err = run("users", "--json", "--graph-url", world.tenant.base_url)
    assert code == 0, err
    snapshots = list((app_data_dir() / "snapshots").glob("*.snapshot"))
    assert len(snapshots) == 1
    assert len(windows_keyring.services(vault.KEY_SERVICE_PREFIX)) == 1

    code, out, _ = run("logout")
    assert code == 0, out
    assert not snapshots[0].exists()
    assert windows_keyring.services(vault.KEY_SERVICE_PREFIX) == []

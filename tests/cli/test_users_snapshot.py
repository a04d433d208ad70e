"""``license-desk users`` reads through the tenant's local snapshot, as the window does: the
first call reads everything, later ones only what changed (by delta) and still print the tenant
as it is now; ``--no-snapshot`` reads everything again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop.demo import DemoTenant
from desktop.paths import app_data_dir
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.cli.conftest import Runner
from tests.licensing.conftest import connect
from tests.snapshot.spies import count_full_reads


@pytest.fixture
def full_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[int]]:
    """A keyring to hold the snapshot key, the app data in ``tmp_path``, and a count of the
    full listings of users."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    previous = keyring.get_keyring()
    keyring.set_keyring(WindowsLikeKeyring())
    counted = count_full_reads(monkeypatch)
    try:
        yield counted
    finally:
        keyring.set_keyring(previous)


def locations(result_out: str) -> dict[str, str | None]:
    return {row["userPrincipalName"]: row["usageLocation"] for row in json.loads(result_out)}


def test_users_reads_everything_once_then_only_what_changed(
    cli: Runner, demo_tenant: DemoTenant, full_reads: list[int]
) -> None:
    first = cli("users", "--json")
    assert first.code == 0, first.err
    assert len(full_reads) == 1
    assert list((app_data_dir() / "snapshots").glob("*.snapshot"))

    upn = next(iter(locations(first.out)))
    other = connect(demo_tenant)
    try:
        other.update_user(upn, {"usageLocation": "NO"})
    finally:
        other.close()

    second = cli("users", "--json")
    assert second.code == 0, second.err
    assert len(full_reads) == 1  # by delta only
    assert locations(second.out)[upn] == "NO"
    assert locations(second.out) == {**locations(first.out), upn: "NO"}

    forced = cli("users", "--json", "--no-snapshot")
    assert forced.code == 0 and len(full_reads) == 2
    assert locations(forced.out) == locations(second.out)

"""App data is owner-only on POSIX: the data folder 0700; journal, its lock folder, demo
databases (and SQLite's -wal/-shm files beside them) 0600; an older, world-readable folder is
made private again."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from desktop.demo.store import Store
from desktop.licensing.journal import Journal
from desktop.licensing.ownership import RunLock, lock_dir
from desktop.open_tenant import DEMO_DATABASE, DEMO_JOURNAL, open_demo
from ui.launcher import main

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sqlite_files(database: Path) -> list[Path]:
    candidates = [database.with_name(database.name + s) for s in ("", "-wal", "-shm")]
    return [p for p in candidates if p.exists()]


def test_the_cli_makes_the_data_folder_and_journal_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_home = tmp_path / "share"
    old = data_home / "license-desk"
    old.mkdir(parents=True)
    old.chmod(0o755)  # as an older version left it
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("LICENSE_DESK_JOURNAL", raising=False)
    # An explicit connection: the default journal is used, no keyring is asked.
    code = main(["history", "--graph-url", "http://127.0.0.1:9/v1.0", "--token", "t"])
    capsys.readouterr()
    assert code == 0
    assert mode(old) == 0o700
    journal = old / "journal.sqlite3"
    files = sqlite_files(journal)
    assert journal in files
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_a_journal_in_a_new_folder_creates_it_private(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "journal.sqlite3"
    journal = Journal(path)
    try:
        lock = RunLock(path, "run1")
        assert lock.try_acquire()
        lock.release()
    finally:
        journal.close()
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700
    assert mode(lock_dir(path)) == 0o700
    for file in sqlite_files(path):
        assert mode(file) == 0o600, file


def test_an_existing_folder_given_with_journal_is_left_as_it_was(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    Journal(shared / "j.sqlite3").close()
    assert mode(shared) == 0o755
    assert mode(shared / "j.sqlite3") == 0o600


def test_an_old_world_readable_journal_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    path.chmod(0o644)
    Journal(path).close()
    assert mode(path) == 0o600


def test_a_demo_database_is_private(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "tenant.sqlite3"
    store = Store(str(path))
    try:
        store.is_empty()
    finally:
        store.close()
    assert mode(path.parent) == 0o700
    for file in sqlite_files(path):
        assert mode(file) == 0o600, file


def test_the_windows_demo_tenant_keeps_its_files_private(tmp_path: Path) -> None:
    data = tmp_path / "License Desk"
    data.mkdir()
    data.chmod(0o755)  # as an older version left it
    opened = open_demo(data, users=5)
    opened.close()
    assert mode(data) == 0o700
    for name in (DEMO_DATABASE, DEMO_JOURNAL):
        files = sqlite_files(data / name)
        assert data / name in files
        assert all(mode(f) == 0o600 for f in files), files

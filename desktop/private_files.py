"""App data is owner-only: the folder 0700, every file in it 0600 (POSIX).

The journal, settings, demo databases and exports hold names, UPNs, departments and licenses
of every user touched: no other local account may read them. On Windows the data folder lies
under the user's profile, which only that user (and administrators) may open, so these calls
change nothing there.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_POSIX = sys.platform != "win32"


def create_private_dirs(path: Path) -> None:
    """Create the missing folders of ``path``, each owner-only; existing ones are left alone
    (a journal passed with --journal may live in a folder that is not ours to change)."""
    missing: list[Path] = []
    level = path
    while not level.exists() and level != level.parent:
        missing.append(level)
        level = level.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process was quicker
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        if _POSIX:
            os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask


def make_private_dir(path: Path) -> Path:
    """Our own folder (the app data folder): create it if needed and make it owner-only, also
    when an older version created it readable by everyone. Returns ``path``."""
    create_private_dirs(path)
    if _POSIX:
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    """Make an existing file owner-only (SQLite creates its files with the umask's mode)."""
    if _POSIX and path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


def make_sqlite_private(database: Path) -> None:
    """The database and the files SQLite keeps beside it while it works (it gives them the
    database's own mode, so a database made private first keeps them private too)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        make_private_file(database.with_name(database.name + suffix))


def prepare_private_database(database: Path) -> None:
    """Before SQLite opens ``database``: missing folders created owner-only, the file created
    owner-only (SQLite would create it with the umask's mode), an existing one made so."""
    create_private_dirs(database.parent)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    os.close(os.open(database, flags, PRIVATE_FILE_MODE))
    make_sqlite_private(database)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only before anything is written to it (so no other
    account can open it in between); an existing file is truncated and made owner-only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    with contextlib.suppress(OSError):
        if _POSIX:
            os.fchmod(fd, PRIVATE_FILE_MODE)
    os.close(fd)


def is_private(path: Path) -> bool:
    """True when no one but the owner may read or write ``path`` (always True on Windows)."""
    if not _POSIX:
        return True
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0

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


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it owner-only; returns it."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        # mkdir's mode is filtered by the umask and ignored for an existing folder.
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    """Make an existing file owner-only (SQLite creates its files with the umask's mode)."""
    if _POSIX and path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


def make_sqlite_private(database: Path) -> None:
    """The database and the journal files SQLite keeps beside it while it works."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        make_private_file(database.with_name(database.name + suffix))


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

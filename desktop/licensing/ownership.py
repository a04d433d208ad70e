"""Who owns a run: an exclusive OS file lock held for as long as the run is being applied.

A run left 'running' in the journal is *interrupted* exactly when nobody holds its lock. The
operating system drops a process's locks when it ends in any way, including SIGKILL, a crash
or a power cut, so there is no stale-owner guesswork: no pids (which get reused), no heartbeats
(which need clocks and timeouts). Locks are per open file, so two windows, two CLIs, or two
controllers in one process cannot own the same run.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from desktop.private_files import make_private_dir


def lock_dir(journal_path: Path) -> Path:
    return journal_path.with_name(journal_path.name + ".owners")


class RunLock:
    def __init__(self, journal_path: Path, run_id: str) -> None:
        self.path = lock_dir(journal_path) / f"{run_id}.lock"
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def try_acquire(self) -> bool:
        """Take the lock without waiting; False when another owner holds it."""
        if self._file is not None:
            return True
        make_private_dir(self.path.parent)
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open for as long as the lock
        if not _lock(handle):
            handle.close()
            return False
        self._file = handle
        return True

    def release(self, *, remove: bool = False) -> None:
        handle, self._file = self._file, None
        if handle is None:
            return
        if remove:
            # Unlink while still locked, so a prober never sees a free lock on a live run.
            # Windows refuses while a prober has it open; a stale file is harmless.
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        _unlock(handle)
        handle.close()


def is_owned(journal_path: Path, run_id: str) -> bool:
    """True while some process (this one included) is applying ``run_id``."""
    probe = RunLock(journal_path, run_id)
    if not probe.path.exists():
        return False
    if probe.try_acquire():
        probe.release()
        return False
    return True


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # closing the handle releases it anyway

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

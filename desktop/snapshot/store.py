"""One tenant's snapshot file: written atomically (a temporary file, then a rename) and
owner-only, encrypted with the tenant's key from the keyring (``vault.py``).

A snapshot that cannot be read (changed on disk, another key, an older format) is deleted
with one line in the log, and the tenant is read live: it is only ever a copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path

from desktop.private_files import create_private_file, make_private_dir
from desktop.snapshot import codec, vault
from desktop.snapshot.codec import StoredTenant

log = logging.getLogger(__name__)

SNAPSHOT_DIR = "snapshots"
SUFFIX = ".snapshot"


def scope_name(tenant_key: str) -> str:
    """A stable file and key name for a tenant: its id, or for a connection without one (a
    fixed token for a URL) its address, hashed so no name or address shows on disk."""
    return hashlib.sha256(tenant_key.strip().lower().encode("utf-8")).hexdigest()[:32]


class SnapshotStore:
    def __init__(self, data_dir: Path, tenant_key: str) -> None:
        self.scope = scope_name(tenant_key)
        self.folder = data_dir / SNAPSHOT_DIR
        self.path = self.folder / f"{self.scope}{SUFFIX}"

    def load(self) -> StoredTenant | None:
        """The snapshot, or None when there is none or it cannot be used (then deleted)."""
        reader = self.open()
        if reader is None:
            return None
        try:
            return reader.read_all()
        except codec.SnapshotFormatError as exc:
            self.discard(exc)
            return None

    def open(self) -> codec.SnapshotReader | None:
        """The snapshot decrypted, its users still to be read chunk by chunk; None when there
        is none or it cannot be used (then deleted, with one line in the log)."""
        if not self.path.exists():
            return None
        key = vault.load_key(self.scope)
        if key is None:
            return None  # no keyring now: leave the file, the key may come back
        try:
            return codec.SnapshotReader(vault.unseal(key, self.path.read_bytes()))
        except (vault.SnapshotKeyError, codec.SnapshotFormatError, OSError) as exc:
            self.discard(exc)
            return None

    def discard(self, why: Exception) -> None:
        log.warning("Local snapshot discarded (%s); reading the tenant live.", why)
        self._remove_file()

    def can_keep(self) -> bool:
        """Whether a snapshot could be saved now (a keyring to hold its key)."""
        return vault.keyring_usable()

    def save(self, stored: StoredTenant) -> bool:
        """Write the snapshot; False (and nothing written) without a usable keyring."""
        key = vault.load_key(self.scope) or vault.create_key(self.scope)
        if key is None:
            return False
        sealed = vault.seal(key, codec.encode(stored))
        make_private_dir(self.folder)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        create_private_file(temporary)  # owner-only before a byte is written
        try:
            with open(temporary, "wb") as handle:
                handle.write(sealed)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)  # readers see the old file or the new, never half
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        return True

    def delete(self) -> None:
        """Forget the snapshot and its key (signing out of the tenant). The key goes first: a
        file left without it is unreadable, and once the file is gone, so is the key."""
        vault.delete_key(self.scope)
        self._remove_file()

    def _remove_file(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def delete_all(data_dir: Path) -> None:
    """Every tenant's snapshot and key (signing out of every account, or of the last one)."""
    folder = data_dir / SNAPSHOT_DIR
    if not folder.is_dir():
        return
    for path in folder.glob(f"*{SUFFIX}"):
        vault.delete_key(path.name[: -len(SUFFIX)])  # the key first, as in delete()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def forget_tenant(data_dir: Path, tenant_id: str) -> None:
    """Signing out of a tenant: its snapshot and key go (a cache of its people must not
    outlive the sign-in)."""
    SnapshotStore(data_dir, tenant_id).delete()

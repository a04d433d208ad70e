"""An in-memory keyring backend that behaves like Windows Credential Manager where it matters:
at most 2,560 bytes per secret, measured in UTF-16, else ``OSError`` (WinError 1783)."""

from __future__ import annotations

from collections.abc import Callable

import keyring.backend
import keyring.errors

from desktop.auth.keyring_blob import MAX_ENTRY_BYTES_UTF16


class BlobTooLargeError(OSError):
    """What CredWrite reports for a blob above CRED_MAX_CREDENTIAL_BLOB_SIZE."""

    def __init__(self) -> None:
        super().__init__(22, "The stub received bad data")
        self.winerror = 1783


class WindowsLikeKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.sets = 0
        self.deletes = 0
        self.locked = False
        # Called before each write with the write's 1-based number; may raise or act.
        self.before_set: Callable[[int, str], None] | None = None

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")
        if len(password.encode("utf-16-le")) > MAX_ENTRY_BYTES_UTF16:
            raise BlobTooLargeError()
        self.sets += 1
        if self.before_set is not None:
            self.before_set(self.sets, service)
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("Password not found")
        self.deletes += 1
        del self.entries[(service, username)]

    def services(self, prefix: str = "") -> list[str]:
        return sorted(s for s, _ in self.entries if s.startswith(prefix))

    def all_text(self) -> str:
        return "\n".join(self.entries.values())

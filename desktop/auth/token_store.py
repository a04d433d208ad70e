"""Where MSAL's token cache lives between runs: the OS keyring, and nowhere else.

:class:`KeyringTokenStore` keeps one JSON document in the keyring (through
:class:`~desktop.auth.keyring_blob.ChunkedKeyringBlob`): MSAL's serialized cache plus the few
non-secret facts MSAL does not keep (which authority and client id each account signed in with,
the display name, which account is current). There is deliberately no file fallback: with no
usable keyring it raises :class:`~desktop.auth.errors.KeyringUnavailableError`, and the caller
may choose :class:`MemoryOnlyTokenStore`, whose ``persistent`` flag is False so the window can
warn that the sign-in ends with the app.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from typing import Any

import keyring.backend
import msal

from desktop.auth.cache_merge import (
    Sections,
    account_ids,
    drop_orphaned_tokens,
    merge_sections,
    merge_value,
)
from desktop.auth.errors import KeyringUnavailableError
from desktop.auth.keyring_blob import ChunkedKeyringBlob, ReadResult, ReadStatus, WriteConflictError

log = logging.getLogger(__name__)

DEFAULT_NAMESPACE = "License Desk token cache"
DOCUMENT_FORMAT = 1
SAVE_ATTEMPTS = 4


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """What we remember about one signed-in account beyond MSAL's cache. Not secret."""

    home_account_id: str
    authority_tenant: str  # "organizations" or the tenant given at sign-in
    client_id: str
    display_name: str = ""
    tenant_id: str = ""  # the directory signed in to (the id token's ``tid``)

    def to_json(self) -> dict[str, str]:
        return {
            "authority_tenant": self.authority_tenant,
            "client_id": self.client_id,
            "display_name": self.display_name,
            "tenant_id": self.tenant_id,
        }

    @staticmethod
    def from_json(home_account_id: str, data: dict[str, Any]) -> SessionRecord:
        return SessionRecord(
            home_account_id,
            str(data.get("authority_tenant", "organizations")),
            str(data.get("client_id", "")),
            str(data.get("display_name", "")),
            str(data.get("tenant_id", "")),
        )


@dataclass(slots=True)
class _Snapshot:
    msal: Sections
    sessions: dict[str, dict[str, Any]]
    current: str | None

    def to_text(self) -> str:
        # Compact and ASCII-only: fewer keyring pieces, and predictable UTF-16 sizes.
        return json.dumps(
            {
                "format": DOCUMENT_FORMAT,
                "msal": self.msal,
                "sessions": self.sessions,
                "current": self.current,
            },
            separators=(",", ":"),
            ensure_ascii=True,
        )

    @staticmethod
    def parse(text: str) -> _Snapshot:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != DOCUMENT_FORMAT:
            raise ValueError("unknown token document format")
        current = data.get("current")
        return _Snapshot(
            dict(data.get("msal") or {}),
            dict(data.get("sessions") or {}),
            current if isinstance(current, str) else None,
        )


def _empty() -> _Snapshot:
    return _Snapshot({}, {}, None)


class TokenStore:
    """The in-memory token cache plus session records; subclasses decide where they persist.

    Thread-safe: sign-in, silent refresh and the switcher may run on different workers.
    """

    persistent: bool = False

    def __init__(self) -> None:
        self.cache = msal.SerializableTokenCache()
        self._lock = threading.RLock()
        self._sessions: dict[str, dict[str, Any]] = {}
        self._current: str | None = None
        self._base = _empty()  # what storage held when we last loaded or saved
        self.last_load_was_torn = False

    # -- session records ------------------------------------------------------------------

    def sessions(self) -> dict[str, SessionRecord]:
        with self._lock:
            return {k: SessionRecord.from_json(k, v) for k, v in self._sessions.items()}

    def put_session(self, record: SessionRecord) -> None:
        with self._lock:
            self._sessions[record.home_account_id] = record.to_json()

    def remove_session(self, home_account_id: str) -> None:
        with self._lock:
            self._sessions.pop(home_account_id, None)
            if self._current == home_account_id:
                self._current = None

    @property
    def current_account_id(self) -> str | None:
        with self._lock:
            return self._current

    @current_account_id.setter
    def current_account_id(self, home_account_id: str | None) -> None:
        with self._lock:
            self._current = home_account_id

    # -- persistence (no-ops for the memory-only store) --------------------------------------

    def load(self) -> None:
        """Replace memory with what storage holds; a torn or unreadable value means signed
        out (``last_load_was_torn`` tells the UI to say why)."""

    def save(self) -> bool:
        """Persist if anything changed since the last load or save; True if it wrote."""
        return False

    def sync(self) -> bool:
        """Take in what another running copy saved since; True if anything came in."""
        return False

    def clear(self) -> None:
        """Forget every token and session, in memory and in storage."""
        with self._lock:
            self.cache.deserialize("{}")
            self._sessions = {}
            self._current = None
            self._base = _empty()

    # -- helpers for subclasses ----------------------------------------------------------------

    def _install(self, snapshot: _Snapshot) -> None:
        self.cache.deserialize(json.dumps(snapshot.msal))
        self._sessions = json.loads(json.dumps(snapshot.sessions))
        self._current = snapshot.current

    def _snapshot(self) -> _Snapshot:
        # serialize() resets has_state_changed; callers restore it if the write fails.
        return _Snapshot(json.loads(self.cache.serialize()), dict(self._sessions), self._current)

    def _has_changes(self) -> bool:
        return (
            self.cache.has_state_changed
            or self._sessions != self._base.sessions
            or self._current != self._base.current
        )


class MemoryOnlyTokenStore(TokenStore):
    """Keeps the sign-in for this run only: for when the keyring cannot be used and the person
    chose to continue anyway. ``persistent`` is False so the UI shows a warning."""

    persistent = False

    def save(self) -> bool:
        with self._lock:
            self.cache.has_state_changed = False
            self._base = _Snapshot({}, dict(self._sessions), self._current)
        return False


class KeyringTokenStore(TokenStore):
    """The token cache in the OS keyring, in chunks (see ``keyring_blob``)."""

    persistent = True

    def __init__(
        self,
        namespace: str = DEFAULT_NAMESPACE,
        backend: keyring.backend.KeyringBackend | None = None,
    ) -> None:
        super().__init__()
        self.blob = ChunkedKeyringBlob(namespace, backend)
        self._generation: str | None = None  # the stored generation our _base came from

    def load(self) -> None:
        with self._lock:
            result = self.blob.read()
            snapshot = self._parse(result)
            self._install(snapshot)
            self._base = snapshot
            self._generation = result.generation

    def _parse(self, result: ReadResult) -> _Snapshot:
        self.last_load_was_torn = False
        if result.status is ReadStatus.OK and result.text is not None:
            try:
                return _Snapshot.parse(result.text)
            except (ValueError, TypeError):
                result = ReadResult(ReadStatus.TORN, detail="the stored document is unreadable")
        if result.status is ReadStatus.TORN:
            log.warning("Saved sign-in is damaged (%s); treating it as signed out", result.detail)
            self.last_load_was_torn = True
        return _empty()

    def _merge_with_storage(self, ours: _Snapshot) -> _Snapshot:
        """Our state combined with what another copy stored since ``_base``. Afterwards
        ``_base`` is what was stored, so at the next merge our own changes are still told apart
        from theirs. A torn stored value is replaced by ours."""
        result = self.blob.read()
        theirs = self._parse(result)
        if self.last_load_was_torn:
            self._generation = self.blob.current_generation()
            return ours
        merged = _merge(self._base, ours, theirs)
        self._base, self._generation = theirs, result.generation
        return merged

    def sync(self) -> bool:
        with self._lock:
            if self.blob.current_generation() == self._generation:
                return False
            changed = self._has_changes()
            merged = self._merge_with_storage(self._snapshot())
            self._install(merged)
            self.cache.has_state_changed = changed or merged.msal != self._base.msal
            return True

    def save(self) -> bool:
        with self._lock:
            if not self._has_changes():
                return False
            was_changed = self.cache.has_state_changed
            try:
                self._base = self._write(self._snapshot())
            except Exception:
                self.cache.has_state_changed = was_changed
                raise
            self.cache.has_state_changed = False
            log.info("Saved the token cache to the keyring (generation %s)", self._generation)
            return True

    def _write(self, ours: _Snapshot) -> _Snapshot:
        for _ in range(SAVE_ATTEMPTS):
            try:
                self._generation = self.blob.write(ours.to_text(), expected=self._generation)
                return ours
            except WriteConflictError:  # another copy saved: keep its changes and ours
                ours = self._merge_with_storage(ours)
                self._install(ours)
        raise KeyringUnavailableError(
            "another copy of License Desk keeps saving at the same moment; close it and retry"
        )

    def clear(self) -> None:
        with self._lock:
            super().clear()
            self.blob.clear()
            self._generation = None


def _merge(base: _Snapshot, ours: _Snapshot, theirs: _Snapshot) -> _Snapshot:
    msal_sections = drop_orphaned_tokens(merge_sections(base.msal, ours.msal, theirs.msal))
    accounts = account_ids(msal_sections)
    sessions = merge_sections({"s": base.sessions}, {"s": ours.sessions}, {"s": theirs.sessions})
    current = merge_value(base.current, ours.current, theirs.current)
    return _Snapshot(
        msal_sections,
        {k: v for k, v in sessions.get("s", {}).items() if k in accounts},
        current if current in accounts else None,
    )


def open_token_store(
    namespace: str = DEFAULT_NAMESPACE,
    backend: keyring.backend.KeyringBackend | None = None,
) -> KeyringTokenStore:
    """The keyring store, loaded. Raises ``KeyringUnavailableError`` when the keyring cannot
    be used; the caller may then offer ``MemoryOnlyTokenStore()``."""
    store = KeyringTokenStore(namespace, backend)
    store.load()
    return store

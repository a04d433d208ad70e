"""One text value kept in the OS keyring across several entries, written so a crash or a second
running copy of the app never leaves a half-written value that looks whole.

Why chunks: Windows Credential Manager holds at most 2,560 bytes per secret and ``keyring``
stores text as UTF-16, so an MSAL cache (5-8 KB) never fits in one entry.

Entries, each a keyring service name with one fixed user name:

- ``<namespace>:<generation>:<i>``: the i-th piece of the value written by one save.
  ``generation`` is random, so two writers never overwrite each other's pieces.
- ``<namespace>:manifest``: the current generation (piece count + SHA-256 of the whole) and
  ``others``: generations that may still have pieces stored. Written LAST, so it only ever
  names as current pieces that are fully written.

A save (compare-and-swap on the current generation):

1. re-read the manifest; if its current generation is not the one the caller expects, another
   copy saved meanwhile: raise :class:`WriteConflictError` so the caller merges and retries;
2. list the new generation in ``others`` as pending (a crash now leaves findable pieces);
3. write the pieces; re-read the manifest (conflict again if someone committed meanwhile);
4. commit: the new generation becomes current, the old one is listed as superseded;
5. delete superseded pieces (and pending ones abandoned long ago by a crashed writer), then
   drop them from the manifest.

Readers that find a missing piece or a wrong hash re-read the manifest: if a writer moved on
they try again, otherwise the value is reported torn (the caller treats that as signed out).
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import keyring
import keyring.backend
import keyring.errors

from desktop.auth.errors import KeyringUnavailableError

# Windows: 2,560 bytes per secret, UTF-16 => 1,280 code units. Stay below with a margin.
MAX_ENTRY_BYTES_UTF16 = 2_560
CHUNK_BYTES_UTF16 = 2_400
# Backends known to have no small cap get far bigger pieces: each keyring call costs a D-Bus
# or Keychain round trip (about 10 ms on the Secret Service), so fewer pieces save time.
ROOMY_CHUNK_BYTES_UTF16 = 256_000
ROOMY_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.macOS.Keyring",
    }
)
ENTRY_USER = "license-desk"
MANIFEST_FORMAT = 1
READ_ATTEMPTS = 3
# A live writer finishes in well under a second; a pending generation older than this was left
# by a crashed one and may be deleted.
ABANDONED_AFTER_SECONDS = 600.0

T = TypeVar("T")


class ReadStatus(enum.Enum):
    EMPTY = "empty"  # nothing stored (never saved, or cleared)
    OK = "ok"
    TORN = "torn"  # the manifest names pieces that are missing or do not match its hash


class WriteConflictError(Exception):
    """Another writer changed the stored value during our save; merge and try again."""


@dataclass(frozen=True, slots=True)
class Generation:
    name: str
    count: int
    sha256: str = ""
    pending_since: float | None = None  # set while its writer has not committed it

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"generation": self.name, "count": self.count}
        if self.sha256:
            data["sha256"] = self.sha256
        if self.pending_since is not None:
            data["pending_since"] = self.pending_since
        return data

    @staticmethod
    def from_json(data: object) -> Generation:
        if not isinstance(data, dict):
            raise ValueError("generation is not an object")
        name, count = data.get("generation"), data.get("count")
        digest, since = data.get("sha256", ""), data.get("pending_since")
        if not isinstance(name, str) or not isinstance(count, int) or not isinstance(digest, str):
            raise ValueError("generation fields have the wrong types")
        if since is not None and not isinstance(since, (int, float)):
            raise ValueError("pending_since is not a number")
        return Generation(name, count, digest, None if since is None else float(since))


@dataclass(frozen=True, slots=True)
class Manifest:
    current: Generation | None
    others: tuple[Generation, ...] = ()

    def to_text(self) -> str:
        return json.dumps(
            {
                "format": MANIFEST_FORMAT,
                "current": self.current.to_json() if self.current else None,
                "others": [g.to_json() for g in self.others],
            },
            separators=(",", ":"),
        )

    @staticmethod
    def from_text(text: str) -> Manifest:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            raise ValueError("unknown manifest format")
        current, others = data.get("current"), data.get("others", [])
        if not isinstance(others, list):
            raise ValueError("others is not a list")
        return Manifest(
            Generation.from_json(current) if current is not None else None,
            tuple(Generation.from_json(o) for o in others),
        )

    @property
    def current_name(self) -> str | None:
        return self.current.name if self.current else None

    def names(self) -> set[str]:
        return {g.name for g in (self.current, *self.others) if g is not None}


EMPTY_MANIFEST = Manifest(current=None)


@dataclass(frozen=True, slots=True)
class ReadResult:
    status: ReadStatus
    text: str | None = None
    generation: str | None = None  # the current generation, to notice other writers
    detail: str = field(default="", compare=False)  # why it is torn; never secret


def split_for_keyring(text: str, max_bytes: int = CHUNK_BYTES_UTF16) -> list[str]:
    """Pieces whose UTF-16 size stays within ``max_bytes`` (a character outside the BMP takes
    4 bytes, so slicing by characters alone is not enough for arbitrary text)."""
    if text.isascii():
        step = max_bytes // 2
        return [text[i : i + step] for i in range(0, len(text), step)] or [""]
    pieces: list[str] = []
    start, size = 0, 0
    for index, char in enumerate(text):
        width = 4 if ord(char) > 0xFFFF else 2
        if size + width > max_bytes:
            pieces.append(text[start:index])
            start, size = index, 0
        size += width
    pieces.append(text[start:])
    return pieces


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def backend_name(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def piece_bytes_for(backend: keyring.backend.KeyringBackend) -> int:
    """Windows' cap for Windows and for any backend we do not know (a chainer, a plug-in)."""
    return ROOMY_CHUNK_BYTES_UTF16 if backend_name(backend) in ROOMY_BACKENDS else CHUNK_BYTES_UTF16


def unusable_reason(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why a backend can never hold secrets, or None. The fail backend raises on every call;
    the null backend and an empty chainer silently drop everything, which is worse."""
    import keyring.backends.chainer
    import keyring.backends.fail
    import keyring.backends.null

    if isinstance(backend, keyring.backends.fail.Keyring):
        return "no keyring is installed or reachable"
    if isinstance(backend, keyring.backends.null.Keyring):
        return "the keyring is disabled (null backend)"
    if isinstance(backend, keyring.backends.chainer.ChainerBackend) and not backend.backends:
        return "no keyring is installed or reachable"
    return None


class ChunkedKeyringBlob:
    """Store, read and delete one text value in the keyring, in chunks with a manifest."""

    def __init__(
        self,
        namespace: str,
        backend: keyring.backend.KeyringBackend | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.namespace = namespace
        self.backend = backend if backend is not None else keyring.get_keyring()
        self._clock = clock
        self.piece_bytes = piece_bytes_for(self.backend)
        reason = unusable_reason(self.backend)
        if reason is not None:
            raise KeyringUnavailableError(reason, backend=backend_name(self.backend), missing=True)

    # -- entry names -------------------------------------------------------------------------

    @property
    def manifest_service(self) -> str:
        return f"{self.namespace}:manifest"

    def chunk_service(self, generation: str, index: int) -> str:
        return f"{self.namespace}:{generation}:{index}"

    # -- keyring calls, with every backend failure turned into one typed error ---------------

    def _call(self, action: str, call: Callable[[], T]) -> T:
        name = backend_name(self.backend)
        try:
            return call()
        except keyring.errors.KeyringLocked:
            raise KeyringUnavailableError("the keyring is locked", backend=name) from None
        except keyring.errors.NoKeyringError:
            raise KeyringUnavailableError(
                "no keyring is installed or reachable", backend=name
            ) from None
        except Exception as exc:  # any backend (D-Bus, WinError 1783, ...) failing
            # Only the type and error number: a backend's text could echo what it was given.
            number = getattr(exc, "winerror", None) or getattr(exc, "errno", None)
            code = f" {number}" if number else ""
            raise KeyringUnavailableError(
                f"the keyring failed to {action} ({type(exc).__name__}{code})", backend=name
            ) from None

    def _get(self, service: str) -> str | None:
        return self._call("read", lambda: self.backend.get_password(service, ENTRY_USER))

    def _set(self, service: str, value: str) -> None:
        self._call("save", lambda: self.backend.set_password(service, ENTRY_USER, value))

    def _delete(self, service: str) -> None:
        """Delete one entry; an entry that is already gone is not an error."""

        def delete() -> None:
            # Every backend reports "no such entry" as PasswordDeleteError.
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                self.backend.delete_password(service, ENTRY_USER)

        self._call("delete", delete)

    def _delete_generations(self, generations: Iterable[Generation]) -> None:
        for generation in generations:
            for index in reversed(range(generation.count)):
                self._delete(self.chunk_service(generation.name, index))

    # -- manifest -----------------------------------------------------------------------------

    def read_manifest(self) -> Manifest | None:
        """The stored manifest; None when nothing is stored. An unreadable manifest counts as
        one with nothing current (its pieces, unknown, cannot be named)."""
        text = self._get(self.manifest_service)
        if text is None:
            return None
        try:
            return Manifest.from_text(text)
        except (ValueError, TypeError):
            return EMPTY_MANIFEST

    def _write_manifest(self, manifest: Manifest) -> None:
        self._set(self.manifest_service, manifest.to_text())

    # -- the value ----------------------------------------------------------------------------

    def read(self) -> ReadResult:
        detail = ""
        for _ in range(READ_ATTEMPTS):
            manifest = self.read_manifest()
            if manifest is None or manifest.current is None:
                return ReadResult(ReadStatus.EMPTY)
            current = manifest.current
            pieces = [self._get(self.chunk_service(current.name, i)) for i in range(current.count)]
            if all(p is not None for p in pieces):
                text = "".join(p for p in pieces if p is not None)
                if _digest(text) == current.sha256:
                    return ReadResult(ReadStatus.OK, text, current.name)
                detail = "the stored pieces do not match the manifest's hash"
            else:
                missing = sum(p is None for p in pieces)
                detail = f"{missing} of {current.count} pieces are missing"
            if self.read_manifest() == manifest:
                break  # nobody is writing: the stored value really is broken
        return ReadResult(ReadStatus.TORN, None, None, detail)

    def current_generation(self) -> str | None:
        manifest = self.read_manifest()
        return manifest.current_name if manifest else None

    def write(self, text: str, *, expected: str | None) -> str:
        """Store ``text`` as a new generation, provided the current one is still ``expected``
        (the generation the caller last read or wrote). Returns the new generation's name."""
        seen = self.read_manifest() or EMPTY_MANIFEST
        if seen.current_name != expected:
            raise WriteConflictError
        pieces = split_for_keyring(text, self.piece_bytes)
        now = self._clock()
        new = Generation(secrets.token_hex(6), len(pieces), _digest(text))
        self._write_manifest(replace(seen, others=(*seen.others, replace(new, pending_since=now))))
        for index, piece in enumerate(pieces):
            self._set(self.chunk_service(new.name, index), piece)

        latest = self.read_manifest() or EMPTY_MANIFEST
        if latest.current_name != expected:
            self._delete_generations([new])  # nobody will ever name these pieces current
            raise WriteConflictError
        others = [g for g in latest.others if g.name != new.name]
        live = tuple(g for g in others if self._is_live(g, now))
        done = [*(g for g in others if not self._is_live(g, now)), *_as_list(latest.current)]
        committed = Manifest(new, (*live, *(replace(g, pending_since=None) for g in done)))
        self._write_manifest(committed)

        after = self.read_manifest()
        if after is None:  # the null backend and some broken ones keep nothing
            raise KeyringUnavailableError(
                "the keyring did not keep what was saved", backend=backend_name(self.backend)
            )
        if after == committed:
            try:
                self._delete_generations(done)
                if self.read_manifest() == committed:
                    self._write_manifest(Manifest(new, live))
            except KeyringUnavailableError:
                pass  # saved; the leftovers stay listed and go at the next save
        elif new.name not in after.names():
            self._delete_generations([new])  # overwritten by a racing copy that never saw us
        return new.name

    def _is_live(self, generation: Generation, now: float) -> bool:
        since = generation.pending_since
        return since is not None and now - since < ABANDONED_AFTER_SECONDS

    def clear(self) -> None:
        """Delete the value and every piece the manifest knows of. The manifest first says
        "nothing current" so a reader never takes a half-deleted value for a whole one."""
        manifest = self.read_manifest()
        if manifest is None:
            return
        everything = (*manifest.others, *_as_list(manifest.current))
        self._write_manifest(Manifest(None, everything))
        self._delete_generations(everything)
        self._delete(self.manifest_service)

    def stored_entry_names(self) -> list[str]:
        """Every entry the manifest accounts for (sign-out checks and tests use it)."""
        manifest = self.read_manifest()
        if manifest is None:
            return []
        generations = (*manifest.others, *_as_list(manifest.current))
        return [self.manifest_service] + [
            self.chunk_service(g.name, i) for g in generations for i in range(g.count)
        ]


def _as_list(generation: Generation | None) -> list[Generation]:
    return [generation] if generation is not None else []

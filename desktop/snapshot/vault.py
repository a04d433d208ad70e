"""The snapshot's key, kept in the OS keyring, and the encryption with it.

One random 256-bit key per tenant, never on disk: AES-GCM (``cryptography``) encrypts the
snapshot and authenticates it, so a changed byte is found before anything is read. No usable
keyring means no key and so no snapshot: the app reads the tenant live every time.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import os

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.auth.keyring_blob import ENTRY_USER, unusable_reason

log = logging.getLogger(__name__)

KEY_SERVICE_PREFIX = "License Desk snapshot key:"
NONCE_BYTES = 12  # AES-GCM's standard nonce; a fresh random one for every save
MAGIC = b"LDSNAP1\n"  # the file's first bytes; also authenticated as associated data


class SnapshotKeyError(Exception):
    """The snapshot cannot be decrypted: another key, or the file was changed."""


def key_service(scope: str) -> str:
    return f"{KEY_SERVICE_PREFIX}{scope}"


def keyring_usable() -> bool:
    """A keyring that could hold a key (it may still be locked when asked)."""
    return unusable_reason(keyring.get_keyring()) is None


def load_key(scope: str) -> bytes | None:
    """The tenant's key, or None (no keyring, locked, none stored yet, or unreadable)."""
    if not keyring_usable():
        return None
    try:
        text = keyring.get_password(key_service(scope), ENTRY_USER)
    except Exception as exc:  # any backend failing (locked, D-Bus down): no snapshot
        log.info("Snapshot key unavailable (%s): reading the tenant live", type(exc).__name__)
        return None
    if not text:
        return None
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        return None
    return key if len(key) == 32 else None


def create_key(scope: str) -> bytes | None:
    """A new key stored in the keyring, or None when the keyring cannot keep it."""
    if not keyring_usable():
        return None
    key = AESGCM.generate_key(bit_length=256)
    try:
        keyring.set_password(key_service(scope), ENTRY_USER, base64.b64encode(key).decode())
    except Exception as exc:
        log.info("Snapshot key not stored (%s): reading the tenant live", type(exc).__name__)
        return None
    return key


def delete_key(scope: str) -> None:
    if not keyring_usable():
        return
    with contextlib.suppress(Exception):  # already gone, or the keyring is locked
        keyring.delete_password(key_service(scope), ENTRY_USER)


def seal(key: bytes, plain: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plain, MAGIC)


def unseal(key: bytes, sealed: bytes) -> bytes:
    if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + NONCE_BYTES + 16:
        raise SnapshotKeyError("not a License Desk snapshot")
    nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, sealed[len(MAGIC) + NONCE_BYTES :], MAGIC)
    except InvalidTag:
        raise SnapshotKeyError("the snapshot was changed or belongs to another key") from None

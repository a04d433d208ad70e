"""The chunked keyring value: sizes, torn writes, stale pieces, racing writers."""

from __future__ import annotations

import json
import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.auth.errors import KeyringUnavailableError
from desktop.auth.keyring_blob import (
    ABANDONED_AFTER_SECONDS,
    CHUNK_BYTES_UTF16,
    MAX_ENTRY_BYTES_UTF16,
    ChunkedKeyringBlob,
    Manifest,
    ReadStatus,
    WriteConflictError,
    split_for_keyring,
)
from tests.auth.fake_keyring import WindowsLikeKeyring

NS = "test-ns"


def cache_like_text(size: int = 7_000) -> str:
    return json.dumps({"secret": secrets.token_urlsafe(size)})[:size]


def test_the_fake_enforces_the_windows_limit(windows_keyring: WindowsLikeKeyring) -> None:
    # Without this, every size test below would pass vacuously.
    with pytest.raises(OSError) as info:
        windows_keyring.set_password("s", "u", "x" * (MAX_ENTRY_BYTES_UTF16 // 2 + 1))
    assert getattr(info.value, "winerror", None) == 1783


def test_a_7_kb_value_round_trips_in_entries_within_the_limit(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    blob = ChunkedKeyringBlob(NS)
    text = cache_like_text()
    blob.write(text, expected=None)
    result = blob.read()
    assert result.status is ReadStatus.OK and result.text == text
    sizes = [len(v.encode("utf-16-le")) for v in windows_keyring.entries.values()]
    assert max(sizes) <= MAX_ENTRY_BYTES_UTF16
    chunks = [s for s in windows_keyring.services(NS) if not s.endswith(":manifest")]
    assert len(chunks) == -(-len(text) // (CHUNK_BYTES_UTF16 // 2))


@given(st.text(max_size=3_000))
def test_pieces_rejoin_and_each_fits(text: str) -> None:
    pieces = split_for_keyring(text)
    assert "".join(pieces) == text
    assert all(len(p.encode("utf-16-le")) <= CHUNK_BYTES_UTF16 for p in pieces)


def test_non_ascii_value_round_trips(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    text = "Zażółć gęślą jaźń 🔑" * 300
    blob.write(text, expected=None)
    assert blob.read().text == text


def test_missing_manifest_reads_as_empty(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    blob.write(cache_like_text(), expected=None)
    windows_keyring.delete_password(f"{NS}:manifest", "license-desk")
    assert blob.read().status is ReadStatus.EMPTY


def test_missing_piece_reads_as_torn(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    generation = blob.write(cache_like_text(), expected=None)
    windows_keyring.delete_password(f"{NS}:{generation}:1", "license-desk")
    result = blob.read()
    assert result.status is ReadStatus.TORN
    assert "missing" in result.detail


def test_tampered_piece_reads_as_torn(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    generation = blob.write(cache_like_text(), expected=None)
    key = (f"{NS}:{generation}:0", "license-desk")
    windows_keyring.entries[key] = "X" + windows_keyring.entries[key][1:]
    assert blob.read().status is ReadStatus.TORN


def test_garbage_manifest_reads_as_empty(windows_keyring: WindowsLikeKeyring) -> None:
    windows_keyring.set_password(f"{NS}:manifest", "license-desk", "{not json")
    assert ChunkedKeyringBlob(NS).read().status is ReadStatus.EMPTY


def test_each_save_leaves_only_the_manifest_and_current_pieces(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    blob = ChunkedKeyringBlob(NS)
    generation = None
    for size in (7_000, 3_000, 5_000):
        generation = blob.write(cache_like_text(size), expected=generation)
    pieces = -(-5_000 // (CHUNK_BYTES_UTF16 // 2))
    expected = {f"{NS}:manifest", *(f"{NS}:{generation}:{i}" for i in range(pieces))}
    assert set(windows_keyring.services(NS)) == expected
    manifest = blob.read_manifest()
    assert manifest is not None and manifest.others == ()


def test_a_crash_mid_save_keeps_the_old_value_and_is_cleaned_up_later(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    now = [1_000.0]
    blob = ChunkedKeyringBlob(NS, clock=lambda: now[0])
    old_text = cache_like_text()
    generation = blob.write(old_text, expected=None)

    def crash(number: int, service: str) -> None:
        if number == windows_keyring.sets and service.endswith(":2"):
            raise RuntimeError("power cut")

    windows_keyring.before_set = crash
    with pytest.raises(KeyringUnavailableError):
        blob.write(cache_like_text(), expected=generation)
    windows_keyring.before_set = None
    assert blob.read().text == old_text  # the old value is intact, not torn

    # A save soon after must not delete the pending pieces (their writer might be alive);
    # one long after deletes them.
    generation = blob.write(cache_like_text(), expected=generation)
    manifest = blob.read_manifest()
    assert manifest is not None and len(manifest.others) == 1
    now[0] += ABANDONED_AFTER_SECONDS + 1
    final = blob.write("short", expected=generation)
    assert set(windows_keyring.services(NS)) == {f"{NS}:manifest", f"{NS}:{final}:0"}


def test_save_refuses_when_another_writer_moved_on(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    first = blob.write("one", expected=None)
    blob.write("two", expected=first)
    with pytest.raises(WriteConflictError):
        blob.write("three", expected=first)
    assert blob.read().text == "two"


def test_a_writer_committing_during_our_save_wins_and_nothing_is_torn_or_left(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    blob_a = ChunkedKeyringBlob(NS)
    blob_b = ChunkedKeyringBlob(NS)
    start = blob_a.write("start", expected=None)
    b_text = cache_like_text(4_000)

    def b_saves_meanwhile(number: int, service: str) -> None:
        if service.endswith(":1") and windows_keyring.before_set is not None:
            windows_keyring.before_set = None
            blob_b.write(b_text, expected=start)

    windows_keyring.before_set = b_saves_meanwhile
    with pytest.raises(WriteConflictError):
        blob_a.write(cache_like_text(6_000), expected=start)
    result = blob_a.read()
    assert result.status is ReadStatus.OK and result.text == b_text
    manifest = blob_a.read_manifest()
    assert manifest is not None
    # No orphans: every stored entry is one the manifest names (so a later save or a
    # sign-out can find it); A removed its own pieces when it lost.
    assert set(windows_keyring.services(NS)) <= set(blob_a.stored_entry_names())
    assert len(windows_keyring.services(NS)) == 1 + -(-4_000 // (CHUNK_BYTES_UTF16 // 2))


def test_clear_removes_every_entry(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    generation = blob.write(cache_like_text(), expected=None)
    blob.write(cache_like_text(), expected=generation)
    windows_keyring.set_password("other app", "someone", "keep me")
    blob.clear()
    assert windows_keyring.services(NS) == []
    assert windows_keyring.get_password("other app", "someone") == "keep me"


def test_unusable_backends_raise_a_typed_error() -> None:
    import keyring.backends.fail
    import keyring.backends.null

    for backend in (keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()):
        with pytest.raises(KeyringUnavailableError):
            ChunkedKeyringBlob(NS, backend)


def test_a_locked_keyring_raises_a_typed_error(windows_keyring: WindowsLikeKeyring) -> None:
    blob = ChunkedKeyringBlob(NS)
    windows_keyring.locked = True
    with pytest.raises(KeyringUnavailableError, match="locked"):
        blob.write("x", expected=None)
    with pytest.raises(KeyringUnavailableError, match="locked"):
        blob.read()


def test_manifest_text_round_trips() -> None:
    manifest = Manifest(None)
    assert Manifest.from_text(manifest.to_text()) == manifest


def test_only_backends_known_to_have_no_small_cap_get_big_pieces() -> None:
    from keyring.backends import SecretService, chainer

    from desktop.auth.keyring_blob import piece_bytes_for

    assert piece_bytes_for(SecretService.Keyring()) > 100 * CHUNK_BYTES_UTF16
    assert piece_bytes_for(WindowsLikeKeyring()) == CHUNK_BYTES_UTF16
    assert piece_bytes_for(chainer.ChainerBackend()) == CHUNK_BYTES_UTF16

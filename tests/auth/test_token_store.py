"""TokenStore: MSAL's cache in the keyring only, written only on change, shared safely."""

from __future__ import annotations

import json

import keyring.backends.fail
import pytest

from desktop.auth.errors import KeyringUnavailableError
from desktop.auth.token_store import (
    KeyringTokenStore,
    MemoryOnlyTokenStore,
    SessionRecord,
    open_token_store,
)
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.auth.msal_events import add_sign_in, home_account_ids, remove_sign_in

NS = "store-test"
X = "oid-x.tid-1"
Y = "oid-y.tid-2"


def sign_in(store: KeyringTokenStore | MemoryOnlyTokenStore, who: str) -> dict[str, str]:
    oid, tid = who.split(".")
    secrets = add_sign_in(store.cache, oid=oid, tid=tid, username=f"{oid}@{tid}.example")
    store.put_session(SessionRecord(who, "organizations", "client", f"Admin {oid}"))
    store.current_account_id = who
    return secrets


def test_a_saved_sign_in_comes_back_in_a_new_store(windows_keyring: WindowsLikeKeyring) -> None:
    store = open_token_store(NS)
    secrets = sign_in(store, X)
    assert store.save()
    again = open_token_store(NS)
    assert home_account_ids(again.cache) == {X}
    assert again.current_account_id == X
    assert again.sessions()[X].display_name == "Admin oid-x"
    assert secrets["refresh_token"] in json.dumps(json.loads(again.cache.serialize()))


def test_writes_only_when_something_changed(windows_keyring: WindowsLikeKeyring) -> None:
    store = open_token_store(NS)
    assert not store.save()
    assert windows_keyring.sets == 0
    sign_in(store, X)
    assert store.save()
    writes = windows_keyring.sets
    assert not store.save()
    list(store.cache.search(store.cache.CredentialType.ACCESS_TOKEN))  # a read, as MSAL does
    assert not store.save()
    assert windows_keyring.sets == writes
    store.current_account_id = None
    assert store.save()
    assert windows_keyring.sets > writes


def test_a_torn_value_loads_as_signed_out_and_the_next_save_repairs_it(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    store = open_token_store(NS)
    sign_in(store, X)
    store.save()
    piece = next(s for s in windows_keyring.services(NS) if s.endswith(":1"))
    del windows_keyring.entries[(piece, "license-desk")]

    damaged = open_token_store(NS)
    assert damaged.last_load_was_torn
    assert home_account_ids(damaged.cache) == set()
    sign_in(damaged, Y)
    assert damaged.save()
    repaired = open_token_store(NS)
    assert not repaired.last_load_was_torn
    assert home_account_ids(repaired.cache) == {Y}
    assert set(windows_keyring.services(NS)) <= set(repaired.blob.stored_entry_names())


def test_two_running_copies_keep_each_others_sign_ins(windows_keyring: WindowsLikeKeyring) -> None:
    first = open_token_store(NS)
    second = open_token_store(NS)
    sign_in(first, X)
    first.save()
    sign_in(second, Y)  # second has not seen X
    second.save()
    assert home_account_ids(open_token_store(NS).cache) == {X, Y}
    assert home_account_ids(second.cache) == {X, Y}


def test_a_sign_out_in_one_copy_is_not_undone_by_a_refresh_in_the_other(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    first = open_token_store(NS)
    x_secrets = sign_in(first, X)
    first.save()
    second = open_token_store(NS)

    remove_sign_in(first.cache, X)
    first.remove_session(X)
    first.save()
    # The second copy still holds X in memory and refreshes its access token.
    oid, tid = X.split(".")
    refreshed = add_sign_in(second.cache, oid=oid, tid=tid, username="x@example")
    second.save()

    stored = windows_keyring.all_text()
    assert X not in home_account_ids(open_token_store(NS).cache)
    assert X not in home_account_ids(second.cache)
    for secret in (*x_secrets.values(), *refreshed.values()):
        assert secret not in stored


def test_sync_brings_in_another_copys_sign_in_and_keeps_unsaved_changes(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    first = open_token_store(NS)
    second = open_token_store(NS)
    assert not second.sync()
    sign_in(first, X)
    first.save()
    sign_in(second, Y)  # not saved yet
    assert second.sync()
    assert home_account_ids(second.cache) == {X, Y}
    assert second.save()
    assert home_account_ids(open_token_store(NS).cache) == {X, Y}


def test_a_failed_save_is_retried_by_the_next_save(windows_keyring: WindowsLikeKeyring) -> None:
    store = open_token_store(NS)
    sign_in(store, X)
    windows_keyring.locked = True
    with pytest.raises(KeyringUnavailableError, match="locked"):
        store.save()
    windows_keyring.locked = False
    assert store.save()
    assert home_account_ids(open_token_store(NS).cache) == {X}


def test_clear_removes_every_entry_and_forgets_in_memory(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    store = open_token_store(NS)
    sign_in(store, X)
    store.save()
    store.clear()
    assert windows_keyring.services(NS) == []
    assert home_account_ids(store.cache) == set() and store.sessions() == {}


def test_no_keyring_raises_a_typed_error_and_never_writes_a_file(tmp_path: object) -> None:
    with pytest.raises(KeyringUnavailableError, match="no keyring"):
        open_token_store(NS, keyring.backends.fail.Keyring())


def test_memory_only_store_keeps_nothing_in_the_keyring(
    windows_keyring: WindowsLikeKeyring,
) -> None:
    store = MemoryOnlyTokenStore()
    assert not store.persistent and KeyringTokenStore.persistent
    sign_in(store, X)
    assert not store.save()
    assert windows_keyring.entries == {}
    assert home_account_ids(store.cache) == {X}

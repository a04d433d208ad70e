"""How big the MSAL token cache gets, how many keyring entries it takes, and how long saving
and loading take. A plain script (not collected by pytest):

    python tests/benchmarks/bench_token_store.py

Tokens come from the demo identity platform, whose access tokens carry the same claims as
Graph's, so sizes are close to real ones (real tokens vary with tenant and policies).
Measured against a Windows-like in-memory keyring (2,560-byte limit per entry) and, when one
is reachable, the Secret Service (run it inside .ci/run's dbus-run-session for that).
"""

from __future__ import annotations

import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backend

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.auth import scopes
from desktop.auth.accounts import AccountManager
from desktop.auth.token_store import KeyringTokenStore
from tests.auth.demo_identity import SignInWorld, start_world
from tests.auth.fake_keyring import WindowsLikeKeyring

ROUNDS = 20


def sizes(store: KeyringTokenStore) -> tuple[int, int, int]:
    """(MSAL's own serialize() length, our stored document's length, keyring pieces)."""
    msal_text = store.cache.serialize()
    stored = store._snapshot().to_text()
    store.cache.has_state_changed = True
    return len(msal_text), len(stored), -(-len(stored) // (store.blob.piece_bytes // 2))


def median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def consent_writes(world: SignInWorld, manager: AccountManager) -> None:
    flow = manager.start_device_code(scopes.CHANGE_LICENSES)
    world.identity.approve_device_code(flow.user_code)
    flow.wait()
    manager.acquire_token(scopes.CHANGE_LICENSES)


def grow(world: SignInWorld, manager: AccountManager) -> None:
    tenant_id = world.tenant.tenant_id
    other = world.identity.add_account(tenant_id, "ops@example.pl", "Ops")
    third = world.identity.add_account(tenant_id, "it@example.pl", "IT")
    steps: list[tuple[str, Callable[[], None]]] = [
        ("1 account, read scopes", lambda: world.sign_in(manager)),
        ("1 account, + write scopes", lambda: consent_writes(world, manager)),
        ("2 accounts", lambda: world.sign_in(manager, other.username)),
        ("3 accounts", lambda: world.sign_in(manager, third.username)),
    ]
    print(f"{'state':28} {'MSAL json':>10} {'stored':>8} {'pieces':>7}")
    for name, step in steps:
        step()
        assert isinstance(manager.store, KeyringTokenStore)
        raw, stored, pieces = sizes(manager.store)
        print(f"{name:28} {raw:>10,} {stored:>8,} {pieces:>7}")


def timings(store: KeyringTokenStore, backend: keyring.backend.KeyringBackend) -> None:
    def changed_save() -> None:
        store.cache.has_state_changed = True
        store.save()

    print(f"save (3 accounts), median of {ROUNDS}: {median_ms(changed_save):.1f} ms")
    print(f"load (3 accounts), median of {ROUNDS}: {median_ms(store.load):.1f} ms")
    print(f"save with nothing changed: {median_ms(store.save):.3f} ms (no keyring call)")
    if isinstance(backend, WindowsLikeKeyring):
        before = backend.sets
        changed_save()
        print(f"keyring writes per save: {backend.sets - before}")


def measure(backend: keyring.backend.KeyringBackend, label: str) -> None:
    print(f"\n[{label}]")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    worlds = start_world()
    try:
        world = next(worlds)
        manager = world.manager(KeyringTokenStore(f"License Desk bench {uuid.uuid4()}"))
        grow(world, manager)
        assert isinstance(manager.store, KeyringTokenStore)
        timings(manager.store, backend)
        manager.sign_out_all()
    finally:
        worlds.close()
        keyring.set_keyring(previous)


def main() -> None:
    measure(WindowsLikeKeyring(), "Windows-like in-memory keyring")
    from tests.auth.test_real_keyring import reachable_secret_service

    backend, why = reachable_secret_service()
    if backend is None:
        print(f"\n[Secret Service] not measured: {why}")
    else:
        measure(backend, "Secret Service (gnome-keyring)")


if __name__ == "__main__":
    main()

"""Signing out in the window deletes that tenant's local snapshot and its key; the other
signed-in tenant keeps its own until its account signs out too."""

from __future__ import annotations

from pathlib import Path

from desktop.snapshot import vault
from desktop.snapshot.store import SNAPSHOT_DIR, SUFFIX, scope_name
from tests.ui.conftest import TIMEOUT_MS
from tests.ui.sign_in_support import SignInDesk
from tests.ui.test_sign_in_accounts import menu_action, two_signed_in


def test_signing_out_deletes_that_tenants_snapshot_and_key(
    sign_in_desk: SignInDesk, tmp_path: Path
) -> None:
    """``tmp_path`` is the window's data folder (the sign-in fixture opens tenants there)."""
    desk = sign_in_desk

    def snapshot_of(tenant_id: str) -> Path:
        return tmp_path / SNAPSHOT_DIR / f"{scope_name(tenant_id)}{SUFFIX}"

    two_signed_in(desk)
    first, second = desk.world.tenant.tenant_id, desk.other.tenant_id
    desk.qtbot.waitUntil(
        lambda: snapshot_of(first).exists() and snapshot_of(second).exists(),
        timeout=TIMEOUT_MS,
    )

    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        menu_action(desk, "signOut").trigger()  # the second tenant's admin
    desk.qtbot.waitUntil(lambda: opened.args[0].ready, timeout=TIMEOUT_MS)
    assert not snapshot_of(second).exists()
    assert snapshot_of(first).exists()
    assert desk.keyring.services(vault.KEY_SERVICE_PREFIX) == [vault.key_service(scope_name(first))]

    menu_action(desk, "signOut").trigger()
    desk.qtbot.waitUntil(lambda: desk.window.session is None, timeout=TIMEOUT_MS)
    desk.qtbot.waitUntil(lambda: not snapshot_of(first).exists(), timeout=TIMEOUT_MS)
    assert desk.keyring.services(vault.KEY_SERVICE_PREFIX) == []

"""``license-desk login / whoami / logout`` in-process against the demo identity platform,
and a script run on the signed-in session (the connection hook)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import keyring
import keyring.backends.fail
import pytest

from desktop.auth.config import KEYRING_NAMESPACE_ENV, LOGIN_URL_ENV
from tests.auth.demo_identity import NAMESPACE, SignInWorld
from tests.auth.fake_keyring import WindowsLikeKeyring
from ui.launcher import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(
    world: SignInWorld, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    monkeypatch.setenv(LOGIN_URL_ENV, world.tenant.root_url)
    monkeypatch.setenv(KEYRING_NAMESPACE_ENV, NAMESPACE)
    for name in ("LICENSE_DESK_GRAPH_URL", "LICENSE_DESK_TOKEN"):
        monkeypatch.delenv(name, raising=False)

    def run_cli(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_cli


def login_with_device_code(world: SignInWorld, run: Run, *extra: str) -> tuple[int, str, str]:
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run("login", "--device-code", *extra)))
    worker.start()
    world.identity.approve_device_code(world.identity.wait_for_device_code())
    worker.join(timeout=60)
    assert not worker.is_alive()
    return result[0]


def test_login_whoami_a_script_run_and_logout(
    world: SignInWorld, run: Run, windows_keyring: WindowsLikeKeyring
) -> None:
    code, out, _ = login_with_device_code(world, run)
    assert code == 0
    assert "https://microsoft.com/devicelogin" in out
    assert f"Signed in as {world.admin.username}" in out

    code, out, _ = run("whoami")
    assert code == 0 and out.startswith(f"* {world.admin.username}")
    code, out, _ = run("whoami", "--json", "--check")
    [me] = json.loads(out)
    assert me["tenantId"] == world.tenant.tenant_id and me["current"] is True

    # A script on the signed-in session: no --token.
    code, out, err = run("skus", "--json", "--graph-url", world.tenant.base_url)
    assert code == 0, err
    assert any(sku["skuPartNumber"] == "ENTERPRISEPACK" for sku in json.loads(out))

    code, out, _ = run("logout")
    assert code == 0 and "The saved sign-in is removed." in out
    assert windows_keyring.services(NAMESPACE) == []
    code, _, err = run("whoami")
    assert code == 1 and "Not signed in" in err
    code, _, err = run("skus", "--graph-url", world.tenant.base_url)
    assert code == 2 and "--token is missing" in err


def test_login_asks_only_for_the_access_it_is_told(world: SignInWorld, run: Run) -> None:
    assert login_with_device_code(world, run, "--access", "licenses")[0] == 0
    granted = world.identity.consented_scopes(
        world.admin.username, "14d82eec-204b-4c2f-b7e8-296a70dab67e"
    )
    assert "LicenseAssignment.ReadWrite.All" in granted
    assert "User.ReadWrite.All" not in granted


def test_logout_all_with_two_accounts(
    world: SignInWorld, run: Run, windows_keyring: WindowsLikeKeyring
) -> None:
    other = world.identity.add_account(world.tenant.tenant_id, "second@example.pl", "Second")
    assert login_with_device_code(world, run)[0] == 0
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run("login", "--device-code")))
    worker.start()
    world.identity.approve_device_code(world.identity.wait_for_device_code(), other.username)
    worker.join(timeout=60)
    code, out, _ = run("whoami")
    assert out.count("\n") == 2 and f"* {other.username}" in out
    code, out, _ = run("logout", "--account", world.admin.username)
    assert code == 0 and "1 account(s) still signed in" in out
    code, out, _ = run("logout", "--all")
    assert code == 0 and windows_keyring.services(NAMESPACE) == []


def test_without_a_keyring_login_refuses(run: Run) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    code, _, err = run("login", "--device-code")
    assert code == 1
    assert "keyring" in err and "cannot store your sign-in" in err


def test_a_login_url_that_is_not_loopback_is_refused(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOGIN_URL_ENV, "http://login.example.com")
    code, _, err = run("login", "--device-code")
    assert code == 1 and "loopback" in err


def test_a_malformed_client_id_is_bad_input(run: Run) -> None:
    code, _, err = run("login", "--device-code", "--client-id", "not-a-guid")
    assert code == 2 and "client) id" in err

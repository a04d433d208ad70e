"""The same sign-in against a real Secret Service keyring (GNOME Keyring under D-Bus).

Skipped when no Secret Service answers, unless LICENSE_DESK_REQUIRE_REAL_KEYRING=1 (set by
.ci/run, which starts an unlocked gnome-keyring-daemon inside dbus-run-session): then a
missing keyring is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest

from desktop.auth.config import KEYRING_NAMESPACE_ENV, LOGIN_URL_ENV
from desktop.auth.token_store import KeyringTokenStore
from tests.auth.demo_identity import SignInWorld, start_world

pytestmark = pytest.mark.keyring_real
REQUIRE_ENV = "LICENSE_DESK_REQUIRE_REAL_KEYRING"


def reachable_secret_service() -> tuple[keyring.backend.KeyringBackend | None, str]:
    try:
        from keyring.backends import SecretService

        if not SecretService.Keyring.viable:
            return None, "the Secret Service backend is not usable here (no D-Bus session?)"
        backend = SecretService.Keyring()
        probe = f"License Desk probe {uuid.uuid4()}"
        backend.set_password(probe, "probe", "ok")
        answer = backend.get_password(probe, "probe")
        backend.delete_password(probe, "probe")
    except Exception as exc:  # any backend failure means: not reachable
        return None, f"{type(exc).__name__}: {exc}"
    if answer != "ok":
        return None, "the Secret Service did not keep a test entry"
    return backend, ""


@pytest.fixture(scope="module")
def secret_service() -> keyring.backend.KeyringBackend:
    backend, why = reachable_secret_service()
    if backend is None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but no Secret Service keyring is reachable: {why}")
        pytest.skip(f"no Secret Service keyring reachable: {why}")
    return backend


@pytest.fixture
def real_world(secret_service: keyring.backend.KeyringBackend) -> Iterator[SignInWorld]:
    previous = keyring.get_keyring()
    keyring.set_keyring(secret_service)
    try:
        yield from start_world()
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def namespace(monkeypatch: pytest.MonkeyPatch) -> str:
    # Never the real name: a developer's own sign-in stays untouched.
    name = f"License Desk tests {uuid.uuid4()}"
    monkeypatch.setenv(KEYRING_NAMESPACE_ENV, name)
    return name


def test_sign_in_lives_in_the_secret_service_and_sign_out_removes_it(
    real_world: SignInWorld, secret_service: keyring.backend.KeyringBackend, namespace: str
) -> None:
    world = real_world
    manager = world.manager(KeyringTokenStore(namespace))
    world.sign_in(manager)
    store = manager.store
    assert isinstance(store, KeyringTokenStore)
    names = store.blob.stored_entry_names()
    assert len(names) >= 2  # the manifest and the piece(s)
    assert all(secret_service.get_password(n, "license-desk") for n in names)

    restarted = world.manager(KeyringTokenStore(namespace))
    restarted.store.load()
    [account] = restarted.accounts()
    assert account.username == world.admin.username
    assert restarted.acquire_token(force_refresh=True).value

    restarted.sign_out()
    assert [n for n in names if secret_service.get_password(n, "license-desk")] == []


def test_the_command_line_keeps_the_sign_in_across_processes(
    real_world: SignInWorld, namespace: str
) -> None:
    world = real_world
    env = dict(
        os.environ,
        **{LOGIN_URL_ENV: world.tenant.root_url, KEYRING_NAMESPACE_ENV: namespace},
        PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
    )

    def cli(*argv: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "ui", *argv],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    login = cli("login", "--device-code")
    world.identity.approve_device_code(world.identity.wait_for_device_code(timeout=60))
    out, err = login.communicate(timeout=120)
    assert login.returncode == 0, err
    assert f"Signed in as {world.admin.username}" in out

    whoami = cli("whoami", "--json", "--check")  # a new process: restored from the keyring
    out, err = whoami.communicate(timeout=120)
    assert whoami.returncode == 0, err
    assert json.loads(out)[0]["username"] == world.admin.username

    logout = cli("logout", "--all")
    out, err = logout.communicate(timeout=120)
    assert logout.returncode == 0, err
    again = cli("whoami")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 1 and "Not signed in" in err

"""After a sign-in and a run, no token is in any file (app data folder, temp folder) nor in
any log line or console output: tokens live in the keyring and in memory only."""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.auth.config import KEYRING_NAMESPACE_ENV, LOGIN_URL_ENV
from desktop.demo import DemoTenant
from desktop.demo.router import Request, Response
from tests.auth.demo_identity import NAMESPACE, POLL_INTERVAL
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.identity import DemoIdentity
from ui.launcher import main

MAX_SCANNED_FILE = 20_000_000


@dataclass
class Recorded:
    tenant: DemoTenant
    identity: DemoIdentity
    issued: list[str]  # every token the identity platform handed out


@pytest.fixture
def recorded(
    windows_keyring: WindowsLikeKeyring, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Recorded]:
    """A demo identity platform that remembers every token it hands out, with the command
    line pointed at it."""
    tenant = DemoTenant.start(users=60, seed=1)
    identity = DemoIdentity(poll_interval=POLL_INTERVAL)
    issued: list[str] = []
    token_endpoint = identity.token

    def recording(request: Request) -> Response:
        response = token_endpoint(request)
        payload = response.payload if isinstance(response.payload, dict) else {}
        issued.extend(
            str(payload[k]) for k in ("access_token", "refresh_token", "id_token") if k in payload
        )
        return response

    identity.token = recording  # type: ignore[method-assign]
    identity.attach(tenant)
    monkeypatch.setenv(LOGIN_URL_ENV, tenant.root_url)
    monkeypatch.setenv(KEYRING_NAMESPACE_ENV, NAMESPACE)
    try:
        yield Recorded(tenant, identity, issued)
    finally:
        tenant.stop()


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The app data folder and the temp folder, both fresh for this test."""
    app_data, temp = tmp_path / "data", tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(app_data))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return app_data, temp


def fingerprints(secrets: list[str]) -> set[str]:
    """The whole secret and its tail: a truncated token in a log is still a leak."""
    return {s for secret in secrets for s in (secret, secret[-32:])}


def files_under(folder: Path, since: float) -> Iterator[Path]:
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            try:
                stat = path.stat()
            except OSError:
                continue  # vanished meanwhile (other programs share the temp folder)
            if stat.st_mtime >= since and stat.st_size < MAX_SCANNED_FILE:
                yield path


def leaks_in(paths: Iterator[Path], secrets: set[str]) -> list[str]:
    found = []
    for path in paths:
        try:
            text = path.read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        found += [f"{path}" for s in secrets if s in text]
    return found


def test_no_token_in_files_logs_or_output_after_sign_in_and_a_run(
    recorded: Recorded,
    windows_keyring: WindowsLikeKeyring,
    folders: tuple[Path, Path],
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    tenant, identity, issued = recorded.tenant, recorded.identity, recorded.issued
    app_data, temp = folders
    started = time.time() - 1
    caplog.set_level(logging.DEBUG)  # everything, MSAL's and urllib3's debug lines included

    run: Callable[..., int] = lambda *argv: main(list(argv))  # noqa: E731
    login = threading.Thread(target=lambda: run("login", "--device-code", "--access", "licenses"))
    login.start()
    identity.approve_device_code(identity.wait_for_device_code())
    login.join(timeout=60)
    admin = tenant.store.users_page("1", (), 0, 1)[0]
    assert run("whoami", "--check") == 0
    identity.advance_clock(identity.access_token_lifetime + 1)  # the run refreshes mid-way
    target = tenant.store.users_page("1", (), 1, 1)[0][2]
    code = run(
        "assign", "--users", target, "--add", "Microsoft Power Automate Free", "--yes",
        "--graph-url", tenant.base_url,
    )  # fmt: skip
    assert code == 0
    assert run("users", "--json", "--graph-url", tenant.base_url) == 0
    assert admin and len(issued) >= 6  # sign-in and refresh each gave three tokens

    secrets = fingerprints(issued)
    output = capfd.readouterr()
    log_text = "\n".join(f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in caplog.records)
    assert log_text and output.out  # something was captured: the scan is not vacuous
    for stream in (output.out, output.err, log_text):
        assert not [s for s in secrets if s in stream]
    assert app_data.exists()  # the run's journal lives there
    assert leaks_in(files_under(app_data, started), secrets) == []
    assert leaks_in(files_under(temp, started), secrets) == []
    assert leaks_in(files_under(Path(tempfile.gettempdir()), started), secrets) == []
    system_temp = Path(os.environ.get("TMPDIR", "/tmp"))
    if system_temp.is_dir():
        assert leaks_in(files_under(system_temp, started), secrets) == []
    # ... while the keyring does hold them (so the scan would have found a file copy).
    assert any(s in windows_keyring.all_text() for s in secrets)

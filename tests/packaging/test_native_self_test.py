"""``--self-test --require-native``: what the Windows and macOS runners run before and after
signing. Its rules are tested here; the platforms themselves only exist on those runners."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage

from desktop import selftest
from desktop.selftest import SelfTestFailedError
from desktop.selftest_keyring import (
    SELF_TEST_SERVICE,
    NativeKeyringError,
    require_native,
    round_trip,
)
from ui import self_test, self_test_window

ROOT = Path(__file__).resolve().parents[2]


class DictKeyring:
    def __init__(self, *, lose_writes: bool = False, keep_deleted: bool = False) -> None:
        self.entries: dict[tuple[str, str], str] = {}
        self.lose_writes = lose_writes
        self.keep_deleted = keep_deleted

    def set_password(self, service: str, user: str, secret: str) -> None:
        if not self.lose_writes:
            self.entries[(service, user)] = secret

    def get_password(self, service: str, user: str) -> str | None:
        return self.entries.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        if not self.keep_deleted:
            self.entries.pop((service, user), None)


def test_no_backend_at_all_fails_instead_of_reporting_none() -> None:
    with pytest.raises(NativeKeyringError, match="no OS keyring backend loads"):
        require_native("keyring.backends.fail.Keyring", (), platform="win32")


@pytest.mark.parametrize(
    ("platform", "chosen", "ok"),
    [
        ("win32", "keyring.backends.Windows.WinVaultKeyring", True),
        ("darwin", "keyring.backends.macOS.Keyring", True),
        ("linux", "keyring.backends.SecretService.Keyring", True),
        ("darwin", "keyring.backends.SecretService.Keyring", False),
        ("win32", "keyrings.alt.file.PlaintextKeyring", False),  # a file is not the OS keyring
    ],
)
def test_the_chosen_backend_must_be_the_platforms_own(platform: str, chosen: str, ok: bool) -> None:
    viable = (chosen,)
    if ok:
        require_native(chosen, viable, platform=platform)
    else:
        with pytest.raises(NativeKeyringError, match="not the OS keyring"):
            require_native(chosen, viable, platform=platform)


def test_round_trip_stores_reads_back_and_leaves_nothing() -> None:
    store = DictKeyring()
    round_trip(store.set_password, store.get_password, store.delete_password)
    assert store.entries == {}


@pytest.mark.parametrize(
    ("store", "message"),
    [
        (DictKeyring(lose_writes=True), "did not give back"),
        (DictKeyring(keep_deleted=True), "kept an entry"),
    ],
)
def test_round_trip_catches_a_keyring_that_does_not_keep_or_forget(
    store: DictKeyring, message: str
) -> None:
    with pytest.raises(NativeKeyringError, match=message):
        round_trip(store.set_password, store.get_password, store.delete_password)
    assert all(service == SELF_TEST_SERVICE for service, _ in store.entries)


def test_check_keyring_fails_when_required_and_none_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    import keyring.backend
    from keyring.backends import fail

    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [fail.Keyring()])
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    lines: list[str] = []
    selftest.check_keyring(lines.append)  # the plain self-test only reports it
    assert "usable here: none" in lines[-1]
    with pytest.raises(SelfTestFailedError, match="no OS keyring backend loads"):
        selftest.check_keyring(lines.append, require_native=True)


def test_offscreen_is_not_the_native_platform(qapp: QCoreApplication) -> None:
    with pytest.raises(SelfTestFailedError, match="'offscreen' platform plugin"):
        self_test.check_native_qt()


def test_the_window_opens_the_demo_tenant_and_paints(
    qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    lines: list[str] = []
    self_test_window.render_window(lines.append)
    assert len(lines) == 1
    assert lines[0].startswith("window: ") and " users painted at 1200x760" in lines[0]
    assert int(lines[0].split()[1]) > 0


def test_a_window_that_never_loads_fails_within_the_bound(
    qapp: QCoreApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(self_test_window, "LOAD_TIMEOUT_MS", 300)
    monkeypatch.setattr(self_test_window.Startup, "start", lambda self, *, demo: None)
    with pytest.raises(SelfTestFailedError, match="no demo tenant after 0 s"):
        self_test_window.render_window(lambda _line: None)


def test_a_blank_grab_has_one_colour() -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert self_test_window.distinct_colours(image) == 1


def test_require_native_from_the_command_line_fails_cleanly_here() -> None:
    # Offscreen (and, without a Secret Service, no keyring): one FAILED line, exit 1, no trace.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--self-test", "--require-native"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("self-test: FAILED: "), result.stdout
    assert "OS keyring" in last or "'offscreen' platform plugin" in last, last
    assert "Traceback" not in result.stderr

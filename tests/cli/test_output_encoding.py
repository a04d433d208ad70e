"""Every text the CLI writes survives the console's or the redirect's encoding: a Windows
script doing ``license-desk users > users.txt`` on an English (cp1252) or Polish (cp1250) code
page gets the list, never a ``UnicodeEncodeError`` traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.output_encoding import make_output_safe, safe_settings
from tests.demo_tenant import DemoTenantForTests

ROOT = Path(__file__).resolve().parents[2]
POLISH_ONLY = "ąćęłńśźżĄĆĘŁŃŚŹŻ"  # letters cp1250 holds and cp1252 does not


@pytest.fixture(scope="module")
def polish_tenant() -> Iterator[DemoTenantForTests]:
    tenant = DemoTenantForTests.start(users=120, seed=5)
    try:
        yield tenant
    finally:
        tenant.stop()


@pytest.fixture(scope="module")
def display_names(polish_tenant: DemoTenantForTests) -> list[str]:
    with GraphClient(polish_tenant.base_url, StaticToken("names")) as client:
        names = [user.display_name for user in client.list_users()]
    assert sum(any(c in POLISH_ONLY for c in n) for n in names) >= 10, "too few Polish names"
    return names


def run_users(tenant: DemoTenantForTests, **env_changes: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(env_changes)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ui",
            "users",
            "--graph-url",
            tenant.base_url,
            "--token",
            "encoding-test",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )


def test_polish_code_page_gets_every_name_whole(
    polish_tenant: DemoTenantForTests, display_names: list[str]
) -> None:
    result = run_users(polish_tenant, PYTHONIOENCODING="cp1250")
    assert result.returncode == 0, result.stderr.decode("cp1250", "replace")
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode("cp1250")
    missing = [name for name in display_names if name not in text]
    assert not missing, missing[:5]


def test_english_code_page_gets_every_user_with_unwritable_letters_replaced(
    polish_tenant: DemoTenantForTests, display_names: list[str]
) -> None:
    result = run_users(polish_tenant, PYTHONIOENCODING="cp1252")
    assert result.returncode == 0, result.stderr.decode("cp1252", "replace")
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode("cp1252")  # strict: what was written is valid cp1252
    for name in display_names:
        # Letters cp1252 has (ó, é) stay; the rest become "?", nothing else changes.
        shown = "".join(c if c.encode("cp1252", "replace") != b"?" else "?" for c in name)
        assert shown in text, name
    user_lines = [line for line in text.splitlines() if "@" in line]
    assert len(user_lines) == len(display_names)  # one line per user, none lost


def test_redirect_on_a_legacy_locale_writes_utf8(
    polish_tenant: DemoTenantForTests, display_names: list[str]
) -> None:
    # The C locale without Python's UTF-8 coercion gives an ASCII stdout, like a code page.
    result = run_users(polish_tenant, LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")
    missing = [name for name in display_names if name not in text]
    assert not missing, missing[:5]


def test_help_and_errors_survive_too(polish_tenant: DemoTenantForTests) -> None:
    # A bad filter: argparse's error text goes to stderr through the same safe stream.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    result = subprocess.run(
        [sys.executable, "-m", "ui", "users", "--filter", "żółw"],
        cwd=ROOT,
        env=dict(env, PYTHONIOENCODING="cp1252"),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    # stderr already escapes what cp1252 lacks (Python's default there): ó stays, ż and ł escape.
    assert b"invalid choice: '\\u017c\xf3\\u0142w'" in result.stderr


class FakeStream(io.TextIOWrapper):
    def __init__(self, encoding: str, *, tty: bool = False, errors: str = "strict") -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors=errors)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty

    def written(self) -> bytes:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue()


@pytest.mark.parametrize(
    ("encoding", "tty", "chosen", "expected"),
    [
        ("utf-8", False, False, None),
        ("UTF8", True, True, None),
        ("utf-16-le", False, False, None),
        ("cp1252", False, True, {"errors": "replace"}),
        ("cp1252", True, False, {"errors": "replace"}),
        ("cp1252", False, False, {"encoding": "utf-8", "errors": "replace"}),
        ("ascii", False, False, {"encoding": "utf-8", "errors": "replace"}),
    ],
)
def test_rule_for_each_kind_of_stream(
    monkeypatch: pytest.MonkeyPatch,
    encoding: str,
    tty: bool,
    chosen: bool,
    expected: dict[str, str] | None,
) -> None:
    if chosen:
        monkeypatch.setenv("PYTHONIOENCODING", f"{encoding}:strict")
    else:
        monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    assert safe_settings(FakeStream(encoding, tty=tty)) == expected


def test_streams_that_cannot_be_reconfigured_are_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    make_output_safe(None, io.StringIO())  # pythonw.exe has no streams; doubles cannot change
    stream = FakeStream("cp1252", tty=True)
    make_output_safe(stream)
    stream.write("Paweł Kołodziej\n")
    assert stream.written() == b"Pawe? Ko?odziej\n"

"""Fixtures for sign-in tests: a Windows-like in-memory keyring installed as THE keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.auth.fake_keyring import WindowsLikeKeyring


@pytest.fixture
def windows_keyring() -> Iterator[WindowsLikeKeyring]:
    previous = keyring.get_keyring()
    backend = WindowsLikeKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)

"""Fixtures for sign-in tests: a Windows-like in-memory keyring installed as THE keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.auth.demo_identity import SignInWorld, start_world
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


@pytest.fixture
def world(windows_keyring: WindowsLikeKeyring) -> Iterator[SignInWorld]:
    """A demo tenant serving the identity endpoints, over a Windows-like keyring."""
    yield from start_world()

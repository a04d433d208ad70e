"""The one temporary-password generator (window and CLI): Microsoft's complexity rules."""

from __future__ import annotations

import pytest

from desktop.demo.routes_writes import password_is_complex
from desktop.passwords import DIGITS, LOWER, SYMBOLS, UPPER, generate_password


@pytest.mark.parametrize("length", [8, 16, 64])
def test_every_password_has_all_four_kinds_and_passes_graphs_rule(length: int) -> None:
    for _ in range(200):
        password = generate_password(length)
        assert len(password) == length
        for kind in (LOWER, UPPER, DIGITS, SYMBOLS):
            assert any(c in kind for c in password)
        assert password_is_complex(password)
        assert password[0] in LOWER + UPPER  # never read as a formula by a spreadsheet


def test_passwords_differ_and_short_ones_are_refused() -> None:
    assert len({generate_password() for _ in range(100)}) == 100
    with pytest.raises(ValueError, match="at least 8"):
        generate_password(7)


def test_no_look_alike_characters() -> None:
    everything = LOWER + UPPER + DIGITS + SYMBOLS
    assert not set("0O1lI") & set(everything)

"""Temporary passwords for new users: strong, and easy to read aloud or type from a note.

The one generator, used by the window's "New user" and by ``license-desk user create``.
Microsoft Entra ID asks for 8-256 characters with three of the four kinds (lower case,
upper case, digits, symbols); every password made here has all four.
"""

from __future__ import annotations

import secrets

# No look-alikes (0/O, 1/l/I) and no characters that keyboard layouts move around.
LOWER = "abcdefghijkmnopqrstuvwxyz"
UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"
DIGITS = "23456789"
SYMBOLS = "!#$%*+-=?@"
LENGTH = 16


def generate_password(length: int = LENGTH) -> str:
    """At least one of each kind (Microsoft needs three of four), the rest from all of them,
    shuffled with the OS's cryptographic randomness. It starts with a letter: a spreadsheet
    opening the password file would take a leading ``=``, ``+``, ``-`` or ``@`` for a formula
    and show something else than the password."""
    if length < 8:
        raise ValueError("a temporary password needs at least 8 characters")
    everything = LOWER + UPPER + DIGITS + SYMBOLS
    chars = [secrets.choice(kind) for kind in (LOWER, UPPER, DIGITS, SYMBOLS)]
    chars += [secrets.choice(everything) for _ in range(length - len(chars) - 1)]
    secrets.SystemRandom().shuffle(chars)
    return secrets.choice(LOWER + UPPER) + "".join(chars)

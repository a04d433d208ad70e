"""``--self-test --require-native``: the OS keyring must really work, not merely be absent.

On a user's Windows or macOS machine a missing backend means every sign-in is forgotten; the
plain self-test only reports "usable here: none", so the installer workflow runs this stricter
check on the Windows and macOS runners (and again on the signed bundle).
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable

# The OS keyring each platform's users have; a third-party or fail backend does not count.
NATIVE_BACKENDS: dict[str, tuple[str, ...]] = {
    "win32": ("keyring.backends.Windows.",),
    "darwin": ("keyring.backends.macOS.",),
    "linux": (
        "keyring.backends.SecretService.",
        "keyring.backends.kwallet.",
        "keyring.backends.libsecret.",
    ),
}
# Never the service name of real sign-ins (desktop/auth/token_store.py): nothing real is touched.
SELF_TEST_SERVICE = "License Desk self-test"


class NativeKeyringError(Exception):
    pass


def native_prefixes(platform: str = sys.platform) -> tuple[str, ...]:
    key = "linux" if platform.startswith("linux") else platform
    return NATIVE_BACKENDS.get(key, ())


def require_native(chosen: str, viable: tuple[str, ...], platform: str = sys.platform) -> None:
    if not viable:
        raise NativeKeyringError("no OS keyring backend loads: saved sign-ins would be impossible")
    wanted = native_prefixes(platform)
    if wanted and not chosen.startswith(wanted):
        names = ", ".join(prefix.rstrip(".") for prefix in wanted)
        raise NativeKeyringError(f"keyring chose {chosen}, not the OS keyring ({names})")


def round_trip(
    set_password: Callable[[str, str, str], None],
    get_password: Callable[[str, str], str | None],
    delete_password: Callable[[str, str], None],
) -> None:
    """Write a random secret, read it back, delete it; leaves nothing behind on success."""
    user = f"self-test-{secrets.token_hex(4)}"
    secret = secrets.token_urlsafe(24)
    set_password(SELF_TEST_SERVICE, user, secret)
    try:
        if get_password(SELF_TEST_SERVICE, user) != secret:
            raise NativeKeyringError("the OS keyring did not give back what was stored")
    finally:
        delete_password(SELF_TEST_SERVICE, user)
    if get_password(SELF_TEST_SERVICE, user) is not None:
        raise NativeKeyringError("the OS keyring kept an entry after deleting it")

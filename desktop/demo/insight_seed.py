"""Seeded facts for license insight: overlapping packages, sign-in activity, subscriptions.

Everything here is drawn from its own random generator (seeded from the tenant's seed number),
so adding it never changes the rest of the seeded tenant, and the same seed gives the same
spread. Dates are kept as "days before today" and turned into timestamps when served, so a demo
tenant started on any day shows the same picture: who signed in last week, who has been away for
four months, which subscription renews in six weeks.

The spread (``SignInKind``):

- ``ACTIVE``: a successful sign-in within the last 26 days (most enabled users);
- ``INACTIVE``: last successful sign-in 40 to 350 days ago, never within three days of the
  thresholds people choose (30, 60, 90, 180, 365), so findings do not flip over a midnight;
- ``LEGACY``: signed in last before December 2023, when Graph started filling
  ``lastSuccessfulSignInDateTime``: only ``lastSignInDateTime`` is set (``LEGACY_DATE``);
- ``NEVER``: never signed in; Graph then leaves ``signInActivity`` out.

Blocked accounts are either ``INACTIVE`` or ``NEVER``.

Some active users work only in the desktop Office apps (``SignIn.services_days``): their
sign-ins are recent (the apps refresh their tokens), but the Microsoft 365 services the
active-user report counts (mail, OneDrive, SharePoint, Teams) were last used 40 to 350 days
ago. Only the Microsoft 365 Apps report sees that they work. See ``docs/graph-facts.md``,
"Sign-in activity and usage reports" and "Subscriptions and renewals".
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import Enum

ACTIVE_MAX_DAYS = 25
INACTIVE_DAYS: tuple[int, ...] = (40, 52, 75, 110, 128, 150, 205, 240, 300, 350)
# Before December 2023, when Graph began to fill lastSuccessfulSignInDateTime: a fixed date.
LEGACY_DATE = datetime(2023, 10, 16, tzinfo=timezone.utc)
_SALT_ACTIVITY = 0x51A7
_SALT_OVERLAP = 0x0E1A
_SALT_DESKTOP = 0xDE5C
DESKTOP_ONLY_SHARE = 0.15  # of active users: only desktop apps, services long unused
# Rows below this position are left alone: other tests pick "the first user such that...".
FIRST_OVERLAP_ROW = 31


class SignInKind(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    LEGACY = "legacy"
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class SignIn:
    """One user's seeded sign-in activity, in days (and seconds) before "now"."""

    kind: SignInKind
    success_days: int | None  # lastSuccessfulSignInDateTime
    interactive_days: int | None  # lastSignInDateTime (may be a failed attempt)
    non_interactive_days: int | None  # lastNonInteractiveSignInDateTime
    seconds: int  # time of day offset, so timestamps are not all at midnight
    # Desktop apps only: the report's services (mail, files, Teams) last used this long ago.
    services_days: int | None = None


def overlap_picks(
    base: dict[int, str],
    licenses: Sequence[tuple[int, str, str, str]],
    user_count: int,
    seed: int,
) -> list[tuple[int, str, tuple[str, ...]]]:
    """(user rowid, extra part number, plan names turned off in it) for users who hold a
    package another one already covers.

    Exchange Online (Plan 1) beside Microsoft 365 Business Standard; beside Office 365 E3 with
    its Exchange plan turned off (Plan 1 and Plan 2 cannot both be on for one mailbox, so that
    is how such a leftover survives); Business Basic left over beside E3, the same way, and only
    where that E3 has no app turned off, so E3 really covers everything Basic gives.
    """
    rng = random.Random(seed * 1_000_003 + _SALT_OVERLAP)
    with_disabled = {rowid for rowid, sku, disabled, _ in licenses if disabled != "[]"}
    e3 = [
        r for r, part in sorted(base.items()) if part == "ENTERPRISEPACK" and r >= FIRST_OVERLAP_ROW
    ]
    standard = [
        r for r, part in sorted(base.items())
        if part == "O365_BUSINESS_PREMIUM" and r >= FIRST_OVERLAP_ROW
    ]  # fmt: skip
    rng.shuffle(e3)
    rng.shuffle(standard)
    scale = max(1, user_count // 60)
    exchange_off = ("EXCHANGE_S_STANDARD",)
    picks: list[tuple[int, str, tuple[str, ...]]] = []
    for rowid in e3[: 2 * scale]:
        picks.append((rowid, "EXCHANGESTANDARD", exchange_off))
    for rowid in standard[:scale]:
        picks.append((rowid, "EXCHANGESTANDARD", ()))
    clean_e3 = [r for r in e3[2 * scale :] if r not in with_disabled]
    for rowid in clean_e3[:scale]:
        picks.append((rowid, "O365_BUSINESS_ESSENTIALS", exchange_off))
    return sorted(picks)


def sign_ins(users: Sequence[tuple[int, bool]], seed: int) -> dict[int, SignIn]:
    """Sign-in activity for ``(rowid, account enabled)`` pairs, in rowid order."""
    rng = random.Random(seed * 1_000_003 + _SALT_ACTIVITY)
    result: dict[int, SignIn] = {}
    for rowid, enabled in users:
        draw = rng.random()
        seconds = rng.randrange(6 * 3600, 18 * 3600)
        if not enabled:
            kind = SignInKind.NEVER if draw < 0.25 else SignInKind.INACTIVE
        elif draw < 0.72:
            kind = SignInKind.ACTIVE
        elif draw < 0.86:
            kind = SignInKind.INACTIVE
        elif draw < 0.92:
            kind = SignInKind.NEVER
        elif draw < 0.95:
            kind = SignInKind.LEGACY
        else:
            kind = SignInKind.ACTIVE
        # The first user is the administrator running the demo: always active.
        if rowid == 1:
            kind = SignInKind.ACTIVE
        result[rowid] = _sign_in(kind, rng, seconds)
    return _with_desktop_only(result, seed)


def _with_desktop_only(drawn: dict[int, SignIn], seed: int) -> dict[int, SignIn]:
    """Marks some active users as desktop-only, from a generator of its own so the rest of
    the spread stays as it was. The administrator (rowid 1) is never one."""
    rng = random.Random(seed * 1_000_003 + _SALT_DESKTOP)
    for rowid, seeded in drawn.items():
        draw, days = rng.random(), rng.choice(INACTIVE_DAYS)
        if seeded.kind is SignInKind.ACTIVE and rowid != 1 and draw < DESKTOP_ONLY_SHARE:
            drawn[rowid] = replace(seeded, services_days=days)
    return drawn


def _sign_in(kind: SignInKind, rng: random.Random, seconds: int) -> SignIn:
    if kind is SignInKind.NEVER:
        return SignIn(kind, None, None, None, seconds)
    if kind is SignInKind.LEGACY:
        return SignIn(kind, None, None, None, seconds)  # dated LEGACY_DATE when served
    days = (
        rng.randrange(0, ACTIVE_MAX_DAYS + 1)
        if kind is SignInKind.ACTIVE
        else rng.choice(INACTIVE_DAYS)
    )
    style = rng.random()
    if style < 0.3:  # signed in only through apps refreshing their tokens lately
        return SignIn(kind, days, days + rng.randrange(3, 20), days, seconds)
    if style < 0.4:  # a failed interactive attempt after the last success
        return SignIn(kind, days, max(0, days - 1), None, seconds)
    return SignIn(kind, days, days, None, seconds)

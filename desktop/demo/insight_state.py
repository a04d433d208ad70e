"""The demo tenant's switches and seeded facts for license insight.

    tenant.insight.premium = False          # a tenant without Microsoft Entra ID P1/P2
    tenant.insight.concealed_names = True   # usage reports show hashed names
    tenant.insight.today = lambda: datetime(2026, 1, 5, tzinfo=timezone.utc)   # tests

Sign-in activity is seeded per user from the seed number (``insight_seed.sign_ins``) when the
tenant starts or is reset; users created later have never signed in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from desktop.demo.insight_seed import LEGACY_DATE, SignIn, SignInKind, sign_ins
from desktop.demo.store import Store

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# (last successful, last interactive, last non-interactive) sign-in, as Graph writes them.
Stamps = tuple[str | None, str | None, str | None]


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass
class InsightState:
    seed: int
    premium: bool = True  # Microsoft Entra ID P1 or P2: signInActivity can be read
    concealed_names: bool = False  # admin center: "Display concealed user, group and site names"
    today: Callable[[], datetime] = utc_now
    _sign_ins: dict[int, SignIn] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # Text reused across 100,000 users: days before one date, and times of day ("T08:15:00Z").
    _days_text: tuple[date | None, dict[int, str]] = field(default_factory=lambda: (None, {}))
    _clock_text: dict[int, str] = field(default_factory=dict)

    def reseed(self, store: Store) -> None:
        """Draw every user's sign-in activity again, as on a freshly seeded tenant."""
        rows = store.query("SELECT rowid, account_enabled FROM users ORDER BY rowid")
        users = [(int(rowid), bool(enabled)) for rowid, enabled in rows]
        drawn = sign_ins(users, self.seed)
        with self._lock:
            self._sign_ins = drawn

    def sign_in(self, rowid: int) -> SignIn | None:
        """The seeded activity of a user; None for users created after seeding."""
        return self._sign_ins.get(rowid)

    def moment(self, days: int | None, seconds: int) -> datetime | None:
        """``days`` before today at a seeded time of day (never in the future)."""
        if days is None:
            return None
        now = self.today()
        start = datetime(now.year, now.month, now.day, tzinfo=timezone.utc)
        stamp = start - timedelta(days=days) + timedelta(seconds=seconds)
        return min(stamp, now)

    def moments(self, seeded: SignIn) -> tuple[datetime | None, datetime | None, datetime | None]:
        """(last successful, last interactive, last non-interactive) sign-in of a user."""
        if seeded.kind is SignInKind.LEGACY:
            return None, LEGACY_DATE + timedelta(seconds=seeded.seconds), None
        return (
            self.moment(seeded.success_days, seeded.seconds),
            self.moment(seeded.interactive_days, seeded.seconds),
            self.moment(seeded.non_interactive_days, seeded.seconds),
        )

    def last_activity(self, rowid: int) -> datetime | None:
        """The newest sign-in of any kind: what usage reports see as activity."""
        seeded = self.sign_in(rowid)
        if seeded is None:
            return None
        found = [moment for moment in self.moments(seeded) if moment is not None]
        return max(found) if found else None

    def services_activity(self, rowid: int, *, desktop_apps: bool) -> datetime | None:
        """What the active-user report sees: a desktop-only user's services were last used
        long ago (when they hold the desktop apps at all); everyone else as ``last_activity``."""
        seeded = self.sign_in(rowid)
        if seeded is not None and seeded.services_days is not None and desktop_apps:
            return self.moment(seeded.services_days, seeded.seconds)
        return self.last_activity(rowid)

    def stamper(self, now: datetime) -> Callable[[SignIn], Stamps]:
        """``moments`` as Graph writes them, for one page's ``now``: the same values, put
        together from text made once per day and per time of day (listing 100,000 users
        writes 300,000 timestamps)."""
        days_text = self._days_text_on(now.date())
        clocks = self._clock_text
        now_text = now.strftime(STAMP_FORMAT)
        now_seconds = now.hour * 3600 + now.minute * 60 + now.second

        def text(days: int | None, clock: str, later_today: bool) -> str | None:
            if days is None:
                return None
            if days == 0 and later_today:
                return now_text  # never in the future
            day = days_text.get(days)
            if day is None:
                day = days_text[days] = (now.date() - timedelta(days=days)).isoformat()
            return day + clock

        def stamps(seeded: SignIn) -> Stamps:
            seconds = seeded.seconds
            if seeded.kind is SignInKind.LEGACY:
                legacy = LEGACY_DATE + timedelta(seconds=seconds)
                return None, legacy.strftime(STAMP_FORMAT), None
            clock = clocks.get(seconds)
            if clock is None:
                hours, rest = divmod(seconds, 3600)
                clock = clocks[seconds] = f"T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}Z"
            later_today = seconds > now_seconds
            return (
                text(seeded.success_days, clock, later_today),
                text(seeded.interactive_days, clock, later_today),
                text(seeded.non_interactive_days, clock, later_today),
            )

        return stamps

    def _days_text_on(self, today: date) -> dict[int, str]:
        """Days before ``today`` as ISO dates, kept for the latest date asked about."""
        kept = self._days_text
        if kept[0] != today:
            kept = self._days_text = (today, {})
        return kept[1]

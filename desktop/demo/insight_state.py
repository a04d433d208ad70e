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
from datetime import datetime, timedelta, timezone

from desktop.demo.insight_seed import LEGACY_DATE, SignIn, SignInKind, sign_ins
from desktop.demo.store import Store


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
    # Formatted days and times of day, reused across 100,000 users (keyed by today's date).
    _days_text: dict[tuple[object, int], str] = field(default_factory=dict)
    _time_text: dict[int, str] = field(default_factory=dict)

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

    def stamps(self, seeded: SignIn, now: datetime) -> tuple[str | None, str | None, str | None]:
        """``moments`` as Graph writes them, for one page's ``now``: the same values, formatted
        from a few cached pieces (listing 100,000 users formats 300,000 timestamps)."""
        if seeded.kind is SignInKind.LEGACY:
            legacy = LEGACY_DATE + timedelta(seconds=seeded.seconds)
            return None, legacy.strftime("%Y-%m-%dT%H:%M:%SZ"), None
        return (
            self._stamp(seeded.success_days, seeded.seconds, now),
            self._stamp(seeded.interactive_days, seeded.seconds, now),
            self._stamp(seeded.non_interactive_days, seeded.seconds, now),
        )

    def _stamp(self, days: int | None, seconds: int, now: datetime) -> str | None:
        if days is None:
            return None
        today = now.date()
        if days == 0 and seconds > now.hour * 3600 + now.minute * 60 + now.second:
            return now.strftime("%Y-%m-%dT%H:%M:%SZ")  # never in the future
        day = self._days_text.get((today, days))
        if day is None:
            day = (today - timedelta(days=days)).isoformat()
            if len(self._days_text) > 4096:
                self._days_text.clear()
            self._days_text[(today, days)] = day
        clock = self._time_text.get(seconds)
        if clock is None:
            hours, rest = divmod(seconds, 3600)
            clock = self._time_text[seconds] = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        return f"{day}T{clock}Z"

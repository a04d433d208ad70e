"""Running totals over the ticked users, kept up to date one tick at a time.

The actions' enabled state depends on what the selection holds (anyone blocked? anyone with a
direct license?). Recounting 100,000 ticked users on every click would stall the window, so the
model adds and subtracts each user as it is ticked, unticked or replaced.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from desktop.graph.records import User


@dataclass
class SelectionStats:
    count: int = 0
    blocked: int = 0
    with_direct_license: int = 0
    without_usage_location: int = 0
    not_activated: int = 0  # people on the list without an account yet
    # Users whose every license comes from a group, by granting group: why Remove, Reassign
    # and Apps are off when only such users are ticked.
    group_only_by_group: Counter[str] = field(default_factory=Counter)

    @property
    def active(self) -> int:
        return self.count - self.blocked

    def add(self, user: User, sign: int = 1) -> None:
        self.count += sign
        if not user.account_enabled:
            self.blocked += sign
        if user.has_direct_license:
            self.with_direct_license += sign
        if not user.usage_location:
            self.without_usage_location += sign
        if user.not_activated:
            self.not_activated += sign
        if not user.has_direct_license:
            for group_id in user.granting_group_ids:
                self.group_only_by_group[group_id] += sign
            self.group_only_by_group = +self.group_only_by_group  # drop the groups at zero

    def remove(self, user: User) -> None:
        self.add(user, -1)

"""A round of ``/users/delta`` applied to the users of a snapshot (docs/graph-facts.md,
"Delta queries"): changed and new users replace or join the list, removed ones leave it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.graph.errors import GraphError
from desktop.graph.parse import parse_user
from desktop.graph.records import User

REMOVED = "@removed"
# Answers meaning "this deltaLink is void, read everything again": 410 Gone (a reset) or a
# 400 with one of these codes (an expired token); compared without case.
RESYNC_CODES = frozenset({"syncstatenotfound", "resyncrequired", "syncstateinvalid"})
HTTP_GONE = 410


@dataclass(frozen=True)
class UserChanges:
    changed: tuple[User, ...]  # new or changed users, as they are now
    removed: frozenset[str]  # ids of users deleted since the link was issued

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)


def needs_resync(exc: GraphError) -> bool:
    return exc.status == HTTP_GONE or exc.code.lower() in RESYNC_CODES


def parse_changes(items: Sequence[Any], where: str) -> UserChanges:
    """The items of a delta round; an entry seen twice (Graph may replay) counts once, the
    last one winning."""
    latest: dict[str, User | None] = {}
    for position, item in enumerate(items):
        if isinstance(item, dict) and REMOVED in item and isinstance(item.get("id"), str):
            latest.pop(item["id"], None)
            latest[item["id"]] = None
            continue
        user = parse_user(item, f"{where}, item {position + 1}")
        latest.pop(user.id, None)
        latest[user.id] = user
    changed = tuple(u for u in latest.values() if u is not None)
    removed = frozenset(uid for uid, u in latest.items() if u is None)
    return UserChanges(changed, removed)


def apply_changes(users: Sequence[User], changes: UserChanges) -> tuple[User, ...]:
    """``users`` with the changes: changed ones in place, new ones at the end, removed gone."""
    changed = {u.id: u for u in changes.changed}
    merged = [changed.pop(u.id, u) for u in users if u.id not in changes.removed]
    merged.extend(changed.values())
    return tuple(merged)

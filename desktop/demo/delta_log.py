"""What ``/users/delta`` reports: a log of which users changed, kept by SQLite triggers.

Triggers see every write, whoever makes it (``PATCH``, ``assignLicense``, ``$batch``, group
processing, a test writing to the store), so a change made by any client shows up in the next
delta round, as on Graph. Logged: a user created, changed or deleted; a direct license added,
changed or removed; a membership of a group whose processed licenses reach the user, and a
group's processed licenses changing (its members' ``assignedLicenses`` change). Not logged: a
member's group-license error alone, which only changes ``licenseAssignmentStates``, whose
changes Graph does not track (docs/graph-facts.md, "Delta queries").

``epoch`` is drawn anew (at random, so a database seeded again never repeats one) when the
tenant is replaced or its delta links are expired on purpose: a token of another epoch is
answered as an expired one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS user_changes(
    seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS user_changes_by_user ON user_changes(user_id, seq);
CREATE TABLE IF NOT EXISTS delta_epoch(
    one INTEGER PRIMARY KEY CHECK (one = 1), value INTEGER NOT NULL);
INSERT OR IGNORE INTO delta_epoch VALUES (1, abs(random()));
"""

_USER_ID = "(SELECT id FROM users WHERE rowid = {row})"
_MEMBERS_REACHED = (
    "INSERT INTO user_changes(user_id) SELECT u.id FROM memberships m "
    "JOIN users u ON u.rowid = m.user_rowid WHERE m.group_rowid = {group}"
)
TRIGGERS: dict[str, str] = {
    "delta_user_insert": "AFTER INSERT ON users BEGIN "
    "INSERT INTO user_changes(user_id) VALUES (NEW.id); END",
    "delta_user_update": "AFTER UPDATE ON users BEGIN "
    "INSERT INTO user_changes(user_id) VALUES (NEW.id); END",
    "delta_user_delete": "AFTER DELETE ON users BEGIN "
    "INSERT INTO user_changes(user_id) VALUES (OLD.id); END",
    "delta_direct_insert": "AFTER INSERT ON direct_licenses BEGIN "
    f"INSERT INTO user_changes(user_id) SELECT {_USER_ID.format(row='NEW.user_rowid')} "
    f"WHERE {_USER_ID.format(row='NEW.user_rowid')} IS NOT NULL; END",
    "delta_direct_update": "AFTER UPDATE ON direct_licenses BEGIN "
    f"INSERT INTO user_changes(user_id) SELECT {_USER_ID.format(row='NEW.user_rowid')} "
    f"WHERE {_USER_ID.format(row='NEW.user_rowid')} IS NOT NULL; END",
    "delta_direct_delete": "AFTER DELETE ON direct_licenses BEGIN "
    f"INSERT INTO user_changes(user_id) SELECT {_USER_ID.format(row='OLD.user_rowid')} "
    f"WHERE {_USER_ID.format(row='OLD.user_rowid')} IS NOT NULL; END",
    "delta_member_insert": "AFTER INSERT ON memberships "
    "WHEN EXISTS(SELECT 1 FROM propagated_licenses WHERE group_rowid = NEW.group_rowid) BEGIN "
    f"INSERT INTO user_changes(user_id) SELECT {_USER_ID.format(row='NEW.user_rowid')} "
    f"WHERE {_USER_ID.format(row='NEW.user_rowid')} IS NOT NULL; END",
    "delta_member_delete": "AFTER DELETE ON memberships "
    "WHEN EXISTS(SELECT 1 FROM propagated_licenses WHERE group_rowid = OLD.group_rowid) BEGIN "
    f"INSERT INTO user_changes(user_id) SELECT {_USER_ID.format(row='OLD.user_rowid')} "
    f"WHERE {_USER_ID.format(row='OLD.user_rowid')} IS NOT NULL; END",
    "delta_grant_insert": "AFTER INSERT ON propagated_licenses BEGIN "
    f"{_MEMBERS_REACHED.format(group='NEW.group_rowid')}; END",
    "delta_grant_delete": "AFTER DELETE ON propagated_licenses BEGIN "
    f"{_MEMBERS_REACHED.format(group='OLD.group_rowid')}; END",
}


def install(conn: sqlite3.Connection) -> None:
    """The log's tables and triggers (idempotent)."""
    conn.executescript(SCHEMA)
    _create_triggers(conn)


def _create_triggers(conn: sqlite3.Connection) -> None:
    for name, body in TRIGGERS.items():
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def pause(conn: sqlite3.Connection) -> None:
    """Before replacing the whole tenant: a reseed is not 100,000 changes, it is a new tenant."""
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def restart(conn: sqlite3.Connection) -> None:
    """After replacing the whole tenant: every delta link issued before is void."""
    conn.execute("DELETE FROM user_changes")
    conn.execute("UPDATE delta_epoch SET value = abs(random())")
    _create_triggers(conn)


def expire(conn: sqlite3.Connection) -> None:
    """Void every delta link issued so far (as Graph does after seven days)."""
    conn.execute("UPDATE delta_epoch SET value = abs(random())")


Query = Callable[[str, Sequence[Any]], list[Any]]  # Store.query


def epoch(query: Query) -> int:
    return int(query("SELECT value FROM delta_epoch", ())[0][0])


def last_seq(query: Query) -> int:
    return int(query("SELECT MAX(seq) FROM user_changes", ())[0][0] or 0)


def changed_user_ids(
    query: Query, after_seq: int, up_to: int, served_up_to: int, limit: int
) -> list[tuple[str, int]]:
    """(user id, its last change) for users changed in (after_seq, up_to], in the order of
    their last change, those whose last change is past ``served_up_to`` only (paging)."""
    return [
        (str(user_id), int(last))
        for user_id, last in query(
            "SELECT user_id, MAX(seq) AS last FROM user_changes WHERE seq > ? AND seq <= ? "
            "GROUP BY user_id HAVING last > ? ORDER BY last LIMIT ?",
            (after_seq, up_to, served_up_to, limit),
        )
    ]

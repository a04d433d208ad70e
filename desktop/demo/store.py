"""The demo tenant's state in SQLite: schema, bulk loading and every query the routes need.

One connection, shared by the server's threads and guarded by one re-entrant lock: SQLite
serialises writers anyway, and a single connection is the only way ``:memory:`` databases can be
shared. Seat counts are never stored: ``consumedUnits`` is derived from the assignment tables
(see ``assignments.py``). ``generation`` grows on every change to licenses or memberships so
derived views know when to recompute.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.demo import delta_log
from desktop.demo.odata import search_matches
from desktop.demo.rows import (
    COL,
    USER_COLUMNS,
    DirectLicense,
    GroupLicense,
    GroupRow,
    Membership,
    PlanRow,
    SeedData,
    SkuRow,
    UserRow,
    plans_from_text,
    plans_to_text,
)
from desktop.private_files import prepare_private_database

# Row types live in rows.py; these names stay importable from here too (the sign-in tests'
# identity platform, tests/identity/platform.py, uses COL).
__all__ = ["COL", "USER_COLUMNS", "SeedData", "Store", "UserRow"]

_USER_SELECT = ", ".join(USER_COLUMNS)
_USER_INSERT = f"INSERT INTO users({_USER_SELECT}) VALUES ({', '.join('?' for _ in USER_COLUMNS)})"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS domains(
    position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    is_default INTEGER NOT NULL, is_initial INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS skus(
    position INTEGER PRIMARY KEY, sku_id TEXT NOT NULL UNIQUE, part_number TEXT NOT NULL,
    applies_to TEXT NOT NULL, capability_status TEXT NOT NULL, enabled INTEGER NOT NULL,
    warning INTEGER NOT NULL, suspended INTEGER NOT NULL, locked_out INTEGER NOT NULL,
    subscription_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS plans(
    sku_id TEXT NOT NULL, position INTEGER NOT NULL, plan_id TEXT NOT NULL,
    plan_name TEXT NOT NULL, applies_to TEXT NOT NULL, PRIMARY KEY(sku_id, position));
CREATE TABLE IF NOT EXISTS users(
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, upn TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL, given_name TEXT, surname TEXT, mail TEXT, mail_nickname TEXT,
    account_enabled INTEGER NOT NULL, usage_location TEXT, department TEXT, job_title TEXT,
    office_location TEXT, mobile_phone TEXT, business_phone TEXT, preferred_language TEXT,
    company_name TEXT, created TEXT NOT NULL);
-- Prefix reads by user name (parallel full reads) use a range on it instead of a scan.
CREATE INDEX IF NOT EXISTS users_by_upn ON users(upn COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS direct_licenses(
    user_rowid INTEGER NOT NULL, sku_id TEXT NOT NULL, disabled_plans TEXT NOT NULL,
    updated TEXT NOT NULL, PRIMARY KEY(user_rowid, sku_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS direct_by_sku ON direct_licenses(sku_id, user_rowid);
CREATE TABLE IF NOT EXISTS groups(
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
    description TEXT, mail_nickname TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS group_licenses(
    group_rowid INTEGER NOT NULL, sku_id TEXT NOT NULL, disabled_plans TEXT NOT NULL,
    PRIMARY KEY(group_rowid, sku_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS memberships(
    group_rowid INTEGER NOT NULL, user_rowid INTEGER NOT NULL, seq INTEGER NOT NULL,
    fixed_error TEXT, updated TEXT NOT NULL, PRIMARY KEY(group_rowid, user_rowid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships(user_rowid);
CREATE TABLE IF NOT EXISTS propagated_licenses(
    group_rowid INTEGER NOT NULL, sku_id TEXT NOT NULL, disabled_plans TEXT NOT NULL,
    PRIMARY KEY(group_rowid, sku_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS member_errors(
    group_rowid INTEGER NOT NULL, user_rowid INTEGER NOT NULL, sku_id TEXT NOT NULL,
    error TEXT NOT NULL, PRIMARY KEY(group_rowid, user_rowid, sku_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nested_groups(
    parent_rowid INTEGER NOT NULL, child_rowid INTEGER NOT NULL,
    PRIMARY KEY(parent_rowid, child_rowid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS synced_users(user_rowid INTEGER PRIMARY KEY);
"""


def _user_select(columns: Collection[str] | None) -> str:
    if columns is None:
        return _USER_SELECT
    return _narrow_user_select(frozenset(columns))


@functools.cache
def _narrow_user_select(columns: frozenset[str]) -> str:
    unknown = columns.difference(USER_COLUMNS)
    if unknown:
        raise ValueError(f"not users columns: {sorted(unknown)}")
    # rowid always: it is every row's place in the listing.
    kept = columns | {"rowid"}
    last = max(USER_COLUMNS.index(name) for name in kept)
    return ", ".join(name if name in kept else "NULL" for name in USER_COLUMNS[: last + 1])


def _fold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


def _starts_with(value: str | None, prefix: str | None) -> bool:
    return (
        value is not None and prefix is not None and value.casefold().startswith(prefix.casefold())
    )


class Store:
    def __init__(self, path: str | None = None) -> None:
        self.path = path or ":memory:"
        self.lock = threading.RLock()
        self.generation = 0
        if self.path != ":memory:":
            prepare_private_database(Path(self.path))  # a tenant's people: owner-only
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)
        delta_log.install(self._conn)  # /users/delta: which users changed, from any writer
        # Case-insensitive matching that understands Polish letters (SQLite's is ASCII-only).
        self._conn.create_function("fold", 1, _fold, deterministic=True)
        self._conn.create_function("starts_with", 2, _starts_with, deterministic=True)
        self._conn.create_function("search_match", 2, search_matches, deterministic=True)
        self._skus: tuple[SkuRow, ...] | None = None
        self._group_licenses: dict[int, tuple[GroupLicense, ...]] | None = None
        self._propagated: dict[int, tuple[GroupLicense, ...]] | None = None
        # The tenant's facts and domains change only when it is (re)seeded: read once.
        self._meta: dict[str, str] | None = None
        self._domains: tuple[tuple[str, bool, bool], ...] | None = None

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Serialised, all-or-nothing changes; bumps ``generation`` when it commits."""
        with self.lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            self.generation += 1

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        with self.lock:
            return self._conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    # -- seeding --------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self.scalar("SELECT EXISTS(SELECT 1 FROM skus)")

    def load(self, data: SeedData) -> None:
        """Replace everything with ``data`` in one transaction."""
        with self.transaction() as conn:
            delta_log.pause(conn)
            for table in (
                "meta",
                "domains",
                "skus",
                "plans",
                "users",
                "direct_licenses",
                "groups",
                "group_licenses",
                "memberships",
                "propagated_licenses",
                "member_errors",
                "nested_groups",
                "synced_users",
            ):
                conn.execute(f"DELETE FROM {table}")
            conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(data.meta.items()))
            conn.executemany("INSERT INTO domains VALUES (?, ?, ?, ?)", data.domains)
            conn.executemany("INSERT INTO skus VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", data.skus)
            conn.executemany("INSERT INTO plans VALUES (?, ?, ?, ?, ?)", data.plans)
            conn.executemany(_USER_INSERT, data.users)
            conn.executemany(
                "INSERT INTO direct_licenses VALUES (?, ?, ?, ?)", data.direct_licenses
            )
            conn.executemany("INSERT INTO groups VALUES (?, ?, ?, ?, ?, ?)", data.groups)
            conn.executemany("INSERT INTO group_licenses VALUES (?, ?, ?)", data.group_licenses)
            conn.executemany("INSERT INTO memberships VALUES (?, ?, ?, ?, ?)", data.memberships)
            # The seed's groups are fully processed: members see what each group carries.
            conn.execute("INSERT INTO propagated_licenses SELECT * FROM group_licenses")
            conn.executemany("INSERT INTO nested_groups VALUES (?, ?)", data.nested_groups)
            conn.executemany(
                "INSERT INTO synced_users VALUES (?)", [(r,) for r in data.synced_users]
            )
            delta_log.restart(conn)
            self._skus = None  # still under the lock, so no reader caches the old tenant
            self._meta = None
            self._domains = None
            self._group_licenses = None
            self._propagated = None

    def forget_group_licenses(self) -> None:
        """Call inside a transaction that changed group_licenses or propagated_licenses."""
        with self.lock:
            self._group_licenses = None
            self._propagated = None

    # -- tenant ---------------------------------------------------------------------------

    def meta(self, key: str) -> str:
        with self.lock:
            if self._meta is None:
                self._meta = {name: str(value) for name, value in self.query("SELECT * FROM meta")}
            return self._meta[key]

    def domains(self) -> list[tuple[str, bool, bool]]:
        with self.lock:
            if self._domains is None:
                rows = self.query(
                    "SELECT name, is_default, is_initial FROM domains ORDER BY position"
                )
                self._domains = tuple(
                    (name, bool(default), bool(initial)) for name, default, initial in rows
                )
            return list(self._domains)

    def skus(self) -> tuple[SkuRow, ...]:
        """Subscriptions never change at run time, so they are read once."""
        with self.lock:
            if self._skus is None:
                plans: dict[str, list[PlanRow]] = {}
                for sku_id, plan_id, name, applies in self.query(
                    "SELECT sku_id, plan_id, plan_name, applies_to FROM plans "
                    "ORDER BY sku_id, position"
                ):
                    plans.setdefault(sku_id, []).append(PlanRow(plan_id, name, applies))
                rows = self.query(
                    "SELECT sku_id, part_number, applies_to, capability_status, enabled, "
                    "warning, suspended, locked_out, subscription_id FROM skus ORDER BY position"
                )
                self._skus = tuple(
                    SkuRow(
                        sku_id=row[0],
                        part_number=row[1],
                        applies_to=row[2],
                        capability_status=row[3],
                        enabled=row[4],
                        warning=row[5],
                        suspended=row[6],
                        locked_out=row[7],
                        subscription_id=row[8],
                        plans=tuple(plans.get(row[0], ())),
                    )
                    for row in rows
                )
            return self._skus

    def sku(self, sku_id: str) -> SkuRow | None:
        wanted = sku_id.lower()
        return next((s for s in self.skus() if s.sku_id == wanted), None)

    def sku_by_part(self, part_number: str) -> SkuRow:
        for sku in self.skus():
            if sku.part_number == part_number:
                return sku
        raise KeyError(part_number)

    # -- users ----------------------------------------------------------------------------

    def user(self, id_or_upn: str) -> UserRow | None:
        column = "upn" if "@" in id_or_upn else "id"
        value = id_or_upn if column == "upn" else id_or_upn.lower()
        rows = self.query(f"SELECT {_USER_SELECT} FROM users WHERE {column} = ?", (value,))
        return tuple(rows[0]) if rows else None

    def users_page(
        self,
        where: str,
        params: Sequence[Any],
        after_rowid: int,
        limit: int,
        columns: Collection[str] | None = None,
    ) -> list[UserRow]:
        """Rows after ``after_rowid`` in rowid order. With ``columns``, only those (and rowid)
        are read, each in its usual place (``COL``); the others before it come back None and
        the row ends after the last one asked for: a page of ids need not read every name."""
        sql = (
            f"SELECT {_user_select(columns)} FROM users WHERE rowid > ? AND ({where}) "
            "ORDER BY rowid LIMIT ?"
        )
        return self.query(sql, (after_rowid, *params, limit))

    def count_users(self, where: str = "1", params: Sequence[Any] = ()) -> int:
        return int(self.scalar(f"SELECT COUNT(*) FROM users WHERE {where}", tuple(params)))

    def upn_taken(self, upn: str) -> bool:
        return bool(self.scalar("SELECT EXISTS(SELECT 1 FROM users WHERE upn = ?)", (upn,)))

    def insert_user(self, values: dict[str, Any]) -> UserRow:
        columns = [c for c in USER_COLUMNS if c != "rowid" and c in values]
        sql = f"INSERT INTO users({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        with self.transaction() as conn:
            conn.execute(sql, [values[c] for c in columns])
        row = self.user(str(values["id"]))
        assert row is not None
        return row

    def update_user(self, rowid: int, values: dict[str, Any]) -> None:
        if not values:
            return
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self.transaction() as conn:
            conn.execute(
                f"UPDATE users SET {assignments} WHERE rowid = ?", [*values.values(), rowid]
            )

    def delete_user(self, rowid: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM direct_licenses WHERE user_rowid = ?", (rowid,))
            conn.execute("DELETE FROM memberships WHERE user_rowid = ?", (rowid,))
            conn.execute("DELETE FROM member_errors WHERE user_rowid = ?", (rowid,))
            conn.execute("DELETE FROM synced_users WHERE user_rowid = ?", (rowid,))
            conn.execute("DELETE FROM users WHERE rowid = ?", (rowid,))

    # -- licenses -------------------------------------------------------------------------

    def direct_licenses(self, rowids: Sequence[int]) -> dict[int, list[DirectLicense]]:
        result: dict[int, list[DirectLicense]] = {}
        if not rowids:
            return result
        rows = self.query(
            "SELECT user_rowid, sku_id, disabled_plans, updated FROM direct_licenses "
            "WHERE user_rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(rowids)),),
        )
        for rowid, sku_id, disabled, updated in rows:
            result.setdefault(rowid, []).append(
                DirectLicense(sku_id, plans_from_text(disabled), updated)
            )
        return result

    def user_licenses(self, id_or_upn: str) -> dict[str, tuple[str, ...]]:
        """For test assertions: a user's direct licenses, skuId -> disabled plan ids.
        Raises KeyError for an unknown user."""
        row = self.user(id_or_upn)
        if row is None:
            raise KeyError(id_or_upn)
        rowid = int(row[0])
        return {
            lic.sku_id: lic.disabled_plans for lic in self.direct_licenses([rowid]).get(rowid, [])
        }

    def direct_count(self, sku_id: str) -> int:
        return int(self.scalar("SELECT COUNT(*) FROM direct_licenses WHERE sku_id = ?", (sku_id,)))

    def replace_direct_licenses(
        self,
        rowid: int,
        upserts: Sequence[tuple[str, tuple[str, ...]]],
        removals: Sequence[str],
        updated: str,
    ) -> None:
        """Apply one assignLicense call atomically."""
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM direct_licenses WHERE user_rowid = ? AND sku_id = ?",
                [(rowid, sku) for sku in removals],
            )
            conn.executemany(
                "INSERT INTO direct_licenses VALUES (?, ?, ?, ?) "
                "ON CONFLICT(user_rowid, sku_id) DO UPDATE SET "
                "disabled_plans = excluded.disabled_plans, updated = excluded.updated",
                [(rowid, sku, plans_to_text(disabled), updated) for sku, disabled in upserts],
            )

    # -- groups ---------------------------------------------------------------------------

    def group(self, group_id: str) -> GroupRow | None:
        rows = self.query(
            "SELECT rowid, id, display_name, description, mail_nickname, created FROM groups "
            "WHERE id = ?",
            (group_id.lower(),),
        )
        return GroupRow(*rows[0]) if rows else None

    def group_row(self, rowid: int) -> GroupRow | None:
        rows = self.query(
            "SELECT rowid, id, display_name, description, mail_nickname, created FROM groups "
            "WHERE rowid = ?",
            (rowid,),
        )
        return GroupRow(*rows[0]) if rows else None

    def usage_locations(self, rowids: Sequence[int]) -> dict[int, str | None]:
        rows = self.query(
            "SELECT rowid, usage_location FROM users "
            "WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(rowids)),),
        )
        return {int(r): loc for r, loc in rows}

    def groups_page(self, after_rowid: int, limit: int) -> list[GroupRow]:
        rows = self.query(
            "SELECT rowid, id, display_name, description, mail_nickname, created FROM groups "
            "WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (after_rowid, limit),
        )
        return [GroupRow(*r) for r in rows]

    def group_ids(self) -> dict[int, str]:
        return dict(self.query("SELECT rowid, id FROM groups"))

    def group_licenses(self) -> dict[int, tuple[GroupLicense, ...]]:
        """What each group carries (its ``assignedLicenses``), cached until a change."""
        with self.lock:
            if self._group_licenses is None:
                self._group_licenses = self._read_grants("group_licenses")
            return self._group_licenses

    def propagated_licenses(self) -> dict[int, tuple[GroupLicense, ...]]:
        """What each group's members have been given so far: group assignments are processed
        in the background (``group_processing.py``), so this trails ``group_licenses``."""
        with self.lock:
            if self._propagated is None:
                self._propagated = self._read_grants("propagated_licenses")
            return self._propagated

    def _read_grants(self, table: str) -> dict[int, tuple[GroupLicense, ...]]:
        grouped: dict[int, list[GroupLicense]] = {}
        for rowid, sku_id, disabled in self.query(
            f"SELECT group_rowid, sku_id, disabled_plans FROM {table} ORDER BY group_rowid, sku_id"
        ):
            grouped.setdefault(rowid, []).append(GroupLicense(sku_id, plans_from_text(disabled)))
        return {k: tuple(v) for k, v in grouped.items()}

    def member_errors(self, rowids: Sequence[int]) -> dict[tuple[int, int, str], str]:
        """(group_rowid, user_rowid, sku_id) -> the error found when the group's license was
        last processed for that member."""
        if not rowids:
            return {}
        rows = self.query(
            "SELECT group_rowid, user_rowid, sku_id, error FROM member_errors "
            "WHERE user_rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(rowids)),),
        )
        return {(int(g), int(u), str(sku)): str(error) for g, u, sku, error in rows}

    def is_synced(self, rowid: int) -> bool:
        return bool(
            self.scalar("SELECT EXISTS(SELECT 1 FROM synced_users WHERE user_rowid = ?)", (rowid,))
        )

    def synced_among(self, rowids: Sequence[int]) -> frozenset[int]:
        rows = self.query(
            "SELECT user_rowid FROM synced_users "
            "WHERE user_rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(rowids)),),
        )
        return frozenset(int(r[0]) for r in rows)

    def member_rowids(self, group_rowid: int) -> list[int]:
        """The group's user members, by rowid (nested groups are not expanded)."""
        return [
            int(r[0])
            for r in self.query(
                "SELECT user_rowid FROM memberships WHERE group_rowid = ? ORDER BY user_rowid",
                (group_rowid,),
            )
        ]

    def nested_children(self, group_rowid: int) -> list[GroupRow]:
        rows = self.query(
            "SELECT g.rowid, g.id, g.display_name, g.description, g.mail_nickname, g.created "
            "FROM nested_groups n JOIN groups g ON g.rowid = n.child_rowid "
            "WHERE n.parent_rowid = ? ORDER BY g.rowid",
            (group_rowid,),
        )
        return [GroupRow(*r) for r in rows]

    def users_by_rowid(self, rowids: Sequence[int]) -> list[UserRow]:
        """Rows in rowid order (the order members are paged in)."""
        rows = self.query(
            f"SELECT {_USER_SELECT} FROM users WHERE rowid IN (SELECT value FROM json_each(?)) "
            "ORDER BY rowid",
            (json.dumps(list(rowids)),),
        )
        return [tuple(r) for r in rows]

    def replace_group_licenses(
        self,
        group_rowid: int,
        upserts: Sequence[tuple[str, tuple[str, ...]]],
        removals: Sequence[str],
    ) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM group_licenses WHERE group_rowid = ? AND sku_id = ?",
                [(group_rowid, sku) for sku in removals],
            )
            conn.executemany(
                "INSERT INTO group_licenses VALUES (?, ?, ?) ON CONFLICT(group_rowid, sku_id) "
                "DO UPDATE SET disabled_plans = excluded.disabled_plans",
                [(group_rowid, sku, plans_to_text(disabled)) for sku, disabled in upserts],
            )
            self.forget_group_licenses()

    def add_membership(self, group_rowid: int, user_rowid: int, updated: str) -> bool:
        """False when the user already is a member. A new member joins last in seat order."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO memberships SELECT ?, ?, "
                "COALESCE((SELECT MAX(seq) FROM memberships), 0) + 1, NULL, ?",
                (group_rowid, user_rowid, updated),
            )
            return cursor.rowcount > 0

    def remove_membership(self, group_rowid: int, user_rowid: int) -> bool:
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM memberships WHERE group_rowid = ? AND user_rowid = ?",
                (group_rowid, user_rowid),
            )
            conn.execute(
                "DELETE FROM member_errors WHERE group_rowid = ? AND user_rowid = ?",
                (group_rowid, user_rowid),
            )
            return cursor.rowcount > 0

    def add_nested(self, parent_rowid: int, child_rowid: int) -> bool:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO nested_groups VALUES (?, ?)", (parent_rowid, child_rowid)
            )
            return cursor.rowcount > 0

    def remove_nested(self, parent_rowid: int, child_rowid: int) -> bool:
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM nested_groups WHERE parent_rowid = ? AND child_rowid = ?",
                (parent_rowid, child_rowid),
            )
            return cursor.rowcount > 0

    def delete_group(self, group_rowid: int) -> None:
        with self.transaction() as conn:
            for sql in (
                "DELETE FROM memberships WHERE group_rowid = :group",
                "DELETE FROM member_errors WHERE group_rowid = :group",
                "DELETE FROM propagated_licenses WHERE group_rowid = :group",
                "DELETE FROM nested_groups WHERE parent_rowid = :group OR child_rowid = :group",
                "DELETE FROM groups WHERE rowid = :group",
            ):
                conn.execute(sql, {"group": group_rowid})
            self.forget_group_licenses()

    def memberships_of(self, rowids: Sequence[int]) -> dict[int, list[Membership]]:
        result: dict[int, list[Membership]] = {}
        if not rowids:
            return result
        rows = self.query(
            "SELECT group_rowid, user_rowid, seq, fixed_error, updated FROM memberships "
            "WHERE user_rowid IN (SELECT value FROM json_each(?)) ORDER BY group_rowid",
            (json.dumps(list(rowids)),),
        )
        for row in rows:
            membership = Membership(*row)
            result.setdefault(membership.user_rowid, []).append(membership)
        return result

    def licensed_memberships(self, sku_id: str) -> list[tuple[int, int, bool]]:
        """(user_rowid, earliest seq, holds the SKU directly) for members of groups whose
        processed licenses grant ``sku_id`` and whose assignment has no error of its own."""
        return [
            (int(rowid), int(seq), bool(direct))
            for rowid, seq, direct in self.query(
                "SELECT m.user_rowid, MIN(m.seq), EXISTS(SELECT 1 FROM direct_licenses d "
                "  WHERE d.user_rowid = m.user_rowid AND d.sku_id = gl.sku_id) "
                "FROM memberships m JOIN propagated_licenses gl ON gl.group_rowid = m.group_rowid "
                "WHERE gl.sku_id = ? AND m.fixed_error IS NULL AND NOT EXISTS(SELECT 1 FROM "
                "  member_errors e WHERE e.group_rowid = m.group_rowid "
                "  AND e.user_rowid = m.user_rowid AND e.sku_id = gl.sku_id) "
                "GROUP BY m.user_rowid",
                (sku_id,),
            )
        ]

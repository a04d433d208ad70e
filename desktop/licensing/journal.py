"""The write-ahead journal of runs: SQLite, one row per run and one per user.

Every user's step is written before anything is sent, marked ``sent`` before its request goes
out and updated when the answer arrives, so a process killed at any moment leaves a journal
that says exactly which users may have been touched. Who owns a running run is decided by
``ownership.py``: a run still 'running' whose owner lock nobody holds is interrupted.

Durability: WAL mode with ``synchronous=FULL``. WAL alone already survives a killed process;
FULL also survives a power cut, which matters because a lost ``sent``/``done`` mark would make
resume call an applied change "skipped" and undo would then miss it. The cost is one fsync per
transaction, and transactions are per $batch chunk (20 users), not per user: about 100 fsyncs
for 1,000 users, small next to the network time.

Each step also keeps its parts' outcomes (``parts_json``: create, usage location, sign-in,
licenses), and the step's state follows from them (``parts.outcome_of``): a sign-in block that
went through while its license did not is ``partly``, never ``failed``. Journals written before
parts existed gain the column when opened (schema version 2) and read back with no parts.
"""

from __future__ import annotations

import enum
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.graph.records import User
from desktop.licensing.errors import JournalError, RunNotFoundError
from desktop.licensing.ownership import RunLock, is_owned
from desktop.licensing.parts import first_problem, merge, outcome_of
from desktop.licensing.serialize import (
    change_from_json,
    change_to_json,
    parts_from_json,
    parts_to_json,
    user_from_json,
    user_to_json,
)
from desktop.licensing.types import (
    Outcome,
    PartResult,
    PlanKind,
    RunStatus,
    RunSummary,
    UserChange,
)
from desktop.private_files import prepare_private_database

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    undo_of TEXT
);
CREATE TABLE IF NOT EXISTS steps (
    run_id TEXT NOT NULL REFERENCES runs(id),
    seq INTEGER NOT NULL,
    user_key TEXT NOT NULL,
    user_id TEXT,
    label TEXT NOT NULL,
    change_json TEXT NOT NULL,
    before_json TEXT,
    state TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    code TEXT,
    created_id TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS runs_undo_of ON runs(undo_of);
"""
SCHEMA_VERSION = 2  # 2: steps.parts_json


class StepState(str, enum.Enum):
    PENDING = "pending"  # written ahead, nothing sent
    SENT = "sent"  # a request went out; the answer may or may not have arrived
    DONE = "done"
    FAILED = "failed"
    PARTLY = "partly"  # some parts done, others refused
    UNCONFIRMED = "unconfirmed"  # an answer was lost and the user not re-read yet
    SKIPPED = "skipped"
    CANCELLED = "cancelled"

    @property
    def settled(self) -> bool:
        return self in (StepState.DONE, StepState.FAILED, StepState.PARTLY, StepState.SKIPPED)


STATE_OF_OUTCOME = {
    Outcome.DONE: StepState.DONE,
    Outcome.FAILED: StepState.FAILED,
    Outcome.PARTLY: StepState.PARTLY,
    Outcome.UNCONFIRMED: StepState.UNCONFIRMED,
    Outcome.SKIPPED: StepState.SKIPPED,
    Outcome.CANCELLED: StepState.CANCELLED,
}
OUTCOME_OF_STATE = {state: outcome for outcome, state in STATE_OF_OUTCOME.items()}


@dataclass(frozen=True, slots=True)
class NewStep:
    user_key: str  # the plan's key for the user (id or UPN)
    label: str  # what people recognise: the UPN
    change: UserChange
    before: User | None
    user_id: str | None = None
    state: StepState = StepState.PENDING
    message: str = ""
    parts: tuple[PartResult, ...] = ()  # known ahead, e.g. an undo's kept usage location


@dataclass(frozen=True, slots=True)
class StepRow:
    seq: int
    user_key: str
    user_id: str | None
    label: str
    change: UserChange
    before: User | None
    state: StepState
    message: str
    code: str | None
    created_id: str | None
    parts: tuple[PartResult, ...] = ()


@dataclass(frozen=True, slots=True)
class StepUpdate:
    """A step's new state; with ``parts``, those parts' outcomes are merged into the step's
    and the state (and message, when empty) follow from the merged parts."""

    seq: int
    state: StepState
    message: str = ""
    code: str | None = None
    parts: tuple[PartResult, ...] = ()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Journal:
    """Thread-safe: one connection, one lock, short transactions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            prepare_private_database(path)  # names, UPNs and licenses: owner-only
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.executescript(_SCHEMA)
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise JournalError(
                f"Cannot open the journal at {path}: {exc}. Check the folder exists and is "
                "writable, or pass --journal with another file."
            ) from exc
        self._owned: dict[str, RunLock] = {}

    def _migrate(self) -> None:
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(steps)")}
        if "parts_json" not in columns:
            self._db.execute("ALTER TABLE steps ADD COLUMN parts_json TEXT")
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            cursor = self._db.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return list(cursor.fetchall())

    # -- writing -----------------------------------------------------------------------
    def create_run(
        self,
        kind: PlanKind,
        description: str,
        steps: Sequence[NewStep],
        *,
        undo_of: str | None = None,
    ) -> str:
        """Write the run and every step ahead of sending; this process owns the run after."""
        while True:
            run_id = secrets.token_hex(4)
            lock = RunLock(self.path, run_id)
            if not self._query("SELECT 1 FROM runs WHERE id = ?", (run_id,)) and (
                lock.try_acquire()
            ):
                break
        now = _now()
        try:
            with self._transaction() as db:
                db.execute(
                    "INSERT INTO runs (id, kind, description, started_at, status, undo_of) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (run_id, kind.value, description, now, RunStatus.RUNNING.value, undo_of),
                )
                db.executemany(
                    "INSERT INTO steps (run_id, seq, user_key, user_id, label, change_json, "
                    "before_json, state, message, updated_at, parts_json) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (
                            run_id,
                            seq,
                            step.user_key,
                            step.user_id,
                            step.label,
                            json.dumps(change_to_json(step.change)),
                            json.dumps(user_to_json(step.before)) if step.before else None,
                            step.state.value,
                            step.message,
                            now,
                            json.dumps(parts_to_json(step.parts)) if step.parts else None,
                        )
                        for seq, step in enumerate(steps)
                    ],
                )
        except BaseException:
            lock.release(remove=True)
            raise
        self._owned[run_id] = lock
        return run_id

    def claim(self, run_id: str) -> bool:
        """Become the owner of an existing run (to resume it); False if someone else is."""
        if run_id in self._owned:
            return True
        lock = RunLock(self.path, run_id)
        if not lock.try_acquire():
            return False
        self._owned[run_id] = lock
        return True

    def release(self, run_id: str) -> None:
        lock = self._owned.pop(run_id, None)
        if lock is not None:
            lock.release(remove=True)

    def set_status(self, run_id: str, status: RunStatus) -> None:
        finished = None if status is RunStatus.RUNNING else _now()
        with self._transaction() as db:
            db.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                (status.value, finished, run_id),
            )

    def mark_sent(self, run_id: str, seqs: Iterable[int]) -> None:
        now = _now()
        with self._transaction() as db:
            db.executemany(
                "UPDATE steps SET state = ?, updated_at = ? WHERE run_id = ? AND seq = ?",
                [(StepState.SENT.value, now, run_id, seq) for seq in seqs],
            )

    def record(
        self, run_id: str, updates: Iterable[StepUpdate]
    ) -> dict[int, tuple[PartResult, ...]]:
        """Write the updates; returns every updated step's parts after merging."""
        now = _now()
        updates = list(updates)
        merged: dict[int, tuple[PartResult, ...]] = {}
        with self._transaction() as db:
            rows: list[tuple[object, ...]] = []
            for u in updates:
                state, message, code, parts_json = u.state, u.message, u.code, None
                if u.parts:
                    old = db.execute(
                        "SELECT parts_json FROM steps WHERE run_id = ? AND seq = ?",
                        (run_id, u.seq),
                    ).fetchone()
                    known = parts_from_json(json.loads(old[0]) if old and old[0] else None)
                    parts = merge(known, u.parts)
                    merged[u.seq] = parts
                    outcome = outcome_of(parts)
                    if outcome is not None:
                        state = STATE_OF_OUTCOME[outcome]
                    explaining = first_problem(parts)
                    if not message and explaining is not None:
                        message, code = explaining.message, explaining.code
                    parts_json = json.dumps(parts_to_json(parts))
                rows.append((state.value, message, code, now, parts_json, run_id, u.seq))
            db.executemany(
                "UPDATE steps SET state = ?, message = ?, code = ?, updated_at = ?, "
                "parts_json = COALESCE(?, parts_json) WHERE run_id = ? AND seq = ?",
                rows,
            )
        return merged

    def record_created(self, run_id: str, created: dict[int, str]) -> None:
        """Remember new users' ids as soon as they exist, so undo can delete them."""
        with self._transaction() as db:
            db.executemany(
                "UPDATE steps SET created_id = ?, user_id = ? WHERE run_id = ? AND seq = ?",
                [(new_id, new_id, run_id, seq) for seq, new_id in created.items()],
            )

    # -- reading -----------------------------------------------------------------------
    def resolve(self, text: str) -> str:
        """A run id from its full id or a unique prefix of at least 4 characters."""
        wanted = text.strip().lower()
        if len(wanted) < 4:
            raise RunNotFoundError(f"Run id {text!r} is too short: give at least 4 characters.")
        rows = self._query("SELECT id FROM runs WHERE id LIKE ? || '%'", (wanted,))
        if not rows:
            raise RunNotFoundError(
                f"No run {text!r} in the journal {self.path}. `license-desk history` lists runs."
            )
        if len(rows) > 1:
            raise RunNotFoundError(f"Run id {text!r} matches several runs: give more characters.")
        return str(rows[0]["id"])

    def summaries(self) -> list[RunSummary]:
        rows = self._query(
            """
            SELECT r.*, COUNT(s.seq) AS total,
                   SUM(s.state = 'done') AS done, SUM(s.state = 'failed') AS failed,
                   SUM(s.state = 'skipped') AS skipped,
                   SUM(s.state = 'partly') AS partly,
                   SUM(s.state = 'unconfirmed') AS unconfirmed,
                   (SELECT u.id FROM runs u WHERE u.undo_of = r.id
                    ORDER BY u.started_at DESC LIMIT 1) AS undone_by
            FROM runs r LEFT JOIN steps s ON s.run_id = r.id
            GROUP BY r.id ORDER BY r.started_at DESC, r.rowid DESC
            """
        )
        return [
            RunSummary(
                run_id=row["id"],
                kind=PlanKind(row["kind"]),
                description=row["description"],
                started_at=row["started_at"],
                finished_at=row["finished_at"],
                status=RunStatus(row["status"]),
                total=int(row["total"] or 0),
                done=int(row["done"] or 0),
                failed=int(row["failed"] or 0),
                skipped=int(row["skipped"] or 0),
                undo_of=row["undo_of"],
                undone_by=row["undone_by"],
                partly=int(row["partly"] or 0),
                unconfirmed=int(row["unconfirmed"] or 0),
            )
            for row in rows
        ]

    def summary(self, run_id: str) -> RunSummary:
        for found in self.summaries():
            if found.run_id == run_id:
                return found
        raise RunNotFoundError(f"No run {run_id!r} in the journal {self.path}.")

    def steps(self, run_id: str, limit: int | None = None) -> list[StepRow]:
        """The run's steps in order; ``limit``: only the first ones (the history's headline)."""
        sql = "SELECT * FROM steps WHERE run_id = ? ORDER BY seq"
        params: tuple[object, ...] = (run_id,)
        if limit is not None:
            sql, params = sql + " LIMIT ?", (run_id, limit)
        rows = self._query(sql, params)
        return [
            StepRow(
                seq=int(row["seq"]),
                user_key=row["user_key"],
                user_id=row["user_id"],
                label=row["label"],
                change=change_from_json(json.loads(row["change_json"])),
                before=user_from_json(json.loads(row["before_json"]))
                if row["before_json"]
                else None,
                state=StepState(row["state"]),
                message=row["message"],
                code=row["code"],
                created_id=row["created_id"],
                parts=parts_from_json(json.loads(row["parts_json"]) if row["parts_json"] else None),
            )
            for row in rows
        ]

    def is_live(self, run_id: str) -> bool:
        return run_id in self._owned or is_owned(self.path, run_id)

    def interrupted(self) -> list[RunSummary]:
        return [
            s
            for s in self.summaries()
            if s.status is RunStatus.RUNNING and not self.is_live(s.run_id)
        ]

    def close(self) -> None:
        for run_id in list(self._owned):
            self.release(run_id)
        with self._lock:
            self._db.close()

"""Group-based licensing in the background: what happens after a group's licenses change.

Graph answers ``POST /groups/{id}/assignLicense`` at once and gives the members their licenses
a little later (docs/graph-facts.md, "Groups and group-based licensing"). Here the group's own
``assignedLicenses`` change in the request, and a timer copies them to ``propagated_licenses``
(what the members see) ``delay`` seconds later, judging each member as it goes: a forbidden
usage location or a plan rule broken against the member's other licenses is recorded in
``member_errors`` and stays until the user is reprocessed. Seat shortage (CountViolation) is not
recorded: it follows the seats as they come and go (``assignments.py``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence

from desktop.demo import rules
from desktop.demo.assignments import Assignments
from desktop.demo.context import now_iso
from desktop.demo.store import Store

DEFAULT_DELAY = 2.0  # seconds; tests make it shorter, the window's demo keeps it visible
TENANT_USAGE_LOCATION = "PL"  # the organization's countryLetterCode (payloads.organization_json)
# Countries where Microsoft's online services are not offered (*unverified* list): a member whose
# usage location is one of them gets ProhibitedInUsageLocationViolation.
PROHIBITED_LOCATIONS = frozenset({"CU", "IR", "KP", "SY"})
PROHIBITED_LOCATION = "ProhibitedInUsageLocationViolation"
# Seeded errors whose cause the demo models, so a reprocess judges them again; others (such as
# UniquenessViolation, a proxy-address clash) stay until their cause is fixed elsewhere.
REJUDGED_ERRORS = frozenset(
    {rules.MUTUALLY_EXCLUSIVE, rules.DEPENDENCY, PROHIBITED_LOCATION, "Other"}
)


class GroupProcessing:
    def __init__(self, store: Store, assignments: Assignments, delay: float = DEFAULT_DELAY):
        self.delay = delay
        self._store = store
        self._assignments = assignments
        self._timers: set[threading.Timer] = set()
        self._timers_lock = threading.Lock()

    # -- scheduling -----------------------------------------------------------------------

    def schedule(self, group_rowid: int) -> None:
        """Process the group's current licenses for its members ``delay`` seconds from now."""
        timer = threading.Timer(self.delay, self._run, (group_rowid,))
        timer.daemon = True
        with self._timers_lock:
            self._timers.add(timer)
        timer.start()

    def _run(self, group_rowid: int) -> None:
        try:
            self.process_group(group_rowid)
        finally:
            with self._timers_lock:
                self._timers.discard(threading.current_thread())

    def cancel_all(self) -> None:
        """Forget pending work (the tenant stops or is reseeded)."""
        with self._timers_lock:
            for timer in self._timers:
                timer.cancel()
            self._timers.clear()

    def run_pending_now(self) -> None:
        """Do the waiting work at once, in this thread: a test holds processing back with a
        long ``delay`` to see the members before it, then lets it go without waiting."""
        with self._timers_lock:
            timers = list(self._timers)
            self._timers.clear()
        for timer in timers:
            timer.cancel()
            self.process_group(*timer.args)

    def pending(self) -> int:
        """Groups still waiting to be processed."""
        with self._timers_lock:
            return len(self._timers)

    # -- processing -----------------------------------------------------------------------

    def process_group(self, group_rowid: int) -> None:
        store = self._store
        with store.lock:
            if store.group_row(group_rowid) is None:
                return  # deleted meanwhile
            with store.transaction() as conn:
                conn.execute(
                    "DELETE FROM propagated_licenses WHERE group_rowid = ?", (group_rowid,)
                )
                conn.execute(
                    "INSERT INTO propagated_licenses SELECT * FROM group_licenses "
                    "WHERE group_rowid = ?",
                    (group_rowid,),
                )
                conn.execute(
                    "DELETE FROM member_errors WHERE group_rowid = :group AND sku_id NOT IN "
                    "(SELECT sku_id FROM group_licenses WHERE group_rowid = :group)",
                    {"group": group_rowid},
                )
                store.forget_group_licenses()
            members = [
                int(r[0])
                for r in store.query(
                    "SELECT user_rowid FROM memberships WHERE group_rowid = ?", (group_rowid,)
                )
            ]
            self.judge(group_rowid, members)

    def reprocess_user(self, user_rowid: int) -> None:
        """``reprocessLicenseAssignment``: judge every group assignment of the user again."""
        store = self._store
        with store.lock:
            groups = [
                int(r[0])
                for r in store.query(
                    "SELECT group_rowid FROM memberships WHERE user_rowid = ?", (user_rowid,)
                )
            ]
            with store.transaction() as conn:
                conn.execute(
                    "UPDATE memberships SET fixed_error = NULL WHERE user_rowid = ? AND "
                    "fixed_error IN (SELECT value FROM json_each(?))",
                    (user_rowid, _json_list(sorted(REJUDGED_ERRORS))),
                )
            for group_rowid in groups:
                self.judge(group_rowid, [user_rowid])

    def judge(self, group_rowid: int, members: Sequence[int]) -> None:
        """Record, for each member, the error each of the group's processed licenses meets."""
        store = self._store
        with store.lock:
            grants = store.propagated_licenses().get(group_rowid, ())
            group = store.group_row(group_rowid)
            if group is None:
                return
            held = self._assignments.for_users(list(members))
            locations = store.usage_locations(members)
            found: list[tuple[int, int, str, str]] = []
            for rowid in members:
                location = locations.get(rowid) or TENANT_USAGE_LOCATION
                for grant in grants:
                    if location.upper() in PROHIBITED_LOCATIONS:
                        error: str | None = PROHIBITED_LOCATION
                    else:
                        error = rules.group_grant_error(
                            store, held[rowid], group.id, grant.sku_id, grant.disabled_plans
                        )
                    if error is not None:
                        found.append((group_rowid, rowid, grant.sku_id, error))
            stamp = now_iso()
            with store.transaction() as conn:
                conn.execute(
                    "DELETE FROM member_errors WHERE group_rowid = ? AND user_rowid IN "
                    "(SELECT value FROM json_each(?))",
                    (group_rowid, _json_list(list(members))),
                )
                conn.executemany("INSERT INTO member_errors VALUES (?, ?, ?, ?)", found)
                conn.execute(
                    "UPDATE memberships SET updated = ? WHERE group_rowid = ? AND user_rowid IN "
                    "(SELECT value FROM json_each(?))",
                    (stamp, group_rowid, _json_list(list(members))),
                )


def _json_list(values: Sequence[object]) -> str:
    return json.dumps(list(values))

"""A demo tenant kept in a file (the window's demo, ``demo-server --db``) brought up to the
layout this version seeds, so an older file reads as a new seed would.

Up to December 2026 a package in its grace period kept its units in ``enabled`` and reported
them in ``warning`` too; seats are now ``enabled + warning`` (``desktop/graph/records.py``,
``assignable_units``), so such a file would show every seat twice. A package in grace now has
its units in ``warning`` only, as Graph reports an expired subscription.
"""

from __future__ import annotations

from desktop.demo.store import Store


def bring_up_to_date(store: Store) -> None:
    """Rewrite what an older version of the demo stored differently; a no-op on a new file.
    Call it on opening, before anything has read (and cached) the packages."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE skus SET enabled = 0 "
            "WHERE capability_status = 'Warning' AND enabled > 0 AND enabled = warning"
        )

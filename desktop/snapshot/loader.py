"""Loading a tenant through its snapshot: the one way the window and the CLI read the tenant.

- ``cached()``: the snapshot as last saved (decrypted), or None; shown at once.
- ``refresh(stored)``: the users changed since (one ``/users/delta`` round from the saved
  deltaLink) merged in, the packages read again (their seat counts move with every change),
  names of groups not seen before; saved again. An expired or void deltaLink means a full
  read instead (``RefreshOutcome.full``).
- ``full_read()``: everything read again. A fresh deltaLink is asked for first
  (``$deltatoken=latest``, "sync from now"), so a change made while the users are read comes
  back in the next round rather than being lost.

Without a usable keyring there is no snapshot: ``cached()`` is None and every read is full.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import quote

from desktop.cancel import CancelToken
from desktop.graph.client import USER_SELECT
from desktop.graph.errors import GraphError
from desktop.graph.records import Group, User
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import TenantSnapshot
from desktop.snapshot.codec import StoredTenant
from desktop.snapshot.delta import UserChanges, apply_changes, needs_resync, parse_changes
from desktop.snapshot.store import SnapshotStore

log = logging.getLogger(__name__)

# The delta round tracks exactly what the window shows (USER_SELECT, as the full read).
LATEST_DELTA = f"/users/delta?$select={quote(USER_SELECT, safe=',')}&$deltatoken=latest"
UsersPageCallback = Callable[[list[User]], None]


@dataclass(frozen=True)
class RefreshOutcome:
    tenant: TenantSnapshot
    changes: UserChanges  # what the delta round brought (everything after a full read)
    full: bool  # the deltaLink was void: everything was read again
    saved_at: float


class TenantLoader:
    def __init__(
        self,
        controller: LicenseController,
        store: SnapshotStore | None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """``store`` None: no snapshot for this connection, every read is full."""
        self.controller = controller
        self.store = store
        self._clock = clock
        # The tenant as last read or saved here, with its delta link: what F5 continues from.
        self.last: StoredTenant | None = None

    def cached(self) -> StoredTenant | None:
        stored = self.store.load() if self.store is not None else None
        if stored is not None:
            self.last = stored
        return stored

    def refresh_or_read(
        self,
        *,
        on_users_page: UsersPageCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RefreshOutcome:
        """F5: by delta from the last read when there is one, else everything."""
        if self.last is not None:
            return self.refresh(self.last, cancel=cancel)
        read_at = self._clock()
        tenant = self.full_read(on_users_page=on_users_page, cancel=cancel)
        return RefreshOutcome(tenant, UserChanges(tenant.users, frozenset()), True, read_at)

    def load(
        self,
        *,
        use_snapshot: bool = True,
        on_users_page: UsersPageCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> TenantSnapshot:
        """The tenant as it is now: the snapshot brought up to date by delta when there is
        one (and ``use_snapshot``), else a full read (the CLI's way)."""
        stored = self.cached() if use_snapshot else None
        if stored is None:
            return self.full_read(on_users_page=on_users_page, cancel=cancel)
        return self.refresh(stored, cancel=cancel).tenant

    def full_read(
        self,
        *,
        on_users_page: UsersPageCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> TenantSnapshot:
        link = self._latest_link(cancel) if self.store is not None else None
        read_at = self._clock()
        tenant = self.controller.load_tenant(on_users_page=on_users_page, cancel=cancel)
        if link is not None:
            self._save(tenant, link, read_at)
        return tenant

    def refresh(self, stored: StoredTenant, *, cancel: CancelToken | None = None) -> RefreshOutcome:
        client = self.controller.client
        read_at = self._clock()
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="snapshot-refresh") as pool:
            skus_future = pool.submit(self.controller.list_skus)
            try:
                items, link = client.delta_round(
                    stored.delta_link, what="changed users", cancel=cancel
                )
            except GraphError as exc:
                if not needs_resync(exc):
                    raise
                log.info("The saved delta link is void (%s): reading everything again", exc.code)
                tenant = self.full_read(cancel=cancel)
                return RefreshOutcome(tenant, UserChanges(tenant.users, frozenset()), True, read_at)
            skus = skus_future.result()
        changes = parse_changes(items, "changed users")
        users = apply_changes(stored.tenant.users, changes)
        tenant = TenantSnapshot(tuple(skus), users, self._group_names(users, stored.tenant.groups))
        self._save(tenant, link, read_at)
        return RefreshOutcome(tenant, changes, False, read_at)

    def forget(self) -> None:
        if self.store is not None:
            self.store.delete()

    def _latest_link(self, cancel: CancelToken | None) -> str:
        _items, link = self.controller.client.delta_round(
            LATEST_DELTA, what="users delta link", cancel=cancel
        )
        return link

    def _group_names(self, users: tuple[User, ...], known: dict[str, Group]) -> dict[str, Group]:
        wanted = sorted({gid for user in users for gid in user.granting_group_ids})
        missing = [gid for gid in wanted if gid not in known]
        names = self.controller.client.group_names(missing) if missing else {}
        return {
            gid: known[gid] if gid in known else Group(gid, names.get(gid, gid)) for gid in wanted
        }

    def _save(self, tenant: TenantSnapshot, link: str, read_at: float) -> None:
        if self.store is None:
            return
        self.last = StoredTenant(tenant, link, read_at)
        try:
            self.store.save(self.last)
        except OSError as exc:  # a full disk must not stop the tenant from opening
            log.warning("Local snapshot not saved (%s)", exc)

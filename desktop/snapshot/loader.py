"""Loading a tenant through its snapshot: the one way the window and the CLI read the tenant.

- ``open_cached()``: the snapshot as last saved (decrypted), its users read chunk by chunk so
  the first rows show at once; ``cached()`` reads it whole.
- ``refresh(stored)``: the users changed since (one ``/users/delta`` round from the saved
  deltaLink) merged in, the packages read again (their seat counts move with every change),
  names of groups not seen before; saved again. ``start_refresh`` sends those requests before
  the snapshot is even decoded, ``finish_refresh`` merges them. An expired or void deltaLink
  means a full read instead (``RefreshOutcome.full``).
- ``full_read()``: everything read again. A fresh deltaLink is asked for first
  (``$deltatoken=latest``, "sync from now"), so a change made while the users are read comes
  back in the next round rather than being lost.

Saving happens on a thread of its own after the tenant is returned: encrypting 100,000 users
takes seconds nobody should wait for. ``cached()`` and ``open_cached()`` wait for it.
Without a usable keyring there is no snapshot: ``cached()`` is None and every read is full.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from desktop.cancel import CancelToken
from desktop.graph.client import USER_SELECT
from desktop.graph.errors import GraphError
from desktop.graph.records import Group, Sku, User
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import TenantSnapshot
from desktop.snapshot.codec import SnapshotFormatError, SnapshotReader, StoredTenant
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


@dataclass
class PendingRefresh:
    """The requests of a refresh, sent: the delta round and the packages."""

    read_at: float
    delta: Future[tuple[list[Any], str]]
    skus: Future[list[Sku]]


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
        self._saves = ThreadPoolExecutor(max_workers=1, thread_name_prefix="snapshot-save")
        self._requests = ThreadPoolExecutor(max_workers=2, thread_name_prefix="snapshot-read")
        self._saving: Future[None] | None = None

    # -- the saved snapshot -----------------------------------------------------------------

    def open_cached(self) -> SnapshotReader | None:
        self.wait_for_save()
        return self.store.open() if self.store is not None else None

    def cached(self) -> StoredTenant | None:
        self.wait_for_save()
        stored = self.store.load() if self.store is not None else None
        if stored is not None:
            self.last = stored
        return stored

    def read_cached(
        self, reader: SnapshotReader, on_users: UsersPageCallback | None = None
    ) -> StoredTenant | None:
        """The users of ``reader``, each chunk to ``on_users`` as it is decoded; None (and
        the file discarded) when a chunk cannot be read."""
        users: list[User] = []
        try:
            for chunk in reader.user_chunks():
                users.extend(chunk)
                # The records live as long as the tenant is open and hold no cycles: out of
                # the cycle collector's sight, or each of its passes re-scans every user read
                # so far (that tripled the time to decode 100,000).
                gc.freeze()
                if on_users is not None:
                    on_users(chunk)
        except SnapshotFormatError as exc:
            if self.store is not None:
                self.store.discard(exc)
            return None
        stored = StoredTenant(
            TenantSnapshot(reader.skus, tuple(users), reader.groups),
            reader.delta_link,
            reader.saved_at,
        )
        self.last = stored
        return stored

    # -- reading ----------------------------------------------------------------------------

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

    def full_read(
        self,
        *,
        on_skus: Callable[[list[Sku]], None] | None = None,
        on_users_page: UsersPageCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> TenantSnapshot:
        """Everything, read at once (``LicenseController.load_tenant``: packages, users in
        parallel parts, the organisation), after a fresh delta link."""
        keeping = self.store is not None and self.store.can_keep()
        link = self._latest_link(cancel) if keeping else None  # no snapshot: nothing to continue
        read_at = self._clock()
        tenant = self.controller.load_tenant(
            on_skus=on_skus, on_users_page=on_users_page, cancel=cancel
        )
        if link is not None:
            self._save(tenant, link, read_at)
        return tenant

    def start_refresh(
        self, delta_link: str, *, cancel: CancelToken | None = None
    ) -> PendingRefresh:
        client = self.controller.client
        return PendingRefresh(
            self._clock(),
            self._requests.submit(
                client.delta_round, delta_link, what="changed users", cancel=cancel
            ),
            self._requests.submit(self.controller.list_skus),
        )

    def finish_refresh(
        self, stored: StoredTenant, pending: PendingRefresh, *, cancel: CancelToken | None = None
    ) -> RefreshOutcome:
        try:
            items, link = pending.delta.result()
        except GraphError as exc:
            if not needs_resync(exc):
                raise
            log.info("The saved delta link is void (%s): reading everything again", exc.code)
            tenant = self.full_read(cancel=cancel)
            changes = UserChanges(tenant.users, frozenset())
            return RefreshOutcome(tenant, changes, True, pending.read_at)
        skus = pending.skus.result()
        changes = parse_changes(items, "changed users")
        users = apply_changes(stored.tenant.users, changes)
        tenant = TenantSnapshot(tuple(skus), users, self._group_names(users, stored.tenant.groups))
        self._save(tenant, link, pending.read_at)
        return RefreshOutcome(tenant, changes, False, pending.read_at)

    def refresh(self, stored: StoredTenant, *, cancel: CancelToken | None = None) -> RefreshOutcome:
        return self.finish_refresh(stored, self.start_refresh(stored.delta_link, cancel=cancel))

    def wait_for_save(self) -> None:
        saving = self._saving
        if saving is not None:
            saving.result()

    def close(self) -> None:
        """Finish a save under way, then stop the threads."""
        self._requests.shutdown(wait=False, cancel_futures=True)
        self._saves.shutdown(wait=True)

    # -- helpers ----------------------------------------------------------------------------

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
        """Keep the tenant as the base of the next refresh and save it on the save thread."""
        stored = StoredTenant(tenant, link, read_at)
        self.last = stored
        store = self.store
        if store is None:
            return

        def save() -> None:
            try:
                store.save(stored)
            except OSError as exc:  # a full disk must not stop the tenant from opening
                log.warning("Local snapshot not saved (%s)", exc)

        self._saving = self._saves.submit(save)

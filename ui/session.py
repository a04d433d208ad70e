"""TenantSession: the open tenant as the window sees it. Owns the models and loads them on
worker threads through the tenant's loader (desktop/snapshot/loader.py): a saved snapshot shows
at once and is then brought up to date by delta; without one the first load streams pages into
the table as they arrive. F5 refreshes by delta, "Reload everything" reads it all again; after
a change only the touched users and the package counters are read again."""

from __future__ import annotations

import gc
import logging
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.catalog import sku_name
from desktop.graph.records import Organization, Sku, User
from desktop.insight.tenant_data import record_tenant_seats
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import TenantSnapshot
from desktop.open_tenant import OpenTenant
from desktop.snapshot.codec import SnapshotReader, StoredTenant
from desktop.snapshot.delta import UserChanges
from desktop.snapshot.loader import RefreshOutcome
from desktop.tenants.settings import SettingsError, load_settings
from ui.models.naming import LicenseNaming, search_haystack
from ui.models.sku_model import SkuModel
from ui.models.user_filter import UserFilterProxy
from ui.models.user_table import UserTableModel
from ui.workers import JobContext, WorkerPool

log = logging.getLogger(__name__)


PAGE_FLUSH_MS = 250  # pages arriving within this time join one table insert


@dataclass(frozen=True)
class SkusRead:
    skus: list[Sku]
    naming: LicenseNaming


@dataclass(frozen=True)
class UsersPage:
    users: list[User]
    haystacks: list[str]  # computed on the worker: search_haystack(user) for each user


@dataclass(frozen=True)
class SnapshotRead:
    """The tenant as saved locally, shown before it is brought up to date: its packages and
    the first users (the rest follow as ``UsersPage``s while they are decoded)."""

    skus: tuple[Sku, ...]
    naming: LicenseNaming
    users: list[User]
    haystacks: list[str]
    saved_at: float  # seconds since the epoch


@dataclass(frozen=True)
class LoadResult:
    snapshot: TenantSnapshot
    organization: Organization
    naming: LicenseNaming
    haystacks: list[str] | None  # for a reload, which replaces every row at once
    # A delta round that only changed users already shown: those rows change in place.
    changes: UserChanges | None = None


def keep_out_of_gc_scans() -> None:
    """Move the objects alive now (the users loaded so far) out of the cycle collector's view.

    The records live as long as the tenant is open and hold no reference cycles; refcounting
    frees them. Without this, each full collection re-scans every loaded user while holding
    the GIL: at 100,000 users that froze the window for 150 ms at a time.
    """
    gc.collect(1)  # first clear the young cyclic garbage, so none of it is kept
    gc.freeze()


class TenantSession(QObject):
    loading_changed = Signal(bool)
    users_arrived = Signal(int)  # users loaded so far
    loaded = Signal()  # every user and the group names are in
    load_failed = Signal(object)  # the exception
    organization_changed = Signal()
    users_refreshed = Signal(list)  # the User records read again after a change
    refresh_failed = Signal(object)
    snapshot_shown = Signal(float)  # the local snapshot is shown; when it was read (epoch s)

    def __init__(self, connection: OpenTenant, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.workers = WorkerPool(self)
        self.users = UserTableModel(parent=self)
        self.proxy = UserFilterProxy(self)
        self.proxy.setSourceModel(self.users)
        self.skus = SkuModel(self)
        self.organization: Organization | None = None
        self._loading = False
        self._has_loaded = False
        self._groups: dict[str, str] = {}
        self._pending: list[UsersPage] = []
        self._reloaded_count = 0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(PAGE_FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush_pages)
        self._loader = connection.loader()
        # When the rows shown were read, if they come from the local snapshot and are not
        # brought up to date yet; None once they are fresh.
        self.snapshot_saved_at: float | None = None

    @property
    def controller(self) -> LicenseController:
        return self.connection.controller

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def ready(self) -> bool:
        return self._has_loaded

    @property
    def naming(self) -> LicenseNaming:
        return self.users.naming

    # -- loading --------------------------------------------------------------------------

    def load(self, *, everything: bool = False) -> None:
        """Load the tenant, or bring it up to date (F5): the first time the local snapshot
        shows at once and is then refreshed by delta; without one, rows arrive page by page.
        Later, by delta (only the changes) unless ``everything`` ("Reload everything"). A
        reload swaps the rows once the new list is complete, so rows never blink away.

        Everything that can be computed off the UI thread is: friendly names (the catalog
        loads on first use), search haystacks, group names.
        """
        if self._loading:
            return
        self._set_loading(True)
        loader, controller, groups = self._loader, self.controller, dict(self._groups)
        data_dir = self.connection.data_dir
        first = not self._has_loaded

        def naming_for(tenant: TenantSnapshot) -> LicenseNaming:
            names = {gid: group.display_name for gid, group in tenant.groups.items()}
            return LicenseNaming.from_skus(tenant.skus, sku_name, names)

        def report_page(context: JobContext, page: list[User], streaming: bool) -> None:
            if streaming:
                context.report(UsersPage(page, [search_haystack(u) for u in page]))
            else:
                context.report(len(page))

        def report_skus(context: JobContext, skus: list[Sku]) -> None:
            context.report(SkusRead(skus, LicenseNaming.from_skus(skus, sku_name, groups)))
            record_tenant_seats(skus, data_dir)  # the insight trend: one reading a day

        def read_everything(context: JobContext, streaming: bool) -> LoadResult:
            # Packages, users and the organisation are read at once (load_tenant).
            snapshot = loader.full_read(
                on_skus=lambda skus: report_skus(context, skus),
                on_users_page=lambda page: report_page(context, page, streaming),
                cancel=context.cancel,
            )
            haystacks = None if streaming else [search_haystack(u) for u in snapshot.users]
            organization = snapshot.organization or controller.organization()
            return LoadResult(snapshot, organization, naming_for(snapshot), haystacks)

        def result_of(
            outcome: RefreshOutcome, base: StoredTenant | None, organization: Organization
        ) -> LoadResult:
            tenant = outcome.tenant
            record_tenant_seats(list(tenant.skus), data_dir)
            shown = {u.id for u in base.tenant.users} if base is not None else set()
            in_place = (
                not outcome.full
                and not outcome.changes.removed
                and all(u.id in shown for u in outcome.changes.changed)
            )
            if in_place:  # only rows already shown change: no reset of 100,000 rows
                return LoadResult(tenant, organization, naming_for(tenant), None, outcome.changes)
            haystacks = [search_haystack(u) for u in tenant.users]
            return LoadResult(tenant, organization, naming_for(tenant), haystacks)

        def by_delta(context: JobContext) -> LoadResult:
            base = loader.last
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="organization") as pool:
                organization = pool.submit(controller.organization)  # beside the delta round
                outcome = loader.refresh_or_read(cancel=context.cancel)
                return result_of(outcome, base, organization.result())

        def from_snapshot(context: JobContext, reader: SnapshotReader) -> LoadResult:
            """Rows from the snapshot as they are decoded, while the delta round, the
            packages and the organization are already on their way."""
            pending = loader.start_refresh(reader.delta_link, cancel=context.cancel)
            names = {gid: group.display_name for gid, group in reader.groups.items()}
            naming = LicenseNaming.from_skus(reader.skus, sku_name, names)
            shown: list[bool] = []

            def show(chunk: list[User]) -> None:
                haystacks = [search_haystack(u) for u in chunk]
                if not shown:
                    context.report(
                        SnapshotRead(reader.skus, naming, chunk, haystacks, reader.saved_at)
                    )
                    shown.append(True)
                else:
                    context.report(UsersPage(chunk, haystacks))

            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="organization") as pool:
                organization = pool.submit(controller.organization)
                stored = loader.read_cached(reader, show)
                if stored is None:  # a chunk could not be read: the snapshot is gone now
                    return read_everything(context, streaming=False)
                outcome = loader.finish_refresh(stored, pending, cancel=context.cancel)
                return result_of(outcome, stored, organization.result())

        def job(context: JobContext) -> LoadResult:
            if everything:
                return read_everything(context, streaming=first)
            if first:
                reader = loader.open_cached()
                if reader is None:
                    return read_everything(context, streaming=True)
                return from_snapshot(context, reader)
            return by_delta(context)

        self._reloaded_count = 0
        self.workers.start(
            "load tenant",
            job,
            on_progress=self._on_load_progress,
            on_result=self._on_loaded,
            on_error=self._on_load_failed,
        )

    def _on_load_progress(self, item: object) -> None:
        if isinstance(item, SnapshotRead):
            self._show_snapshot(item)
        elif isinstance(item, SkusRead):
            self._show_skus(item.skus, item.naming)  # the cards show while users arrive
        elif isinstance(item, UsersPage):
            self._pending.append(item)
            if self.users.rowCount() == 0:
                self._flush_pages()  # the first rows show at once
            elif not self._flush_timer.isActive():
                self._flush_timer.start()
        elif isinstance(item, int):
            self._reloaded_count += item
            self.users_arrived.emit(self._reloaded_count)

    def _flush_pages(self) -> None:
        """Append the pages that arrived since the last flush as one insert: one repaint per
        batch instead of one per page keeps the window responsive while a big tenant loads."""
        self._flush_timer.stop()
        if not self._pending:
            return
        pages, self._pending = self._pending, []
        users = [u for page in pages for u in page.users]
        haystacks = [h for page in pages for h in page.haystacks]
        self.users.append_users(users, haystacks)
        keep_out_of_gc_scans()
        self.users_arrived.emit(self.users.rowCount())

    def _show_snapshot(self, read: SnapshotRead) -> None:
        """The first rows as saved locally, at once; the rest follow as they are decoded,
        and the refresh by delta goes on behind them."""
        self._groups = dict(read.naming.group_names)
        self._show_skus(list(read.skus), read.naming)
        self.users.set_users(read.users, read.haystacks)
        keep_out_of_gc_scans()
        self._has_loaded = True  # browsing, searching and ticking work on the saved rows
        self.snapshot_saved_at = read.saved_at
        self.snapshot_shown.emit(read.saved_at)

    def _on_loaded(self, result: LoadResult) -> None:
        self._flush_pages()
        snapshot = result.snapshot
        self._groups = dict(result.naming.group_names)
        self.snapshot_saved_at = None
        if result.changes is not None:
            self.users.replace_users(result.changes.changed)
        elif result.haystacks is not None or self.users.rowCount() != len(snapshot.users):
            # A reload; or the pages and the final list disagree (a page re-sent after a
            # retry), in which case the final list wins.
            haystacks = result.haystacks or [search_haystack(u) for u in snapshot.users]
            self.users.set_users(snapshot.users, haystacks)
            keep_out_of_gc_scans()
        self._show_skus(list(snapshot.skus), result.naming)
        self.organization = result.organization
        self.organization_changed.emit()
        self._has_loaded = True
        self._set_loading(False)
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._flush_pages()
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)

    def _show_skus(self, skus: list[Sku], naming: LicenseNaming) -> None:
        self.skus.set_skus(skus, naming)
        if naming != self.users.naming:
            self.users.set_naming(naming)

    # -- after a change ---------------------------------------------------------------------

    def refresh_users(self, user_keys: Sequence[str]) -> None:
        """Read the touched users and the package counters again, and update them in place."""
        controller = self.controller
        keys = list(dict.fromkeys(user_keys))

        groups = dict(self._groups)

        def job(_context: JobContext) -> tuple[list[User], list[Sku], LicenseNaming]:
            users = controller.refresh_users(keys) if keys else []
            skus = controller.list_skus()
            return users, skus, LicenseNaming.from_skus(skus, sku_name, groups)

        self.workers.start(
            "refresh users", job, on_result=self._on_refreshed, on_error=self.refresh_failed.emit
        )

    def _on_refreshed(self, result: tuple[list[User], list[Sku], LicenseNaming]) -> None:
        users, skus, naming = result
        self._show_skus(skus, naming)
        self.users.replace_users(users)
        self.users_refreshed.emit(users)

    # -- facts the dialogs need -------------------------------------------------------------

    @property
    def tenant_name(self) -> str:
        """The organisation's name once loaded, else the account's label: how the window names
        the tenant in a question."""
        organization = self.organization
        if organization is not None and organization.display_name:
            return organization.display_name
        return self.connection.account_label

    def most_common_usage_location(self) -> str | None:
        """The tenant's own default (its settings, desktop/tenants/settings.py), else the
        location most of its users have."""
        tenant_id = self.controller.tenant_id
        if tenant_id:
            try:
                chosen = load_settings(tenant_id, self.connection.data_dir).default_usage_location
            except SettingsError:
                log.warning("The tenant's settings cannot be read; using its users' location")
                chosen = None
            if chosen:
                return chosen
        counts = Counter(u.usage_location for u in self.users.users() if u.usage_location)
        if not counts:
            return None
        return counts.most_common(1)[0][0]

    def verified_domains(self) -> tuple[str, ...]:
        if self.organization is None:
            return ()
        domains = list(self.organization.verified_domains)
        default = self.organization.default_domain
        if default in domains:  # the default domain first: it is the usual choice
            domains.remove(default)
            domains.insert(0, default)
        return tuple(domains)

    def close(self) -> None:
        self.workers.shutdown()
        self.connection.close()

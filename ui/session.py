"""TenantSession: the open tenant as the window sees it. Owns the models and loads them from
the controller on worker threads: the first load streams pages into the table as they arrive;
after a change only the touched users and the package counters are read again."""

from __future__ import annotations

import gc
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.catalog import sku_name
from desktop.graph.records import Organization, Sku, User
from desktop.insight.tenant_data import record_tenant_seats
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import TenantSnapshot
from desktop.open_tenant import OpenTenant
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
class LoadResult:
    snapshot: TenantSnapshot
    organization: Organization
    naming: LicenseNaming
    haystacks: list[str] | None  # for a reload, which replaces every row at once


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

    def load(self) -> None:
        """Load (or reload) everything. The first load shows rows page by page; a reload
        swaps the whole table once the new list is complete, so rows never blink away.

        Everything that can be computed off the UI thread is: friendly names (the catalog
        loads on first use), search haystacks, group names.
        """
        if self._loading:
            return
        self._set_loading(True)
        controller, groups = self.controller, dict(self._groups)
        data_dir = self.connection.data_dir
        streaming = not self._has_loaded

        def report_page(context: JobContext, page: list[User]) -> None:
            if streaming:
                context.report(UsersPage(page, [search_haystack(u) for u in page]))
            else:
                context.report(len(page))

        def report_skus(context: JobContext, skus: list[Sku]) -> None:
            context.report(SkusRead(skus, LicenseNaming.from_skus(skus, sku_name, groups)))
            record_tenant_seats(skus, data_dir)  # the insight trend: one reading a day

        def job(context: JobContext) -> LoadResult:
            # Packages, users and the organisation are read at once (load_tenant).
            snapshot = controller.load_tenant(
                on_skus=lambda skus: report_skus(context, skus),
                on_users_page=lambda page: report_page(context, page),
                cancel=context.cancel,
            )
            names = {gid: group.display_name for gid, group in snapshot.groups.items()}
            naming = LicenseNaming.from_skus(snapshot.skus, sku_name, names)
            haystacks = None if streaming else [search_haystack(u) for u in snapshot.users]
            organization = snapshot.organization or controller.organization()
            return LoadResult(snapshot, organization, naming, haystacks)

        self._reloaded_count = 0
        self.workers.start(
            "load tenant",
            job,
            on_progress=self._on_load_progress,
            on_result=self._on_loaded,
            on_error=self._on_load_failed,
        )

    def _on_load_progress(self, item: object) -> None:
        if isinstance(item, SkusRead):
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

    def _on_loaded(self, result: LoadResult) -> None:
        self._flush_pages()
        snapshot = result.snapshot
        self._groups = dict(result.naming.group_names)
        if result.haystacks is not None or self.users.rowCount() != len(snapshot.users):
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

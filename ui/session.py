"""TenantSession: the open tenant as the window sees it. Owns the models and loads them from
the controller on worker threads: the first load streams pages into the table as they arrive;
after a change only the touched users and the package counters are read again."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.catalog import sku_name
from desktop.graph.records import Organization, Sku, User
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import TenantSnapshot
from ui.connection import TenantConnection
from ui.models.naming import LicenseNaming
from ui.models.sku_model import SkuModel
from ui.models.user_filter import UserFilterProxy
from ui.models.user_table import UserTableModel
from ui.workers import JobContext, WorkerPool

log = logging.getLogger(__name__)


class TenantSession(QObject):
    loading_changed = Signal(bool)
    users_arrived = Signal(int)  # users loaded so far
    loaded = Signal()  # every user and the group names are in
    load_failed = Signal(object)  # the exception
    organization_changed = Signal()
    users_refreshed = Signal(list)  # the User records read again after a change
    refresh_failed = Signal(object)

    def __init__(self, connection: TenantConnection, parent: QObject | None = None) -> None:
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
        self._reload_pages: list[User] = []

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
        swaps the whole table once the new list is complete, so rows never blink away."""
        if self._loading:
            return
        self._set_loading(True)
        self._reload_pages = []
        controller = self.controller

        def job(context: JobContext) -> tuple[TenantSnapshot, Organization]:
            context.report(("skus", controller.list_skus()))
            snapshot = controller.load_tenant(
                on_users_page=lambda page: context.report(("page", page)),
                cancel=context.cancel,
            )
            return snapshot, controller.organization()

        self.workers.start(
            "load tenant",
            job,
            on_progress=self._on_load_progress,
            on_result=self._on_loaded,
            on_error=self._on_load_failed,
        )

    def _on_load_progress(self, item: tuple[str, Any]) -> None:
        kind, value = item
        if kind == "skus":
            self._show_skus(value)
        elif kind == "page":
            if self._has_loaded:
                self._reload_pages.extend(value)
                self.users_arrived.emit(len(self._reload_pages))
            else:
                self.users.append_users(value)
                self.users_arrived.emit(self.users.rowCount())

    def _on_loaded(self, result: tuple[TenantSnapshot, Organization]) -> None:
        snapshot, organization = result
        self._groups = {gid: group.display_name for gid, group in snapshot.groups.items()}
        self._show_skus(list(snapshot.skus))
        if self._has_loaded:
            self.users.set_users(snapshot.users)
        elif self.users.rowCount() != len(snapshot.users):
            # The pages and the final list disagree (a page re-sent after a retry): trust the
            # final list.
            self.users.set_users(snapshot.users)
        self._reload_pages = []
        self.organization = organization
        self.organization_changed.emit()
        self._has_loaded = True
        self._set_loading(False)
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._set_loading(False)
        self.load_failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)

    def _show_skus(self, skus: list[Sku]) -> None:
        naming = LicenseNaming.from_skus(skus, sku_name, self._groups)
        self.skus.set_skus(skus, naming)
        if naming != self.users.naming:
            self.users.set_naming(naming)

    # -- after a change ---------------------------------------------------------------------

    def refresh_users(self, user_keys: Sequence[str]) -> None:
        """Read the touched users and the package counters again, and update them in place."""
        controller = self.controller
        keys = list(dict.fromkeys(user_keys))

        def job(_context: JobContext) -> tuple[list[User], list[Sku]]:
            users = controller.refresh_users(keys) if keys else []
            return users, controller.list_skus()

        self.workers.start(
            "refresh users", job, on_result=self._on_refreshed, on_error=self.refresh_failed.emit
        )

    def _on_refreshed(self, result: tuple[list[User], list[Sku]]) -> None:
        users, skus = result
        self._show_skus(skus)
        self.users.replace_users(users)
        self.users_refreshed.emit(users)

    # -- facts the dialogs need -------------------------------------------------------------

    def most_common_usage_location(self) -> str | None:
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

"""License packages as a tree of checkboxes: tick a package, expand it to switch its apps.

Packages that cannot be picked stay visible, greyed out, and say why (Suspended, no seats left,
for the organisation only), so nobody wonders where a package went.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.catalog import plan_name
from desktop.graph.records import SKU_WARNING, STATUSES_THAT_GIVE_SEATS, AssignedLicense, Sku
from ui.formatting import count
from ui.icons import icon
from ui.models.naming import LicenseNaming

SKU_ROLE = int(Qt.ItemDataRole.UserRole)
PLAN_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class PackageTree(QTreeWidget):
    picked_changed = Signal()

    def __init__(
        self,
        skus: Sequence[Sku],
        naming: LicenseNaming,
        *,
        single: bool = False,
        with_apps: bool = True,
        held: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        """``held``: packages already held (by a group, say) that stay pickable without free
        seats: keeping or changing them takes no new seat."""
        super().__init__(parent)
        self.setObjectName("packageTree")
        self._single = single
        self._held = held
        self._updating = False
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("License package"), self.tr("Free"), self.tr("Note")])
        self.setRootIsDecorated(with_apps)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for sku in skus:
            self.addTopLevelItem(self._package_item(sku, naming, with_apps))
        self.itemChanged.connect(self._on_item_changed)

    def reason_unavailable(self, sku: Sku) -> str | None:
        """Why ``sku`` cannot be picked, or None when it can."""
        if sku.applies_to != "User":
            return self.tr("For the organisation only")
        if sku.capability_status not in STATUSES_THAT_GIVE_SEATS:
            return {
                "Suspended": self.tr("Suspended"),
                "Deleted": self.tr("Deleted"),
                "LockedOut": self.tr("Locked out"),
            }.get(sku.capability_status, sku.capability_status)
        if sku.free <= 0 and sku.sku_id not in self._held:
            return self.tr("No seats left")
        return None

    def _package_item(self, sku: Sku, naming: LicenseNaming, with_apps: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [naming.sku(sku.sku_id), f"{count(sku.free)} / {count(sku.seat_count)}", ""]
        )
        item.setData(0, SKU_ROLE, sku)
        item.setToolTip(0, sku.sku_part_number)
        item.setIcon(0, icon("license"))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        reason = self.reason_unavailable(sku)
        if reason is not None:
            item.setFlags(Qt.ItemFlag.ItemIsSelectable)  # visible but not enabled
            item.setText(2, reason)
            item.setToolTip(2, reason)
            return item
        if sku.capability_status == SKU_WARNING:
            item.setIcon(2, icon("warning"))
            item.setText(2, self.tr("Expiring: renew soon"))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(0, Qt.CheckState.Unchecked)
        if with_apps:
            for service in sku.service_plans:
                if service.applies_to != "User":
                    continue
                child = QTreeWidgetItem(
                    [plan_name(service.service_plan_id, service.service_plan_name)]
                )
                child.setData(0, PLAN_ROLE, service.service_plan_id)
                child.setToolTip(0, service.service_plan_name)
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                child.setCheckState(0, Qt.CheckState.Checked)
                item.addChild(child)
        return item

    # -- reading --------------------------------------------------------------------------

    def package_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(row) for row in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def package_item(self, sku_id: str) -> QTreeWidgetItem | None:
        for item in self.package_items():
            sku = item.data(0, SKU_ROLE)
            if sku is not None and sku.sku_id == sku_id:
                return item
        return None

    def set_picked(self, sku_id: str, picked: bool = True) -> None:
        item = self.package_item(sku_id)
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            raise ValueError(f"package {sku_id} cannot be picked")
        item.setCheckState(0, Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)

    def set_app(self, sku_id: str, plan_id: str, on: bool) -> None:
        item = self.package_item(sku_id)
        if item is None:
            raise ValueError(f"no package {sku_id}")
        for child in _children(item):
            if child.data(0, PLAN_ROLE) == plan_id:
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise ValueError(f"package {sku_id} has no app {plan_id}")

    def show_licenses(self, licenses: Sequence[AssignedLicense]) -> list[str]:
        """Tick exactly ``licenses``, each with its apps off and the rest on (a template);
        returns the sku ids the list cannot show (the tenant lacks them, or they cannot be
        picked here)."""
        wanted = {lic.sku_id.lower(): lic for lic in licenses}
        for item in self.package_items():
            sku: Sku = item.data(0, SKU_ROLE)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and sku.sku_id not in wanted:
                item.setCheckState(0, Qt.CheckState.Unchecked)
        shown: set[str] = set()
        for key, lic in wanted.items():
            package = self.package_item(key)
            if package is None or not package.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                continue
            off = {p.lower() for p in lic.disabled_plans}
            package.setCheckState(0, Qt.CheckState.Checked)
            for child in _children(package):
                on = str(child.data(0, PLAN_ROLE)).lower() not in off
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            package.setCheckState(0, Qt.CheckState.Checked)  # switching apps off may untick it
            shown.add(key)
        return [key for key in wanted if key not in shown]

    def picked(self) -> list[AssignedLicense]:
        """The ticked packages, each with the apps switched off."""
        chosen: list[AssignedLicense] = []
        for item in self.package_items():
            if item.checkState(0) != Qt.CheckState.Checked:
                continue
            sku: Sku = item.data(0, SKU_ROLE)
            off = tuple(
                str(child.data(0, PLAN_ROLE))
                for child in _children(item)
                if child.checkState(0) == Qt.CheckState.Unchecked
            )
            chosen.append(AssignedLicense(sku.sku_id, off))
        return chosen

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        self._updating = True
        try:
            if (
                item.parent() is None
                and self._single
                and item.checkState(0) == Qt.CheckState.Checked
            ):
                for other in self.package_items():
                    if other is not item and other.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                        other.setCheckState(0, Qt.CheckState.Unchecked)
            parent = item.parent()
            if parent is not None and item.checkState(0) == Qt.CheckState.Checked:
                # Switching an app on implies wanting its package.
                parent.setCheckState(0, Qt.CheckState.Checked)
        finally:
            self._updating = False
        self.picked_changed.emit()


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = (item.child(row) for row in range(item.childCount()))
    return [child for child in children if child is not None]

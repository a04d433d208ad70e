"""Apps in license: switch the apps (service plans) of one held package on or off."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.catalog import plan_name
from desktop.graph.records import Sku
from ui.dialogs.preview_buttons import preview_buttons
from ui.formatting import count
from ui.models.naming import LicenseNaming

# For a package: the apps switched off now (taken from the first ticked user who holds it).
DisabledNow = Callable[[str], tuple[str, ...]]


class AppsDialog(QDialog):
    def __init__(
        self,
        held: Sequence[tuple[Sku, int]],
        naming: LicenseNaming,
        disabled_now: DisabledNow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appsDialog")
        self.setWindowTitle(self.tr("Apps in license"))
        self.resize(520, 520)
        self._held = {sku.sku_id: sku for sku, _ in held}
        self._disabled_now = disabled_now
        self.package = QComboBox()
        self.package.setObjectName("appsPackage")
        for sku, holders in held:
            self.package.addItem(
                self.tr("{package} (held by {n})").format(
                    package=naming.sku(sku.sku_id), n=count(holders)
                ),
                sku.sku_id,
            )
        self.apps = QListWidget()
        self.apps.setObjectName("appsList")
        self.package.currentIndexChanged.connect(self._show_apps)
        note = QLabel(
            self.tr(
                "Ticked apps are on. The change applies to every ticked user holding the package."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Package:"), self.package)
        buttons = preview_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.apps, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._show_apps()

    def sku_id(self) -> str | None:
        data = self.package.currentData()
        return str(data) if data else None

    def set_app(self, plan_id: str, on: bool) -> None:
        for row in range(self.apps.count()):
            item = self.apps.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == plan_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise ValueError(f"no app {plan_id} in this package")

    def disabled_plans(self) -> list[str]:
        return [
            str(self.apps.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.apps.count())
            if self.apps.item(r).checkState() == Qt.CheckState.Unchecked
        ]

    def _show_apps(self) -> None:
        self.apps.clear()
        sku_id = self.sku_id()
        if sku_id is None:
            return
        off = set(self._disabled_now(sku_id))
        for service in self._held[sku_id].service_plans:
            if service.applies_to != "User":
                continue
            item = QListWidgetItem(plan_name(service.service_plan_id, service.service_plan_name))
            item.setToolTip(service.service_plan_name)
            item.setData(Qt.ItemDataRole.UserRole, service.service_plan_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = service.service_plan_id not in off
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.apps.addItem(item)

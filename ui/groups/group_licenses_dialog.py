"""Group licenses…: the packages a group gives its members, as ticks. Tick a package to license
the group with it, untick one to take it from the group, switch apps off or on: what changed
becomes one plan (license the group, change its apps, or remove a license), and the preview
says who gains or loses what."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import AssignedLicense, Sku
from ui.dialogs.preview_buttons import preview_buttons
from ui.models.naming import LicenseNaming
from ui.widgets.package_tree import PackageTree


class GroupLicensesDialog(QDialog):
    def __init__(
        self,
        group: LicensedGroup,
        members: int,
        skus: Sequence[Sku],
        naming: LicenseNaming,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("groupLicensesDialog")
        self.setWindowTitle(self.tr("Licenses of the group"))
        self.resize(620, 540)
        self._group = group
        intro = QLabel(
            self.tr(
                "The packages {group} gives its %Ln members. Tick a package to add it, untick "
                "one to remove it, expand one to switch apps off. The preview says who gains or "
                "loses what.",
                "",
                members,
            ).format(group=group.display_name)
        )
        intro.setWordWrap(True)
        self.tree = PackageTree(skus, naming, held=group.sku_ids)
        for lic in group.assigned_licenses:
            if self.tree.package_item(lic.sku_id) is None:
                continue  # a package the tenant no longer lists: left as it is
            self.tree.set_picked(lic.sku_id)
            for plan_id in lic.disabled_plans:
                self.tree.set_app(lic.sku_id, plan_id, False)
        self.tree.picked_changed.connect(self._update_ok)
        self.buttons = preview_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self._update_ok()

    def change(self) -> tuple[list[AssignedLicense], list[str]]:
        """(packages to add or whose apps change, packages to remove) against the group now."""
        picked = {lic.sku_id: lic for lic in self.tree.picked()}
        add = [
            lic
            for sku_id, lic in picked.items()
            if (held := self._group.license(sku_id)) is None
            or set(held.disabled_plans) != set(lic.disabled_plans)
        ]
        remove = [
            lic.sku_id
            for lic in self._group.assigned_licenses
            if lic.sku_id not in picked and self.tree.package_item(lic.sku_id) is not None
        ]
        return add, remove

    def _update_ok(self) -> None:
        add, remove = self.change()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(add or remove))

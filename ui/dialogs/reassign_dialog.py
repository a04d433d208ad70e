"""Reassign: swap one package for another. One call per user adds the new package and removes
the old one together, so nobody is left without a license in between."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import Sku
from ui.dialogs.preview_buttons import preview_buttons
from ui.formatting import count
from ui.models.naming import LicenseNaming
from ui.widgets.package_tree import SKU_ROLE, PackageTree


class ReassignDialog(QDialog):
    def __init__(
        self,
        held: Sequence[tuple[Sku, int]],
        skus: Sequence[Sku],
        naming: LicenseNaming,
        parent: QWidget | None = None,
    ) -> None:
        """``held``: packages the ticked users hold directly, with how many of them hold each."""
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Reassign license"))
        self.resize(600, 480)
        self.source = QComboBox()
        self.source.setObjectName("reassignFrom")
        for sku, holders in held:
            self.source.addItem(
                self.tr("{package} (held by {n})").format(
                    package=naming.sku(sku.sku_id), n=count(holders)
                ),
                sku.sku_id,
            )
        self.target = PackageTree(skus, naming, single=True, with_apps=False)
        self.target.picked_changed.connect(self._update_ok)
        self.source.currentIndexChanged.connect(self._hide_source_from_targets)
        self.source.currentIndexChanged.connect(self._update_ok)
        explanation = QLabel(
            self.tr("Each user gets the new package and loses the old one in the same step.")
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Replace:"), self.source)
        self.buttons = preview_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("With:")))
        layout.addWidget(self.target, 1)
        layout.addWidget(explanation)
        layout.addWidget(self.buttons)
        self._hide_source_from_targets()
        self._update_ok()

    def source_sku(self) -> str | None:
        data = self.source.currentData()
        return str(data) if data else None

    def target_sku(self) -> str | None:
        picked = self.target.picked()
        return picked[0].sku_id if picked else None

    def _hide_source_from_targets(self) -> None:
        """A package is never its own replacement: the one being replaced is not offered."""
        source = self.source_sku()
        if source is not None and source in {a.sku_id for a in self.target.picked()}:
            self.target.set_picked(source, False)
        for item in self.target.package_items():
            sku = item.data(0, SKU_ROLE)
            item.setHidden(sku is not None and sku.sku_id == source)

    def _update_ok(self) -> None:
        target, source = self.target_sku(), self.source_sku()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(target is not None and source is not None and target != source)

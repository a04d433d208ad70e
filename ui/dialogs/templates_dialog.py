"""License templates: the saved ones, with Rename…, Delete, Export… and Import…. Each button
asks what it needs through the launch seam and then calls the store; the list shows the
result at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.errors import LicenseDeskError
from desktop.templates.model import LicenseTemplate, TemplateError
from desktop.templates.store import TemplateStore
from ui.dialogs.file_choice import file_to_open, file_to_save
from ui.dialogs.launcher import accepted, launch

Describe = Callable[[LicenseTemplate], str]


class TemplatesDialog(QDialog):
    def __init__(self, store: TemplateStore, describe: Describe, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("License templates"))
        self.resize(640, 420)
        self.store = store
        self._describe = describe
        self.list = QListWidget()
        self.list.setObjectName("templatesList")
        self.details = QLabel()
        self.details.setObjectName("templateDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("templatesMessage")
        self.message.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setObjectName("templateRename")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("templateDelete")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("templateExport")
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("templateImport")
        row = QHBoxLayout()
        for button in (self.rename_button, self.delete_button, self.export_button,
                       self.import_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._selected)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_file)
        self.reload()

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def select(self, name: str) -> None:
        matches = self.list.findItems(name, Qt.MatchFlag.MatchExactly)
        if matches:
            self.list.setCurrentItem(matches[0])

    def current(self) -> LicenseTemplate | None:
        item = self.list.currentItem()
        return self.store.find(item.text()) if item is not None else None

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for template in self.store.templates:
            QListWidgetItem(template.name, self.list)
        if select:
            self.select(select)
        elif self.list.count():
            self.list.setCurrentRow(0)
        self._selected()

    def _selected(self) -> None:
        template = self.current()
        for button in (self.rename_button, self.delete_button, self.export_button):
            button.setEnabled(template is not None)
        self.details.setText(self._describe(template) if template is not None else self.tr(
            "No templates yet: right-click a user and choose Save licenses as template…, or "
            "import one."
        ))  # fmt: skip

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def rename(self) -> None:
        template = self.current()
        if template is None:
            return
        ask = QInputDialog(self)
        ask.setObjectName("templateRenameInput")
        ask.setWindowTitle(self.tr("Rename template"))
        ask.setLabelText(self.tr("New name:"))
        ask.setTextValue(template.name)
        if not accepted(launch(ask)):
            return
        try:
            renamed = self.store.rename(template.name, ask.textValue())
        except TemplateError:
            self._say(self.tr("That name is empty or taken by another template: choose another."))
            return
        self.reload(renamed.name)
        self._say(self.tr("Renamed to “{name}”.").format(name=renamed.name))

    def delete(self) -> None:
        template = self.current()
        if template is None:
            return
        ask = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”? Users keep their licenses.").format(
                name=template.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        ask.setObjectName("templateDeleteConfirm")
        if launch(ask) != QMessageBox.StandardButton.Yes.value:
            return
        self.store.delete(template.name)
        self.reload()
        self._say(self.tr("Deleted “{name}”.").format(name=template.name))

    def _file(self, save: bool, suggested: str = "") -> Path | None:
        name, name_filter = "templateFileDialog", self.tr("License templates (*.json)")
        if save:
            title = self.tr("Export template")
            return file_to_save(
                self, name=name, title=title, name_filter=name_filter, suggested=suggested
            )
        title = self.tr("Import template")
        return file_to_open(self, name=name, title=title, name_filter=name_filter)

    def export(self) -> None:
        template = self.current()
        if template is None:
            return
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in template.name).strip()
        path = self._file(save=True, suggested=f"{safe or 'template'}.json")
        if path is None:
            return
        try:
            self.store.export(template.name, path)
        except (TemplateError, LicenseDeskError, OSError) as exc:
            self._say(self.tr("The file could not be written: {reason}").format(reason=exc))
            return
        self._say(self.tr("Exported “{name}” to {file}.").format(name=template.name, file=path))

    def import_file(self) -> None:
        path = self._file(save=False)
        if path is None:
            return
        try:
            template = self.store.import_file(path)
        except TemplateError:
            self._say(self.tr(
                "A template of that name exists: rename or delete it first, then import again."
            ))  # fmt: skip
            return
        except LicenseDeskError as exc:
            self._say(self.tr(
                "This file is not a License Desk template that can be read. Details: {reason}"
            ).format(reason=exc))  # fmt: skip
            return
        self.reload(template.name)
        self._say(self.tr("Imported “{name}”.").format(name=template.name))

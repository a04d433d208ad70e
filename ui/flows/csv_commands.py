"""Export the users shown to CSV, and import a plan file (the engine's reader) for a preview."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDir, QLocale, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QWidget

from desktop.csv_export import SpreadsheetStyle, csv_export
from desktop.graph.records import User
from desktop.licensing.csv_plan import load_plan_csv
from desktop.licensing.types import Plan
from ui.dialogs.error_dialog import show_error
from ui.dialogs.file_choice import file_to_open, file_to_save
from ui.flows.change_runner import ChangeRunner
from ui.models.naming import LicenseNaming, licenses_text, problems_text, status_text
from ui.session import TenantSession


def export_users(
    path: Path, users: Sequence[User], naming: LicenseNaming, style: SpreadsheetStyle
) -> int:
    """Write ``users`` as a spreadsheet-safe CSV (see desktop/csv_export.py)."""
    header = [
        "displayName",
        "userPrincipalName",
        "status",
        "licenses",
        "usageLocation",
        "department",
        "jobTitle",
        "problems",
    ]
    with csv_export(path, style=style) as writer:
        writer.writerow(header)
        for user in users:
            writer.writerow(
                [
                    user.display_name,
                    user.user_principal_name,
                    status_text(user),
                    licenses_text(user, naming),
                    user.usage_location or "",
                    user.department or "",
                    user.job_title or "",
                    problems_text(user, naming),
                ]
            )
    return len(users)


def spreadsheet_style(locale: QLocale | None = None) -> SpreadsheetStyle:
    """How a spreadsheet in the window's locale reads a CSV (the CLI's comes from the
    environment: desktop/numbers.py)."""
    return SpreadsheetStyle.for_decimal_mark((locale or QLocale()).decimalPoint())


class CsvCommands(QObject):
    exported = Signal(str, int)  # path, rows written

    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent
        self._folder: str | None = None  # the last folder chosen, this session

    def start_folder(self) -> str:
        """Where the file dialogs open: the last folder used, else Documents (never the
        program's own folder, where the working directory often points)."""
        if self._folder:
            return self._folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and QDir(documents).exists() else QDir.homePath()

    def _choose_file(self, save: bool) -> Path | None:
        name, name_filter = "csvFileDialog", self.tr("CSV files (*.csv)")
        folder = self.start_folder()
        if save:
            title = self.tr("Export users")
            chosen = file_to_save(
                self._parent, name=name, title=title, name_filter=name_filter,
                suggested="users.csv", folder=folder,
            )  # fmt: skip
        else:
            title = self.tr("Import plan file")
            chosen = file_to_open(
                self._parent, name=name, title=title, name_filter=name_filter, folder=folder
            )
        if chosen is not None:
            self._folder = str(chosen.parent)
        return chosen

    def export_csv(self) -> None:
        path = self._choose_file(save=True)
        if path is None:
            return
        model, proxy = self._session.users, self._session.proxy
        # Snapshot on the UI thread; the worker only formats and writes.
        users = [model.user_at(row) for row in proxy.visible_source_rows()]
        naming, style = model.naming, spreadsheet_style()
        self._session.workers.start(
            "export csv",
            lambda _ctx: export_users(path, users, naming, style),
            on_result=lambda count: self.exported.emit(str(path), count),
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def import_plan(self) -> None:
        path = self._choose_file(save=False)
        if path is None:
            return
        skus = self._session.skus.skus()
        self._session.workers.start(
            "read plan csv",
            lambda _ctx: load_plan_csv(path, skus),
            on_result=self._plan_read,
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _plan_read(self, plan: Plan) -> None:
        self._runner.run(plan)

"""Tools › Insight: read the tenant for insight on a worker, show the view, reclaim what the
person picks (an ordinary, previewed remove-licenses change) and keep edited prices."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.insight.findings import Finding
from desktop.insight.prices import PriceBook, save_prices
from desktop.insight.reclaim import reclaim_plan, saving_phrase, waiting_for_seats
from desktop.insight.report import InsightReport, build_report
from desktop.insight.tenant_data import TenantData, read
from ui.dialogs.ask import inform
from ui.dialogs.error_dialog import show_error
from ui.dialogs.launcher import launch
from ui.dialogs.plan_preview import PreviewNotes
from ui.flows.change_runner import ChangeRunner
from ui.flows.insight_access import InsightAccess
from ui.insight.insight_dialog import InsightDialog
from ui.plan_text import Names, say
from ui.session import TenantSession
from ui.workers import JobContext


@dataclass(frozen=True, slots=True)
class Loaded:
    report: InsightReport
    data: TenantData


class InsightCommands(QObject):
    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent
        self._loaded: Loaded | None = None
        self.dialog: InsightDialog | None = None  # while it is open (tests look at it)
        self.access = InsightAccess(session, parent)

    def insight(self) -> None:
        """Ask for insight's read permissions if they are missing, then read and show."""
        self.access.then(self._read)

    def _read(self) -> None:
        client = self._session.controller.client
        data_dir = self._session.connection.data_dir

        def job(_context: JobContext) -> Loaded:
            snapshot, data = read(client, data_dir)
            return Loaded(build_report(snapshot, data.prices, data.keep), data)

        self._session.workers.start(
            "read insight",
            job,
            on_result=self._show,
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _show(self, loaded: Loaded) -> None:
        self._loaded = loaded
        dialog = InsightDialog(self._parent)
        parts = [sku.sku_part_number for sku in loaded.report.snapshot.skus]
        dialog.view.show_report(loaded.report, parts, loaded.data.prices, loaded.data.history)
        dialog.view.reclaim_requested.connect(lambda found: self._reclaim(dialog, found))
        dialog.view.prices_edited.connect(self._save_prices)
        self.dialog = dialog
        try:
            launch(dialog)
        finally:
            self.dialog = None
            dialog.deleteLater()

    def _reclaim(self, dialog: InsightDialog, findings: list[Finding]) -> None:
        """Hand the plan to the usual check, preview and run; the preview says at its top what
        the reclaim saves a month and what it must leave alone (inherited licenses, packages
        that cannot come back, seats group members waiting will take)."""
        loaded = self._loaded
        if loaded is None:
            return
        skus = loaded.report.snapshot.skus
        waiting = waiting_for_seats(loaded.report.snapshot.users)
        reclaim = reclaim_plan(findings, loaded.data.prices, skus, waiting=waiting)
        names = Names(self._session.naming, {sku.sku_id: sku for sku in skus})
        who = {f.user_id: f.user_principal_name or "" for f in findings if f.user_id}
        left = [
            f"{who.get(p.users[0], p.users[0]) if p.users else ''}: {say(p, names)}"
            for p in reclaim.left_alone
        ]
        left += [say(p, names) for p in reclaim.warnings]
        if not reclaim.plan.changes:
            inform(
                dialog,
                self.tr("Reclaim licenses"),
                self.tr("Nothing here can be reclaimed."),
                informative="\n".join(left),
            )
            return
        dialog.accept()
        notes = PreviewNotes(say(saving_phrase(reclaim), names), tuple(left))
        self._runner.run(reclaim.plan, notes=notes)

    def _save_prices(self, book: PriceBook) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        folder = loaded.data.folder
        self._session.workers.start(
            "save prices",
            lambda _context: save_prices(folder, book),
            on_error=lambda exc: show_error(self._parent, exc),
        )

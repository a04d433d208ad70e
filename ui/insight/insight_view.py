"""The Insight view: monthly cost and waste on top, seats per package as a chart, the findings
with a filter and "Reclaim…", the renewals, and the prices, editable in place.

Plain widgets over an ``InsightReport``; loading and reclaiming are the flow's job
(``ui/flows/insight_flow.py``), which listens to ``reclaim_requested`` and ``prices_edited``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.insight.findings import Finding, FindingKind
from desktop.insight.history import SeatCount, series
from desktop.insight.prices import PriceBook
from desktop.insight.reclaim import RECLAIMABLE
from desktop.insight.renewals import Renewal
from desktop.insight.report import InsightReport
from ui.insight.findings_model import FINDING_ROLE, FindingColumn, FindingsFilter, FindingsModel
from ui.insight.package_chart import PackageChart
from ui.insight.prices_model import PricesModel
from ui.insight.renewals_calendar import fill_calendar
from ui.insight.trend_chart import TrendChart
from ui.insight_text import KIND, NOTE, SOURCE, TERM, money


class InsightView(QWidget):
    reclaim_requested = Signal(object)  # list[Finding]
    prices_edited = Signal(object)  # PriceBook

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cost = QLabel()
        self.waste = QLabel()
        self.waste.setObjectName("insightWaste")
        for label in (self.cost, self.waste):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            label.setFont(font)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.chart = PackageChart()
        self.kind = QComboBox()
        self.kind.setObjectName("findingsKind")  # its description: ui/accessibility.py
        self.kind.setAccessibleName(QCoreApplication.translate("InsightView", "Show findings"))
        self.kind.addItem(QCoreApplication.translate("InsightView", "All findings"), None)
        for kind in FindingKind:
            self.kind.addItem(KIND[kind](), kind)
        kind_label = QLabel(QCoreApplication.translate("InsightView", "&Show:"))
        kind_label.setBuddy(self.kind)
        self.findings = FindingsModel()
        self.shown = FindingsFilter()
        self.shown.setSourceModel(self.findings)
        self.table = QTableView()
        self.table.setObjectName("findingsTable")  # its description: ui/accessibility.py
        self.table.setModel(self.shown)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(QCoreApplication.translate("InsightView", "Findings"))
        self.reclaim = QPushButton(QCoreApplication.translate("InsightView", "&Reclaim…"))
        self.reclaim.setToolTip(
            QCoreApplication.translate(
                "InsightView",
                "Remove the licenses of the selected findings (or of all shown), after a preview",
            )
        )
        self.renewals = QListWidget()
        self.renewals.setObjectName("renewalsList")  # its description: ui/accessibility.py
        self.renewals.setAccessibleName(QCoreApplication.translate("InsightView", "Renewals"))
        self.prices = QTableView()
        self.prices.setObjectName("pricesTable")  # its description: ui/accessibility.py
        self.prices.setAccessibleName(QCoreApplication.translate("InsightView", "Prices"))
        self.prices.horizontalHeader().setStretchLastSection(True)
        self.trend_package = QComboBox()
        self.trend_package.setObjectName("trendPackage")  # its description: ui/accessibility.py
        self.trend_package.setAccessibleName(QCoreApplication.translate("InsightView", "Package"))
        self.trend = TrendChart()
        self._history: list[SeatCount] = []
        self.price_problem = QLabel()
        self.price_problem.setWordWrap(True)
        self._prices_model: PricesModel | None = None

        filters = QHBoxLayout()
        filters.addWidget(kind_label)
        filters.addWidget(self.kind)
        filters.addStretch(1)
        filters.addWidget(self.reclaim)
        findings_page = QWidget()
        findings_layout = QVBoxLayout(findings_page)
        findings_layout.addLayout(filters)
        findings_layout.addWidget(self.table)
        prices_page = QWidget()
        prices_layout = QVBoxLayout(prices_page)
        prices_layout.addWidget(self.prices)
        prices_layout.addWidget(self.price_problem)
        trend_page = QWidget()
        trend_layout = QVBoxLayout(trend_page)
        trend_layout.addWidget(self.trend_package)
        trend_layout.addWidget(self.trend, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(findings_page, QCoreApplication.translate("InsightView", "&Findings"))
        self.tabs.addTab(self.renewals, QCoreApplication.translate("InsightView", "Re&newals"))
        self.tabs.addTab(prices_page, QCoreApplication.translate("InsightView", "&Prices"))
        self.tabs.addTab(trend_page, QCoreApplication.translate("InsightView", "&Trend"))
        top = QHBoxLayout()
        top.addWidget(self.cost)
        top.addSpacing(24)
        top.addWidget(self.waste)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.source)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.chart, self.tabs)
        self.setTabOrder(self.kind, self.reclaim)
        self.setTabOrder(self.reclaim, self.table)

        self.kind.currentIndexChanged.connect(self._filter)
        self.reclaim.clicked.connect(self._reclaim)
        self.trend_package.currentIndexChanged.connect(self._show_trend)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_reclaim())

    # -- filling ------------------------------------------------------------------------------

    def show_report(
        self,
        report: InsightReport,
        parts: list[str],
        prices: PriceBook,
        history: list[SeatCount] | None = None,
    ) -> None:
        summary, findings = report.summary, report.findings
        self.cost.setText(
            QCoreApplication.translate("InsightView", "Monthly cost: {amount}").format(
                amount=money(summary.monthly_cost)
            )
        )
        self.waste.setText(
            QCoreApplication.translate("InsightView", "Monthly waste: {amount}").format(
                amount=money(summary.monthly_waste)
            )
        )
        lines = [
            QCoreApplication.translate(
                "InsightView", "Last activity from: {source}; inactive after {days} days"
            ).format(source=SOURCE[findings.source](), days=findings.inactive_days)
        ]
        lines += [NOTE[note]() for note in report.notes]
        if summary.unpriced:
            lines.append(
                QCoreApplication.translate(
                    "InsightView", "Without a price (not counted): {packages}"
                ).format(packages=", ".join(summary.unpriced))
            )
        self.source.setText("\n".join(lines))
        self.chart.set_packages(summary.packages)
        self.findings.set_findings(findings.findings)
        self.table.sortByColumn(FindingColumn.COST, Qt.SortOrder.DescendingOrder)
        fill_calendar(self.renewals, report.renewals, renewal_text)
        self._prices_model = PricesModel(parts, prices)
        self._prices_model.prices_edited.connect(self._prices_changed)
        self._prices_model.refused.connect(self._price_refused)
        self.prices.setModel(self._prices_model)
        self._history = list(history or [])
        self.trend_package.clear()
        for part in parts:
            self.trend_package.addItem(part, part)
        self._show_trend()
        self._update_reclaim()

    # -- reacting ---------------------------------------------------------------------------

    def _show_trend(self) -> None:
        part = self.trend_package.currentData()
        self.trend.set_series(series(self._history, part) if part else [])

    def _filter(self) -> None:
        self.shown.set_kind(self.kind.currentData())
        self._update_reclaim()

    def chosen(self) -> list[Finding]:
        """Reclaimable findings among the selected rows, or among all shown when none is."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows:
            rows = set(range(self.shown.rowCount()))
        found = [self.shown.index(row, 0).data(FINDING_ROLE) for row in sorted(rows)]
        return [f for f in found if isinstance(f, Finding) and f.kind in RECLAIMABLE]

    def _update_reclaim(self) -> None:
        self.reclaim.setEnabled(bool(self.chosen()))

    def _reclaim(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.reclaim_requested.emit(chosen)

    def _prices_changed(self, book: PriceBook) -> None:
        self.price_problem.clear()
        self.prices_edited.emit(book)

    def _price_refused(self, _reason: str) -> None:
        self.price_problem.setText(
            QCoreApplication.translate(
                "InsightView",
                "Not a price: type an amount such as 23.50 and a currency code such as PLN.",
            )
        )


def renewal_text(renewal: Renewal) -> str:
    sub = renewal.subscription
    locale = QLocale()
    when = (
        locale.toString(
            QDate(renewal.renews_on.year, renewal.renews_on.month, renewal.renews_on.day),
            QLocale.FormatType.ShortFormat,
        )
        if renewal.renews_on is not None
        else QCoreApplication.translate("InsightView", "no date")
    )
    text = QCoreApplication.translate(
        "InsightView", "{package}: {status}, {seats} seats, renews or ends {when}, {term}"
    ).format(
        package=sub.sku_part_number,
        status=sub.status,
        seats=locale.toString(sub.total_licenses),
        when=when,
        term=TERM[renewal.term](),
    )
    if renewal.reduce_before_renewal:
        text += " — " + QCoreApplication.translate(
            "InsightView", "reduce {count} unused seats before renewal"
        ).format(count=locale.toString(renewal.unused_seats or 0))
    return text

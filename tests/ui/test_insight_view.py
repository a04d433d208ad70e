"""The Insight view: totals, the chart, the findings with their filter and Reclaim…, renewals,
prices edited in place, Polish, the keyboard; and the whole loop from Tools › Insight."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.insight.findings import FindingKind
from desktop.insight.prices import PriceBook
from desktop.insight.reclaim import RECLAIMABLE
from desktop.insight.report import InsightReport, build_report
from desktop.insight.snapshot import read_snapshot
from tests.demo_tenant import DemoTenantForTests as DemoTenant
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report
from tests.ui.language_support import Switch, in_language
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.insight.insight_dialog import InsightDialog
from ui.insight.insight_view import InsightView
from ui.insight.prices_model import PriceColumn
from ui.insight.renewals_calendar import RENEWAL_ROLE, RenewalRow, rows_of

__all__ = ["in_language"]  # a fixture, imported for pytest

PRICES = PriceBook.from_mapping(EXAMPLE_PRICES)


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "insight-data"
    monkeypatch.setattr("desktop.insight.storage.app_data_dir", lambda: folder)
    return folder


@pytest.fixture
def report(demo_tenant_readonly: DemoTenant) -> Iterator[InsightReport]:
    with GraphClient(demo_tenant_readonly.base_url, StaticToken("view")) as client:
        yield build_report(read_snapshot(client), PRICES)


@pytest.fixture
def view(qtbot: QtBot, report: InsightReport) -> InsightView:
    widget = InsightView()
    qtbot.addWidget(widget)
    parts = [sku.sku_part_number for sku in report.snapshot.skus]
    widget.show_report(report, parts, PRICES)
    widget.show()
    return widget


def test_totals_chart_findings_and_renewals_are_shown(
    view: InsightView, report: InsightReport
) -> None:
    waste = report.summary.monthly_waste["PLN"]
    assert view.waste.text().startswith("Monthly waste: ")
    assert f"{float(waste):,.2f}".split(".")[0].replace(",", "") in view.waste.text().replace(
        ",", ""
    ).replace("\u00a0", "")
    assert "sign-in activity" in view.source.text()
    assert view.findings.rowCount() == len(report.findings.findings)
    with_seats = [p for p in report.summary.packages if p.total or p.assigned]
    assert [b.label for b in view.chart.shown] == [p.part_number for p in with_seats]
    image = view.chart.grab().toImage()
    assert image.width() > 0 and len({image.pixel(x, 10) for x in range(image.width())}) > 2
    shown = rows_of(view.renewals, RenewalRow.RENEWAL) + rows_of(view.renewals, RenewalRow.REDUCE)
    assert len(shown) == len(report.renewals)
    reduce = rows_of(view.renewals, RenewalRow.REDUCE)
    assert len(reduce) == sum(r.reduce_before_renewal for r in report.renewals) > 0
    assert all("reduce" in text for text in reduce)


def test_renewals_are_a_calendar_grouped_by_month_soonest_first(
    view: InsightView, report: InsightReport
) -> None:
    dated = sorted(r.renews_on for r in report.renewals if r.renews_on is not None)
    months = list(dict.fromkeys((d.year, d.month) for d in dated))
    headings = rows_of(view.renewals, RenewalRow.MONTH)
    expected = [f"{calendar.month_name[m]} {y}" for y, m in months]
    if any(r.renews_on is None for r in report.renewals):
        expected.append("No renewal date")
    assert headings == expected
    # Each renewal sits under the heading of its own month.
    heading = ""
    for i in range(view.renewals.count()):
        item = view.renewals.item(i)
        if item.data(RENEWAL_ROLE) == RenewalRow.MONTH.value:
            heading = item.text()
            assert not item.flags() & Qt.ItemFlag.ItemIsSelectable
            continue
        renewal = next(r for r in report.renewals if r.subscription.sku_part_number in item.text())
        if renewal.renews_on is not None:
            on = renewal.renews_on
            assert heading == f"{calendar.month_name[on.month]} {on.year}"
        assert (item.data(RENEWAL_ROLE) == RenewalRow.REDUCE.value) is (
            renewal.reduce_before_renewal
        )
        assert item.icon().isNull() is not renewal.reduce_before_renewal


def test_the_filter_shows_one_kind_and_reclaim_takes_what_is_shown(
    qtbot: QtBot, view: InsightView, report: InsightReport
) -> None:
    view.kind.setCurrentIndex(view.kind.findData(FindingKind.UNASSIGNED))
    assert view.shown.rowCount() == len(report.findings.of_kind(FindingKind.UNASSIGNED))
    assert not view.reclaim.isEnabled()  # seats without users cannot be reclaimed
    view.kind.setCurrentIndex(view.kind.findData(FindingKind.INACTIVE))
    inactive = report.findings.of_kind(FindingKind.INACTIVE)
    assert view.shown.rowCount() == len(inactive) and view.reclaim.isEnabled()
    with qtbot.waitSignal(view.reclaim_requested, timeout=TIMEOUT_MS) as asked:
        qtbot.mouseClick(view.reclaim, Qt.MouseButton.LeftButton)
    assert sorted(f.user_id or "" for f in asked.args[0]) == sorted(
        f.user_id or "" for f in inactive
    )
    view.kind.setCurrentIndex(0)
    view.table.selectRow(0)
    chosen = view.chosen()
    assert len(chosen) <= 1 and all(f.kind in RECLAIMABLE for f in chosen)


def test_prices_are_edited_in_place_and_bad_ones_refused(qtbot: QtBot, view: InsightView) -> None:
    model = view.prices.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "SPB")
    with qtbot.waitSignal(view.prices_edited, timeout=TIMEOUT_MS) as edited:
        assert model.setData(model.index(row, PriceColumn.AMOUNT), "99,90")
    assert str(edited.args[0].price("SPB").amount) == "99.90"
    assert not model.setData(model.index(row, PriceColumn.AMOUNT), "lots")
    assert "Not a price" in view.price_problem.text()
    storage = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data() == "SHAREPOINTSTORAGE"
    )
    assert model.index(storage, PriceColumn.AMOUNT).data() == "no price"


def test_every_part_is_reachable_by_keyboard(qtbot: QtBot, view: InsightView) -> None:
    reachable = set()
    widget = view.chart
    for _ in range(40):
        reachable.add(widget)
        widget = widget.nextInFocusChain()
    for part in (view.chart, view.tabs, view.kind, view.reclaim, view.table):
        assert part in reachable, part
    assert view.kind.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_view_speaks_polish(qtbot: QtBot, report: InsightReport, in_language: Switch) -> None:
    in_language("pl", "pl_PL")
    widget = InsightView()
    qtbot.addWidget(widget)
    widget.show_report(report, [s.sku_part_number for s in report.snapshot.skus], PRICES)
    assert widget.waste.text().startswith("Miesięczne marnotrawstwo: ")
    assert widget.kind.itemText(0) == "Wszystkie ustalenia"
    assert "aktywność logowania" in widget.source.text()
    assert widget.reclaim.text() == "&Odzyskaj…"
    polish = [
        "Styczeń",
        "Luty",
        "Marzec",
        "Kwiecień",
        "Maj",
        "Czerwiec",
        "Lipiec",
        "Sierpień",
        "Wrzesień",
        "Październik",
        "Listopad",
        "Grudzień",
    ]
    first = min(r.renews_on for r in report.renewals if r.renews_on is not None)
    headings = rows_of(widget.renewals, RenewalRow.MONTH)
    assert headings[0] == f"{polish[first.month - 1]} {first.year}"


def test_tools_insight_reclaims_through_the_preview_and_the_run(
    desk: Desk, dialogs: DialogScript
) -> None:
    overlap_users: list[str] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, InsightDialog)
        view = dialog.view
        view.kind.setCurrentIndex(view.kind.findData(FindingKind.OVERLAP))
        overlap_users.extend(f.user_principal_name or "" for f in view.chosen())
        assert overlap_users
        view.reclaim.click()
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        # The saving is said at the top of the preview itself, not in a question before it.
        assert isinstance(dialog, PlanPreviewDialog)
        assert len(dialog.rows.rows()) == len(overlap_users)
        headline = dialog.headline.text()
        assert headline.startswith(f"Frees {len(overlap_users)} licenses worth ")
        assert headline.endswith(" PLN a month")
        assert dialog.headline.isVisibleTo(dialog)
        return ACCEPT

    reports: list[object] = []
    dialogs.expect(InsightDialog, look)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))  # type: ignore[arg-type]
    runner = desk.window.runner
    assert runner is not None
    action = desk.window.user_actions.insight
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+I"
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        action.trigger()
    for upn in overlap_users:
        direct = desk.tenant.store.user_licenses(upn)
        assert (
            desk.tenant.sku_id("EXCHANGESTANDARD") not in direct
            or desk.tenant.sku_id("O365_BUSINESS_ESSENTIALS") not in direct
        )
    assert len(reports) == 1


def _reclaim_everything_and_cancel_at_the_preview(desk: Desk, dialogs: DialogScript) -> list[str]:
    """Tools › Insight, all findings, Reclaim…; cancels the preview. Its headline and lines."""
    seen: list[str] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, InsightDialog)
        view = dialog.view
        view.kind.setCurrentIndex(0)  # all findings
        view.reclaim.click()
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        seen.append(dialog.headline.text())
        seen.extend(dialog.problem_texts())
        return QDialog.DialogCode.Rejected

    dialogs.expect(InsightDialog, look)
    dialogs.expect(PlanPreviewDialog, preview)
    runner = desk.window.runner
    assert runner is not None
    worker = desk.session.workers
    desk.window.user_actions.insight.trigger()
    desk.qtbot.waitUntil(
        lambda: len(dialogs.seen) == 2 and worker.active == 0 and not runner.busy,
        timeout=TIMEOUT_MS,
    )
    return seen


def test_reclaiming_everything_says_saving_and_what_groups_keep_in_the_preview(
    desk: Desk, dialogs: DialogScript
) -> None:
    store = desk.tenant.store
    before = [store.direct_count(sku.sku_id) for sku in store.skus()]
    headline, *lines = _reclaim_everything_and_cancel_at_the_preview(desk, dialogs)
    assert headline.startswith("Frees ") and headline.endswith(" PLN a month")
    # Inherited licenses are reclaimed by leaving the group: the preview says what goes with it.
    assert any(", which the group Licencje – " in line for line in lines)
    assert any("2 group members waiting for " in line for line in lines)
    # Cancelled at the preview: nothing was sent.
    assert [store.direct_count(sku.sku_id) for sku in store.skus()] == before


def test_the_reclaim_preview_speaks_polish(
    desk: Desk, dialogs: DialogScript, in_language: Switch
) -> None:
    in_language("pl", "pl_PL")
    headline, *lines = _reclaim_everything_and_cancel_at_the_preview(desk, dialogs)
    assert headline.startswith("Zwalnia ") and headline.endswith(" PLN miesięcznie")
    assert any(", które daje grupa Licencje – " in line for line in lines)
    assert any("członków grupy czekających na " in line for line in lines)


def test_the_trend_tab_shows_the_chosen_package_over_time(
    qtbot: QtBot, report: InsightReport
) -> None:
    from datetime import date

    from desktop.insight.history import SeatCount

    history = [
        SeatCount(date(2026, 10, 1), "ENTERPRISEPACK", 15, 9),
        SeatCount(date(2026, 11, 1), "ENTERPRISEPACK", 15, 12),
        SeatCount(date(2026, 11, 1), "SPB", 7, 7),
    ]
    widget = InsightView()
    qtbot.addWidget(widget)
    parts = [s.sku_part_number for s in report.snapshot.skus]
    widget.show_report(report, parts, PRICES, history)
    widget.trend_package.setCurrentIndex(widget.trend_package.findData("ENTERPRISEPACK"))
    assert [c.assigned for c in widget.trend.points] == [9, 12]
    assert "9 → 12 of 15" in widget.trend.describe()
    widget.tabs.setCurrentIndex(3)
    widget.resize(800, 600)
    widget.show()
    image = widget.trend.grab().toImage()
    colors = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert "#2e7d32" in colors  # the assigned line was drawn
    widget.trend_package.setCurrentIndex(widget.trend_package.findData("FLOW_FREE"))
    assert widget.trend.points == [] and widget.trend.describe() == "No history yet"


def test_loading_a_tenant_records_todays_seats_for_the_trend(
    desk: Desk, dialogs: DialogScript
) -> None:
    history = list(desk.session.connection.data_dir.glob("tenants/*/seat-history.csv"))
    assert len(history) == 1
    assert f",{desk.tenant.store.skus()[0].part_number}," in history[0].read_text().replace('"', "")

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, InsightDialog)
        view = dialog.view
        view.trend_package.setCurrentIndex(view.trend_package.findData("ENTERPRISEPACK"))
        points = view.trend.points
        assert (
            len(points) == 1
            and points[0].total == desk.tenant.store.sku_by_part("ENTERPRISEPACK").enabled
        )
        return ACCEPT

    dialogs.expect(InsightDialog, look)
    desk.window.user_actions.insight.trigger()
    desk.qtbot.waitUntil(lambda: len(dialogs.seen) == 1, timeout=TIMEOUT_MS)

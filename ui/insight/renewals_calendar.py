"""The renewals as a calendar list: grouped by the month they renew or end in (soonest first,
undated last), a heading per month, and the subscriptions to reduce before renewal marked with
a warning icon, in bold, and in words. Each row says what it is under ``RENEWAL_ROLE``."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from itertools import groupby

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from desktop.insight.renewals import Renewal
from ui.icons import icon

RENEWAL_ROLE = Qt.ItemDataRole.UserRole + 1
TextOf = Callable[[Renewal], str]


class RenewalRow(enum.Enum):
    MONTH = "month"
    RENEWAL = "renewal"
    REDUCE = "reduce"  # reduce unused seats before this renewal


def month_heading(year: int | None, month: int | None) -> str:
    if year is None or month is None:
        return QCoreApplication.translate("InsightView", "No renewal date")
    name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {year}"


def fill_calendar(widget: QListWidget, renewals: Iterable[Renewal], text_of: TextOf) -> None:
    widget.clear()

    def month_of(renewal: Renewal) -> tuple[int, int] | None:
        on = renewal.renews_on
        return (on.year, on.month) if on is not None else None

    ordered = sorted(renewals, key=lambda r: (r.renews_on is None, r.renews_on or 0))
    for month, group in groupby(ordered, key=month_of):
        heading = QListWidgetItem(month_heading(*(month or (None, None))))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
        heading.setData(RENEWAL_ROLE, RenewalRow.MONTH.value)
        widget.addItem(heading)
        for renewal in group:
            item = QListWidgetItem("    " + text_of(renewal))
            item.setToolTip(text_of(renewal))
            kind = RenewalRow.REDUCE if renewal.reduce_before_renewal else RenewalRow.RENEWAL
            item.setData(RENEWAL_ROLE, kind.value)
            if kind is RenewalRow.REDUCE:
                item.setIcon(icon("warning"))
                bold = item.font()
                bold.setBold(True)
                item.setFont(bold)
            widget.addItem(item)


def rows_of(widget: QListWidget, kind: RenewalRow) -> list[str]:
    """The texts of the rows of one kind, in order (tests and screen readers)."""
    return [
        widget.item(i).text().strip()
        for i in range(widget.count())
        if widget.item(i).data(RENEWAL_ROLE) == kind.value
    ]

"""The overview's words in the window's language: statuses, what needs action, seats, dates."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale

from desktop.tenants.overview import Attention, Status, TenantRow
from ui.formatting import count


def status_text(row: TenantRow) -> str:
    words = {
        Status.OK: QCoreApplication.translate("TenantsHome", "OK"),
        Status.NO_ACCESS: QCoreApplication.translate("TenantsHome", "No access"),
        Status.ERROR: QCoreApplication.translate("TenantsHome", "Error"),
    }
    text = words[row.status]
    return f"{text}: {row.reason}" if row.reason else text


def attention_text(attention: Attention) -> str:
    words = {
        Attention.NO_ACCESS: QCoreApplication.translate("TenantsHome", "no access"),
        Attention.ERROR: QCoreApplication.translate("TenantsHome", "could not be read"),
        Attention.OUT_OF_SEATS: QCoreApplication.translate("TenantsHome", "out of seats"),
        Attention.ASSIGNMENT_ERRORS: QCoreApplication.translate("TenantsHome", "assignment errors"),
        Attention.IN_GRACE: QCoreApplication.translate("TenantsHome", "subscription in grace"),
        Attention.WASTE: QCoreApplication.translate("TenantsHome", "much waste"),
        Attention.NO_LICENSE_WRITES: QCoreApplication.translate(
            "TenantsHome", "roles do not allow license changes"
        ),
    }
    return words[attention]


def attention_list(row: TenantRow) -> str:
    return ", ".join(attention_text(a) for a in row.attention)


# The package families of desktop/tenants/families.py, for the catalog: product names stay
# as they are in Polish, "Other" and the "and" do not.
FAMILY_WORDS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("TenantsHome", "Microsoft 365 Business"),
    QT_TRANSLATE_NOOP("TenantsHome", "Microsoft 365 Enterprise"),
    QT_TRANSLATE_NOOP("TenantsHome", "Office 365 Enterprise"),
    QT_TRANSLATE_NOOP("TenantsHome", "Exchange Online"),
    QT_TRANSLATE_NOOP("TenantsHome", "Power Platform"),
    QT_TRANSLATE_NOOP("TenantsHome", "Teams"),
    QT_TRANSLATE_NOOP("TenantsHome", "Visio and Project"),
    QT_TRANSLATE_NOOP("TenantsHome", "Other"),
)


def family_text(family: str) -> str:
    return QCoreApplication.translate("TenantsHome", family)


def seats_text(row: TenantRow) -> str:
    """Per package family: used of bought, and free."""
    pattern = QCoreApplication.translate("TenantsHome", "{family}: {used} of {total} ({free} free)")
    return "; ".join(
        pattern.format(
            family=family_text(f.family),
            used=count(f.assigned),
            total=count(f.total),
            free=count(f.free),
        )
        for f in row.families
    )


def _day(day: date | None) -> str:
    if day is None:
        return "?"
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def upcoming_text(row: TenantRow) -> str:
    grace = QCoreApplication.translate("TenantsHome", "{package} grace ends {date}")
    renews = QCoreApplication.translate("TenantsHome", "{package} renews {date}")
    return "; ".join(
        (grace if u.in_grace else renews).format(package=u.part_number, date=_day(u.renews_on))
        for u in row.upcoming
    )


def when_text(moment: datetime | None) -> str:
    if moment is None:
        return "–"
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)

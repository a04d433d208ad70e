"""What a person reads in a widget tree, and whether it went through tr() and fits.

Used with the pseudo translator (ui/pseudo_translation.py): every translated text carries its
markers, so a visible text without them escaped translation. Data (people's names, package
names, numbers) is not translated and is taken out before the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from ui.pseudo_translation import CLOSE, OPEN

_MARKED = re.compile(f"{re.escape(OPEN)}[^{re.escape(OPEN)}{re.escape(CLOSE)}]*{re.escape(CLOSE)}")
_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: a word, not "×" or "3 / 5"


@dataclass(frozen=True)
class Seen:
    where: str
    text: str


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def untranslated_part(text: str, data: Iterable[str]) -> str:
    """What is left of ``text`` once translated parts and data are taken out ("" if none)."""
    rest = plain(text).replace("&&", "").replace("&", "")
    while True:
        stripped = _MARKED.sub(" ", rest)
        if stripped == rest:
            break
        rest = stripped
    for value in sorted(data, key=len, reverse=True):
        if value:
            rest = rest.replace(value, " ")
    return rest if _WORD.search(rest) else ""


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _actions(actions: Iterable[QAction], where: str) -> Iterator[Seen]:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        yield Seen(f"{where} action {action.objectName() or '?'}", action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _actions(menu.actions(), f"{where} › {action.text()}")


def visible_texts(top: QWidget) -> Iterator[Seen]:
    """Every text shown in ``top``: title, labels, buttons, group and tab titles,
    placeholders, item-view headers, and menu and toolbar actions."""
    yield Seen(f"{_name(top)} title", top.windowTitle())
    if isinstance(top, QMainWindow):
        yield from _actions(top.menuBar().actions(), "menu")
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        where = _name(widget)
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield Seen(where, widget.text())
        elif isinstance(widget, QGroupBox):
            yield Seen(where, widget.title())
        elif isinstance(widget, QLineEdit):
            yield Seen(f"{where} placeholder", widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for tab in range(widget.count()):
                yield Seen(f"{where} tab", widget.tabText(tab))
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            header = widget.header() if isinstance(widget, QTreeView) else widget.horizontalHeader()
            if header.isHidden():
                continue
            for section in range(header.count()):
                value = widget.model().headerData(section, Qt.Orientation.Horizontal)
                if isinstance(value, str) and not header.isSectionHidden(section):
                    yield Seen(f"{where} header {section}", value)


def escaped(top: QWidget, data: Iterable[str]) -> list[Seen]:
    data = tuple(data)
    return [seen for seen in visible_texts(top) if untranslated_part(seen.text, data)]


def cut(top: QWidget) -> list[Seen]:
    """Labels and push buttons whose one-line text is wider than the widget shows."""
    found: list[Seen] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            text = plain(widget.text())
            if "\n" in text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            needed = widget.fontMetrics().horizontalAdvance(text.replace("&", ""))
            if needed > widget.contentsRect().width() + 1:
                found.append(Seen(f"{_name(widget)} {needed}>{widget.width()}", text))
        elif (
            isinstance(widget, QPushButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            needed = widget.sizeHint().width()
            found.append(Seen(f"{_name(widget)} {needed}>{widget.width()}", widget.text()))
    return found

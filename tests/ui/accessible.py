"""What a screen reader hears of a widget: its accessible name and description, as Qt's
accessibility layer reports them (the widget's own, or one Qt derives from its text, its
buddy label or its tooltip)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QSlider,
    QPlainTextEdit,
    QTextEdit,
)


@dataclass(frozen=True)
class Heard:
    widget: str
    name: str
    description: str


def heard(widget: QWidget) -> Heard:
    face = QAccessible.queryAccessibleInterface(widget)
    name = face.text(QAccessible.Text.Name) if face is not None else ""
    description = face.text(QAccessible.Text.Description) if face is not None else ""
    return Heard(f"{type(widget).__name__}#{widget.objectName() or '?'}", name, description)


def interactive(top: QWidget) -> list[QWidget]:
    """The visible controls of ``top`` a person can focus or press (not the parts Qt builds
    inside a control, such as a combo box's line edit or a view's scroll bars)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QHeaderView):
            continue  # read out as the column headers of its view
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            continue  # the control's own editor: the control is named
        found.append(widget)
    return found


def unnamed(top: QWidget) -> list[Heard]:
    """Interactive widgets lacking a name or a description."""
    return [
        h for h in map(heard, interactive(top)) if not h.name.strip() or not h.description.strip()
    ]

"""A focus ring that is plain to see, in every style.

Some styles draw keyboard focus as a faint dotted line, or not at all on a table. One ring,
drawn over whichever control has the keyboard focus in a thick line of the palette's
highlight colour, shows keyboard users where they are in light and dark themes alike.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

RING_WIDTH = 2


class FocusRing(QWidget):
    """Transparent to the mouse; a child of the focused control, covering it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


class FocusRings(QObject):
    """Moves the one ring to the control that gets the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: FocusRing | None = None
        self._target: QWidget | None = None
        app.focusChanged.connect(self._follow)

    def _ring(self) -> FocusRing:
        if self.ring is None or not shiboken6.isValid(self.ring):
            self.ring = FocusRing()  # the previous one went with the control it was on
        return self.ring

    def _follow(self, _old: QWidget | None, now: QWidget | None) -> None:
        if self._target is not None and shiboken6.isValid(self._target):
            self._target.removeEventFilter(self)
        self._target = None
        ring = self._ring()
        if now is None or now.focusPolicy() == Qt.FocusPolicy.NoFocus:
            ring.hide()
            return
        self._target = now
        ring.setParent(now)
        ring.setGeometry(now.rect())
        ring.raise_()
        ring.show()
        now.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        target = self._target
        if watched is target and target is not None and event.type() == QEvent.Type.Resize:
            ring = self._ring()
            if ring.parentWidget() is target:
                ring.setGeometry(target.rect())
        return False


def install_focus_rings(app: QApplication) -> FocusRings:
    existing = app.findChild(FocusRings)
    return existing if existing is not None else FocusRings(app)

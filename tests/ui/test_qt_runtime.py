"""Guards against Qt binding bugs that would crash the window in a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal()


def test_emitting_a_signal_keeps_the_reference_count_of_true(qtbot: QtBot) -> None:
    # PySide6 6.12.0 returned True from emit() without a new reference: every emit lowered
    # True's count by one until Python 3.11 aborted with "bool_dealloc". pyproject excludes it.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.fired.emit()
    assert sys.getrefcount(True) >= before

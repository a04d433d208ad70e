"""Unexpected exceptions anywhere in the UI thread open the error dialog; the app keeps going.

PySide reports an exception raised inside a slot or a Qt virtual through ``sys.excepthook``
and then carries on with the event loop, so replacing the hook is enough to turn a silent
traceback on a console nobody sees into a dialog with "Copy details".
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from ui.dialogs.error_dialog import show_error

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ErrorReporter:
    def __init__(self, parent_for_dialogs: Callable[[], QWidget | None]) -> None:
        self._parent = parent_for_dialogs
        self._showing = False
        self._previous: ExceptHook | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def handle(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if self._showing or QApplication.instance() is None:
            return  # an error while showing an error: the log has it, avoid a dialog storm
        self._showing = True
        try:
            if exc.__traceback__ is None:
                exc = exc.with_traceback(tb)
            show_error(self._parent(), exc)
        finally:
            self._showing = False

"""Ctrl+C during a run: cancel cleanly (finish what is in flight, report the rest)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from desktop.cancel import CancelToken


@contextmanager
def cancel_on_interrupt(cancel: CancelToken) -> Iterator[None]:
    """The first Ctrl+C sets ``cancel``; a second one stops at once (KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if cancel.cancelled:
            raise KeyboardInterrupt
        cancel.cancel()
        sys.stderr.write(
            "\nCancelling: no new changes will be sent; waiting for those in flight "
            "(Ctrl+C again to stop at once).\n"
        )
        sys.stderr.flush()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)

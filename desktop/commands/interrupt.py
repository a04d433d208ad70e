"""Ctrl+C during a run: cancel cleanly (finish what is in flight, report the rest)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from desktop.cancel import CancelToken

STOPPED_BEFORE_SENDING = "Stopped (Ctrl+C) before anything was sent: nothing was changed."
STOPPED_DURING_RUN = (
    "Stopped at once (second Ctrl+C): the changes in flight may or may not have been applied. "
    "See `license-desk history`, then finish with `license-desk resume RUN`."
)


class StoppedDuringRun(KeyboardInterrupt):
    """The second Ctrl+C of a run: stop without waiting for the writes in flight."""


def interrupted_message(exc: KeyboardInterrupt) -> str:
    """The one line a Ctrl+C ends a subcommand with. Outside a run (reading, checking, asking)
    nothing has been sent yet; inside one the first Ctrl+C cancels cleanly and reports."""
    return STOPPED_DURING_RUN if isinstance(exc, StoppedDuringRun) else STOPPED_BEFORE_SENDING


@contextmanager
def cancel_on_interrupt(cancel: CancelToken) -> Iterator[None]:
    """The first Ctrl+C sets ``cancel``; a second one stops at once (KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if cancel.cancelled:
            raise StoppedDuringRun
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

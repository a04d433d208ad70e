"""Run core calls off the UI thread, on a QThreadPool, and hear back through signals.

A job is a plain function taking a ``JobContext`` (its cancel token and a way to report
progress). Its result, error and progress come back as Qt signals, delivered on the UI thread.
The pool keeps every job referenced until its last signal is delivered, and ``shutdown``
cancels and waits for them, so no worker outlives the window it reports to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.cancel import CancelToken

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Lives on the UI thread; emitting from the worker queues delivery to the UI thread."""

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)  # the exception
    finished = Signal()  # after result or error, always


class JobContext:
    def __init__(self, signals: JobSignals, cancel: CancelToken) -> None:
        self._signals = signals
        self.cancel = cancel

    def report(self, value: Any) -> None:
        """Send ``value`` to the job's ``progress`` signal (from the worker thread)."""
        self._signals.progress.emit(value)


JobFunction = Callable[[JobContext], Any]


class Job(QRunnable):
    def __init__(self, name: str, function: JobFunction) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the pool's Python reference decides its lifetime
        self.name = name
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        self._function = function

    def run(self) -> None:
        context = JobContext(self.signals, self.cancel_token)
        try:
            outcome = self._function(context)
        except BaseException as exc:  # reported on the UI thread, never lost in the pool
            log.debug("job %s failed: %s", self.name, type(exc).__name__)
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(outcome)
        finally:
            self.signals.finished.emit()

    def cancel(self) -> None:
        self.cancel_token.cancel()


class WorkerPool(QObject):
    """Starts jobs and keeps them alive until their ``finished`` signal has been handled."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        # A pool of its own, so shutting one down waits for its jobs only (not for a sign-in
        # waiting on the browser in another part of the window).
        self._pool = pool or QThreadPool(self)
        self._jobs: set[Job] = set()
        self._closed = False

    def start(
        self,
        name: str,
        function: JobFunction,
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
    ) -> Job:
        job = Job(name, function)
        for signal, slot in (
            (job.signals.result, on_result),
            (job.signals.error, on_error),
            (job.signals.progress, on_progress),
        ):
            if slot is not None:
                signal.connect(self._guarded(slot))
        job.signals.finished.connect(lambda: self._forget(job))
        was_idle = not self._jobs
        self._jobs.add(job)
        self._pool.start(job)
        if was_idle:
            self.busy_changed.emit(True)
        return job

    @property
    def active(self) -> int:
        return len(self._jobs)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the threads; True if all stopped in time."""
        for job in list(self._jobs):
            job.cancel()
        # Signals still queued must not reach a window that is closing.
        self._closed = True
        done = self._pool.waitForDone(timeout_ms)
        self._jobs.clear()
        return bool(done)

    def _guarded(self, slot: Callable[[Any], None]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if not self._closed:
                slot(value)

        return deliver

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)
        if not self._jobs:
            self.busy_changed.emit(False)

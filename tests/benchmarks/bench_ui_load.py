"""Benchmark: the main window loading a 100,000-user demo tenant, then filtering it.

    python tests/benchmarks/bench_ui_load.py [--users 100000] [--in-process]

Figures and targets:
  time to first rows on screen   1 s     (from opening the tenant to the first table paint
                                          that shows users)
  time to fully loaded           20 s    (every user and the group names in)
  peak RSS                       600 MB  (this process: the window; the demo tenant runs in a
                                          child process, as Microsoft Graph would be remote)
  longest UI-thread stall        100 ms  (largest gap between ticks of a 5 ms QTimer heartbeat
                                          while loading)
  filter per keystroke           100 ms  (setting the search text and repainting the table)

``--in-process`` runs the demo tenant inside this process instead (what ``--demo`` does), so
the figures include the server's share of the CPU, the GIL and memory.

The tenant database is kept in the temp folder between runs, so only the first run seeds it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QSettings, QTimer  # noqa: E402  (after the offscreen setting and the path)
from PySide6.QtWidgets import QApplication  # noqa: E402  (after the offscreen setting and the path)

from desktop.graph.tokens import StaticToken  # noqa: E402  (after the offscreen setting and the path)
from desktop.open_tenant import open_graph  # noqa: E402  (after the offscreen setting and the path)
from tests.benchmarks.demo_server import start_demo_server  # noqa: E402  (after the path)
from tests.benchmarks.peak_memory import peak_mb as peak_rss_mb  # noqa: E402  (after the path)
from ui.main_window import MainWindow  # noqa: E402  (after the offscreen setting and the path)
from ui.session import TenantSession  # noqa: E402  (after the offscreen setting and the path)

TARGETS = {
    "first_rows_s": 1.0,
    "loaded_s": 20.0,
    "peak_rss_mb": 600.0,
    "longest_stall_ms": 100.0,
    "filter_keystroke_ms": 100.0,
}
HEARTBEAT_MS = 5
KEYSTROKES = ["k", "ko", "kow", "kowa", "kowal", "kowals", "kowalsk", "kowalska",
              "kowalsk", "kowals", "kowal", "kowa", "kow", "ko", "k", "",
              "s", "sp", "spr", "sprz", "sprzedaż", ""]  # fmt: skip


class Heartbeat(QObject):
    """A short repeating timer; the largest gap between its ticks is the longest stall."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest_ms = 0.0
        self._last = 0

    def start(self) -> None:
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        gap_ms = (now - self._last) / 1e6
        self._last = now
        self.longest_ms = max(self.longest_ms, gap_ms - HEARTBEAT_MS)


class FirstRowsPainted(QObject):
    """Notes when the table first paints with users in it."""

    def __init__(self, session: TenantSession, started: float) -> None:
        super().__init__()
        self._session = session
        self._started = started
        self.seconds: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.seconds is None
            and event.type() == QEvent.Type.Paint
            and self._session.proxy.rowCount() > 0
        ):
            self.seconds = time.perf_counter() - self._started
        return False


def start_server(users: int, database: Path) -> tuple[subprocess.Popen[str], str]:
    return start_demo_server("--users", str(users), "--db", str(database))


def measure(app: QApplication, base_url: str, work: Path) -> dict[str, float]:
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1360, 820)
    window.show()
    app.processEvents()
    connection = open_graph(base_url, StaticToken("benchmark"), work, "bench")
    session = TenantSession(connection)
    heartbeat = Heartbeat()
    done = QEventLoop()
    session.loaded.connect(done.quit)
    session.load_failed.connect(lambda exc: (print("load failed:", exc), done.quit()))

    started = time.perf_counter()
    painted = FirstRowsPainted(session, started)
    heartbeat.start()
    window.open_session(session)
    assert window.view is not None
    window.view.table.viewport().installEventFilter(painted)
    done.exec()
    loaded = time.perf_counter() - started
    heartbeat.stop()
    users = session.users.rowCount()

    search = window.view.filters.search
    timings: list[float] = []
    for text in KEYSTROKES:
        begin = time.perf_counter()
        search.setText(text)
        window.view.table.viewport().repaint()
        timings.append((time.perf_counter() - begin) * 1000)
    shown_for_last = session.proxy.rowCount()
    figures = {
        "users": float(users),
        "first_rows_s": painted.seconds if painted.seconds is not None else float("nan"),
        "loaded_s": loaded,
        "peak_rss_mb": peak_rss_mb(),
        "longest_stall_ms": heartbeat.longest_ms,
        "filter_keystroke_ms": max(timings),
        "filter_median_ms": statistics.median(timings),
        "rows_after_filter": float(shown_for_last),
    }
    window.close()
    return figures


def report(figures: dict[str, float], where: str) -> bool:
    print(f"License Desk window, {int(figures['users']):,} users, demo tenant {where}")
    rows = [
        ("time to first rows on screen", figures["first_rows_s"], "s", "first_rows_s"),
        ("time to fully loaded", figures["loaded_s"], "s", "loaded_s"),
        ("peak RSS", figures["peak_rss_mb"], "MB", "peak_rss_mb"),
        (
            "longest UI-thread stall (loading)",
            figures["longest_stall_ms"],
            "ms",
            "longest_stall_ms",
        ),
        (
            "filter per keystroke (worst)",
            figures["filter_keystroke_ms"],
            "ms",
            "filter_keystroke_ms",
        ),
    ]
    ok = True
    for label, value, unit, key in rows:
        target = TARGETS[key]
        passed = value <= target
        ok &= passed
        verdict = "ok" if passed else "MISSED"
        print(f"  {label:36} {value:9.2f} {unit:3} target {target:g} {unit:3} {verdict}")
    print(f"  {'filter per keystroke (median)':36} {figures['filter_median_ms']:9.2f} ms")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()
    database = Path(tempfile.gettempdir()) / f"license-desk-bench-{args.users}.sqlite3"
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.in_process:
            from desktop.demo import DemoTenant

            tenant = DemoTenant.start(users=args.users, seed=1, db_path=str(database))
            try:
                figures = measure(app, tenant.base_url, work)
            finally:
                tenant.stop()
            where = "in this process"
        else:
            server, url = start_server(args.users, database)
            try:
                figures = measure(app, url, work)
            finally:
                server.terminate()
                server.wait(timeout=30)
            where = "in a child process"
    return 0 if report(figures, where) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: opening a big tenant for the first time (no snapshot) at Microsoft Graph's speed.

    python tests/benchmarks/bench_first_open.py [--users 100000] [--latency-ms 400] [--sequential]

The demo tenant runs in a child process (``demo-server``, as Graph would be remote) with
``--latency-ms`` on every request, ``--page-cost`` (a page of 999 users with our ``$select``
then takes about a second, as on Graph) and ``--resource-unit-limit`` (Graph's read budget by
tenant size: a 429 past it). This process reads what the window reads at start, through the
same loader (``LicenseController.load_tenant``: packages, organisation and every user at once,
then the licensing groups' names).

Figures and targets:
  time to first rows           the first page of users handed to the window
  time to fully loaded         <= 0.35 x the sequential-paging minimum
  sequential-paging minimum    pages x latency (ceil(users / 999) x --latency-ms): what paging
                               through @odata.nextLink one page after another cannot beat even
                               if each page cost nothing but the network
  peak RSS                     this process (the reader), reported
  CPU seconds                  of the demo server and of this process during the open, and
                               the load average: on a busy machine the demo's own rendering
                               (one Python process for every page) is what a parallel read
                               waits for, which Graph's servers are not

``--sequential`` also times plain paging (``GraphClient.list_users``) for comparison; at 100,000
users that takes about as many seconds as there are pages.

The tenant database is kept in the temp folder between runs, so only the first run seeds it.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.graph.client import MAX_PAGE_SIZE  # noqa: E402  (after the path)
from desktop.graph.records import User  # noqa: E402  (after the path)
from desktop.graph.tokens import StaticToken  # noqa: E402  (after the path)
from desktop.open_tenant import open_graph  # noqa: E402  (after the path)
from tests.benchmarks.demo_server import start_demo_server  # noqa: E402  (after the path)
from tests.benchmarks.peak_memory import peak_mb  # noqa: E402  (after the path)

TARGET_RATIO = 0.35


def start_server(
    users: int, latency_ms: float, database: Path
) -> tuple[subprocess.Popen[str], str]:
    return start_demo_server(
        "--users", str(users), "--db", str(database), "--latency-ms", str(latency_ms),
        "--page-cost", "--resource-unit-limit",
    )  # fmt: skip


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far (Linux; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_open(base_url: str, work: Path, server_pid: int) -> dict[str, float]:
    opened = open_graph(base_url, StaticToken("bench"), work, "Benchmark")
    first_rows: list[float] = []
    server_cpu = cpu_seconds(server_pid)
    reader_cpu = time.process_time()
    started = time.perf_counter()

    def on_page(page: list[User]) -> None:
        if not first_rows:
            first_rows.append(time.perf_counter() - started)

    try:
        snapshot = opened.controller.load_tenant(on_users_page=on_page)
        loaded = time.perf_counter() - started
        server_cpu = cpu_seconds(server_pid) - server_cpu
        reader_cpu = time.process_time() - reader_cpu
        stats = opened.client.stats
    finally:
        opened.close()
    return {
        "users": len(snapshot.users),
        "distinct": len({u.id for u in snapshot.users}),
        "first_rows_s": first_rows[0] if first_rows else math.nan,
        "loaded_s": loaded,
        "requests": stats.requests_sent,
        "throttled": stats.throttled,
        "peak_rss_mb": peak_mb(),
        "server_cpu_s": server_cpu,
        "reader_cpu_s": reader_cpu,
    }


def sequential(base_url: str, work: Path) -> float:
    opened = open_graph(base_url, StaticToken("bench"), work, "Benchmark")
    started = time.perf_counter()
    try:
        opened.client.list_users()
    finally:
        opened.close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--latency-ms", type=float, default=400.0)
    parser.add_argument("--sequential", action="store_true")
    args = parser.parse_args()
    database = Path(tempfile.gettempdir()) / f"license-desk-bench-first-open-{args.users}.sqlite3"
    server, url = start_server(args.users, args.latency_ms, database)
    try:
        with tempfile.TemporaryDirectory() as folder:
            load_before = os.getloadavg()[0]
            figures = first_open(url, Path(folder), server.pid)
            load_after = os.getloadavg()[0]
            plain = sequential(url, Path(folder)) if args.sequential else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    pages = math.ceil(args.users / MAX_PAGE_SIZE)
    minimum = pages * args.latency_ms / 1000
    ratio = figures["loaded_s"] / minimum
    ok = ratio <= TARGET_RATIO and figures["users"] == figures["distinct"] == args.users
    print(f"First open of {args.users:,} users, {args.latency_ms:g} ms latency, page cost and "
          "read budget on (demo tenant in a child process)")  # fmt: skip
    print(f"  {'users read (distinct)':34} {figures['users']:9,.0f} ({figures['distinct']:,.0f})")
    print(f"  {'requests sent (429s)':34} {figures['requests']:9,.0f} ({figures['throttled']:.0f})")
    print(f"  {'time to first rows':34} {figures['first_rows_s']:9.2f} s")
    print(f"  {'time to fully loaded':34} {figures['loaded_s']:9.2f} s")
    print(f"  {'sequential-paging minimum':34} {minimum:9.2f} s  ({pages} pages x latency)")
    print(f"  {'ratio (target <= 0.35)':34} {ratio:9.3f}  {'OK' if ok else 'MISSED'}")
    if plain is not None:
        print(f"  {'plain sequential paging, measured':34} {plain:9.2f} s")
    print(f"  {'peak RSS (this process)':34} {figures['peak_rss_mb']:9.1f} MB")
    print(f"  {'CPU: demo server / this process':34} {figures['server_cpu_s']:9.2f} s / "
          f"{figures['reader_cpu_s']:.2f} s")  # fmt: skip
    print(f"  {'load average before / after':34} {load_before:9.2f} / {load_after:.2f}"
          f"  ({os.cpu_count()} CPUs)")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

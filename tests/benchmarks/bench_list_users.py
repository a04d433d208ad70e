"""Benchmark: list a 100,000-user demo tenant into records with GraphClient.

    python tests/benchmarks/bench_list_users.py [--users 100000] [--page-size 999]

Targets: under 15 s wall time and under 300 MB peak RSS, with no injected latency.

The demo tenant runs in one child process and the listing in another that does nothing else,
so the lister's peak RSS is the honest cost of holding every user as records: interpreter,
imports, one page of JSON in flight and the final list. Peak RSS is the kernel's high-water
mark (``VmHWM`` in /proc/self/status on Linux; ``getrusage`` elsewhere, whose figure on Linux
would include the parent's memory at fork). The lister also reports its peak right after
imports, to show what the list itself adds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_SECONDS = 15.0
TARGET_RSS_MB = 300.0

CHILD = """
import json, resource, sys, time
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken

from tests.benchmarks.peak_memory import peak_mb

base_url, page_size = sys.argv[1], int(sys.argv[2])
after_imports = peak_mb()
pages = []
with GraphClient(base_url, StaticToken("benchmark")) as client:
    started = time.perf_counter()
    users = client.list_users(page_size=page_size, on_page=lambda page: pages.append(len(page)))
    seconds = time.perf_counter() - started
    licensed = sum(1 for u in users if u.assigned_licenses)
print(json.dumps({
    "users": len(users), "licensed": licensed, "pages": len(pages), "seconds": seconds,
    "rss_after_imports_mb": after_imports, "peak_rss_mb": peak_mb(),
    "requests": client.stats.requests_sent,
}))
"""


TENANT = """
import sys
from desktop.demo import DemoTenant
tenant = DemoTenant.start(users=int(sys.argv[1]), seed=1)
print(tenant.base_url, flush=True)
sys.stdin.read()  # serve until the benchmark closes our stdin
tenant.stop()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=999)
    args = parser.parse_args()

    started = time.perf_counter()
    tenant = subprocess.Popen(
        [sys.executable, "-c", TENANT, str(args.users)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert tenant.stdin is not None and tenant.stdout is not None
    try:
        base_url = tenant.stdout.readline().strip()
        if not base_url:
            print("the demo tenant did not start", file=sys.stderr)
            return 1
        print(f"seeded {args.users:,} users in {time.perf_counter() - started:.1f} s", flush=True)
        wall_started = time.perf_counter()
        child = subprocess.run(
            [sys.executable, "-c", CHILD, base_url, str(args.page_size)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - wall_started
    finally:
        tenant.stdin.close()
        tenant.wait()
    if child.returncode != 0:
        print(child.stderr, file=sys.stderr)
        return 1
    figures = json.loads(child.stdout)
    listing_ok = figures["seconds"] < TARGET_SECONDS
    rss_ok = figures["peak_rss_mb"] < TARGET_RSS_MB
    print(
        f"listed {figures['users']:,} users ({figures['licensed']:,} licensed) "
        f"in {figures['pages']} pages, {figures['requests']} requests"
    )
    print(
        f"list_users wall time     {figures['seconds']:7.2f} s   "
        f"(target < {TARGET_SECONDS:g} s: {'OK' if listing_ok else 'MISSED'})"
    )
    print(f"child process wall time  {wall:7.2f} s   (interpreter start and imports included)")
    print(
        f"peak RSS of the child    {figures['peak_rss_mb']:7.1f} MB  "
        f"(target < {TARGET_RSS_MB:g} MB: {'OK' if rss_ok else 'MISSED'}); "
        f"{figures['rss_after_imports_mb']:.1f} MB after imports"
    )
    return 0 if listing_ok and rss_ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: a partner's overview of 50 customer tenants of 200 to 2,000 users each, with
100 ms latency per request, read in parallel against one tenant after another.

    python tests/benchmarks/bench_tenants_overview.py [--tenants 50] [--latency-ms 100]
                                                      [--workers 8]

Target: the parallel overview at least 5x faster than reading the tenants one after another;
its peak memory is reported.

The multi-tenant demo (a partner and the customers, sizes spread evenly from 200 to 2,000
users) runs in one child process; each overview runs in a child of its own that does nothing
else, so its peak RSS is its own. Both read exactly what ``license-desk tenants`` reads (the
customers' list, then per tenant: a token from its authority, users with sign-in activity,
packages, subscriptions) and compute each row.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_SPEEDUP = 5.0
SMALLEST, LARGEST = 200, 2_000

SERVER = """
import sys
from desktop.demo.faults import Faults
from desktop.demo.multi_tenant import DemoTenants
count, latency = int(sys.argv[1]), float(sys.argv[2])
smallest, largest = int(sys.argv[3]), int(sys.argv[4])
step = (largest - smallest) / max(1, count - 1)
sizes = tuple(round(smallest + i * step) for i in range(count))
demo = DemoTenants.start(count, sizes=sizes, faults=Faults(latency_ms=latency))
print(demo.base_url, demo.token_for(demo.partner.tenant_id), sum(sizes), flush=True)
sys.stdin.read()
demo.stop()
"""

OVERVIEW = """
import json, sys, tempfile, time
from pathlib import Path
from tests.benchmarks.peak_memory import peak_mb
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.tenants.connection import reach_tenants
from desktop.tenants.overview import Status, build_overview
url, token, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
after_imports = peak_mb()
started = time.perf_counter()
with GraphClient(url, StaticToken(token)) as home:
    reach = reach_tenants(home)
customers = [t for t in reach.registry.tenants if t.kind.value == "customer"]
rows = build_overview(customers, reach.client_for, root=Path(tempfile.mkdtemp()), workers=workers)
seconds = time.perf_counter() - started
print(json.dumps({"tenants": len(rows), "ok": sum(r.status is Status.OK for r in rows),
                  "users": sum(r.users for r in rows), "seconds": seconds,
                  "after_imports_mb": after_imports, "peak_mb": peak_mb()}))
"""


def overview(url: str, token: str, workers: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", OVERVIEW, url, token, str(workers)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=3_600,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=50)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--workers", type=int, default=8, help="parallel overview's pool")
    args = parser.parse_args()
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(args.tenants), str(args.latency_ms),
         str(SMALLEST), str(LARGEST)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        url, token, users = server.stdout.readline().split()
        seeded = time.perf_counter() - started
        print(f"{args.tenants} customer tenants, {int(users):,} users, seeded in {seeded:.1f} s; "
              f"{args.latency_ms:g} ms per request")  # fmt: skip
        parallel = overview(url, token, args.workers)
        serial = overview(url, token, 1)
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=120)
    runs = ((f"parallel ({args.workers} at once)", parallel), ("one after another", serial))
    for name, result in runs:
        print(f"{name:>24}: {result['seconds']:7.1f} s  {result['ok']:.0f}/{result['tenants']:.0f} "
              f"tenants ok, {result['users']:,.0f} users  peak {result['peak_mb']:.0f} MB "
              f"(after imports {result['after_imports_mb']:.0f} MB)")  # fmt: skip
    speedup = serial["seconds"] / parallel["seconds"]
    met = speedup >= TARGET_SPEEDUP
    verdict = "met" if met else "NOT met"
    print(f"speed-up {speedup:.1f}x (target at least {TARGET_SPEEDUP:g}x): {verdict}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

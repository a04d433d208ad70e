"""Engine benchmark: 10,000 users changed under a write limit, against the demo tenant.

    python tests/benchmarks/bench_engine_write_limit.py [--users 10000] [--limit 1000 --window 10]
    python tests/benchmarks/bench_engine_write_limit.py --known-limit   # tell the client too
    python tests/benchmarks/bench_engine_write_limit.py --no-throttle-headers

By default the demo tenant sends Graph's identity throttle headers (x-ms-throttle-limit-percentage
above 80 % of the limit, x-ms-throttle-information on a 429), which the client paces from;
``--no-throttle-headers`` switches them off, as field reports say real answers often lack them.

The demo tenant refuses writes beyond LIMIT per sliding WINDOW seconds with 429 + Retry-After,
like Graph's identity write limits. Each user gets exactly one write (FLOW_FREE added where it
is missing, removed where it is held), so the run cannot beat
    (users / limit - 1) * window   seconds
(the first LIMIT writes go at once, every later LIMIT waits a window). Prints the wall time
against that minimum, and how many 429s the run received.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.demo_tenant

from desktop.graph.client import GraphClient
from desktop.graph.pacing import WriteLimit
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan, PlanKind, UserChange
from tests.demo_tenant import DemoTenantForTests

SKU = "FLOW_FREE"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=1000, help="writes per window")
    parser.add_argument("--window", type=float, default=10.0, help="seconds")
    parser.add_argument("--known-limit", action="store_true", help="configure it in the client")
    parser.add_argument(
        "--no-throttle-headers", action="store_true", help="the demo sends no x-ms-throttle-*"
    )
    parser.add_argument("--verbose", action="store_true", help="log the pacer's decisions")
    args = parser.parse_args()
    if args.verbose:
        logging.basicConfig(format="%(relativeCreated)9.0f ms  %(message)s")
        logging.getLogger("desktop.graph.pacing").setLevel(logging.INFO)
    tenant = DemoTenantForTests.start(users=int(args.users * 1.15), seed=21)
    try:
        run(tenant, args)
    finally:
        tenant.stop()


def run(tenant: DemoTenantForTests, args: argparse.Namespace) -> None:
    sku_id = tenant.sku_id(SKU)
    with tenant.store.transaction() as db:  # enough seats that the flip is never short
        db.execute("UPDATE skus SET enabled = ? WHERE sku_id = ?", (args.users * 3, sku_id))
    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        users = [u for u in reader.list_users() if u.usage_location][: args.users]
    assert len(users) == args.users
    held = {u.id for u in users if sku_id in u.direct_sku_ids}
    plan = Plan(
        PlanKind.MIXED,
        tuple(
            UserChange(u.id, remove=(sku_id,))
            if u.id in held
            else UserChange(u.id, add=(AssignedLicense(sku_id),))
            for u in users
        ),
        "Flip FLOW_FREE",
    )
    tenant.faults.write_limit = (args.limit, args.window)
    tenant.faults.throttle_headers = not args.no_throttle_headers
    tenant.stats.reset()
    known = WriteLimit(args.limit, args.window) if args.known_limit else None
    with tempfile.TemporaryDirectory() as folder:
        client = GraphClient(tenant.base_url, StaticToken("bench"), write_limit=known)
        controller = LicenseController(client, Path(folder) / "journal.sqlite3")
        checked = controller.check(plan)
        started = time.perf_counter()
        report = controller.apply(checked)
        wall = time.perf_counter() - started
        stats = client.stats
        controller.close()
    server = tenant.stats.snapshot()
    tenant.faults.write_limit = None

    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        after = {u.id: sku_id in u.direct_sku_ids for u in reader.list_users()}
    flipped = sum(1 for u in users if after[u.id] is not (u.id in held))
    minimum = max(0.0, (args.users / args.limit - 1) * args.window)
    outcomes = Counter(r.outcome.value for r in report.results)
    told = "known to the client" if args.known_limit else "unknown to the client (learned)"
    signals = "off" if args.no_throttle_headers else "on"
    print(
        f"{args.users} users, one write each, limit {args.limit} writes / {args.window:g} s, {told}"
    )
    print(f"  throttle headers  {signals}")
    print(f"  apply wall time   {wall:7.1f} s")
    print(f"  minimum allowed   {minimum:7.1f} s   (ratio {wall / minimum if minimum else 0:.2f})")
    print(f"  429s received     {server['throttled']:7d}     (client counted {stats.throttled})")
    print(
        f"  HTTP requests     {server['http_requests']:7d}     (inner {server['batch_requests']})"
    )
    print(f"  writes performed  {server['writes']:7d}")
    print(f"  pacer pauses      {stats.write_pauses:7d}")
    print(f"  outcomes          {dict(outcomes)}")
    print(f"  in target state   {flipped}/{args.users}")


if __name__ == "__main__":
    main()

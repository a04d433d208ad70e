"""Engine benchmark: 1,000 users get a license through check + apply against the demo tenant.

    python tests/benchmarks/bench_engine_assign.py [--users 1000] [--latency-ms 50]
    python tests/benchmarks/bench_engine_assign.py --faults     # 10 % throttling, 2 % faults

Targets (clean run): wall time under 10 s and at most 60 HTTP requests for check and apply.
With --faults: every user ends licensed and is reported exactly once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.demo_tenant

from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import assign_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Outcome
from tests.demo_tenant import DemoTenantForTests

SKU = "FLOW_FREE"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--faults", action="store_true", help="10%% throttling, 2%% faults")
    args = parser.parse_args()

    # A larger tenant, so that enough users lack the license and have a usage location.
    tenant = DemoTenantForTests.start(users=int(args.users * 1.6), seed=11)
    try:
        run(tenant, args)
    finally:
        tenant.stop()


def run(tenant: DemoTenantForTests, args: argparse.Namespace) -> None:
    sku_id = tenant.sku_id(SKU)
    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        candidates = [
            u.id for u in reader.list_users() if sku_id not in u.sku_ids and u.usage_location
        ]
    targets = candidates[: args.users]
    assert len(targets) == args.users, f"only {len(candidates)} candidates"

    tenant.faults.latency_ms = args.latency_ms
    if args.faults:
        tenant.faults.throttle_rate, tenant.faults.fault_rate = 0.10, 0.02
    tenant.stats.reset()
    with tempfile.TemporaryDirectory() as folder:
        client = GraphClient(tenant.base_url, StaticToken("bench"))
        controller = LicenseController(client, Path(folder) / "journal.sqlite3")
        started = time.perf_counter()
        checked = controller.check(assign_plan(targets, [AssignedLicense(sku_id)]))
        checked_at = time.perf_counter()
        report = controller.apply(checked)
        finished = time.perf_counter()
        client_stats = client.stats
        controller.close()
    server = tenant.stats.snapshot()
    tenant.faults.throttle_rate = tenant.faults.fault_rate = tenant.faults.latency_ms = 0

    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        licensed = sum(
            1 for u in reader.list_users() if u.id in set(targets) and sku_id in u.sku_ids
        )
    per_user = Counter(r.user for r in report.results)
    outcomes = Counter(r.outcome.value for r in report.results)

    wall = finished - started
    mode = "with 10% throttling and 2% faults" if args.faults else "clean"
    print(f"{args.users} users get {SKU}, {args.latency_ms:g} ms latency per request, {mode}")
    print(f"  check             {checked_at - started:7.2f} s")
    print(f"  apply             {finished - checked_at:7.2f} s")
    print(f"  wall time         {wall:7.2f} s   (target < 10 s: {'OK' if wall < 10 else 'MISSED'})")
    requests = server["http_requests"]
    verdict = "OK" if requests <= 60 else "MISSED"
    print(f"  HTTP requests     {requests:7d}     (target <= 60 without faults: {verdict})")
    print(
        f"  client: sent {client_stats.requests_sent}, retries {client_stats.retries}, "
        f"429s {client_stats.throttled}, pacer pauses {client_stats.write_pauses}, "
        f"lost answers {client_stats.lost_answers}"
    )
    print(
        f"  server: inner requests {server['batch_requests']}, writes {server['writes']}, "
        f"429s {server['throttled']}, faults {server['faults']} (dropped {server['dropped']})"
    )
    print(f"  outcomes          {dict(outcomes)}")
    once = all(n == 1 for n in per_user.values()) and len(per_user) == len(targets)
    print(f"  reported once     {once}  ({len(per_user)} users in the report)")
    print(
        f"  licensed after    {licensed}/{len(targets)}"
        f"   (all done: {outcomes[Outcome.DONE.value] == len(targets)})"
    )


if __name__ == "__main__":
    main()

"""Reprocess benchmark: 1,000 users whose group license is in error are reprocessed.

    python tests/benchmarks/bench_reprocess.py [--users 1000] [--latency-ms 50]
                                               [--write-limit N/SECONDS]

Set-up (not measured): the users join a group, their usage location is one where the service
is not offered, the group is licensed and processed (ProhibitedInUsageLocationViolation), then
their location is fixed, which does not clear the error: Graph needs a reprocess. Measured: the
engine's reprocess plan, checked and applied as any change (``$batch`` of 20, paced under the
write limit when one is set), and the users in error afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.demo_tenant

from desktop.graph.client import GraphClient
from desktop.graph.groups import group_license_request
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import reprocess_plan
from desktop.licensing.controller import LicenseController
from tests.demo_tenant import DemoTenantForTests

SKU = "FLOW_FREE"
GROUP_ROWID = 3  # the seed's unlicensed nested group
_EACH = "(SELECT value FROM json_each(?))"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--write-limit", metavar="N/SECONDS", help="e.g. 300/30")
    args = parser.parse_args()
    tenant = DemoTenantForTests.start(users=int(args.users * 1.5), seed=17)
    try:
        run(tenant, args)
    finally:
        tenant.stop()


def users_in_error(tenant: DemoTenantForTests, group_id: str) -> list[str]:
    with GraphClient(tenant.base_url, StaticToken("bench")) as reader:
        return [
            u.id
            for u in reader.list_users()
            if any(
                s.assigned_by_group == group_id and s.has_error for s in u.license_assignment_states
            )
        ]


def make_errors(tenant: DemoTenantForTests, count: int) -> str:
    store = tenant.store
    group = store.group_row(GROUP_ROWID)
    assert group is not None
    rowids = [int(r[0]) for r in store.users_page("1", (), 0, count + 10)][:count]
    for rowid in rowids:
        store.add_membership(group.rowid, rowid, "2026-01-01T00:00:00Z")
    with store.transaction() as conn:
        conn.execute(
            f"UPDATE users SET usage_location = 'KP' WHERE rowid IN {_EACH}",
            (json.dumps(rowids),),
        )
    grant = [AssignedLicense(tenant.sku_id(SKU))]
    with GraphClient(tenant.base_url, StaticToken("bench")) as client:
        answer = client.batch([group_license_request("1", group.id, grant, [])])["1"]
        assert answer.ok, answer
    tenant.group_processing.process_group(group.rowid)
    with store.transaction() as conn:
        conn.execute(
            f"UPDATE users SET usage_location = 'PL' WHERE rowid IN {_EACH}",
            (json.dumps(rowids),),
        )
    return group.id


def run(tenant: DemoTenantForTests, args: argparse.Namespace) -> None:
    tenant.group_processing.delay = 3600.0  # the set-up processes the group itself
    group_id = make_errors(tenant, args.users)
    targets = users_in_error(tenant, group_id)
    assert len(targets) >= args.users, f"only {len(targets)} users in error"
    tenant.faults.latency_ms = args.latency_ms
    if args.write_limit:
        count, seconds = args.write_limit.split("/")
        tenant.faults.write_limit = (int(count), float(seconds))
    tenant.stats.reset()
    with tempfile.TemporaryDirectory() as folder:
        client = GraphClient(tenant.base_url, StaticToken("bench"))
        controller = LicenseController(client, Path(folder) / "journal.sqlite3")
        started = time.perf_counter()
        checked = controller.check(reprocess_plan(targets))
        checked_at = time.perf_counter()
        after_check = tenant.stats.snapshot()
        report = controller.apply(checked)
        finished = time.perf_counter()
        stats = client.stats
        controller.close()
        client.close()
    server = tenant.stats.snapshot()
    tenant.faults.latency_ms = 0
    tenant.faults.write_limit = None
    left = users_in_error(tenant, group_id)
    limit = f", write limit {args.write_limit}" if args.write_limit else ""
    print(f"{len(targets)} users in error reprocessed, {args.latency_ms:g} ms latency{limit}")
    print(
        f"  check         {checked_at - started:7.2f} s   ({after_check['http_requests']} HTTP "
        f"requests, {after_check['batch_requests']} in $batch)"
    )
    print(
        f"  apply         {finished - checked_at:7.2f} s   "
        f"({server['http_requests'] - after_check['http_requests']} HTTP requests, "
        f"{server['writes']} reprocess calls in $batch)"
    )
    print(f"  wall time     {finished - started:7.2f} s")
    print(
        f"  client: sent {stats.requests_sent}, retries {stats.retries}, 429s {stats.throttled}, "
        f"pacer pauses {stats.write_pauses}"
    )
    print(
        f"  outcomes      { {o.value: report.count(o) for o in type(report.results[0].outcome)} }"
    )
    print(f"  in error after {len(left)}")


if __name__ == "__main__":
    main()

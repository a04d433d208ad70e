"""Group benchmark: a 2,000-member group is licensed and its propagation followed to the end.

    python tests/benchmarks/bench_group_license.py [--members 2000] [--latency-ms 50]
                                                   [--delay 2.0]

The engine checks the change against every member (seats, losses, conflicts), sends one
assignLicense, then polls the members at growing intervals until each shows the license from
the group (the demo processes the group ``--delay`` seconds after the call, as Graph does in the
background). Prints wall time per phase, polls, and requests (HTTP and inside $batch).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.demo_tenant

from desktop.graph.client import GraphClient
from desktop.graph.groups import get_licensed_group
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import group_license_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.propagation import target_of, wait_for_members
from tests.demo_tenant import DemoTenantForTests

SKU = "FLOW_FREE"  # 10,000 seats in the demo
GROUP = "Zarząd – asystenci"  # unlicensed in the seed: it gets the members below


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--delay", type=float, default=2.0, help="demo's processing delay (s)")
    args = parser.parse_args()
    tenant = DemoTenantForTests.start(users=int(args.members * 1.5), seed=13)
    try:
        run(tenant, args)
    finally:
        tenant.stop()


def fill_group(tenant: DemoTenantForTests, members: int) -> str:
    """Set-up, not measured: the group gets ``members`` users directly in the demo's store."""
    store = tenant.store
    group_id = next(gid for rowid, gid in store.group_ids().items() if rowid == 3)
    group = store.group(group_id)
    assert group is not None and group.display_name == GROUP
    rows = store.users_page("1", (), 0, members + 10)
    added = 0
    for row in rows:
        if added == members:
            break
        added += store.add_membership(group.rowid, int(row[0]), "2026-01-01T00:00:00Z")
    assert added == members, f"only {added} users to add"
    return group.id


def run(tenant: DemoTenantForTests, args: argparse.Namespace) -> None:
    group_id = fill_group(tenant, args.members)
    sku_id = tenant.sku_id(SKU)
    tenant.group_processing.delay = args.delay
    tenant.faults.latency_ms = args.latency_ms
    tenant.stats.reset()
    polls: list[tuple[float, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        client = GraphClient(tenant.base_url, StaticToken("bench"))
        controller = LicenseController(client, Path(folder) / "journal.sqlite3")
        started = time.perf_counter()
        group = get_licensed_group(client, group_id)
        checked = controller.check(group_license_plan(group, [AssignedLicense(sku_id)]))
        checked_at = time.perf_counter()
        after_check = tenant.stats.snapshot()
        report = controller.apply(checked)
        applied_at = time.perf_counter()
        after_apply = tenant.stats.snapshot()
        result = wait_for_members(
            client,
            group_id,
            target_of(checked.effective.changes[0]),
            progress=lambda p: polls.append((time.perf_counter() - applied_at, p.processed)),
        )
        finished = time.perf_counter()
        controller.close()
        client.close()
    server = tenant.stats.snapshot()
    tenant.faults.latency_ms = 0
    row = tenant.store.group(group_id)
    holders = len(tenant.store.member_rowids(row.rowid)) if row else 0
    print(
        f"A {args.members}-member group licensed with {SKU}, {args.latency_ms:g} ms latency per "
        f"request, demo processing delay {args.delay:g} s"
    )
    print(
        f"  seats the check counted   {checked.seats[0].needed} needed, "
        f"{checked.seats[0].free} free"
    )
    print(
        f"  check                     {checked_at - started:7.2f} s   "
        f"({after_check['http_requests']} HTTP requests, {after_check['batch_requests']} in $batch)"
    )
    print(
        f"  apply                     {applied_at - checked_at:7.2f} s   "
        f"({after_apply['http_requests'] - after_check['http_requests']} HTTP requests, "
        f"{after_apply['writes'] - after_check['writes']} write)  "
        f"outcome {report.results[0].outcome.value}"
    )
    print(
        f"  propagation followed      {finished - applied_at:7.2f} s   ({result.polls} polls, "
        f"{server['http_requests'] - after_apply['http_requests']} HTTP requests, "
        f"{server['batch_requests'] - after_apply['batch_requests']} in $batch)"
    )
    print(
        "  polls (s after apply: members processed) " + ", ".join(f"{t:.1f}: {n}" for t, n in polls)
    )
    print(f"  wall time                 {finished - started:7.2f} s")
    print(f"  HTTP requests in all      {server['http_requests']}  (429s {server['throttled']})")
    print(
        f"  members processed         {result.processed}/{result.members} of {holders}, "
        f"in error {result.in_error}, finished {result.finished}"
    )


if __name__ == "__main__":
    main()

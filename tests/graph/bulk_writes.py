"""Many writes in $batch calls of 20 from several senders, as the engine sends them, through
the real client to a demo tenant under its write limit, on virtual time (virtual_time.py).
Shared by the pacing tests and tests/benchmarks/sim_write_limit.py."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from desktop.graph.batch_items import BatchRequest
from desktop.graph.client import GraphClient, user_path
from desktop.graph.tokens import StaticToken
from tests.demo_tenant import DemoTenantForTests
from tests.graph.virtual_time import Latency, VirtualTime, connect

ROUND_TRIP = 0.08  # virtual seconds per $batch, by default


@dataclass(frozen=True, slots=True)
class Run:
    elapsed: float
    statuses: Counter[int]
    throttled: int  # 429s the tenant answered
    writes: int  # writes the tenant performed
    client: GraphClient


def send_writes(
    tenant: DemoTenantForTests,
    time: VirtualTime,
    *,
    writes: int,
    limit: tuple[int, float],
    headers: bool,
    senders: int = 4,
    round_trip: Latency = ROUND_TRIP,
) -> Run:
    """``senders`` threads keep $batch calls of 20 PATCHes in flight, as the engine does; each
    call takes ``round_trip`` virtual seconds (see ``virtual_time.Latency``)."""
    users = GraphClient(tenant.base_url, StaticToken("reader")).list_users()
    cloud_only = [u.id for u in users if not u.on_premises_sync_enabled]  # synced refuse jobTitle

    def path(n: int) -> str:
        return user_path(cloud_only[n % len(cloud_only)])

    chunks = [
        [
            BatchRequest(f"w{n}", "PATCH", path(n), {"jobTitle": f"Title {n}"})
            for n in range(start, min(start + 20, writes))
        ]
        for start in range(0, writes, 20)
    ]
    chunks.reverse()
    tenant.faults.write_limit = limit
    tenant.faults.throttle_headers = headers
    tenant.stats.reset()
    client = GraphClient(tenant.base_url, StaticToken("writer"), clock=time)
    connect(client, tenant, time, round_trip)
    statuses: Counter[int] = Counter()

    def sender() -> None:  # the senders take turns (VirtualTime), so no lock is needed
        while chunks:
            statuses.update(answer.status for answer in client.batch(chunks.pop()).values())

    started = time.now()
    time.run([sender] * senders)
    elapsed = time.now() - started
    client.close()
    stats = tenant.stats.snapshot()
    return Run(elapsed, statuses, stats["throttled"], stats["writes"], client)

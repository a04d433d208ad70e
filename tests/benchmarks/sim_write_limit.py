"""The write-limit benchmark on virtual time: the same shape of run, in seconds that do not depend
on how busy the machine is, so a change to the pacer can be judged quickly and reproducibly.

    python tests/benchmarks/sim_write_limit.py [--writes 10000] [--limit 1000 --window 10]
        [--senders 4] [--round-trip 0.08] [--jitter] [--no-throttle-headers]

Senders (as many as the engine keeps in flight) send $batch calls of 20 PATCHes through the real
client (retries, pacer, batching) to the real demo tenant's request handling, in-process, with
the tenant's write limit and headers on the same virtual clock (tests/graph/bulk_writes.py).
Each $batch takes ``--round-trip`` virtual seconds (with ``--jitter`` that on average, from half
of it to several times it, from a seeded random source, as on a busy machine); the tenant sees
it half-way. The minimum is
the benchmark's: ``(writes / limit - 1) * window`` (bench_engine_write_limit.py). The real
benchmark stays the measure: its round trips vary, these do not.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.*

from tests.demo_tenant import DemoTenantForTests
from tests.graph.bulk_writes import ROUND_TRIP, send_writes
from tests.graph.virtual_time import VirtualTime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=1000, help="writes per window")
    parser.add_argument("--window", type=float, default=10.0, help="seconds")
    parser.add_argument("--senders", type=int, default=4)
    parser.add_argument("--round-trip", type=float, default=ROUND_TRIP, help="s per $batch")
    parser.add_argument("--jitter", action="store_true", help="round trips vary")
    parser.add_argument("--no-throttle-headers", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    base = args.round_trip

    def jittered() -> float:  # half the base, plus an exponential tail: a mean of the base
        return base / 2 + rng.expovariate(2 / base)

    time = VirtualTime()
    with DemoTenantForTests.start(users=120, seed=3, clock=time.now) as tenant:
        run = send_writes(
            tenant,
            time,
            writes=args.writes,
            limit=(args.limit, args.window),
            headers=not args.no_throttle_headers,
            senders=args.senders,
            round_trip=jittered if args.jitter else base,
        )
    minimum = max(0.0, (args.writes / args.limit - 1) * args.window)
    ratio = run.elapsed / minimum if minimum else 0.0
    print(
        f"{args.writes} writes, limit {args.limit} / {args.window:g} s, {args.senders} senders, "
        f"{base * 1000:.0f} ms per $batch{' (jittered)' if args.jitter else ''}, headers "
        f"{'off' if args.no_throttle_headers else 'on'}"
    )
    print(f"  virtual time   {run.elapsed:7.1f} s   (minimum {minimum:.1f}, ratio {ratio:.3f})")
    print(f"  429s           {run.throttled:7d}")
    print(f"  pacer pauses   {run.client.stats.write_pauses:7d}")
    print(f"  writes done    {run.writes:7d}   (answers {dict(run.statuses)})")


if __name__ == "__main__":
    main()

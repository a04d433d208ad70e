"""Benchmark: how long the client takes to tell a refused connection and an unknown host.

    python tests/benchmarks/bench_fail_fast.py [--tries 5]

Target: well under a second each (neither is retried). The refused connection is a closed port
on 127.0.0.1; the unknown host is a name under ``.invalid`` (RFC 6761), which the client knows
cannot exist, so no DNS query leaves the computer. Prints the slowest of ``--tries`` tries, in
the process that makes the call (a whole ``license-desk`` run adds the interpreter's start).
"""

from __future__ import annotations

import argparse
import socket
import sys
import time

from desktop.graph.client import GraphClient
from desktop.graph.errors import ConnectionFailedError
from desktop.graph.tokens import StaticToken

TARGET_SECONDS = 1.0


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends


def time_to_error(url: str) -> tuple[float, str]:
    with GraphClient(url, StaticToken("benchmark")) as client:
        started = time.perf_counter()
        try:
            client.list_skus()
        except ConnectionFailedError as exc:
            return time.perf_counter() - started, str(exc)
    raise SystemExit(f"{url} answered: the benchmark needs a dead address")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=5)
    args = parser.parse_args()
    worst_overall = 0.0
    cases = {
        "refused connection": f"http://127.0.0.1:{closed_port()}/v1.0",
        "unknown host": "https://graph.example.invalid/v1.0",
    }
    for name, url in cases.items():
        timings = [time_to_error(url) for _ in range(args.tries)]
        worst = max(seconds for seconds, _ in timings)
        worst_overall = max(worst_overall, worst)
        print(f"{name:20} slowest of {args.tries}: {worst * 1000:.1f} ms  ({timings[0][1]})")
    return 0 if worst_overall < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

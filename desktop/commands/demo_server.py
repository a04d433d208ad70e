"""``license-desk demo-server``: run the demo tenant in the foreground until SIGINT or SIGTERM.

The first line on stdout is exactly ``Demo tenant at http://127.0.0.1:PORT/v1.0`` so scripts and
tests can read the address. With ``--tenants N`` (a partner and N customers on one port) one line
per tenant follows, the partner first: ``Tenant <tenantId> <displayName> token <token>``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from desktop.demo.faults import Faults
from desktop.demo.multi_tenant import DemoTenants
from desktop.demo.server import DemoTenant, is_loopback

MAX_PORT = 65535
MAX_CUSTOMERS = 500


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo-server",
        help="serve the demo tenant (a local Microsoft Graph) until stopped",
        description="Serve the demo tenant on this computer until Ctrl+C or SIGTERM.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument("--users", type=int, default=60, help="users to seed (default 60)")
    parser.add_argument("--tenants", type=int, metavar="N",
                        help="a partner and N customer tenants on one port, in memory "
                        "(a 'Tenant ID NAME token TOKEN' line each)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1, help="seed number (default 1)")
    parser.add_argument(
        "--db", metavar="PATH", type=Path, help="SQLite file; an existing tenant in it is reused"
    )
    parser.add_argument("--latency-ms", type=float, default=0.0, metavar="MS")
    parser.add_argument("--page-cost", action="store_true",
                        help="pages take time by size and $select, as on Graph")  # fmt: skip
    parser.add_argument("--throttle-rate", type=float, default=0.0, metavar="R",
                        help="fraction of requests answered 429 (0-1)")  # fmt: skip
    parser.add_argument("--fault-rate", type=float, default=0.0, metavar="R",
                        help="fraction answered 503/504 or dropped (0-1)")  # fmt: skip
    parser.add_argument("--write-limit", metavar="N/SECONDS",
                        help="at most N writes per SECONDS per token, e.g. 3000/150")  # fmt: skip
    parser.add_argument("--resource-unit-limit", action="store_true",
                        help="enforce Graph's resource units per 10 s by tenant size")  # fmt: skip
    parser.add_argument("--no-throttle-headers", action="store_true",
                        help="send no x-ms-resource-unit / x-ms-throttle-* headers")  # fmt: skip
    parser.set_defaults(handler=run)


def parse_write_limit(text: str | None) -> tuple[int, float] | None:
    if text is None:
        return None
    count, slash, seconds = text.partition("/")
    try:
        limit = (int(count), float(seconds))
    except ValueError:
        limit = (0, 0.0)
    if not slash or limit[0] < 1 or limit[1] <= 0:
        raise ValueError(f"--write-limit wants N/SECONDS, for example 3000/150, not {text!r}")
    return limit


def faults_from(args: argparse.Namespace) -> Faults:
    """The switches the command line sets; ValueError for values out of range."""
    faults = Faults(
        latency_ms=args.latency_ms,
        page_cost=args.page_cost,
        throttle_rate=args.throttle_rate,
        fault_rate=args.fault_rate,
        write_limit=parse_write_limit(args.write_limit),
        resource_unit_limit=args.resource_unit_limit,
        throttle_headers=not args.no_throttle_headers,
    )
    faults.validate()
    return faults


def _fail(message: str) -> int:
    print(f"license-desk demo-server: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    if not is_loopback(args.host):
        return _fail(
            f"refusing to listen on {args.host}: the demo tenant serves this computer only. "
            "Use --host 127.0.0.1."
        )
    if args.users < 1:
        return _fail("--users must be at least 1.")
    if args.tenants is not None and not 1 <= args.tenants <= MAX_CUSTOMERS:
        return _fail(f"--tenants must be between 1 and {MAX_CUSTOMERS}, not {args.tenants}.")
    if args.tenants is not None and args.db is not None:
        return _fail("--tenants keeps its tenants in memory: leave out --db.")
    if not 0 <= args.port <= MAX_PORT:
        return _fail(f"--port must be between 0 (any free port) and {MAX_PORT}, not {args.port}.")
    try:
        faults = faults_from(args)
    except ValueError as exc:
        return _fail(f"{exc}.")
    if args.db is not None:
        parent = Path(args.db).expanduser().resolve().parent
        if not parent.is_dir():
            return _fail(f"the folder for --db does not exist: {parent}")
        if Path(args.db).expanduser().is_dir():
            return _fail(f"--db {args.db} is a folder: give a file name.")
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    host = "127.0.0.1" if args.host == "localhost" else args.host
    if args.tenants is not None:
        return _serve_many(args, faults, host, stop)
    try:
        tenant = DemoTenant.start(
            users=args.users,
            seed=args.seed,
            db_path=os.fspath(Path(args.db).expanduser()) if args.db else None,
            faults=faults,
            host=host,
            port=args.port,
        )
    except sqlite3.Error as exc:
        return _fail(
            f"--db {args.db} is not a demo tenant database ({exc}): give a new file name, "
            "or one a previous demo-server run created."
        )
    except OSError as exc:
        if exc.filename is not None:  # the database file, not the socket
            return _fail(f"cannot use --db {args.db}: {exc.strerror or exc}.")
        return _fail(f"cannot listen on {host}:{args.port}: {exc.strerror or exc}.")
    print(f"Demo tenant at {tenant.base_url}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        tenant.stop()
    return EXIT_OK


def _serve_many(args: argparse.Namespace, faults: Faults, host: str, stop: threading.Event) -> int:
    """The partner and its customers on one port; one line per tenant after the address."""
    try:
        demo = DemoTenants.start(
            args.tenants,
            seed=args.seed,
            partner_users=args.users,
            faults=faults,
            host=host,
            port=args.port,
        )
    except OSError as exc:
        return _fail(f"cannot listen on {host}:{args.port}: {exc.strerror or exc}.")
    print(f"Demo tenant at {demo.base_url}", flush=True)
    for tenant in demo.all:
        tenant_id = tenant.tenant_id
        print(
            f"Tenant {tenant_id} {demo.display_name(tenant_id)} token {demo.token_for(tenant_id)}",
            flush=True,
        )
    try:
        while not stop.wait(0.5):
            pass
    finally:
        demo.stop()
    return EXIT_OK

"""``license-desk tenants [--json]``: every tenant the connection reaches (the signed-in one
and, for a partner, its customers), read in parallel: seats per package, waste and its monthly
cost, assignment errors, renewals and grace periods within 30 days, what needs action."""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TextIO

from desktop.auth.write_access import ensure_access
from desktop.commands.connection import add_connection_options, home_client
from desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.json_output import write_json
from desktop.commands.output import table
from desktop.paths import app_data_dir
from desktop.tenants.connection import partner_scopes, reach_tenants
from desktop.tenants.overview import UPCOMING_DAYS, Status, build_overview
from desktop.tenants.parallel import DEFAULT_WORKERS, MAX_WORKERS
from desktop.tenants.registry import save_registry
from desktop.tenants.report import amounts_text, overview_json, seats_text, upcoming_text


def workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"--workers must be between 1 and {MAX_WORKERS}")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "tenants",
        help="every tenant you reach (a partner's customers too): seats, waste, what needs action",
        description=(
            "One row per tenant, read in parallel. A tenant that cannot be read says why on its "
            f"row (status 'no access' or 'error'); renewals and grace periods within "
            f"{UPCOMING_DAYS} days. Exit 1 when some tenant could not be read."
        ),
    )
    command.add_argument("--json", action="store_true", help="print JSON (docs/cli-json.md)")
    command.add_argument("--workers", type=workers, default=DEFAULT_WORKERS, metavar="N",
                         help=f"tenants read at once (default {DEFAULT_WORKERS})")  # fmt: skip
    add_connection_options(command)
    command.set_defaults(handler=handles_errors(run_tenants))


def run_tenants(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with home_client(args) as home:
        ensure_access(home.tokens, partner_scopes())  # a signed-in account: consent first
        reach = reach_tenants(home)
    registry = reach.registry
    # For --tenant without a connection (history); only a memory, so a failure is no error.
    with contextlib.suppress(OSError):
        save_registry(registry, app_data_dir())
    chosen = registry.choose([args.tenant] if getattr(args, "tenant", None) else [])
    rows = build_overview(chosen, reach.client_for, workers=args.workers)
    if args.json:
        write_json(overview_json(rows, registry.note), out)
    else:
        lines = [
            [
                row.tenant.label,
                row.status.value + (f": {row.reason}" if row.reason else ""),
                seats_text(row),
                amounts_text(row.monthly_waste),
                amounts_text(row.monthly_cost),
                str(row.assignment_errors),
                upcoming_text(row),
                ", ".join(a.value for a in row.attention),
            ]
            for row in rows
        ]
        headers = ["Tenant", "Status", "Seats used/bought", "Waste/month", "Cost/month",
                   "Errors", f"Within {UPCOMING_DAYS} days", "Needs action"]  # fmt: skip
        print(table(headers, lines, right=(5,)), file=out)
        if registry.note:
            print(registry.note, file=sys.stderr)
    return EXIT_OK if all(row.status is Status.OK for row in rows) else EXIT_FAILED

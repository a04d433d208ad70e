"""``license-desk subscriptions [--json]``: status, seats, trial, renewal and estimated term of
each subscription, and which to reduce before it renews."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.insight_common import ensure_insight_access
from desktop.commands.json_output import write_json
from desktop.commands.output import table
from desktop.insight.english import NOTE, TERM
from desktop.insight.records import SnapshotNote
from desktop.insight.renewals import REDUCE_WINDOW_DAYS, renewals
from desktop.insight.report import renewal_json
from desktop.insight.snapshot import read_subscriptions
from desktop.numbers import day, number


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "subscriptions",
        help="subscriptions, renewal dates and estimated terms",
        description=(
            "The billing term is not in Graph: it is estimated from the dates. 'Reduce before "
            f"renewal' marks annual terms with unused seats within {REDUCE_WINDOW_DAYS} days "
            "of renewing."
        ),
    )
    command.add_argument("--json", action="store_true", help="print JSON (docs/insights-json.md)")
    add_connection_options(command)
    command.set_defaults(handler=handles_errors(run_subscriptions))


def run_subscriptions(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with make_client(args) as client:
        ensure_insight_access(client)
        subscriptions, skus, now = read_subscriptions(client)
    if subscriptions is None:
        print(NOTE[SnapshotNote.SUBSCRIPTIONS_UNREADABLE], file=sys.stderr)
        return 1
    found = renewals(subscriptions, skus, now)
    if args.json:
        write_json({"subscriptions": [renewal_json(r) for r in found]}, out)
        return EXIT_OK
    rows = [
        [
            r.subscription.sku_part_number,
            r.subscription.status + (" (trial)" if r.subscription.is_trial else ""),
            number(r.subscription.total_licenses),
            "" if r.unused_seats is None else number(r.unused_seats),
            day(r.renews_on) if r.renews_on else "",
            "" if r.days_to_renewal is None else number(r.days_to_renewal),
            TERM[r.term],
            "reduce before renewal" if r.reduce_before_renewal else "",
        ]
        for r in found
    ]
    headers = ["Package", "Status", "Seats", "Unused", "Renews", "Days", "Term", ""]
    print(table(headers, rows, right=(2, 3, 5)), file=out)
    return EXIT_OK

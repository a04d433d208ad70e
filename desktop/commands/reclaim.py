"""``license-desk reclaim``: remove the licenses the insight findings show are wasted, and
``license-desk restore RUN USER``: put back one user's licenses from a reclaim (or any) run.

    license-desk reclaim [--kind blocked|inactive|never|overlap ...] [--inactive-days N]
                         [--dry-run] [--yes]

The plan is an ordinary "remove licenses" plan: checked, shown (with the mailbox warning where
Exchange goes, and the monthly saving), confirmed, applied with progress and journaled, so
``license-desk undo RUN`` reverses it whole and ``restore`` one user at a time.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from desktop.commands.connection import add_connection_options, open_from_options
from desktop.commands.flow import check_confirm_apply, handles_errors
from desktop.commands.insight_common import (
    ensure_insight_access,
    positive_days,
    read,
    refuses_bad_prices,
)
from desktop.insight.english import NOTE
from desktop.insight.findings import DEFAULT_INACTIVE_DAYS, find
from desktop.insight.reclaim import (
    RECLAIMABLE,
    reclaim_plan,
    restore_plan,
    saving_phrase,
    waiting_for_seats,
)
from desktop.licensing import describe

KINDS = {kind.value: kind for kind in RECLAIMABLE}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reclaim = subparsers.add_parser(
        "reclaim",
        help="remove wasted licenses found by `insights` (undoable)",
        description="Builds a remove-licenses plan from the findings, checks it, shows it with "
        "the monthly saving, confirms, applies. Undo with `license-desk undo RUN`, or one user "
        "with `license-desk restore RUN USER`.",
    )
    reclaim.add_argument(
        "--kind",
        choices=sorted(KINDS),
        action="append",
        help="which findings to reclaim (repeat; default: all four)",
    )
    reclaim.add_argument(
        "--inactive-days", metavar="N", type=positive_days, default=DEFAULT_INACTIVE_DAYS,
        help=f"inactive after N days without a sign-in (default {DEFAULT_INACTIVE_DAYS})",
    )  # fmt: skip
    reclaim.add_argument("--dry-run", action="store_true", help="check and show, change nothing")
    reclaim.add_argument("--yes", action="store_true", help="apply without asking")
    add_connection_options(reclaim)
    reclaim.set_defaults(handler=handles_errors(refuses_bad_prices(run_reclaim)))

    restore = subparsers.add_parser(
        "restore",
        help="put back what a run removed from one user (apps turned off stay off)",
    )
    restore.add_argument("run", metavar="RUN", help="run id (or its first characters)")
    restore.add_argument("user", metavar="USER", help="the user's principal name or id")
    restore.add_argument("--dry-run", action="store_true", help="check and show, change nothing")
    restore.add_argument("--yes", action="store_true", help="apply without asking")
    add_connection_options(restore)
    restore.set_defaults(handler=handles_errors(run_restore))


def run_reclaim(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    kinds = tuple(KINDS[k] for k in args.kind) if args.kind else RECLAIMABLE
    opened = open_from_options(args)
    try:
        client = opened.client
        ensure_insight_access(client)
        snapshot, data = read(client)
        for note in snapshot.notes:
            print(f"Note: {NOTE[note]}", file=out)
        findings = find(
            snapshot, prices=data.prices, keep=data.keep, inactive_days=args.inactive_days
        )
        groups = {g for f in findings.findings for _s, ids in f.inherited for g in ids}
        names = client.group_names(sorted(groups)) if groups else {}
        reclaim = reclaim_plan(
            findings.findings,
            data.prices,
            snapshot.skus,
            kinds=kinds,
            group_names=names,
            waiting=waiting_for_seats(snapshot.users),
        )
        skus = {sku.sku_id: sku for sku in snapshot.skus}
        labels = {
            f.user_id: f.user_principal_name or f.user_id
            for f in findings.findings
            if f.user_id is not None
        }
        # The saving heads the preview; what stays and the warnings follow, then the plan.
        saving = describe.english(saving_phrase(reclaim), skus)
        unpriced = f" (without a price: {', '.join(reclaim.unpriced)})" if reclaim.unpriced else ""
        print(f"Reclaim {saving}{unpriced}", file=out)
        if reclaim.left_alone:
            print(f"Left alone ({len(reclaim.left_alone)}):", file=out)
            for phrase in reclaim.left_alone:
                who = labels.get(phrase.users[0], phrase.users[0]) if phrase.users else ""
                print(f"  {who}: {describe.english(phrase, skus)}", file=out)
        for phrase in reclaim.warnings:
            print(f"Warning: {describe.english(phrase, skus)}", file=out)
        checked = opened.controller.check(reclaim.plan)
        return check_confirm_apply(opened.controller, checked, args, out=out)
    finally:
        opened.close()


def run_restore(args: argparse.Namespace) -> int:
    opened = open_from_options(args)
    try:
        checked = restore_plan(opened.controller, args.run, args.user)
        return check_confirm_apply(opened.controller, checked, args)
    finally:
        opened.close()

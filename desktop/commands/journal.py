"""``license-desk history``, ``resume RUN`` and ``undo RUN``: the journal from scripts."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from desktop.auth.write_access import ensure_write_access
from desktop.commands.connection import add_connection_options, journal_path, open_controller
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import (
    check_confirm_apply,
    exit_code,
    handles_errors,
    print_report,
    run_with_progress,
)
from desktop.commands.json_output import history_entry, resume_document, write_json
from desktop.commands.output import table
from desktop.licensing import describe
from desktop.licensing.journal import Journal, StepState
from desktop.licensing.needed_scopes import resume_scopes
from desktop.licensing.phrases import needs_checking
from desktop.licensing.types import RunStatus, RunSummary
from desktop.numbers import moment, times_in_utc

JSON_HELP = "print one JSON document (see docs/cli-json.md)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    history = subparsers.add_parser("history", help="list past runs, newest first")
    history.add_argument("--json", action="store_true", help=JSON_HELP)
    add_connection_options(history)
    history.set_defaults(handler=handles_errors(run_history))

    resume = subparsers.add_parser(
        "resume",
        help="finish an interrupted, cancelled or needs-checking run",
        description="Re-reads every unfinished or unconfirmed user first, so nothing is "
        "applied twice; only what is still missing is sent.",
    )
    resume.add_argument("run", metavar="RUN", help="run id (or its first characters)")
    resume.add_argument("--json", action="store_true", help=JSON_HELP)
    add_connection_options(resume)
    resume.set_defaults(handler=handles_errors(run_resume))

    undo = subparsers.add_parser(
        "undo",
        help="reverse a run: restore licenses, apps, sign-in and usage location",
        description="Builds the inverse of RUN from the journal, checks it, shows it, confirms.",
    )
    undo.add_argument("run", metavar="RUN", help="run id (or its first characters)")
    undo.add_argument("--dry-run", action="store_true", help="check and show, change nothing")
    undo.add_argument("--yes", action="store_true", help="apply without asking")
    undo.add_argument("--json", action="store_true", help=JSON_HELP)
    undo.add_argument(
        "--partly",
        action="store_true",
        help="only the users the run partly changed: revert the part that happened",
    )
    add_connection_options(undo)
    undo.set_defaults(handler=handles_errors(run_undo))


def status_text(summary: RunSummary, journal: Journal) -> str:
    if summary.status is RunStatus.RUNNING and not journal.is_live(summary.run_id):
        return "interrupted"
    return summary.status.value.replace("-", " ")


def note_text(s: RunSummary) -> str:
    notes = []
    if s.unconfirmed:
        notes.append(
            f"{describe.english(needs_checking(s.unconfirmed), {})}: license-desk resume {s.run_id}"
        )
    if s.partly:
        notes.append(f"{s.partly} partly done")
    if s.undo_of:
        notes.append(f"undo of {s.undo_of}")
    if s.undone_by:
        notes.append(f"undone by {s.undone_by}")
    return "; ".join(notes)


def run_history(args: argparse.Namespace) -> int:
    # Reading the journal needs no connection to Graph.
    journal = Journal(journal_path(args))
    try:
        runs = journal.summaries()
        if args.json:
            write_json([history_entry(s, status_text(s, journal)) for s in runs], sys.stdout)
            return EXIT_OK
        rows = []
        for s in runs:
            note = note_text(s)
            rows.append(
                [
                    s.run_id,
                    moment(datetime.fromisoformat(s.started_at)),
                    status_text(s, journal),
                    s.kind.value,
                    f"{s.done}/{s.failed}/{s.skipped}/{s.total}",
                    s.description,
                    note,
                ]
            )
    finally:
        journal.close()
    if not rows:
        print("No runs yet.")
        return EXIT_OK
    started = "STARTED (UTC)" if times_in_utc() else "STARTED"
    headers = ["RUN", started, "STATUS", "KIND", "DONE/FAIL/SKIP/ALL", "WHAT", "NOTE"]
    print(table(headers, rows))
    return EXIT_OK


def run_resume(args: argparse.Namespace) -> int:
    controller = open_controller(args)
    try:
        # Resume sends what is left of the run: ask for its write scopes before any of it.
        ensure_write_access(controller.client.tokens, resume_scopes(controller, args.run))
        report = run_with_progress(
            lambda printer, cancel: controller.resume(args.run, progress=printer, cancel=cancel),
            sys.stderr,
        )
        labels = {s.user_key: s.label for s in controller.journal.steps(report.run_id)}
        skus = {s.sku_id: s for s in controller.list_skus()}
        print_report(report, labels, sys.stderr if args.json else sys.stdout, skus)
        code = exit_code(report)
        if args.json:
            write_json(resume_document(report, labels, code), sys.stdout)
        return code
    finally:
        controller.close()


def run_undo(args: argparse.Namespace) -> int:
    controller = open_controller(args)
    try:
        users = None
        if args.partly:
            run_id = controller.journal.resolve(args.run)
            users = [
                s.user_key for s in controller.journal.steps(run_id) if s.state is StepState.PARTLY
            ]
        return check_confirm_apply(controller, controller.undo_plan(args.run, users), args)
    finally:
        controller.close()

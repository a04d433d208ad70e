"""The shared tail of every changing subcommand: show the check, confirm, apply, report."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from desktop.auth.errors import ConsentRequiredError
from desktop.auth.write_access import (
    ACCESS_ALL,
    access_level,
    ensure_write_access,
    reads_customers,
    reads_insight,
    writes_licenses,
    writes_users,
)
from desktop.cancel import CancelToken
from desktop.catalog import CatalogLookupError
from desktop.commands.bad_input import refusing
from desktop.commands.connection import ConnectionOptionsError
from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from desktop.commands.interrupt import cancel_on_interrupt
from desktop.commands.json_output import change_document, write_json
from desktop.commands.output import ProgressPrinter, confirm, confirm_typed, is_terminal
from desktop.graph.errors import (
    AuthenticationError,
    BadAddressError,
    ConnectionFailedError,
    GraphError,
    LicenseDeskError,
    MalformedTokenError,
    PermissionDeniedError,
)
from desktop.graph.records import Sku
from desktop.licensing import describe
from desktop.licensing.controller import LicenseController
from desktop.licensing.csv_plan import CsvPlanError
from desktop.licensing.errors import (
    JournalError,
    PlanBlockedError,
    RunAlreadyUndoneError,
    RunInProgressError,
    RunNotFoundError,
    RunNotResumableError,
    WrongTenantError,
)
from desktop.licensing.needed_scopes import plan_scopes
from desktop.licensing.phrases import Weight, attention, change_weight, deleted_accounts
from desktop.licensing.types import (
    CheckedPlan,
    Outcome,
    Problem,
    ProblemKind,
    RunReport,
    Severity,
)

SHOWN_CHANGES = 40  # longer plans show this many lines, then a count
# Problems that say what an undo leaves as it is, and why.
CANNOT_RESTORE = frozenset({ProblemKind.USAGE_LOCATION_KEPT, ProblemKind.CANNOT_UNDO})
_ALWAYS_COUNTED = (Outcome.DONE, Outcome.FAILED, Outcome.SKIPPED, Outcome.CANCELLED)
DELETE_WORD = "delete"  # what a person types to agree to deleting accounts
_MARK = {Weight.DESTRUCTIVE: "!"}  # beside a change that cannot be taken back
_BAD_INPUT = (
    ConnectionOptionsError,
    BadAddressError,
    MalformedTokenError,
    JournalError,
    CsvPlanError,
    CatalogLookupError,
    RunNotFoundError,
    RunNotResumableError,
    RunInProgressError,
    RunAlreadyUndoneError,
    WrongTenantError,
    PlanBlockedError,
)


def handles_errors(handler: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """Turn the engine's typed errors into a clear line on stderr and the documented exit code."""
    refusing_bad_input = refusing(*_BAD_INPUT)(handler)  # checked first, as before the others

    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return refusing_bad_input(args)
        except ConsentRequiredError as exc:  # before AuthenticationError, its base class
            print(consent_hint(exc.scopes), file=sys.stderr)
            return EXIT_BAD_INPUT
        except AuthenticationError as exc:
            print(
                f"Sign-in was refused: {exc.message} Sign in again or pass a valid --token.",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        except PermissionDeniedError as exc:
            print(
                f"Permission denied: {exc.message} Either License Desk lacks the permission "
                "(run `license-desk login --access all`), or the signed-in account lacks the "
                "License Administrator or User Administrator role.",
                file=sys.stderr,
            )
            return EXIT_FAILED
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"{where}{exc.strerror or exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except (GraphError, ConnectionFailedError, LicenseDeskError) as exc:
            print(f"Error: {exc}", file=sys.stderr)
            return EXIT_FAILED

    return wrapped


def consent_hint(scopes: Sequence[str]) -> str:
    """What to run when the signed-in account has not granted the write scopes yet. The CLI
    never opens a browser by itself: scripts must not hang waiting for a person."""
    licenses, users = writes_licenses(scopes), writes_users(scopes)
    if not licenses and not users and reads_customers(scopes):
        return (
            "License Desk has no permission to list your customers and read their tenants "
            "yet: run `license-desk login --access partner` and try again."
        )
    if not licenses and not users and reads_insight(scopes):
        return (
            "License Desk has no permission to read sign-in activity, usage reports and "
            "subscriptions yet: run `license-desk login --access insights` and try again."
        )
    what = (
        "change licenses and users"
        if licenses and users
        else ("change users" if users else "change licenses")
    )
    level = access_level(scopes)
    alternative = "" if level == ACCESS_ALL else f" (or --access {ACCESS_ALL})"
    return (
        f"License Desk has no permission to {what} yet: run "
        f"`license-desk login --access {level}`{alternative} and try again."
    )


def labels_of(checked: CheckedPlan) -> dict[str, str]:
    return {key: user.user_principal_name for key, user in checked.before.items()}


def print_checked(checked: CheckedPlan, skus: Mapping[str, Sku], out: TextIO) -> None:
    labels = labels_of(checked)
    # What cannot be taken back comes first, before anything else is read.
    for phrase in attention(checked):
        if phrase.weight is Weight.DESTRUCTIVE:
            print(f"WARNING: {describe.english(phrase, skus)}", file=out)
    changes = sorted(checked.effective.changes, key=change_weight)
    title = checked.plan.description or describe.title_text(
        checked.plan.kind, len(checked.plan.changes)
    )
    print(f"{title}: {len(changes)} of {len(checked.plan.changes)} user(s) to change", file=out)
    for change in changes[:SHOWN_CHANGES]:
        mark = _MARK.get(change_weight(change), " ")
        print(
            f"{mark} {labels.get(change.user, change.user)}: {describe.change_text(change, skus)}",
            file=out,
        )
    if len(changes) > SHOWN_CHANGES:
        print(f"  ... and {len(changes) - SHOWN_CHANGES} more", file=out)
    for need in checked.seats:
        print(
            f"Seats: {describe.sku_label(need.sku_id, skus)}: {need.needed} needed, "
            f"{need.free} free",
            file=out,
        )
    for severity, heading in ((Severity.BLOCKING, "Problems"), (Severity.WARNING, "Warnings")):
        found = [p for p in checked.problems if p.severity is severity]
        if found:
            print(f"{heading} ({len(found)}):", file=out)
            lines = [f"{_who(p.user, labels)}: {describe.problem_text(p, skus)}" for p in found]
            _print_some(lines, out)
    # Before it runs: what an undo cannot restore, with the reason. Never counted as done.
    kept = [p for p in checked.problems if p.kind in CANNOT_RESTORE]
    if kept:
        print(f"Cannot be restored, left as it is ({len(kept)}):", file=out)
        _print_some(
            [f"{_who(p.user, labels)}: {describe.problem_text(p, skus)}" for p in kept], out
        )
    skips = _skip_lines(checked, labels, skus)
    if skips:
        print(f"Already as asked, not sent ({len(skips)}):", file=out)
        _print_some(skips, out)


def _skip_lines(
    checked: CheckedPlan, labels: Mapping[str, str], skus: Mapping[str, Sku]
) -> list[str]:
    """One line per user: the specific no-ops, without the generic "nothing to change"."""
    by_user: dict[str, list[Problem]] = {}
    for problem in checked.problems:
        if problem.severity is Severity.SKIP and problem.kind not in CANNOT_RESTORE:
            by_user.setdefault(problem.user or "", []).append(problem)
    lines = []
    for user, problems in by_user.items():
        specific = [p for p in problems if p.kind is not ProblemKind.NOTHING_TO_DO]
        text = "; ".join(describe.problem_text(p, skus) for p in specific or problems)
        lines.append(f"{_who(user, labels)}: {text}")
    return lines


def _who(user: str | None, labels: Mapping[str, str]) -> str:
    return labels.get(user, user) if user else "plan"


def _print_some(lines: list[str], out: TextIO) -> None:
    for line in lines[:SHOWN_CHANGES]:
        print(f"  {line}", file=out)
    if len(lines) > SHOWN_CHANGES:
        print(f"  ... and {len(lines) - SHOWN_CHANGES} more", file=out)


def print_report(
    report: RunReport,
    labels: Mapping[str, str],
    out: TextIO,
    skus: Mapping[str, Sku] | None = None,
) -> None:
    skus = skus or {}
    counts = describe.run_counts_text(report)
    kept = report.kept()
    if kept:
        counts += f", {len(kept)} left as it was (see below)"
    print(f"Run {report.run_id}: {counts}", file=out)
    for outcome in (Outcome.FAILED, Outcome.PARTLY, Outcome.UNCONFIRMED, Outcome.CANCELLED):
        found = [r for r in report.results if r.outcome is outcome]
        said = describe.outcome_text(outcome)
        for result in found[:SHOWN_CHANGES]:
            code = f" [{result.code}]" if result.code else ""
            name = labels.get(result.user, result.user)
            print(f"  {said}: {name}: {describe.result_text(result, skus)}{code}", file=out)
        if len(found) > SHOWN_CHANGES:
            print(f"  ... and {len(found) - SHOWN_CHANGES} more {said}", file=out)
    for result, part in kept[:SHOWN_CHANGES]:
        print(f"  left as it was: {labels.get(result.user, result.user)}: {part.message}", file=out)
    if report.count(Outcome.UNCONFIRMED):
        print(
            "Graph's answers were lost for some users and they could not be read again: "
            f"check them with: license-desk resume {report.run_id}",
            file=out,
        )
    elif report.count(Outcome.CANCELLED):
        print(f"Finish the rest with: license-desk resume {report.run_id}", file=out)
    if report.count(Outcome.PARTLY):
        print(
            "To revert the part that happened for the users partly done: "
            f"license-desk undo {report.run_id} --partly",
            file=out,
        )


def exit_code(report: RunReport) -> int:
    return EXIT_OK if report.all_done else EXIT_FAILED


def run_with_progress(
    work: Callable[[ProgressPrinter, CancelToken], RunReport], err: TextIO
) -> RunReport:
    printer = ProgressPrinter(err)
    cancel = CancelToken()
    try:
        with cancel_on_interrupt(cancel):
            return work(printer, cancel)
    finally:
        printer.finish()


AfterRun = Callable[[RunReport], Mapping[str, Any]]


def check_confirm_apply(
    controller: LicenseController,
    checked: CheckedPlan,
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    after_run: AfterRun | None = None,
) -> int:
    """Show the checked plan, confirm, apply, report. With ``--json`` the text goes to stderr
    and stdout carries one JSON document (``json_output.change_document``); ``after_run``
    adds fields to it (and may print, e.g. a new user's password)."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    err = err or sys.stderr
    as_json = bool(getattr(args, "json", False))
    skus = {s.sku_id: s for s in controller.list_skus()}
    status, code, report = _confirm_and_apply(
        controller, checked, args, skus, stdin=stdin, out=err if as_json else out, err=err
    )
    extra = after_run(report) if after_run is not None and report is not None else {}
    if as_json:
        command = getattr(args, "command_name", None) or str(getattr(args, "command", ""))
        document = change_document(
            command, checked, skus, status=status, exit_code=code, report=report, extra=extra
        )
        write_json(document, out)
    return code


def _confirm_and_apply(
    controller: LicenseController,
    checked: CheckedPlan,
    args: argparse.Namespace,
    skus: Mapping[str, Sku],
    *,
    stdin: TextIO,
    out: TextIO,
    err: TextIO,
) -> tuple[str, int, RunReport | None]:
    print_checked(checked, skus, out)
    if checked.blocking:
        print("Nothing was changed: fix the problems above, or leave those users out.", file=err)
        return "blocked", EXIT_BAD_INPUT, None
    if not checked.effective.changes:
        print("Nothing to change.", file=out)
        return "nothing-to-do", EXIT_OK, None
    if getattr(args, "dry_run", False):
        print("Dry run: nothing was changed.", file=out)
        return "dry-run", EXIT_OK, None
    # Before asking and before anything is sent: a missing write scope ends the command here.
    ensure_write_access(controller.client.tokens, plan_scopes(checked))
    if not getattr(args, "yes", False):
        if not is_terminal(stdin):
            print(
                "Not applying: confirmation is needed and the input is not a terminal. "
                "Pass --yes to apply without asking.",
                file=err,
            )
            return "not-confirmed", EXIT_BAD_INPUT, None
        count = len(checked.effective.changes)
        deleted = len(deleted_accounts(checked))
        if deleted:
            # Deleting accounts needs the word itself, not a reflexive "y".
            agreed = confirm_typed(
                f"This deletes {deleted} account(s). Type '{DELETE_WORD}' to apply these "
                f"changes to {count} user(s):",
                DELETE_WORD,
                stdin,
                err,
            )
        else:
            # Creating accounts is said in the question itself, as the admin center does.
            created = sum(1 for c in checked.effective.changes if c.create is not None)
            creates = f"This creates {created} new account(s). " if created else ""
            agreed = confirm(f"{creates}Apply these changes to {count} user(s)?", stdin, err)
        if not agreed:
            print("Nothing was changed.", file=out)
            return "declined", EXIT_OK, None
    report = run_with_progress(
        lambda printer, cancel: controller.apply(checked, progress=printer, cancel=cancel), err
    )
    print_report(report, labels_of(checked), out, skus)
    return "applied", exit_code(report), report

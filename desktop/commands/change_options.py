"""What every changing subcommand shares: who to change, ``--dry-run``/``--yes``/``--json``,
and the run itself (open a controller, build the plan, check, confirm, apply)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.commands.changes import UsageError, read_users_option
from desktop.commands.connection import add_connection_options, open_controller
from desktop.commands.flow import AfterRun, check_confirm_apply
from desktop.countries import is_country_code
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan

PlanBuilder = Callable[[LicenseController], Plan]
SHOWN_NAMES = 5  # an error names this many users, then a count


def add_users_options(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--users", metavar="UPN[,UPN...]", action="append", help="users to change")
    who.add_argument("--users-file", metavar="FILE", type=Path, help="one user per line")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """--dry-run, --yes, --json and the connection options, in this order in --help."""
    parser.add_argument("--dry-run", action="store_true", help="check and show, change nothing")
    parser.add_argument("--yes", action="store_true", help="apply without asking")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON document (see docs/cli-json.md)"
    )
    add_connection_options(parser)


def users_of(args: argparse.Namespace) -> list[str]:
    return read_users_option(args.users, args.users_file)


def country_code(text: str, option: str) -> str:
    code = text.strip().upper()
    if not is_country_code(code):
        raise UsageError(
            f"{option} '{text}' is not a country code: give two letters, e.g. PL, DE or US."
        )
    return code


def split_list(values: Sequence[str] | None) -> list[str]:
    """Options given several times and/or comma-separated, trimmed, empty parts dropped."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def some_names(users: Sequence[str]) -> str:
    shown = ", ".join(users[:SHOWN_NAMES])
    more = f" and {len(users) - SHOWN_NAMES} more" if len(users) > SHOWN_NAMES else ""
    return shown + more


def run_plan(
    args: argparse.Namespace, build: PlanBuilder, after_run: AfterRun | None = None
) -> int:
    controller = open_controller(args)
    try:
        plan = build(controller)
        return check_confirm_apply(controller, controller.check(plan), args, after_run=after_run)
    finally:
        controller.close()

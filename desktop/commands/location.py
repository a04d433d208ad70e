"""``license-desk location --users ... --set CC``: the country where users use their licenses.

Microsoft needs a usage location before it assigns a license; this is the window's
"Set usage location".
"""

from __future__ import annotations

import argparse

from desktop.commands.change_options import (
    add_run_options,
    add_users_options,
    country_code,
    run_plan,
    users_of,
)
from desktop.commands.flow import handles_errors
from desktop.licensing.builders import usage_location_plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "location",
        help="set users' usage location (country code)",
        description="Set the usage location (ISO country code, e.g. PL) of the users.",
    )
    add_users_options(parser)
    parser.add_argument(
        "--set", metavar="CC", required=True, dest="country", help="two-letter country code"
    )
    add_run_options(parser)
    parser.set_defaults(handler=handles_errors(run_location), command_name="location")


def run_location(args: argparse.Namespace) -> int:
    code = country_code(args.country, "--set")
    users = users_of(args)
    return run_plan(args, lambda _controller: usage_location_plan(users, code))

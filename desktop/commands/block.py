"""``license-desk block`` and ``license-desk unblock``: stop or allow users signing in.

The window's "Block sign-in" and "Activate user". Same engine as every change: checked (users
already so are skipped), shown, confirmed, journaled, undoable.
"""

from __future__ import annotations

import argparse

from desktop.commands.change_options import add_run_options, add_users_options, run_plan, users_of
from desktop.commands.flow import handles_errors
from desktop.licensing.builders import sign_in_plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, enabled, what in (
        ("block", False, "stop users signing in (accountEnabled false)"),
        ("unblock", True, "allow users to sign in again (the window's Activate user)"),
    ):
        parser = subparsers.add_parser(name, help=what, description=what[:1].upper() + what[1:])
        add_users_options(parser)
        add_run_options(parser)
        parser.set_defaults(handler=handles_errors(run_sign_in), enabled=enabled, command_name=name)


def run_sign_in(args: argparse.Namespace) -> int:
    return run_plan(args, lambda _controller: sign_in_plan(users_of(args), args.enabled))

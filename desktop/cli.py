"""The ``license-desk`` command: the window by default, headless subcommands for scripts.

Each subcommand lives in its own module exposing ``register(subparsers)``; this file only
assembles them, so the window's start-up never pays for importing the engine's commands and
the engine's commands never import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import __version__

# Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.demo.command",
    "desktop.commands.tenant",
    "desktop.commands.changes",
    "desktop.commands.create_users",
    "desktop.commands.sign_in",
    "desktop.commands.apps",
    "desktop.commands.copy",
    "desktop.commands.location",
    "desktop.commands.journal",
    "desktop.auth.command",
    "desktop.commands.completion",
)

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="license-desk",
        description="Manage Microsoft 365 licenses. Without a subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the built-in demo tenant")
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="render the window once loaded, save it, exit"
    )
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from ui.self_test import run_self_test  # lazy, like the window

        return run_self_test()
    handler = getattr(args, "handler", None)
    if handler is None:
        from ui.app import run_window  # lazy: the one place desktop reaches into ui

        return int(run_window(args))
    return int(handler(args))


if __name__ == "__main__":
    sys.exit(main())

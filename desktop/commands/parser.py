"""The ``license-desk`` argument parser: the headless subcommands, assembled.

Each subcommand lives in its own module in this package exposing ``register(subparsers)``; this
file only assembles them. The program's entry point (``ui/launcher.py``) sits above both layers:
it adds the window's own options, runs a subcommand when one is given and opens the window
otherwise. Nothing here imports Qt, so a subcommand never pays for it.
"""

from __future__ import annotations

import argparse
import importlib

from desktop import __version__
from desktop.commands.arg_types import check_file_options
from desktop.commands.connection import add_tenant_option

# Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.commands.demo_server",
    "desktop.commands.tenant",
    "desktop.commands.changes",
    "desktop.commands.create_users",
    "desktop.commands.block",
    "desktop.commands.apps",
    "desktop.commands.copy",
    "desktop.commands.location",
    "desktop.commands.journal",
    "desktop.commands.sign_in",
    "desktop.commands.insights",
    "desktop.commands.reclaim",
    "desktop.commands.subscriptions",
    "desktop.commands.groups",
    "desktop.commands.reprocess",
    "desktop.commands.group_members",
    "desktop.commands.group_assign",
    "desktop.commands.prices",
    "desktop.commands.keep",
    "desktop.commands.people",
    "desktop.commands.tenants",
    "desktop.commands.audit",
    "desktop.commands.templates",
    "desktop.commands.completion",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="license-desk",
        description="Manage Microsoft 365 licenses. Without a subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_tenant_option(parser)  # also among each subcommand's connection options
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    check_file_options(parser)
    return parser

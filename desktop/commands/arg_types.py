"""Argument types every subcommand shares, checked by argparse (so a bad value is a usage
error, exit 2, before any work starts)."""

from __future__ import annotations

import argparse
from pathlib import Path


def file_path(text: str) -> Path:
    """A file name as given. A NUL character cannot be in any file name: every system call
    would refuse it, so it is refused here, with the option's name."""
    if "\x00" in text:
        raise argparse.ArgumentTypeError("a file name cannot contain a NUL character")
    return Path(text)


def check_file_options(parser: argparse.ArgumentParser) -> None:
    """Give every option and argument declared ``type=Path``, in every subcommand, the checks
    of ``file_path``: one place, so a new subcommand's files are checked too."""
    for action in parser._actions:
        if action.type is Path:
            action.type = file_path
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                check_file_options(sub)

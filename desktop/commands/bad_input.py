"""Errors that mean "the input cannot be used" for one subcommand: its message on one line and
exit code 2, never a traceback (``flow.handles_errors`` does the same for the shared ones)."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from desktop.commands.exit_codes import EXIT_BAD_INPUT

Handler = Callable[[argparse.Namespace], int]


def refusing(*kinds: type[Exception]) -> Callable[[Handler], Handler]:
    """A decorator: errors of ``kinds`` raised by the handler are bad input."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def wrapped(args: argparse.Namespace) -> int:
            try:
                return handler(args)
            except kinds as exc:
                print(str(exc), file=sys.stderr)
                return EXIT_BAD_INPUT

        return wrapped

    return decorate

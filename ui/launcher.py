"""The program's entry point, above both layers: ``license-desk`` and ``python -m ui``.

A subcommand runs the Qt-free core (``desktop.commands``) and never imports PySide6; without one
the window opens (``ui.app``, imported only then). Keep this module's top-level imports free of
Qt and of the rest of ``ui``: a test runs a subcommand and checks that PySide6 stayed unloaded.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_FAILED
from desktop.commands.interrupt import interrupted_message
from desktop.commands.parser import build_parser
from desktop.output_encoding import make_output_safe
from desktop.trust import use_os_trust_store

DEBUG_ENV = "LICENSE_DESK_DEBUG"


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="open the built-in demo tenant")
    parser.add_argument(
        "--demo-tenants",
        type=int,
        metavar="N",
        help="open a demo partner with N customer tenants (in memory, for trying All tenants)",
    )
    parser.add_argument(
        "--screenshot", metavar="FILE.png", help="render the window once loaded, save it, exit"
    )
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        default="system",
        help="light or dark window (default: follow the system)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        metavar="FACTOR",
        help="draw the window this many times larger (2 renders as on a 200%% display)",
    )
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    # With --self-test: fail unless the native Qt platform, style and OS keyring work (CI).
    parser.add_argument("--require-native", action="store_true", help=argparse.SUPPRESS)


# The window's options a person may give, by their argparse names (add_window_options).
_WINDOW_OPTIONS = {
    "demo": "--demo",
    "demo_tenants": "--demo-tenants",
    "screenshot": "--screenshot",
    "theme": "--theme",
    "scale": "--scale",
}


def window_options_given(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[str]:
    """The window's options given beside a subcommand (set to other than their defaults), which
    would otherwise be dropped without a word (``--demo insights`` then said "Not signed in")."""
    return [
        option
        for name, option in _WINDOW_OPTIONS.items()
        if getattr(args, name) != parser.get_default(name)
    ]


def refuse_window_options(options: Sequence[str], command: str) -> int:
    """One line saying what to do instead, and the exit code for a wrong option."""
    if "--demo" in options or "--demo-tenants" in options:
        print(
            f"license-desk: --demo opens the window on the demo tenant; `{command}` talks to a "
            "demo tenant you start: run `license-desk demo-server` and pass the --graph-url and "
            '--token it prints (docs/cli.md, "Signing in and the demo tenant").',
            file=sys.stderr,
        )
    else:
        print(
            f"license-desk: {', '.join(options)} only change the window; `{command}` has no "
            "window: leave them out.",
            file=sys.stderr,
        )
    return EXIT_BAD_INPUT


def run_subcommand(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Every subcommand maps its own errors to a line and an exit code; this is the net under
    them, so that a mistake of ours still ends in one line, never a traceback, for the person
    at the terminal (``LICENSE_DESK_DEBUG=1`` shows the traceback to whoever fixes it)."""
    try:
        return int(handler(args))
    except KeyboardInterrupt as exc:
        # Ctrl+C while reading or checking (a run's own Ctrl+C cancels it cleanly instead).
        print(f"\n{interrupted_message(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"license-desk: unexpected error ({type(exc).__name__}: {exc}). This is a bug in "
            f"License Desk: please report it, with the output of the same command run with "
            f"{DEBUG_ENV}=1.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    make_output_safe()  # before anything prints: help, errors and tables alike
    use_os_trust_store()  # before sign-in or Graph opens a connection
    parser = build_parser()
    add_window_options(parser)
    args = parser.parse_args(argv)
    if args.self_test:
        from ui.self_test import run_self_test  # Qt only when asked for

        return run_self_test(require_native=args.require_native)
    handler = getattr(args, "handler", None)
    if handler is not None:
        window_only = window_options_given(parser, args)
        if window_only:
            return refuse_window_options(window_only, args.command)
        if getattr(args, "pdf", None) is not None:
            # The PDF summary is drawn with Qt (ui), which the core never imports: hand it in.
            from ui.insight_pdf import write_summary_pdf

            args.pdf_writer = write_summary_pdf
        return run_subcommand(handler, args)
    from ui.app import run_window  # Qt only for the window

    return int(run_window(args))


if __name__ == "__main__":
    sys.exit(main())

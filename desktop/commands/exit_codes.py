"""The exit codes every ``license-desk`` subcommand documents, defined once.

Scripts rely on them: 0 when everything asked for was done, 1 when something failed (a change
refused by Graph, a sign-in that did not work), 2 for bad input (a wrong option, an unreadable
file, a plan the check blocked) — the person has to change what they asked for.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

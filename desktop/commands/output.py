"""Text output shared by the subcommands: aligned tables, progress, confirmation."""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from typing import TextIO

from desktop.licensing.types import Progress

BAR_WIDTH = 30


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """Columns padded to their widest cell; columns listed in ``right`` align right (numbers)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressPrinter:
    """Progress on stderr: one updating bar on a terminal, a line per tenth otherwise.

    Called from the engine's threads, hence the lock.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = is_terminal(self.stream)
        self._lock = threading.Lock()
        self._last_tenth = -1
        self._drawn = False

    def __call__(self, progress: Progress) -> None:
        with self._lock:
            if self.tty:
                self._draw_bar(progress)
            else:
                self._print_line(progress)

    def _counts(self, p: Progress) -> str:
        text = f"{p.finished}/{p.total}  done {p.done}, failed {p.failed}, skipped {p.skipped}"
        extra = (("partly", p.partly), ("unconfirmed", p.unconfirmed), ("cancelled", p.cancelled))
        return text + "".join(f", {name} {n}" for name, n in extra if n)

    def _draw_bar(self, p: Progress) -> None:
        filled = BAR_WIDTH * p.finished // p.total if p.total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self._counts(p)}\x1b[K")
        self.stream.flush()
        self._drawn = True

    def _print_line(self, p: Progress) -> None:
        tenth = 10 * p.finished // p.total if p.total else 10
        if tenth > self._last_tenth:
            self._last_tenth = tenth
            self.stream.write(f"progress: {self._counts(p)}\n")
            self.stream.flush()

    def finish(self) -> None:
        with self._lock:
            if self._drawn:
                self.stream.write("\n")
                self.stream.flush()
                self._drawn = False


def confirm(question: str, stdin: TextIO, stream: TextIO) -> bool:
    stream.write(f"{question} [y/N] ")
    stream.flush()
    answer = stdin.readline()
    return answer.strip().lower() in {"y", "yes", "t", "tak"}


def confirm_typed(question: str, word: str, stdin: TextIO, stream: TextIO) -> bool:
    """True only when the person types ``word`` (any case): for what cannot be taken back."""
    stream.write(f"{question} ")
    stream.flush()
    return stdin.readline().strip().lower() == word.lower()

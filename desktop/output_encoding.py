"""Make stdout and stderr able to carry every character the program prints.

Python encodes text for a redirected stream with the locale's code page (cp1252 on an English
Windows) and, by default, raises ``UnicodeEncodeError`` on a character the page lacks, so
``license-desk users > users.txt`` died on the first "ł". The rule here, applied once at start-up:

- a stream that is already UTF-8 (or another Unicode form) is left alone;
- a stream whose encoding the person chose (``PYTHONIOENCODING``) or that is a terminal keeps
  its encoding — the reader decodes with it — and a character it cannot hold becomes "?";
- a redirect or pipe on the platform's legacy default becomes UTF-8, so names survive whole
  (Python's own default from 3.15 on, PEP 686).

Never raises: a stream that cannot be reconfigured is left as it is.
"""

from __future__ import annotations

import codecs
import os
import sys
from typing import Any

UNICODE_CODECS = frozenset({"utf-8", "utf-16", "utf-32", "utf-8-sig"})


def is_unicode(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name in UNICODE_CODECS or name.startswith(("utf-16", "utf-32"))


def chosen_encoding() -> str | None:
    """The encoding set in ``PYTHONIOENCODING`` (``encoding[:errors]``), if any."""
    value = os.environ.get("PYTHONIOENCODING", "")
    encoding = value.partition(":")[0].strip()
    return encoding or None


def safe_settings(stream: Any) -> dict[str, str] | None:
    """The ``reconfigure`` arguments that make ``stream`` safe, or None when it already is."""
    encoding = getattr(stream, "encoding", None)
    if is_unicode(encoding):
        return None
    isatty = getattr(stream, "isatty", None)
    terminal = bool(isatty and isatty())
    if chosen_encoding() is not None or terminal:
        if getattr(stream, "errors", "strict") in ("strict", "surrogateescape"):
            return {"errors": "replace"}
        return None  # already replaces or escapes: nothing can raise
    return {"encoding": "utf-8", "errors": "replace"}


def make_output_safe(*streams: Any) -> None:
    """Apply the rule above to ``streams`` (default: ``sys.stdout`` and ``sys.stderr``)."""
    for stream in streams or (sys.stdout, sys.stderr):
        # A windowed program on Windows has no streams at all; test doubles cannot reconfigure.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        settings = safe_settings(stream)
        if settings is None:
            continue
        try:
            stream.flush()
            reconfigure(**settings)
        except (OSError, ValueError):
            continue

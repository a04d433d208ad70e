"""Graph's timestamps (``signInActivity``, ``createdDateTime``, subscription dates) as aware
datetimes; anything that is not one is None.

Graph writes them as ``YYYY-MM-DDTHH:MM:SSZ``, and a 100,000-user tenant sends about 300,000
fields of them in the insight's users listing, read while the packages are read in another
thread of the same process (the GIL is shared). So that shape takes a short way: since Python 3.11
``fromisoformat`` reads the ``Z`` itself, and when the only ``Z`` is the last character it
reads the string as the general way's ``Z`` -> ``+00:00`` does (the zone starts at the same
place; both are UTC). Anything else (fractions of seconds, offsets, no zone, garbage, a short
way that fails or gives another zone, Python 3.10) takes the general way.

Python 3.10's ``fromisoformat`` reads a fraction of a second only as 3 or 6 digits; Graph also
writes 7 (``2026-11-30T12:00:00.1234567Z``) and fewer. There the general way first writes the
fraction as 6 digits, cut as 3.11 cuts it, so every Python reads those stamps alike.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from typing import Any

_from_iso = datetime.fromisoformat
_UTC = timezone.utc
_GRAPH_LENGTH = len("2026-11-30T12:00:00Z")
_ZONE_AT = _GRAPH_LENGTH - 1
_READS_Z = sys.version_info >= (3, 11)
# 3.11 reads any number of fraction digits (".", or "," as ISO 8601 allows) and keeps six.
_READS_ANY_FRACTION = sys.version_info >= (3, 11)
# A fraction of seconds as ISO 8601 ends it: after the seconds, before the zone or the end.
# Rewritten only there, so text 3.11 refuses is not made readable (``00.0z00001+00:00``).
_FRACTION = re.compile(r"(?<=:[0-9][0-9])[.,]([0-9]+)(?=[+-]|$)")


def parse_moment(value: Any) -> datetime | None:
    if value is None:
        return None  # most often: a kind of sign-in the user never had
    if (
        _READS_Z
        and value.__class__ is str
        and len(value) == _GRAPH_LENGTH
        and value.find("Z") == _ZONE_AT
    ):
        try:
            moment = _from_iso(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is _UTC:
            return moment
    return parse_any_moment(value)


def parse_any_moment(value: Any) -> datetime | None:
    """The general way: ISO 8601 as ``datetime.fromisoformat`` reads it, ``Z`` for UTC, and
    UTC for a moment written without a zone."""
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("Z", "+00:00")
    if not _READS_ANY_FRACTION:
        text = _FRACTION.sub(_six_digits, text, count=1)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _six_digits(fraction: re.Match[str]) -> str:
    return "." + fraction[1][:6].ljust(6, "0")

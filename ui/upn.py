"""Suggesting a user name (the part of the UPN before @) from a display name."""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not split into a base letter and an accent.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D"})
_ALLOWED = re.compile(r"[^a-z0-9._-]+")
LOCAL_PART = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$")


def suggest_local_part(display_name: str) -> str:
    """ "Łucja Chmielewska" -> "lucja.chmielewska"."""
    plain = unicodedata.normalize("NFKD", display_name.translate(_SPECIAL))
    ascii_only = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    dotted = ".".join(ascii_only.split())
    return _ALLOWED.sub("", dotted).strip("._-")


def is_valid_local_part(text: str) -> bool:
    return bool(LOCAL_PART.match(text)) and ".." not in text

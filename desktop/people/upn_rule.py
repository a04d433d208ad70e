"""The tenant's rule for proposing user names: a pattern over first/last name and a domain.

Polish (and other) letters are transliterated (ł→l, ż→z, é→e ...); a name already taken, by an
existing user or by another person on the list, is numbered: ``jan.kowalski2@``, ``...3@``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from desktop.people.records import Person

PATTERNS = ("first.last", "firstlast", "f.last", "flast", "last.first", "first")
DEFAULT_PATTERN = "first.last"
MAX_NUMBER = 99  # jan.kowalski99 is as far as a proposal goes
# Letters NFKD does not split into a base letter and an accent.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d",
                          "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})  # fmt: skip


class RuleError(ValueError):
    """A rule that cannot be used; the message says what to do."""


def transliterate(text: str) -> str:
    """Plain lower-case ASCII letters and digits; other characters dropped."""
    plain = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


@dataclass(frozen=True, slots=True)
class UpnRule:
    pattern: str = DEFAULT_PATTERN
    domain: str = ""

    def __post_init__(self) -> None:
        if self.pattern not in PATTERNS:
            raise RuleError(f"'{self.pattern}' is not a pattern: use one of {', '.join(PATTERNS)}")

    def local_part(self, person: Person) -> str:
        first = transliterate(person.first or "")
        last = transliterate(person.last or "")
        if not first or (not last and self.pattern != "first"):
            # A name of other letters only (or one word): the whole name, transliterated.
            return transliterate(person.display_name) or "user"
        return {
            "first.last": f"{first}.{last}",
            "firstlast": f"{first}{last}",
            "f.last": f"{first[0]}.{last}",
            "flast": f"{first[0]}{last}",
            "last.first": f"{last}.{first}",
            "first": first,
        }[self.pattern]


def propose(
    people: Iterable[Person],
    rule: UpnRule,
    is_taken: Callable[[Collection[str]], set[str]],
) -> dict[str, str]:
    """Each pending person's key -> a free user name. The file's own user name wins; else the
    rule's, numbered past those taken. ``is_taken`` answers which of the given names (lower
    case) exist in the tenant; it is asked once per round, for all candidates at once."""
    pending = [p for p in people if p.is_pending]
    chosen: dict[str, str] = {p.key: p.upn for p in pending if p.upn}
    claimed = {u.lower() for u in chosen.values()}
    wanted = {p.key: rule.local_part(p) for p in pending if not p.upn}
    number = {key: 1 for key in wanted}
    tenant_taken: set[str] = set()
    while wanted:
        candidates = {key: _numbered(local, number[key], rule.domain)
                      for key, local in wanted.items()}  # fmt: skip
        unknown = {c.lower() for c in candidates.values()} - tenant_taken
        tenant_taken |= is_taken(unknown) if unknown else set()
        for key in list(wanted):  # in list order: the first on the list gets the plain name
            name = candidates[key].lower()
            if name in tenant_taken or name in claimed:
                number[key] += 1
                if number[key] > MAX_NUMBER:
                    raise RuleError(f"no free user name for {key} up to {MAX_NUMBER}: "
                                    "give one in the file's user name column")  # fmt: skip
                continue
            claimed.add(name)
            chosen[key] = candidates[key]
            del wanted[key]
    return chosen


def _numbered(local: str, number: int, domain: str) -> str:
    return f"{local}{number if number > 1 else ''}@{domain}"

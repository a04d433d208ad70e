"""Splitting the user list into disjoint parts that Graph serves without advanced queries.

The only split Microsoft documents as working by default on ``/users`` (no ``ConsistencyLevel:
eventual``, no ``$count``) that can cover everyone is ``startswith(userPrincipalName,'…')``:
``id`` supports only ``eq``/``in``, ``ge``/``le`` are not offered on ``userPrincipalName`` and
need advanced queries on ``createdDateTime``, ``or``/``not`` would be needed for anything else
(docs/graph-facts.md, "Users: reading, paging and advanced queries").

Every user has a user principal name whose user-name part uses only ``A-Z a-z 0-9 ' . - _ ! #
^ ~``, and Graph's ``startswith`` ignores case. So the users whose
name starts with a prefix ``p`` are exactly those starting with ``p`` + one of those characters,
plus those whose user name *is* ``p`` (they start with ``p@``): splitting a prefix into its
children never loses or doubles anyone. The reader still proves it against ``/users/$count``
(``desktop/graph/full_read.py``), since a directory may hold older names outside these rules.

Which prefixes to split comes from a sample (the first page of the plain listing): a prefix
whose estimated share is above ``max_part`` users is split, so the parts are of similar size.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

# Characters a user name may hold (letters in lower case: startswith ignores case).
FIRST_CHARACTERS = string.ascii_lowercase + string.digits + "'.-_!#^~"
# What may follow a prefix: those, or "@": the user name ends here.
NEXT_CHARACTERS = FIRST_CHARACTERS + "@"
# A prefix is not split further than this: a user name part is at most 64 characters, and
# eight characters already tell apart more users than any directory holds.
MAX_PREFIX = 8


@dataclass(frozen=True, slots=True)
class PrefixPart:
    """Users whose user principal name starts with ``prefix`` ("" for everyone)."""

    prefix: str
    estimate: float  # users expected, from the sample

    @property
    def filter(self) -> str | None:
        if not self.prefix:
            return None
        quoted = self.prefix.replace("'", "''")
        return f"startswith(userPrincipalName,'{quoted}')"

    def holds(self, user_principal_name: str) -> bool:
        return user_principal_name.lower().startswith(self.prefix)


def children(prefix: str) -> list[str]:
    """The prefixes that together hold exactly the users of ``prefix``."""
    if prefix.endswith("@"):
        return [prefix]  # the whole user name: nothing to split
    following = FIRST_CHARACTERS if not prefix else NEXT_CHARACTERS
    return [prefix + character for character in following]


def plan_parts(sample: Sequence[str], total: int, *, max_part: int) -> list[PrefixPart]:
    """Disjoint parts covering every user, each expected to hold at most about ``max_part``
    of the ``total`` users, judged from ``sample`` (user principal names read at random);
    largest first, so the longest reads start first."""
    names = [name.lower() for name in sample]
    per_name = total / len(names) if names else float(total)
    parts: list[PrefixPart] = []

    def visit(prefix: str, hits: list[str]) -> None:
        estimate = len(hits) * per_name if names else float(total)
        splittable = len(prefix) < MAX_PREFIX and not prefix.endswith("@")
        if prefix and (estimate <= max_part or not splittable):
            parts.append(PrefixPart(prefix, estimate))
            return
        if not prefix and (estimate <= max_part or not names):
            parts.append(PrefixPart("", estimate))
            return
        for child in children(prefix):
            visit(child, [name for name in hits if name.startswith(child)])

    visit("", names)
    parts.sort(key=lambda part: -part.estimate)
    return parts

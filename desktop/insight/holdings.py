"""Each user's licenses as one of the tenant's few distinct combinations, found in one pass.

A 100,000-user tenant holds a handful of distinct combinations of licenses, and what findings
and department sums need from a user's licenses (packages in tenant order, what they cost, which
package covers another) depends on the combination alone. Findings and the sums both walk every
user; with ``Holdings`` each works per combination and, per user, only looks a number up.

A combination is a tuple of the very same ``AssignedLicense`` objects: the Graph parser shares
identical license entries between users, so telling them apart by identity is one cheap pass.
Equal entries that are not shared (records built by hand) only make more combinations, each
worked out the same way, so every answer stays the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.graph.records import AssignedLicense, User


@dataclass(frozen=True, slots=True)
class Holdings:
    combinations: list[tuple[AssignedLicense, ...]]  # distinct; the first holder's tuple
    of_user: list[int]  # per user, in the given order: the index of their combination

    @classmethod
    def of(cls, users: Sequence[User]) -> Holdings:
        combinations: list[tuple[AssignedLicense, ...]] = []
        of_user: list[int] = []
        # Keyed by the entries' ids (valid: ``users`` keeps the entries alive); most users hold
        # one license, whose id alone is the key: a third cheaper than a tuple of one.
        numbered: dict[int | tuple[int, ...], int] = {}
        for user in users:
            licenses = user.assigned_licenses
            key = id(licenses[0]) if len(licenses) == 1 else tuple(map(id, licenses))
            number = numbered.get(key)
            if number is None:
                number = numbered[key] = len(combinations)
                combinations.append(licenses)
            of_user.append(number)
        return cls(combinations, of_user)


def holdings_for(users: Sequence[User], given: Holdings | None) -> Holdings:
    """``given`` when the caller worked them out already for these users, else worked out now."""
    if given is None:
        return Holdings.of(users)
    if len(given.of_user) != len(users):
        raise ValueError("holdings worked out for other users")
    return given

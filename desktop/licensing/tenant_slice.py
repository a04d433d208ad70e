"""The slice of the tenant a check looks at, read just before it runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.graph.groups import GroupMember, LicensedGroup
from desktop.graph.records import Sku, User


@dataclass(frozen=True)
class GroupMembers:
    """A group's members as read for the check of a change to its licenses."""

    users: tuple[User, ...]
    nested: tuple[GroupMember, ...]  # member groups: their own members get nothing


@dataclass(frozen=True)
class TenantSlice:
    """What the check needs to know, read just before it runs.

    ``users`` maps each plan key (lower-cased id or UPN) to the user, or None when no such user
    exists (for a create: the UPN is free).
    """

    skus: Mapping[str, Sku]
    users: Mapping[str, User | None]
    group_names: Mapping[str, str] = field(default_factory=dict)
    # The groups a plan's memberships name, by lower-case id (None: no such group).
    groups: Mapping[str, LicensedGroup | None] = field(default_factory=dict)
    # For changes to groups' own licenses: each group's members, by lower-case group id.
    members: Mapping[str, GroupMembers] = field(default_factory=dict)

    def user(self, key: str) -> User | None:
        return self.users.get(key.strip().lower())

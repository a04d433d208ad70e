"""What a change to a group's licenses would do to its members, worked out before sending.

Group licensing reports problems late, on each member (docs/graph-facts.md, "Groups and
group-based licensing"); this module finds them early from the members as read now: who would
newly take a seat (and whether the package has that many free), who would lose a license and
whose mailbox goes with it, members without a usage location (they get the tenant's), nested
groups (their own members get nothing), and direct assignments the group already covers.
Plain functions over records; the planner and the check of group plans build on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.graph.groups import GroupMember, LicensedGroup
from desktop.graph.records import AssignedLicense, Sku, User
from desktop.licensing.state import has_mailbox
from desktop.licensing.types import SeatNeed


@dataclass(frozen=True, slots=True)
class GroupImpact:
    newly_seated: Mapping[str, tuple[str, ...]]  # sku id -> members who would take a seat
    seats: tuple[SeatNeed, ...]  # one per added package
    losing: Mapping[str, tuple[str, ...]]  # sku id -> members who would lose the license
    mailboxes_lost: tuple[str, ...]  # members whose last mailbox would go
    without_location: tuple[str, ...]  # members with no usage location (the tenant's is used)
    nested_groups: tuple[GroupMember, ...]  # members that are groups: they pass nothing on
    covered_directs: tuple[tuple[str, str], ...]  # (member, sku): direct copy the group covers

    @property
    def short_of_seats(self) -> tuple[SeatNeed, ...]:
        return tuple(s for s in self.seats if s.short)

    @property
    def losing_count(self) -> int:
        return len({uid for users in self.losing.values() for uid in users})


def _active_sources(user: User, sku_id: str) -> list[str | None]:
    """Where the user holds ``sku_id`` actively from: None for direct, else the group id."""
    return list(user.sources_of(sku_id, active_only=True))


def _covers(group_grant: AssignedLicense, direct: AssignedLicense) -> bool:
    """The group's assignment turns on at least every app the direct one does."""
    return set(group_grant.disabled_plans) <= set(direct.disabled_plans)


def group_impact(
    group: LicensedGroup,
    members: Sequence[User],
    member_groups: Sequence[GroupMember],
    skus: Mapping[str, Sku],
    *,
    add: Sequence[AssignedLicense] = (),
    remove: Sequence[str] = (),
) -> GroupImpact:
    newly: dict[str, tuple[str, ...]] = {}
    seats: list[SeatNeed] = []
    for lic in add:
        if lic.sku_id in group.sku_ids:
            continue  # only its apps change: nobody takes a new seat
        takers = tuple(m.id for m in members if not _active_sources(m, lic.sku_id))
        newly[lic.sku_id] = takers
        sku = skus.get(lic.sku_id)
        seats.append(SeatNeed(lic.sku_id, len(takers), sku.free if sku else 0))

    losing: dict[str, tuple[str, ...]] = {}
    mailboxes: list[str] = []
    removed = set(remove)
    for sku_id in remove:
        losing[sku_id] = tuple(
            m.id for m in members if set(_active_sources(m, sku_id)) == {group.id}
        )
    for member in members:
        if not any(member.id in users for users in losing.values()):
            continue
        after = [
            AssignedLicense(s.sku_id, s.disabled_plans)
            for s in member.license_assignment_states
            if not s.has_error and not (s.given_by(group.id) and s.sku_id in removed)
        ]
        if has_mailbox(member.holdings, skus) and not has_mailbox(after, skus):
            mailboxes.append(member.id)

    grants = {lic.sku_id: lic for lic in group.assigned_licenses if lic.sku_id not in removed}
    grants.update({lic.sku_id: lic for lic in add})
    covered = tuple(
        (member.id, direct.sku_id)
        for member in members
        for direct in member.direct_licenses
        if direct.sku_id in grants and _covers(grants[direct.sku_id], direct)
    )
    return GroupImpact(
        newly_seated=newly,
        seats=tuple(seats),
        losing=losing,
        mailboxes_lost=tuple(mailboxes),
        without_location=tuple(m.id for m in members if not m.usage_location),
        nested_groups=tuple(g for g in member_groups if g.is_group),
        covered_directs=covered,
    )

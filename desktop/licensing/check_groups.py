"""The check's part for groups: memberships (what a user gains or loses through a group),
a group's own licenses (what the change does to its members), and removing direct copies a group
covers. Mixed into the check's ``_Checker`` (``check.py``), whose recording and license checks
it uses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import AssignedLicense, Sku, User
from desktop.licensing.covered import group_copy_covers
from desktop.licensing.group_holder import group_of_holder
from desktop.licensing.group_impact import group_impact
from desktop.licensing.plan_rules import grant_error
from desktop.licensing.state import is_empty, is_member
from desktop.licensing.tenant_slice import GroupMembers, TenantSlice
from desktop.licensing.types import GroupRef, PlanKind, ProblemKind, Severity, UserChange


@dataclass
class Tally:
    """Seats gained and freed per SKU by the changes that will be sent."""

    gained: Counter[str] = field(default_factory=Counter)
    freed: Counter[str] = field(default_factory=Counter)


class GroupChecks:
    """Needs the check's view, packages, tally and recording (``_Checker`` provides them)."""

    view: TenantSlice
    skus: Mapping[str, Sku]
    tally: Tally
    kind: PlanKind | None

    def problem(
        self, kind: ProblemKind, severity: Severity, user: str | None, **details: object
    ) -> None:
        raise NotImplementedError

    def blocking(self, key: str) -> bool:
        raise NotImplementedError

    def removals(self, key: str, change: UserChange, user: User, added: set[str]) -> list[str]:
        raise NotImplementedError

    def additions(self, key: str, change: UserChange, user: User) -> list[AssignedLicense]:
        raise NotImplementedError

    def covered(self, key: str, user: User, sku_id: str) -> bool:
        """Whether the direct copy of ``sku_id`` may go with no moment without the license: a
        group's copy is active for the user and turns on every app the direct one does."""
        direct = user.direct_license(sku_id)
        if direct is None:
            self.problem(ProblemKind.ALREADY_LACKS, Severity.SKIP, key, sku_id=sku_id)
            return False
        if group_copy_covers(user, sku_id):
            return True
        copies = [
            s
            for s in user.license_assignment_states
            if s.assigned_by_group is not None and s.sku_id == sku_id
        ]
        groups = [s.assigned_by_group or "" for s in copies]
        self.problem(
            ProblemKind.NOT_COVERED,
            Severity.SKIP,
            key,
            sku_id=sku_id,
            group_names=[self.view.group_names.get(g, g) for g in groups],
        )
        return False

    # -- memberships ------------------------------------------------------------------------
    def _group(self, key: str, ref: GroupRef) -> GroupRef | None:
        """The group as read now (named as it is called now), or None when there is no such
        group (reported)."""
        group = self.view.groups.get(ref.id.lower())
        if group is not None:
            return GroupRef(ref.id, group.display_name or ref.name)
        self.problem(
            ProblemKind.UNKNOWN_GROUP, Severity.BLOCKING, key, group_id=ref.id, group_name=ref.name
        )
        return None

    def joins(self, key: str, groups: tuple[GroupRef, ...], user: User) -> list[GroupRef]:
        """The groups to join, without those the user is in already (a skip)."""
        return self._memberships(key, groups, user, True, ProblemKind.ALREADY_MEMBER)

    def leaves(self, key: str, groups: tuple[GroupRef, ...], user: User) -> list[GroupRef]:
        """The groups to leave, without those the user is not in (a skip)."""
        return self._memberships(key, groups, user, False, ProblemKind.NOT_A_MEMBER)

    def _memberships(
        self,
        key: str,
        groups: tuple[GroupRef, ...],
        user: User,
        as_asked: bool,
        skip: ProblemKind,
    ) -> list[GroupRef]:
        """``groups`` that exist and whose membership is not already ``as_asked``."""
        kept: list[GroupRef] = []
        for asked in groups:
            ref = self._group(key, asked)
            if ref is None:
                continue
            if is_member(user, ref.id) is as_asked:
                self.problem(skip, Severity.SKIP, key, group_id=ref.id, group_name=ref.name)
                continue
            kept.append(ref)
        return kept

    def group_effects(self, key: str, user: User, change: UserChange) -> list[str]:
        """What the user gains through the groups joined and loses with the groups left (said
        as warnings, counted for seats); the packages lost."""
        for ref in change.join_groups:
            group = self.view.groups[ref.id.lower()]
            assert group is not None  # joins() kept only groups that exist
            gained = [
                lic.sku_id
                for lic in group.assigned_licenses
                if not user.sources_of(lic.sku_id, active_only=True)
            ]
            for sku_id in gained:
                if sku_id in self.skus:
                    self.tally.gained[sku_id] += 1
            self.plans_conflicts(key, group.id, ref.name, group.assigned_licenses, [user])
            if gained:
                self.problem(
                    ProblemKind.GAINS_THROUGH_GROUP,
                    Severity.WARNING,
                    key,
                    sku_ids=gained,
                    group_id=ref.id,
                    group_name=ref.name,
                )
        lost_all: list[str] = []
        for ref in change.leave_groups:
            from_group = [
                s.sku_id
                for s in user.license_assignment_states
                if s.given_by(ref.id) and not s.has_error
            ]
            lost = [
                sku_id
                for sku_id in dict.fromkeys(from_group)
                if sku_id not in lost_all and not _kept_by_other_source(user, change, sku_id)
            ]
            for sku_id in lost:
                self.tally.freed[sku_id] += 1
            lost_all += lost
            if lost:
                self.problem(
                    ProblemKind.LOSES_THROUGH_GROUP,
                    Severity.WARNING,
                    key,
                    sku_ids=lost,
                    group_id=ref.id,
                    group_name=ref.name,
                )
        return lost_all

    # -- a group's own licenses ---------------------------------------------------------------
    def check_group(self, change: UserChange, holder: User | None) -> UserChange | None:
        """A change to a group's licenses: the packages as for a user, then what it does to the
        members (``group_impact``): seats for those who newly take one, who loses what and how
        many mailboxes, members without a usage location, nested groups, plan conflicts."""
        key = change.user
        if holder is None:
            self.problem(ProblemKind.UNKNOWN_GROUP, Severity.BLOCKING, key, group_id=key)
            return None
        added = {lic.sku_id for lic in change.add}
        removes = self.removals(key, change, holder, added)
        adds = self.additions(key, change, holder)
        if self.blocking(key):
            return None
        effective = replace(change, add=tuple(adds), remove=tuple(removes))
        if is_empty(effective):
            self.problem(ProblemKind.NOTHING_TO_DO, Severity.SKIP, key)
            return None
        members = self.view.members.get(key.strip().lower())
        if members is not None:
            self.members_effects(key, group_of_holder(holder), members, effective)
        return effective

    def members_effects(
        self, key: str, group: LicensedGroup, members: GroupMembers, change: UserChange
    ) -> None:
        impact = group_impact(
            group, members.users, members.nested, self.skus, add=change.add, remove=change.remove
        )
        for need in impact.seats:
            self.tally.gained[need.sku_id] += need.needed
        for sku_id, losing in impact.losing.items():
            self.tally.freed[sku_id] += len(losing)
        if impact.losing_count:
            self.problem(
                ProblemKind.MEMBERS_LOSE,
                Severity.WARNING,
                key,
                sku_ids=[s for s, users in impact.losing.items() if users],
                count=impact.losing_count,
                mailboxes=len(impact.mailboxes_lost),
            )
        newly = {uid for takers in impact.newly_seated.values() for uid in takers}
        unplaced = [uid for uid in impact.without_location if uid in newly]
        if unplaced:
            self.problem(
                ProblemKind.MEMBERS_TAKE_TENANT_LOCATION, Severity.WARNING, key, count=len(unplaced)
            )
        if impact.nested_groups and change.add:
            self.problem(
                ProblemKind.NESTED_GROUPS_GET_NOTHING,
                Severity.WARNING,
                key,
                group_names=[g.display_name or g.id for g in impact.nested_groups],
            )
        self.plans_conflicts(key, group.id, group.display_name, change.add, members.users)

    def plans_conflicts(
        self,
        key: str,
        group_id: str,
        group_name: str,
        licenses: Sequence[AssignedLicense],
        users: Sequence[User],
    ) -> None:
        """Users who would get a license from the group in error (it turns on a plan that
        conflicts with one of theirs, or needs one they lack): counted per package and reason."""
        for lic in licenses:
            failing: Counter[str] = Counter()
            for member in users:
                error = grant_error(lic, _other_active(member, group_id, lic.sku_id), self.skus)
                if error is not None:
                    failing[error] += 1
            for error, count in sorted(failing.items()):
                self.problem(
                    ProblemKind.PLANS_CONFLICT,
                    Severity.WARNING,
                    key,
                    sku_id=lic.sku_id,
                    error=error,
                    count=count,
                    group_name=group_name,
                )


def _other_active(user: User, group_id: str, sku_id: str) -> list[AssignedLicense]:
    """The user's active licenses from every source but ``group_id``'s ``sku_id``."""
    if not user.license_assignment_states:
        return list(user.assigned_licenses)
    return [
        AssignedLicense(s.sku_id, s.disabled_plans)
        for s in user.license_assignment_states
        if not s.has_error and not (s.given_by(group_id) and s.sku_id == sku_id)
    ]


def _kept_by_other_source(user: User, change: UserChange, sku_id: str) -> bool:
    """Whether ``user`` keeps ``sku_id`` after ``change``: added, or held (active) directly or
    from a group the change does not take away."""
    if any(lic.sku_id == sku_id for lic in change.add):
        return True
    leaving = {g.id.lower() for g in change.leave_groups}
    for source in user.sources_of(sku_id, active_only=True):
        if source is None and sku_id not in change.remove:
            return True
        if source is not None and source.lower() not in leaving:
            return True
    return False

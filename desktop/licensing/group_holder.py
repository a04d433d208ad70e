"""A group as the holder of licenses, so a change to a group's own licenses takes the road of
every change (check, journal, apply in $batch, lost answers re-read, resume, undo).

A group's ``assignedLicenses`` are its own direct licenses: held as a ``User`` record with no
``licenseAssignmentStates`` (so ``direct_licenses`` are exactly the group's), named by the
group's display name. ``UserChange.on_group`` says a change's key names a group.
"""

from __future__ import annotations

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import User


def holder_of(group: LicensedGroup) -> User:
    return User(
        id=group.id,
        display_name=group.display_name,
        user_principal_name=group.display_name,
        assigned_licenses=group.assigned_licenses,
    )


def group_of_holder(holder: User) -> LicensedGroup:
    return LicensedGroup(holder.id, holder.display_name, holder.assigned_licenses)

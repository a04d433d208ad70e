"""Removing a license that comes from a group: the user leaves the group(s) that give it.

Graph refuses to remove an inherited license from the user (``check.py`` says so, blocking);
off-boarding a leaver must still free it. This turns each such removal of a plan into leaving
the granting groups (and removing the direct copy too, when the user also holds one). The check
then says what else leaving takes away (``LOSES_THROUGH_GROUP``), and undo rejoins the groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from desktop.graph.client import GraphClient
from desktop.graph.records import User
from desktop.licensing.reader import read_users
from desktop.licensing.types import GroupRef, Plan, UserChange


def leave_instead(change: UserChange, user: User, names: Mapping[str, str]) -> UserChange:
    """``change`` with each inherited license it removes taken away by leaving its groups."""
    direct: list[str] = []
    leaving = {g.id.lower(): g for g in change.leave_groups}
    for sku_id in change.remove:
        groups = user.groups_granting(sku_id)
        if user.direct_license(sku_id) is not None or not groups:
            direct.append(sku_id)  # the check says what it says of a license not held at all
        for group_id in groups:
            leaving.setdefault(group_id.lower(), GroupRef(group_id, names.get(group_id, group_id)))
    return replace(change, remove=tuple(direct), leave_groups=tuple(leaving.values()))


def through_groups(client: GraphClient, plan: Plan) -> Plan:
    """``plan`` with the removals of inherited licenses made by leaving the granting groups
    (the users and group names read now)."""
    removing = [c for c in plan.changes if c.remove]
    if not removing:
        return plan
    users = read_users(client, [c.user for c in removing])
    granting = {
        g
        for c in removing
        if (user := users.get(c.user.strip().lower())) is not None
        for s in c.remove
        for g in user.groups_granting(s)
    }
    names = client.group_names(sorted(granting)) if granting else {}
    changes = []
    for change in plan.changes:
        user = users.get(change.user.strip().lower()) if change.remove else None
        changes.append(leave_instead(change, user, names) if user is not None else change)
    return replace(plan, changes=tuple(changes))

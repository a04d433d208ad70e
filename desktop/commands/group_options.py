"""Naming a group on the command line: by id, or by display name among the licensed groups
(the groups the app lists). Shared by ``reprocess --group``, ``group-members`` and
``group-assign``."""

from __future__ import annotations

import re

from desktop.commands.changes import UsageError
from desktop.graph.client import GraphClient
from desktop.graph.errors import GraphError
from desktop.graph.groups import LicensedGroup, get_licensed_group, list_licensed_groups
from desktop.licensing.types import GroupRef

_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
NOT_FOUND = 404


def group_of(client: GraphClient, name_or_id: str) -> LicensedGroup:
    """The group (with its licenses) named by its id or its display name."""
    wanted = name_or_id.strip()
    if _GUID.fullmatch(wanted):
        try:
            return get_licensed_group(client, wanted)
        except GraphError as exc:
            if exc.status == NOT_FOUND:
                raise UsageError(f"No group has the id {wanted}: check it.") from None
            raise
    named = [
        g for g in list_licensed_groups(client) if g.display_name.casefold() == wanted.casefold()
    ]
    if not named:
        raise UsageError(
            f"No licensed group is named '{wanted}'. See `license-desk groups`, or give its id."
        )
    if len(named) > 1:
        ids = ", ".join(g.id for g in named)
        raise UsageError(f"Several groups are named '{wanted}' ({ids}): give the id of one.")
    return named[0]


def group_ref(group: LicensedGroup) -> GroupRef:
    return GroupRef(group.id, group.display_name)

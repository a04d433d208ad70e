"""Following a group's license change to its members: Graph answers the group's assignLicense
at once and processes the members in the background (docs/graph-facts.md, "Groups and
group-based licensing"). This polls the members, at growing intervals and within a deadline,
until each shows the group's new state (or an error saying why not) — never a fixed sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from desktop.graph.groups import group_members
from desktop.graph.records import User
from desktop.licensing.reader import read_plan_users
from desktop.licensing.state import same_plans
from desktop.licensing.types import UserChange

FIRST_POLL_SECONDS = 0.5
LONGEST_POLL_SECONDS = 5.0
DEFAULT_DEADLINE_SECONDS = 300.0  # Microsoft: usually minutes; the run is done either way

# sku id -> the disabled plans members should show from the group, or None: no longer given.
Target = Mapping[str, tuple[str, ...] | None]


@dataclass(frozen=True, slots=True)
class Propagation:
    members: int  # user members of the group (nested groups pass nothing on)
    processed: int  # members showing the group's new state, in error or not
    in_error: int  # of those, members whose license from the group is in error
    polls: int
    finished: bool  # every member processed before the deadline

    @property
    def waiting(self) -> int:
        return self.members - self.processed


ProgressCallback = Callable[[Propagation], None]


def target_of(change: UserChange) -> dict[str, tuple[str, ...] | None]:
    """What members should show once a group change ``change`` has reached them."""
    target: dict[str, tuple[str, ...] | None] = {s: None for s in change.remove}
    target.update({lic.sku_id: lic.disabled_plans for lic in change.add})
    return target


def processed(user: User, group_id: str, target: Target) -> bool:
    for sku_id, plans in target.items():
        states = [
            s for s in user.license_assignment_states if s.sku_id == sku_id and s.given_by(group_id)
        ]
        if plans is None and states:
            return False
        if plans is not None and not any(same_plans(s.disabled_plans, plans) for s in states):
            return False
    return True


def in_error(user: User, group_id: str, target: Target) -> bool:
    return any(
        s.has_error
        for s in user.license_assignment_states
        if s.sku_id in target and s.given_by(group_id)
    )


def wait_for_members(
    client: GraphClient,
    group_id: str,
    target: Target,
    *,
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    members: Sequence[str] | None = None,
) -> Propagation:
    """Poll the group's members until each shows ``target`` from the group, or the deadline
    passes, or ``cancel``. Only members still waiting are read again."""
    ids = (
        list(members)
        if members is not None
        else [m.id for m in group_members(client, group_id) if not m.is_group]
    )
    deadline = clock() + deadline_seconds
    waiting = set(ids)
    errors: set[str] = set()
    interval = FIRST_POLL_SECONDS
    polls = 0
    while True:
        polls += 1
        found = read_plan_users(client, sorted(waiting), cancel=cancel) if waiting else {}
        for uid in list(waiting):
            user = found.get(uid.lower())
            if user is None:  # gone, or left the group meanwhile: nothing to wait for
                waiting.discard(uid)
            elif processed(user, group_id, target):
                waiting.discard(uid)
                if in_error(user, group_id, target):
                    errors.add(uid)
        report = Propagation(len(ids), len(ids) - len(waiting), len(errors), polls, not waiting)
        if progress is not None:
            progress(report)
        left = deadline - clock()
        if not waiting or left <= 0 or (cancel is not None and cancel.cancelled):
            return report
        sleep(min(interval, left))
        interval = min(interval * 2, LONGEST_POLL_SECONDS)

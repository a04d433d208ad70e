"""Following a group change to its members: polls at growing intervals within the deadline (a
fake clock, so the test never waits), reads only members still waiting, and says honestly when
the deadline passed before Microsoft (here the demo tenant) processed everyone."""

from __future__ import annotations

from desktop.graph.groups import list_licensed_groups
from desktop.graph.records import AssignedLicense
from desktop.licensing.builders import group_license_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.propagation import (
    FIRST_POLL_SECONDS,
    LONGEST_POLL_SECONDS,
    Propagation,
    target_of,
    wait_for_members,
)
from tests.demo_tenant import DemoTenantForTests

E3_GROUP = "Licencje – Office 365 E3 (Zarząd)"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_members_not_processed_by_the_deadline_are_reported_waiting(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    demo_tenant.group_processing.delay = 3600.0  # Microsoft is slow today
    group = next(g for g in list_licensed_groups(controller.client) if g.display_name == E3_GROUP)
    flow = demo_tenant.sku_id("FLOW_FREE")
    checked = controller.check(group_license_plan(group, [AssignedLicense(flow)]))
    controller.apply(checked)
    clock = FakeClock()
    seen: list[Propagation] = []

    result = wait_for_members(
        controller.client,
        group.id,
        target_of(checked.effective.changes[0]),
        deadline_seconds=20.0,
        clock=clock,
        sleep=clock.sleep,
        progress=seen.append,
    )

    assert not result.finished and result.processed == 0 and result.waiting == result.members > 0
    assert sum(clock.slept) == 20.0  # never past the deadline
    assert clock.slept[:4] == [FIRST_POLL_SECONDS, 1.0, 2.0, 4.0]
    assert max(clock.slept) <= LONGEST_POLL_SECONDS
    assert len(seen) == result.polls == len(clock.slept) + 1


def test_a_processed_group_ends_the_wait_at_the_first_poll(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    demo_tenant.group_processing.delay = 0.0
    group = next(g for g in list_licensed_groups(controller.client) if g.display_name == E3_GROUP)
    flow = demo_tenant.sku_id("FLOW_FREE")
    checked = controller.check(group_license_plan(group, [AssignedLicense(flow)]))
    controller.apply(checked)
    demo_tenant.group_processing.process_group(
        int(demo_tenant.store.group(group.id).rowid)  # type: ignore[union-attr]
    )
    clock = FakeClock()

    result = wait_for_members(
        controller.client,
        group.id,
        target_of(checked.effective.changes[0]),
        clock=clock,
        sleep=clock.sleep,
    )

    assert result.finished and result.polls == 1 and clock.slept == []

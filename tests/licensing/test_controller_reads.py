"""What the window reads through the controller: the tenant, pages as they come, fresh users."""

from __future__ import annotations

from desktop.demo import DemoTenant
from desktop.graph.records import User
from desktop.licensing.controller import LicenseController


def test_load_tenant_streams_pages_and_names_licensing_groups(
    demo_tenant: DemoTenant, controller: LicenseController
) -> None:
    pages: list[list[User]] = []
    snapshot = controller.load_tenant(on_users_page=pages.append)
    assert len(snapshot.users) == 60 == sum(len(p) for p in pages)
    assert {s.sku_part_number for s in snapshot.skus} >= {"FLOW_FREE", "ENTERPRISEPACK"}
    granted = {s.assigned_by_group for u in snapshot.users for s in u.license_assignment_states} - {
        None
    }
    assert set(snapshot.groups) == granted and len(granted) == 2
    assert all(g.display_name and g.display_name != g.id for g in snapshot.groups.values())
    assert controller.organization().display_name


def test_refresh_users_keeps_order_and_drops_unknown(controller: LicenseController) -> None:
    users = controller.load_tenant().users
    wanted = [users[5].user_principal_name, "ghost@nowhere.pl", users[2].id]
    fresh = controller.refresh_users(wanted)
    assert [u.id for u in fresh] == [users[5].id, users[2].id]

"""The window's demo for partners (``license-desk --demo-tenants N``): the multi-tenant demo in
this process, opened as the partner. Its tenants live in memory, so the window gives it a data
folder of its own that nothing else uses (journals and settings of a demo never mix with a real
tenant's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.graph.tokens import StaticToken
from desktop.open_tenant import OpenTenant, open_graph

if TYPE_CHECKING:
    from desktop.demo.multi_tenant import DemoTenants

Opener = Callable[[Path], OpenTenant]


def start_partner_demo(customers: int) -> tuple[DemoTenants, Opener]:
    """The running demo (stop it when the window closes) and how to open it as the partner."""
    from desktop.demo.multi_tenant import DemoTenants

    demo = DemoTenants.start(customers)
    partner = demo.partner.tenant_id

    def open_partner(data_dir: Path) -> OpenTenant:
        token = StaticToken(demo.token_for(partner))
        label = demo.display_name(partner)
        return open_graph(demo.base_url, token, data_dir, label, tenant_id=partner)

    return demo, open_partner

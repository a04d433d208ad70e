"""Reaching the multi-tenant demo as its partner, as the CLI and the window do."""

from __future__ import annotations

from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.tenants.connection import Reach, reach_tenants


def partner_reach(demo: DemoTenants) -> Reach:
    home = GraphClient(demo.base_url, StaticToken(demo.token_for(demo.partner.tenant_id)))
    try:
        return reach_tenants(home)
    finally:
        home.close()

"""Every tenant a connection reaches: its registry, a token per tenant, a client per tenant.

reach = reach_tenants(home_client)         # discovers the customers (one listing)
client = reach.client_for(reach.registry.find("Piekarnia"))
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.auth import scopes as graph_scopes
from desktop.graph.client import GraphClient
from desktop.tenants.records import KnownTenant
from desktop.tenants.registry import TenantRegistry, discover
from desktop.tenants.tokens import TenantTokens, tenant_tokens


@dataclass(frozen=True, slots=True)
class Reach:
    base_url: str
    tokens: TenantTokens
    registry: TenantRegistry

    def client_for(self, tenant: KnownTenant) -> GraphClient:
        return GraphClient(self.base_url, self.tokens.for_tenant(tenant.tenant_id))


def partner_scopes() -> tuple[str, ...]:
    """What the overview and the audit read: insight's reads in each tenant, and the partner's
    list of customers (docs/graph-facts.md, "Partners (GDAP) and many tenants")."""
    return graph_scopes.normalise(graph_scopes.PARTNER)


def reach_tenants(home: GraphClient) -> Reach:
    registry = discover(home)
    home_id = registry.home.tenant_id if registry.home else ""
    return Reach(home.base_url, tenant_tokens(home, home_id), registry)


def switch_tenant(home: GraphClient, chosen: str) -> GraphClient:
    """A client for the tenant ``chosen`` names among those ``home`` reaches (``--tenant``).
    ``TenantNotFoundError`` for a name no tenant has; the token is asked for at once, so no
    access (``TenantAccessError``) is said before anything else happens."""
    reach = reach_tenants(home)
    tenant = reach.registry.find(chosen)
    client = reach.client_for(tenant)
    try:
        client.tokens.token()
    except BaseException:
        client.close()
        raise
    return client

"""A partner's customers, from ``GET /tenantRelationships/delegatedAdminCustomers``.

Each customer's ``tenantId`` and ``displayName``; pages of up to 300 (docs/graph-facts.md,
"Partners (GDAP) and many tenants"). An account that may not read relationships, or a tenant
that is nobody's partner, simply has no customers: the answer says why in ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.graph.client import GraphClient
from desktop.graph.errors import GraphError
from desktop.tenants.records import KnownTenant, TenantKind

CUSTOMERS_PATH = "/tenantRelationships/delegatedAdminCustomers?$top=300"


@dataclass(frozen=True, slots=True)
class Customers:
    tenants: list[KnownTenant]
    note: str = ""  # why the list is empty when it could not be read


def list_customers(client: GraphClient) -> Customers:
    found: dict[str, KnownTenant] = {}
    try:
        for items in client.pages(CUSTOMERS_PATH, what="customers"):
            for item in items:
                if not isinstance(item, dict):
                    continue
                tenant_id = str(item.get("tenantId") or item.get("id") or "")
                if tenant_id and tenant_id not in found:
                    name = str(item.get("displayName") or "")
                    found[tenant_id] = KnownTenant(tenant_id, name, TenantKind.CUSTOMER)
    except GraphError as error:
        return Customers([], f"Customers could not be listed: {error.message}")
    return Customers(sorted(found.values(), key=lambda t: t.label.lower()))

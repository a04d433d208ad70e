"""The tenant registry: the signed-in tenant(s) and the customers each reaches, found by id or
name, remembered between runs (so the window knows at start that there are several).

    registry = discover(client)             # home tenant + its customers (one listing)
    registry.find("Piekarnia")              # by id, exact name, or a unique part of a name
    save_registry(registry, data_dir); load_registry(data_dir)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.graph.client import GraphClient
from desktop.insight.storage import write_private
from desktop.tenants.discovery import list_customers
from desktop.tenants.errors import TenantNotFoundError
from desktop.tenants.records import KnownTenant, TenantKind

REGISTRY_FILE = "tenants.json"


@dataclass(frozen=True, slots=True)
class TenantRegistry:
    tenants: tuple[KnownTenant, ...]
    note: str = ""  # why no customers are listed, when they could not be read
    home_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def home(self) -> KnownTenant | None:
        return next((t for t in self.tenants if t.kind is TenantKind.HOME), None)

    def find(self, text: str) -> KnownTenant:
        """By tenant id, by whole name (any case), or by a part of one name only."""
        wanted = text.strip().lower()
        for tenant in self.tenants:
            if tenant.tenant_id.lower() == wanted:
                return tenant
        named = [t for t in self.tenants if t.display_name.lower() == wanted]
        if len(named) == 1:
            return named[0]
        partly = [t for t in self.tenants if wanted and wanted in t.display_name.lower()]
        if len(partly) == 1:
            return partly[0]
        names = ", ".join(f"{t.label} ({t.tenant_id})" for t in (partly or self.tenants))
        if len(partly) > 1:
            raise TenantNotFoundError(f"'{text}' names several tenants: {names}. Give its id.")
        raise TenantNotFoundError(f"No tenant called '{text}'. Known tenants: {names}.")

    def choose(self, texts: list[str]) -> list[KnownTenant]:
        """The tenants named (in the order given, each once); every tenant when empty."""
        if not texts:
            return list(self.tenants)
        chosen: list[KnownTenant] = []
        for text in texts:
            tenant = self.find(text)
            if tenant not in chosen:
                chosen.append(tenant)
        return chosen


def discover(client: GraphClient) -> TenantRegistry:
    """The connection's own tenant and, for a partner, its customers."""
    org = client.get_organization()
    home = KnownTenant(org.id, org.display_name, TenantKind.HOME)
    customers = list_customers(client)
    others = tuple(t for t in customers.tenants if t.tenant_id != home.tenant_id)
    return TenantRegistry((home, *others), customers.note, frozenset({home.tenant_id}))


def save_registry(registry: TenantRegistry, data_dir: Path) -> Path:
    path = data_dir / REGISTRY_FILE
    body = [
        {"tenantId": t.tenant_id, "displayName": t.display_name, "kind": t.kind.value}
        for t in registry.tenants
    ]
    write_private(path, json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    return path


def load_registry(data_dir: Path) -> TenantRegistry:
    """What the last discovery found; empty when nothing was saved or the file is unreadable
    (it is only a memory: the next discovery writes it again)."""
    try:
        raw = json.loads((data_dir / REGISTRY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return TenantRegistry(())
    tenants: list[KnownTenant] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not item.get("tenantId"):
            continue
        kind = TenantKind.HOME if item.get("kind") == TenantKind.HOME.value else TenantKind.CUSTOMER
        tenants.append(KnownTenant(str(item["tenantId"]), str(item.get("displayName", "")), kind))
    homes = frozenset(t.tenant_id for t in tenants if t.kind is TenantKind.HOME)
    return TenantRegistry(tuple(tenants), home_ids=homes)

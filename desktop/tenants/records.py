"""The tenants License Desk knows: the signed-in ones and the customers a partner reaches."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class TenantKind(Enum):
    HOME = "home"  # the tenant of the signed-in account (or of the --token)
    CUSTOMER = "customer"  # reached through the partner's delegated admin relationship


@dataclass(frozen=True, slots=True)
class KnownTenant:
    tenant_id: str
    display_name: str
    kind: TenantKind

    @property
    def label(self) -> str:
        return self.display_name or self.tenant_id

"""Errors of the tenants package; the text says what to do."""

from __future__ import annotations

from desktop.graph.errors import LicenseDeskError


class TenantAccessError(LicenseDeskError):
    """No token for a tenant: no consent, no relationship, or a connection that reaches one
    tenant only. The overview shows it on the tenant's row as "no access"."""


class TenantNotFoundError(LicenseDeskError):
    """``--tenant`` (or a chosen set) names no known tenant, or several."""

"""Which delegated scopes reading a tenant for insight needs: the engine's knowledge, handed to
sign-in as a plain list (``desktop.auth.write_access.ensure_access``), as for changes
(``desktop.licensing.needed_scopes``).

Sign-in activity needs AuditLog.Read.All, the usage report Reports.Read.All, the report settings
ReportSettings.Read.All, the subscriptions Organization.Read.All (docs/graph-facts.md,
"Permissions"). Browsing never asks for them; opening insight does (incremental consent).
"""

from __future__ import annotations

from desktop.auth import scopes as graph_scopes


def insight_scopes() -> tuple[str, ...]:
    """Everything ``read_snapshot`` reads: users, packages, groups and the insight reads."""
    return graph_scopes.normalise(graph_scopes.INSIGHT)

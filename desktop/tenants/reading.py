"""Reading one tenant for the overview and the audit: insight's snapshot, findings and sums,
with the tenant's own prices, keep marks and settings. One road for both, so a number in the
overview and the same number in the audit never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from desktop.insight.findings import Findings
from desktop.insight.records import TenantSnapshot
from desktop.insight.renewals import Renewal
from desktop.insight.report import build_report
from desktop.insight.snapshot import read_snapshot
from desktop.insight.summary import PackageSummary, Summary
from desktop.insight.tenant_data import tenant_data
from desktop.tenants.records import KnownTenant
from desktop.tenants.settings import TenantSettings, load_settings


@dataclass(frozen=True, slots=True)
class TenantReading:
    tenant: KnownTenant
    snapshot: TenantSnapshot
    findings: Findings
    summary: Summary
    settings: TenantSettings
    renewals: list[Renewal]

    @property
    def packages(self) -> list[PackageSummary]:
        """The summary's packages, without those the tenant's settings leave out."""
        return [p for p in self.summary.packages if not self.settings.excludes(p.part_number)]


def read_tenant(
    tenant: KnownTenant,
    client: GraphClient,
    *,
    root: Path | None = None,
    now: datetime | None = None,
    cancel: CancelToken | None = None,
) -> TenantReading:
    snapshot = read_snapshot(client, now=now, cancel=cancel)
    data = tenant_data(client, tenant.tenant_id, root)
    settings = load_settings(tenant.tenant_id, root)
    report = build_report(snapshot, data.prices, data.keep)  # insight's own road
    return TenantReading(
        tenant, snapshot, report.findings, report.summary, settings, report.renewals
    )

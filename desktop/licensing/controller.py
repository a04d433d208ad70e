"""LicenseController: the one object the window and the CLI drive. Plan -> check -> apply."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from desktop.graph.records import Organization, Sku, User
from desktop.licensing.types import (
    CheckedPlan,
    Plan,
    Progress,
    RunReport,
    RunSummary,
    TenantSnapshot,
)

ProgressCallback = Callable[[Progress], None]


class LicenseController:
    def __init__(self, client: GraphClient, journal_path: Path, *, max_in_flight: int = 4) -> None:
        raise NotImplementedError

    def load_tenant(
        self,
        *,
        on_users_page: Callable[[list[User]], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> TenantSnapshot:
        raise NotImplementedError

    def list_skus(self) -> list[Sku]:
        raise NotImplementedError

    def refresh_users(self, users: Sequence[str]) -> list[User]:
        raise NotImplementedError

    def organization(self) -> Organization:
        raise NotImplementedError

    def check(self, plan: Plan, *, default_usage_location: str | None = None) -> CheckedPlan:
        raise NotImplementedError

    def apply(
        self,
        checked: CheckedPlan,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        raise NotImplementedError

    def history(self) -> list[RunSummary]:
        raise NotImplementedError

    def interrupted_runs(self) -> list[RunSummary]:
        raise NotImplementedError

    def run_report(self, run_id: str) -> RunReport:
        raise NotImplementedError

    def resume(
        self,
        run_id: str,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        raise NotImplementedError

    def undo_plan(self, run_id: str) -> CheckedPlan:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

"""What the window is connected to: a license controller, and the demo server when it is the
demo tenant. Opening and closing block (server start, keyring), so callers use a worker."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.cancel import CancelToken
from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken, TokenProvider
from desktop.licensing.controller import LicenseController

log = logging.getLogger(__name__)

DEMO_DATABASE = "demo-tenant.sqlite3"
# The demo tenant keeps its own journal: undoing a demo run must never touch a real tenant.
DEMO_JOURNAL = "demo-journal.sqlite3"
DEMO_USERS = 60
DEMO_SEED = 1


class WriteAccess(Protocol):
    """Write permissions (delegated scopes) of a signed-in connection. Both block: workers."""

    def ensure(self, scopes: Sequence[str]) -> None:
        """A token carrying ``scopes`` from now on, silently; ``ConsentRequiredError`` when
        they still have to be granted."""
        ...

    def grant(self, scopes: Sequence[str], cancel: CancelToken) -> None:
        """Sign in again in the browser as the same account, asking for ``scopes``."""
        ...


@dataclass
class TenantConnection:
    controller: LicenseController
    account_label: str  # who is signed in, or "Demo tenant"
    demo: DemoTenant | None = None
    # None for the demo tenant and fixed tokens: nothing to ask for, Graph decides.
    write_access: WriteAccess | None = None

    @property
    def is_demo(self) -> bool:
        return self.demo is not None

    def close(self) -> None:
        try:
            self.controller.close()
        finally:
            if self.demo is not None:
                self.demo.stop()
                self.demo = None


def open_demo(data_dir: Path, *, users: int = DEMO_USERS, label: str = "") -> TenantConnection:
    """Start the demo tenant on 127.0.0.1 (seeded on first use, then kept in ``data_dir``)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    tenant = DemoTenant.start(users=users, seed=DEMO_SEED, db_path=str(data_dir / DEMO_DATABASE))
    try:
        return connect(
            tenant.base_url, StaticToken("demo"), data_dir / DEMO_JOURNAL, label, demo=tenant
        )
    except BaseException:
        tenant.stop()
        raise


def connect(
    base_url: str,
    tokens: TokenProvider,
    journal_path: Path,
    label: str,
    *,
    demo: DemoTenant | None = None,
    write_access: WriteAccess | None = None,
) -> TenantConnection:
    journal_path.parent.mkdir(parents=True, exist_ok=True)
    client = GraphClient(base_url, tokens)
    try:
        controller = LicenseController(client, journal_path)
    except BaseException:
        client.close()
        raise
    return TenantConnection(controller, label, demo, write_access)

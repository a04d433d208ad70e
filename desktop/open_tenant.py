"""Opening a tenant: the one way the command line and the window both use.

An ``OpenTenant`` holds what working on one tenant needs: the Graph client, the license
controller, the tenant's own journal (History, resume and undo never reach another tenant's
runs) and the data folder. Opening and closing block (server start, SQLite, the keyring for a
signed-in account), so the window calls these from a worker; nothing here imports Qt.

    opened = open_demo(app_data_dir())                 # the built-in demo tenant
    opened = open_graph(url, tokens, app_data_dir(), "ann@contoso.com", tenant_id=tid)
    opened.controller.check(plan) ... opened.close()
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken, TokenProvider
from desktop.licensing.controller import LicenseController
from desktop.paths import JOURNAL_FILE, tenant_journal_file
from desktop.private_files import make_private_dir
from desktop.snapshot.loader import TenantLoader
from desktop.snapshot.store import SnapshotStore

if TYPE_CHECKING:  # the demo server is imported only when the demo tenant is opened
    from desktop.demo.server import DemoTenant

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
class OpenTenant:
    controller: LicenseController
    account_label: str  # who is signed in, or "Demo tenant"
    data_dir: Path  # the app's data folder (desktop.paths.app_data_dir, or a test's)
    demo: DemoTenant | None = None
    # None for the demo tenant and fixed tokens: nothing to ask for, Graph decides.
    write_access: WriteAccess | None = None
    # What names the tenant's local snapshot (its id; a demo's address): None, no snapshot.
    snapshot_key: str | None = None
    _loader: TenantLoader | None = field(default=None, init=False, repr=False)

    @property
    def client(self) -> GraphClient:
        return self.controller.client

    @property
    def journal_path(self) -> Path:
        return self.controller.journal.path

    @property
    def is_demo(self) -> bool:
        return self.demo is not None

    def loader(self, *, use_snapshot: bool = True) -> TenantLoader:
        """How the tenant is read: through its local snapshot unless ``use_snapshot`` is
        False or the tenant has none (desktop/snapshot/loader.py)."""
        if not use_snapshot or not self.snapshot_key:
            return TenantLoader(self.controller, None)
        if self._loader is None:  # one per tenant: its saves run one after another
            self._loader = TenantLoader(
                self.controller, SnapshotStore(self.data_dir, self.snapshot_key)
            )
        return self._loader

    def close(self) -> None:
        try:
            try:
                if self._loader is not None:
                    self._loader.close()  # a save under way finishes first
            finally:
                self.controller.close()
        finally:
            if self.demo is not None:
                self.demo.stop()
                self.demo = None


def tenant_journal(data_dir: Path, tenant_id: str | None) -> Path:
    """The journal of one tenant in ``data_dir``: its own file for a signed-in tenant, the
    shared one when the tenant is not known (a fixed token for a Graph URL)."""
    return data_dir / (tenant_journal_file(tenant_id) if tenant_id else JOURNAL_FILE)


def open_tenant(
    client: GraphClient,
    data_dir: Path,
    label: str,
    *,
    tenant_id: str | None = None,
    journal_path: Path | None = None,
    demo: DemoTenant | None = None,
    write_access: WriteAccess | None = None,
) -> OpenTenant:
    """The controller over ``client`` with the tenant's journal: ``journal_path`` when given
    (``--journal``, the demo's own), else ``tenant_journal(data_dir, tenant_id)``. The client is
    closed if the journal cannot be opened."""
    journal = journal_path if journal_path is not None else tenant_journal(data_dir, tenant_id)
    try:
        make_private_dir(data_dir)  # also when an older version made it readable by all
        # The journal creates its folder; a known tenant id binds every plan checked here.
        controller = LicenseController(client, journal, tenant_id=tenant_id or "")
    except BaseException:
        client.close()
        raise
    return OpenTenant(
        controller, label, data_dir, demo, write_access, _snapshot_key(client, tenant_id)
    )


def _snapshot_key(client: GraphClient, tenant_id: str | None) -> str | None:
    """What names the tenant's snapshot: its id; for a demo tenant reached with a fixed token,
    its address and token (a multi-tenant demo serves each customer on one address, told apart
    by the token; the key is hashed before it names anything). A fixed token for Graph itself
    says nothing of which tenant it reaches: that connection keeps no snapshot."""
    if tenant_id:
        return tenant_id
    if urlsplit(client.base_url).hostname not in ("127.0.0.1", "localhost", "::1"):
        return None
    if isinstance(client.tokens, StaticToken):
        return f"{client.base_url} {client.tokens.token()}"
    return client.base_url


def open_graph(
    base_url: str,
    tokens: TokenProvider,
    data_dir: Path,
    label: str,
    *,
    tenant_id: str | None = None,
    journal_path: Path | None = None,
    demo: DemoTenant | None = None,
    write_access: WriteAccess | None = None,
) -> OpenTenant:
    """``open_tenant`` with a new client for ``base_url`` (a Graph version root)."""
    return open_tenant(
        GraphClient(base_url.rstrip("/"), tokens),
        data_dir,
        label,
        tenant_id=tenant_id,
        journal_path=journal_path,
        demo=demo,
        write_access=write_access,
    )


def open_demo(data_dir: Path, *, users: int = DEMO_USERS, label: str = "") -> OpenTenant:
    """Start the demo tenant on 127.0.0.1 (seeded on first use, then kept in ``data_dir``)."""
    from desktop.demo.server import DemoTenant

    make_private_dir(data_dir)
    tenant = DemoTenant.start(users=users, seed=DEMO_SEED, db_path=str(data_dir / DEMO_DATABASE))
    try:
        opened = open_graph(
            tenant.base_url,
            StaticToken("demo"),
            data_dir,
            label,
            journal_path=data_dir / DEMO_JOURNAL,
            demo=tenant,
        )
    except BaseException:
        tenant.stop()
        raise
    opened.snapshot_key = f"demo:{tenant.tenant_id}"  # its address changes on every start
    return opened

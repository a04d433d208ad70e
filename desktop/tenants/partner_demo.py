"""The window's demo for partners (``license-desk --demo-tenants N``): the multi-tenant demo in
this process, opened as the partner. Its tenants live in memory, so the window gives it a data
folder of its own that nothing else uses (journals and settings of a demo never mix with a real
tenant's); the folder goes when the demo ends, as the tenants do.

    with partner_demo(3) as demo:
        Startup(window, demo.folder, demo_opener=demo.open_partner)
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.graph.tokens import StaticToken
from desktop.open_tenant import OpenTenant, open_graph

if TYPE_CHECKING:
    from desktop.demo.multi_tenant import DemoTenants

Opener = Callable[[Path], OpenTenant]
FOLDER_PREFIX = "license-desk-partner-demo-"


@dataclass(frozen=True)
class PartnerDemo:
    tenants: DemoTenants
    folder: Path  # the throwaway data folder, removed when the demo ends

    def open_partner(self, data_dir: Path) -> OpenTenant:
        partner = self.tenants.partner.tenant_id
        token = StaticToken(self.tenants.token_for(partner))
        label = self.tenants.display_name(partner)
        return open_graph(self.tenants.base_url, token, data_dir, label, tenant_id=partner)


@contextmanager
def partner_demo(customers: int) -> Iterator[PartnerDemo]:
    """The running demo and its data folder; on leaving, the demo stops and the folder (the
    demo's journals, registry, settings) is deleted, however the window ended."""
    from desktop.demo.multi_tenant import DemoTenants

    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    try:
        with DemoTenants.start(customers) as tenants:
            yield PartnerDemo(tenants, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

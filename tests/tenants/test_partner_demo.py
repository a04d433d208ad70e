"""The window's demo for partners: the multi-tenant demo opened as the partner, whose
connection reaches every customer."""

from __future__ import annotations

from pathlib import Path

from desktop.tenants.connection import reach_tenants
from desktop.tenants.partner_demo import start_partner_demo


def test_the_partner_demo_opens_as_the_partner_and_reaches_its_customers(tmp_path: Path) -> None:
    demo, opener = start_partner_demo(3)
    try:
        opened = opener(tmp_path)
        try:
            assert not opened.is_demo  # a connection like a signed-in partner's: it is looked at
            assert opened.controller.tenant_id == demo.partner.tenant_id
            registry = reach_tenants(opened.client).registry
            assert len(registry.tenants) == 4
            assert opened.journal_path.parent == tmp_path
        finally:
            opened.close()
    finally:
        demo.stop()

"""The window's demo for partners: the multi-tenant demo opened as the partner, whose
connection reaches every customer, in a data folder that goes when the demo ends."""

from __future__ import annotations

import pytest
import requests

from desktop.tenants.connection import reach_tenants
from desktop.tenants.partner_demo import FOLDER_PREFIX, partner_demo


def test_the_partner_demo_opens_as_the_partner_and_reaches_its_customers() -> None:
    with partner_demo(3) as demo:
        opened = demo.open_partner(demo.folder)
        try:
            assert not opened.is_demo  # a connection like a signed-in partner's: it is looked at
            assert opened.controller.tenant_id == demo.tenants.partner.tenant_id
            registry = reach_tenants(opened.client).registry
            assert len(registry.tenants) == 4
            assert opened.journal_path.parent == demo.folder
            assert demo.folder.name.startswith(FOLDER_PREFIX)
        finally:
            opened.close()


def test_leaving_the_demo_deletes_its_folder_and_stops_its_tenants() -> None:
    with partner_demo(1) as demo:
        opened = demo.open_partner(demo.folder)
        opened.close()
        (demo.folder / "sub").mkdir()
        (demo.folder / "sub" / "settings.json").write_text("{}", encoding="utf-8")
        assert any(demo.folder.iterdir())
        url = demo.tenants.base_url
    assert not demo.folder.exists()
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/organization", timeout=5)


def test_the_folder_goes_when_the_window_ends_with_an_error() -> None:
    with pytest.raises(RuntimeError), partner_demo(1) as demo:
        assert demo.folder.is_dir()
        raise RuntimeError("the window crashed")
    assert not demo.folder.exists()

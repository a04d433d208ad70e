"""What the window reads when a tenant opens: what it shows at start (packages, users, the
organisation, the names of licensing groups), at once; the licensed groups and their members
only once the Groups page is shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.demo_tenant import DemoTenantForTests
from tests.ui.conftest import TIMEOUT_MS, Desk
from tests.ui.helpers import tenant_view


@pytest.fixture
def paths_read(demo_tenant: DemoTenantForTests) -> Iterator[list[str]]:
    """Every Graph path asked of the tenant from now on (ask for it before ``desk``)."""
    yield demo_tenant.record_paths()


def test_the_window_reads_at_start_only_what_it_shows(
    paths_read: list[str], memory_keyring: WindowsLikeKeyring, desk: Desk
) -> None:
    assert sorted(set(paths_read)) == [
        "/v1.0/$batch",  # the names of the groups licenses come from
        "/v1.0/organization",
        "/v1.0/subscribedSkus",
        "/v1.0/users",
        "/v1.0/users/$count",  # the proof that parallel parts held everyone
        "/v1.0/users/delta",  # the link the local snapshot is refreshed from next time
    ]
    assert paths_read.count("/v1.0/subscribedSkus") == 1
    page = tenant_view(desk)
    groups = page.groups
    assert not groups.loader.has_loaded and not groups.loader.loading

    page.pages.setCurrentWidget(groups)
    desk.qtbot.waitUntil(
        lambda: groups.loader.has_loaded and not groups.loader.loading, timeout=TIMEOUT_MS
    )
    assert "/v1.0/groups" in paths_read  # now the licensed groups and their members
    assert groups.loader.model.rowCount() > 0

    asked = len(paths_read)
    page.pages.setCurrentWidget(page.users_page)
    page.pages.setCurrentWidget(groups)  # shown again: what was read is still current
    assert len(paths_read) == asked
    with desk.qtbot.waitSignal(groups.loader.loaded, timeout=TIMEOUT_MS):
        desk.session.load()  # F5: once shown, the groups follow every load

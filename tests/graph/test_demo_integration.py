"""The client against the demo tenant over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.demo import DemoTenant
from desktop.graph.batch_items import BatchRequest
from desktop.graph.client import GraphClient, assign_license_body, user_path
from desktop.graph.errors import AuthenticationError, GraphError, NotFoundError
from desktop.graph.records import AssignedLicense, User
from desktop.graph.tokens import StaticToken
from tests.graph.fakes import FRESH_SECRET, SECRET, RefreshingToken

TOKEN = StaticToken("demo-token")


@pytest.fixture(scope="module")
def big_tenant() -> Iterator[DemoTenant]:
    """2,500 users, shared by the read-only tests of this module."""
    tenant = DemoTenant.start(users=2500, seed=3)
    try:
        yield tenant
    finally:
        tenant.stop()


@pytest.fixture
def tenant_client(demo_tenant: DemoTenant) -> Iterator[GraphClient]:
    client = GraphClient(demo_tenant.base_url, TOKEN, max_retries=10)
    yield client
    client.close()


@pytest.mark.parametrize(("page_size", "pages"), [(999, 3), (100, 25)])
def test_2500_users_are_listed_page_by_page(
    big_tenant: DemoTenant, page_size: int, pages: int
) -> None:
    seen_pages: list[list[User]] = []
    with GraphClient(big_tenant.base_url, TOKEN) as client:
        users = client.list_users(page_size=page_size, on_page=seen_pages.append)
    assert len(users) == 2500
    assert len({u.id for u in users}) == 2500
    assert len(seen_pages) == pages
    assert all(len(page) == page_size for page in seen_pages[:-1])
    assert [u for page in seen_pages for u in page] == users


def test_advanced_filters_and_search_page_with_consistency_level(big_tenant: DemoTenant) -> None:
    with GraphClient(big_tenant.base_url, TOKEN) as client:
        everyone = client.list_users()
        pages: list[list[User]] = []
        unlicensed = client.list_users(
            filter="assignedLicenses/$count eq 0", page_size=20, on_page=pages.append
        )
        found = client.list_users(search="displayName:an", page_size=50)
    expected = {u.id for u in everyone if not u.assigned_licenses}
    assert len(pages) > 1  # the header had to be resent on later pages
    assert {u.id for u in unlicensed} == expected
    assert found and all("an" in u.display_name.lower() for u in found)


def test_skus_groups_and_one_user(big_tenant: DemoTenant) -> None:
    with GraphClient(big_tenant.base_url, TOKEN) as client:
        skus = client.list_skus()
        users = client.list_users()
        someone = users[17]
        again = client.get_user(someone.user_principal_name)
        group_ids = sorted(
            {s.assigned_by_group for u in users for s in u.license_assignment_states} - {None}  # type: ignore[arg-type]
        )
        names = client.group_names([*group_ids, "00000000-0000-0000-0000-00000000dead"])
        with pytest.raises(NotFoundError) as missing:
            client.get_user("nobody@example.invalid")
    assert {s.sku_part_number for s in skus} >= {"ENTERPRISEPACK"}
    assert again == someone
    assert group_ids and all(names[g] != g for g in group_ids)
    assert names["00000000-0000-0000-0000-00000000dead"] == "00000000-0000-0000-0000-00000000dead"
    assert missing.value.request_id


def assign_pairs(users: list[User], sku_id: str) -> list[BatchRequest]:
    """PATCH usage location, then assignLicense depending on it: the engine's shape."""
    requests: list[BatchRequest] = []
    for n, user in enumerate(users):
        requests.append(BatchRequest(f"p{n}", "PATCH", user_path(user.id), {"usageLocation": "PL"}))
        requests.append(
            BatchRequest(
                f"a{n}",
                "POST",
                f"{user_path(user.id)}/assignLicense",
                assign_license_body([AssignedLicense(sku_id)], []),
                depends_on=(f"p{n}",),
            )
        )
    return requests


def test_a_batch_of_more_than_20_with_dependencies_is_applied(
    demo_tenant: DemoTenant, tenant_client: GraphClient
) -> None:
    sku_id = demo_tenant.sku_id("FLOW_FREE")
    users = [u for u in tenant_client.list_users() if sku_id not in u.sku_ids][:15]
    answers = tenant_client.batch(assign_pairs(users, sku_id))
    assert len(answers) == 30
    assert {a.status for rid, a in answers.items() if rid.startswith("p")} == {204}
    assert {a.status for rid, a in answers.items() if rid.startswith("a")} == {200}
    after = {u.id: u for u in tenant_client.list_users()}
    assert all(sku_id in after[u.id].sku_ids for u in users)
    assert all(after[u.id].usage_location == "PL" for u in users)


def test_with_throttling_and_faults_every_request_is_answered_exactly_once(
    demo_tenant: DemoTenant, tenant_client: GraphClient
) -> None:
    sku_id = demo_tenant.sku_id("FLOW_FREE")
    users = [u for u in tenant_client.list_users() if sku_id not in u.sku_ids][:20]
    faults = demo_tenant.faults
    faults.throttle_rate, faults.throttle_retry_after = 0.2, 0.05
    faults.fault_rate, faults.fault_retry_after = 0.1, 0.05
    reads = [BatchRequest(f"r{n}", "GET", user_path(u.id)) for n, u in enumerate(users)]
    read_answers = tenant_client.batch(reads)
    listed = tenant_client.list_users(page_size=7)
    # Writes whose answer may be lost (dropped, 504) are the engine's to re-read, never
    # resent by the client; here only faults that apply nothing.
    faults.fault_kinds = ("503", "503-retry-after")
    write_answers = tenant_client.batch(assign_pairs(users, sku_id))
    faults.throttle_rate = faults.fault_rate = 0.0
    stats = demo_tenant.stats.snapshot()
    assert stats["throttled"] > 0 and stats["faults"] > 0  # the storm really happened
    assert sorted(read_answers) == sorted(r.id for r in reads)
    assert all(a.ok for a in read_answers.values())
    assert sorted(u.id for u in listed) == sorted(u.id for u in tenant_client.list_users())
    assert len(write_answers) == 40
    for answer in write_answers.values():
        assert answer.ok, (answer.id, answer.status, answer.body)
    after = {u.id: u for u in tenant_client.list_users()}
    assert all(sku_id in after[u.id].sku_ids for u in users)


@pytest.mark.slow
def test_an_expired_token_is_refreshed_once(demo_tenant: DemoTenant) -> None:
    demo_tenant.token_validator = lambda token: None if token == FRESH_SECRET else "expired"
    tokens = RefreshingToken()
    with GraphClient(demo_tenant.base_url, tokens) as client:
        assert client.list_skus()
        assert client.list_skus()
    assert tokens.refreshes == 1 and tokens.current == FRESH_SECRET
    demo_tenant.token_validator = lambda token: "Lifetime validation failed."
    with (
        GraphClient(demo_tenant.base_url, RefreshingToken()) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.list_skus()
    assert SECRET not in str(caught.value) and caught.value.code == "InvalidAuthenticationToken"


def test_graph_refusals_come_back_as_graph_errors(
    demo_tenant: DemoTenant, tenant_client: GraphClient
) -> None:
    sku_id = demo_tenant.sku_id("POWER_BI_STANDARD")  # no free seats in the seed
    user = next(
        u for u in tenant_client.list_users() if u.usage_location and sku_id not in u.sku_ids
    )
    with pytest.raises(GraphError, match="does not have any available licenses") as caught:
        tenant_client.assign_license(user.id, [AssignedLicense(sku_id)], [])
    assert caught.value.status == 400 and caught.value.code == "Request_BadRequest"


def test_scattered_throttling_retries_requests_without_slowing_every_sender(
    demo_tenant: DemoTenant,
) -> None:
    """Random 429s (10% of requests) are not the write window filling up: each throttled write
    is retried after its own Retry-After and the pacer stays unlimited."""
    demo_tenant.faults.throttle_rate = 0.1
    demo_tenant.faults.throttle_retry_after = 0.05
    client = GraphClient(demo_tenant.base_url, TOKEN)
    # Cloud-only users: synced ones refuse profile fields (docs/graph-facts.md, "Synced ...").
    users = [u for u in client.list_users() if not u.on_premises_sync_enabled]
    requests = [
        BatchRequest(f"w{n}", "PATCH", user_path(users[n % len(users)].id), {"jobTitle": f"T{n}"})
        for n in range(200)
    ]
    answers = client.batch(requests)
    client.close()
    assert {a.status for a in answers.values()} == {204}
    assert client.stats.throttled > 0  # the switch really threw 429s at us
    assert client.stats.write_pauses == 0
    assert client.pacer.allowance is None

"""Full reads in parallel parts (desktop/graph/full_read.py) over real HTTP to the demo tenant:
the parts hold every user exactly once whatever the names, and when they cannot be proven to,
the list is read page after page instead."""

from __future__ import annotations

import string
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.demo.names import DEFAULT_DOMAIN
from desktop.graph.client import GraphClient
from desktop.graph.full_read import read_all_users, read_all_users_in_parts
from desktop.graph.records import User
from desktop.graph.tokens import StaticToken
from desktop.graph.user_partitions import FIRST_CHARACTERS, children, plan_parts
from tests.demo_tenant import DemoTenantForTests

USERS = 40
PAGE = 5  # small pages, so forty users already need parts

# User names as Microsoft allows them: letters of either case, digits and ' . - _ ! # ^ ~
# (no dot just before the @; the demo also refuses one in front).
_DOCUMENTED = string.ascii_letters + string.digits + "'.-_!#^~"
_POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
documented_names = st.text(_DOCUMENTED, min_size=1, max_size=12).filter(
    lambda name: not name.startswith(".") and not name.endswith(".")
)


@pytest.fixture(scope="module")
def tenant() -> Iterator[DemoTenantForTests]:
    tenant = DemoTenantForTests.start(users=USERS, seed=5)
    try:
        yield tenant
    finally:
        tenant.stop()


def rename(tenant: DemoTenantForTests, names: list[str]) -> dict[str, str]:
    """Give the first users the names ``names`` (the rest get plain ones); id -> UPN."""
    store = tenant.store
    rows = store.query("SELECT rowid, id FROM users ORDER BY rowid")
    for rowid, _user_id in rows:  # names are unique: first clear the old ones away
        store.update_user(int(rowid), {"upn": f"renaming{rowid}@{DEFAULT_DOMAIN}"})
    upns: dict[str, str] = {}
    for index, (rowid, user_id) in enumerate(rows):
        local = names[index] if index < len(names) else f"plain.user{index}"
        upn = f"{local}@{DEFAULT_DOMAIN}"
        store.update_user(int(rowid), {"upn": upn})
        upns[str(user_id)] = upn
    return upns


def read(tenant: DemoTenantForTests, shown: list[User] | None = None) -> tuple[list[User], bool]:
    with GraphClient(tenant.base_url, StaticToken("parts")) as client:
        found = read_all_users_in_parts(
            client, page_size=PAGE, parallel=8, on_page=None if shown is None else shown.extend
        )
    return found.users, found.fallback


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.lists(
        st.one_of(documented_names, st.text(_DOCUMENTED + _POLISH, min_size=1, max_size=12)),
        max_size=USERS,
        unique_by=str.lower,
    ).filter(lambda names: all(not n.startswith(".") and not n.endswith(".") for n in names))
)
def test_the_parts_hold_every_user_exactly_once_whatever_the_names(
    tenant: DemoTenantForTests, names: list[str]
) -> None:
    upns = rename(tenant, names)
    shown: list[User] = []
    users, fallback = read(tenant, shown)
    assert sorted(u.id for u in users) == sorted(upns)  # everyone, nobody twice
    assert {u.id: u.user_principal_name for u in users} == upns
    assert sorted(u.id for u in shown) == sorted(upns)  # each shown once, as it arrived
    if all(set(name) <= set(_DOCUMENTED) for name in names):
        assert not fallback  # the documented characters are always covered by the parts


def test_a_name_outside_the_documented_characters_falls_back_to_reading_page_after_page(
    tenant: DemoTenantForTests,
) -> None:
    upns = rename(tenant, ["łucja.nowak", "ŻANETA", "anna"])
    users, fallback = read(tenant)
    assert fallback  # no part starts with ł or ż, so the parts hold two users too few
    assert {u.id: u.user_principal_name for u in users} == upns


def test_a_tenant_that_fits_one_page_is_read_in_one_request(tenant: DemoTenantForTests) -> None:
    upns = rename(tenant, [])
    before = tenant.stats.snapshot()["http_requests"]
    with GraphClient(tenant.base_url, StaticToken("parts")) as client:
        found = read_all_users_in_parts(client)
    assert (found.parts, found.fallback) == (0, False)
    assert {u.id for u in found.users} == set(upns)
    # The first page and, at the same time, the count (not needed in the end).
    assert tenant.stats.snapshot()["http_requests"] - before == 2


def test_too_few_users_for_parts_page_on_from_the_first_page(tenant: DemoTenantForTests) -> None:
    upns = rename(tenant, [])
    before = tenant.stats.snapshot()["http_requests"]
    with GraphClient(tenant.base_url, StaticToken("parts")) as client:
        # One reader: the whole list is its share, so parts would only add requests.
        found = read_all_users_in_parts(client, page_size=PAGE, parallel=1)
    assert (found.parts, found.fallback, found.counted) == (0, False, USERS)
    assert sorted(u.id for u in found.users) == sorted(upns)
    pages = USERS // PAGE  # the eighth page is the last: it has no next link
    assert tenant.stats.snapshot()["http_requests"] - before == pages + 1  # no page twice


def test_parts_are_read_without_advanced_query_parameters(tenant: DemoTenantForTests) -> None:
    rename(tenant, [])
    seen: list[tuple[str, str, str | None]] = []
    handle = tenant.handle

    def recording(request):  # type: ignore[no-untyped-def]
        query = unquote(request.raw_query)
        seen.append((request.path, query, request.header("ConsistencyLevel")))
        return handle(request)

    tenant.handle = recording  # type: ignore[method-assign]
    try:
        with GraphClient(tenant.base_url, StaticToken("parts")) as client:
            users = read_all_users(client, parallel=4)
            assert len(users) == USERS
            found = read_all_users_in_parts(client, page_size=PAGE, parallel=4)
    finally:
        del tenant.handle
    assert found.parts > 1 and not found.fallback
    filtered = [(query, level) for path, query, level in seen if "filter" in query]
    assert filtered
    assert all("startswith(userPrincipalName" in q and "$count" not in q for q, _ in filtered)
    assert {level for _, level in filtered} == {None}
    counts = [level for path, _query, level in seen if path.endswith("/$count")]
    assert counts and set(counts) == {"eventual"}  # only the proof is an advanced query


def test_a_prefix_splits_into_children_that_hold_exactly_its_names() -> None:
    names = ["a", "ab", "a.b", "a-b", "a_", "a!", "a#", "a^", "a~", "a'b", "a9", "az"]
    for name in names:
        upn = f"{name}@contoso.com"
        holders = [c for c in children("a") if upn.startswith(c)]
        assert len(holders) == 1, (name, holders)
    assert children("ann@") == ["ann@"]
    assert len(children("")) == len(FIRST_CHARACTERS) == 44  # 26 letters, 10 digits, 8 signs


def test_the_plan_splits_only_prefixes_above_the_size_asked() -> None:
    sample = ["anna@x", "anna2@x", "andrzej@x", "adam@x", "bartosz@x", "zofia@x"] * 10
    parts = plan_parts(sample, 600, max_part=150)
    prefixes = [p.prefix for p in parts]
    assert "b" in prefixes and "z" in prefixes and "a" not in prefixes  # "a" holds ~400
    assert {"ad", "and", "anna@", "anna2"} <= set(prefixes)  # split until small enough
    assert parts[0].estimate >= parts[-1].estimate  # largest first
    assert plan_parts(sample, 100, max_part=150)[0].prefix == ""  # small enough: one part
    quoted = next(p for p in plan_parts(["o'neil@x"] * 5, 10, max_part=1) if "'" in p.prefix)
    assert quoted.filter is not None and "''" in quoted.filter  # the quote is doubled

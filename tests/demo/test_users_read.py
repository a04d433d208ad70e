"""GET /users and GET /users/{id}: shapes, $select, $top, paging, $count, $filter, $search."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from desktop.demo import DemoTenant, payloads
from desktop.demo.rows import COL
from tests.demo.support import E3, FULL_SELECT, Graph, error_of, sku_ids

DEFAULT_PROPERTIES = [
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
]
EVENTUAL = {"ConsistencyLevel": "eventual"}


def test_without_select_only_the_default_properties_come_back(graph_ro: Graph) -> None:
    body = graph_ro.get("/users").json()
    assert body["@odata.context"].endswith("/$metadata#users")
    assert len(body["value"]) == 60
    for user in body["value"]:
        assert list(user) == DEFAULT_PROPERTIES
        assert isinstance(user["businessPhones"], list)


def test_select_returns_exactly_the_asked_properties(graph_ro: Graph) -> None:
    body = graph_ro.get("/users", params={"$select": "id,accountEnabled,usageLocation"}).json()
    assert body["@odata.context"].endswith("#users(id,accountEnabled,usageLocation)")
    for user in body["value"]:
        assert list(user) == ["id", "accountEnabled", "usageLocation"]
        assert isinstance(user["accountEnabled"], bool)


def test_select_of_an_unknown_property_is_refused(graph_ro: Graph) -> None:
    response = graph_ro.get("/users", params={"$select": "id,shoeSize"})
    assert response.status_code == 400
    assert error_of(response) == (
        "BadRequest",
        "Parsing OData Select and Expand failed: Could not find a property named 'shoeSize' "
        "on type 'microsoft.graph.user'.",
    )


def test_default_page_is_100_and_top_above_999_is_refused(demo_tenant: DemoTenant) -> None:
    graph = Graph(demo_tenant)
    for number in range(60):
        graph.post(
            "/users",
            {
                "accountEnabled": True,
                "displayName": f"Extra {number}",
                "mailNickname": f"extra{number}",
                "userPrincipalName": f"extra{number}@bursztynlogistyka.pl",
                "passwordProfile": {"password": "Zaq12wsx!", "forceChangePasswordNextSignIn": True},
            },
        ).raise_for_status()
    first = graph.get("/users").json()
    assert len(first["value"]) == 100
    assert "@odata.nextLink" in first
    assert len(graph.get("/users", params={"$top": "999"}).json()["value"]) == 120
    refused = graph.get("/users", params={"$top": "1000"})
    assert refused.status_code == 400
    assert error_of(refused) == (
        "Request_UnsupportedQuery",
        "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    )
    assert graph.get("/users", params={"$top": "0"}).status_code == 400


def test_paging_through_next_links_visits_every_user_once(graph_ro: Graph) -> None:
    seen: list[str] = []
    url = graph_ro.url(f"/users?$select={FULL_SELECT}&$top=7")
    pages = 0
    while url:
        body = graph_ro.get(url).json()
        pages += 1
        seen.extend(user["id"] for user in body["value"])
        assert all(set(user) == set(FULL_SELECT.split(",")) for user in body["value"])
        url = body.get("@odata.nextLink")
        if url:
            query = parse_qs(urlsplit(url).query)
            assert query["$top"] == ["7"]
            assert query["$select"] == [FULL_SELECT]
            assert "$skiptoken" in query
            assert url.startswith(graph_ro.tenant.base_url + "/users?")
    assert pages == 9
    assert len(seen) == len(set(seen)) == 60


def test_a_tampered_skiptoken_is_refused(graph_ro: Graph) -> None:
    response = graph_ro.get("/users", params={"$skiptoken": "not-a-token"})
    assert response.status_code == 400
    assert error_of(response)[0] == "Directory_ExpiredPageToken"


def test_count_without_the_eventual_header_is_silently_ignored(graph_ro: Graph) -> None:
    """Graph ignores ``$count=true`` without ``ConsistencyLevel: eventual``: 200, no
    ``@odata.count`` ("Advanced query capabilities on Microsoft Entra ID objects";
    docs/graph-facts.md, "Users: reading, paging and advanced queries")."""
    without = graph_ro.get("/users", params={"$count": "true", "$top": "999"})
    assert without.status_code == 200
    body = without.json()
    assert "@odata.count" not in body
    assert len(body["value"]) == 60


def test_users_count_segment_needs_the_eventual_header(graph_ro: Graph) -> None:
    """``/users/$count``: 400 "$count is not currently supported." without the header, a
    plain-text number with it (same sources as above)."""
    refused = graph_ro.get("/users/$count")
    assert refused.status_code == 400
    assert error_of(refused) == ("Request_BadRequest", "$count is not currently supported.")
    counted = graph_ro.get("/users/$count", headers=EVENTUAL)
    assert counted.status_code == 200
    assert counted.headers["Content-Type"].startswith("text/plain")
    assert counted.text == "60"
    blocked = graph_ro.get(
        "/users/$count", params={"$filter": "accountEnabled eq false"}, headers=EVENTUAL
    )
    expected = sum(1 for u in graph_ro.users() if not u["accountEnabled"])
    assert 0 < int(blocked.text) == expected < 60


def test_count_with_the_eventual_header_is_on_the_first_page_only(graph_ro: Graph) -> None:
    first = graph_ro.get("/users", params={"$count": "true", "$top": "25"}, headers=EVENTUAL)
    body = first.json()
    assert body["@odata.count"] == 60
    assert list(body)[:3] == ["@odata.context", "@odata.count", "@odata.nextLink"]
    second = graph_ro.get(body["@odata.nextLink"], headers=EVENTUAL).json()
    assert "@odata.count" not in second
    assert len(second["value"]) == 25


def test_filter_on_account_enabled(graph_ro: Graph) -> None:
    everyone = graph_ro.users()
    blocked = {u["id"] for u in everyone if not u["accountEnabled"]}
    assert blocked  # the seed has blocked users
    body = graph_ro.get(
        "/users", params={"$filter": "accountEnabled eq false", "$select": "id"}
    ).json()
    assert {u["id"] for u in body["value"]} == blocked
    enabled = graph_ro.get("/users", params={"$filter": "accountEnabled eq true", "$top": "999"})
    assert len(enabled.json()["value"]) == 60 - len(blocked)


def test_filter_on_a_sku_matches_direct_and_group_holders(graph_ro: Graph) -> None:
    e3 = graph_ro.tenant.sku_id(E3)
    expected = {u["id"] for u in graph_ro.users() if e3 in sku_ids(u)}
    assert any(
        s["assignedByGroup"] and s["skuId"] == e3 and s["state"] == "Active"
        for u in graph_ro.users()
        for s in u["licenseAssignmentStates"]
    )
    body = graph_ro.get(
        "/users",
        params={"$filter": f"assignedLicenses/any(x:x/skuId eq {e3})", "$top": "999"},
    ).json()
    assert {u["id"] for u in body["value"]} == expected


def test_unlicensed_filter_needs_eventual_and_count(graph_ro: Graph) -> None:
    params = {"$filter": "assignedLicenses/$count eq 0", "$select": "id,assignedLicenses"}
    for headers, extra in (({}, {"$count": "true"}), (EVENTUAL, {}), ({}, {})):
        refused = graph_ro.get("/users", params={**params, **extra}, headers=headers)
        assert refused.status_code == 400
        assert error_of(refused) == (
            "Request_UnsupportedQuery",
            "Unsupported or invalid query filter clause specified for property "
            "'assignedLicenses' of resource 'User'.",
        )
    body = graph_ro.get("/users", params={**params, "$count": "true"}, headers=EVENTUAL).json()
    expected = {u["id"] for u in graph_ro.users() if not u["assignedLicenses"]}
    assert expected
    assert {u["id"] for u in body["value"]} == expected
    assert body["@odata.count"] == len(expected)


def test_the_eventual_header_is_not_remembered_between_pages(graph_ro: Graph) -> None:
    params = {"$filter": "assignedLicenses/$count eq 0", "$count": "true", "$top": "2"}
    first = graph_ro.get("/users", params=params, headers=EVENTUAL).json()
    next_link = first["@odata.nextLink"]
    assert graph_ro.get(next_link).status_code == 400
    assert graph_ro.get(next_link, headers=EVENTUAL).status_code == 200


@pytest.mark.parametrize(
    ("clause", "code"),
    [
        ("department ne 'IT'", "Request_UnsupportedQuery"),
        ("createdDateTime eq 2020-01-01T00:00:00Z", "Request_UnsupportedQuery"),
        (
            "assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900) or "
            "accountEnabled eq true",
            "Request_UnsupportedQuery",
        ),
        ("shoeSize eq 44", "BadRequest"),
        ("this is not a filter", "BadRequest"),
    ],
)
def test_unsupported_filters_are_refused(graph_ro: Graph, clause: str, code: str) -> None:
    response = graph_ro.get("/users", params={"$filter": clause})
    assert response.status_code == 400
    assert error_of(response)[0] == code


def test_string_filters_ignore_case_and_polish_letters(graph_ro: Graph) -> None:
    someone = next(u for u in graph_ro.users() if any(ch in u["displayName"] for ch in "ŁŚŻ"))
    upper = someone["displayName"].upper()
    body = graph_ro.get("/users", params={"$filter": f"displayName eq '{upper}'"}).json()
    assert someone["id"] in {u["id"] for u in body["value"]}
    prefix = someone["displayName"][:3].lower()
    body = graph_ro.get(
        "/users", params={"$filter": f"startswith(displayName,'{prefix}')", "$top": "999"}
    ).json()
    assert body["value"]
    assert all(u["displayName"].casefold().startswith(prefix) for u in body["value"])


def test_filter_on_user_principal_name_ignores_case(graph_ro: Graph) -> None:
    someone = graph_ro.users()[5]
    upn = someone["userPrincipalName"].upper()
    body = graph_ro.get("/users", params={"$filter": f"userPrincipalName eq '{upn}'"}).json()
    assert [u["id"] for u in body["value"]] == [someone["id"]]


def test_search_needs_eventual_and_matches_word_prefixes(graph_ro: Graph) -> None:
    someone = next(u for u in graph_ro.users() if u["displayName"].split()[1][0] in "ŁŚŻŹĆ")
    surname = someone["displayName"].split()[1]
    term = surname[:4].lower()
    refused = graph_ro.get("/users", params={"$search": f'"displayName:{term}"'})
    assert refused.status_code == 400
    assert "ConsistencyLevel: eventual" in error_of(refused)[1]
    body = graph_ro.get(
        "/users", params={"$search": f'"displayName:{term}"', "$top": "999"}, headers=EVENTUAL
    ).json()
    names = [u["displayName"] for u in body["value"]]
    assert someone["displayName"] in names
    assert all(any(w.casefold().startswith(term) for w in n.split()) for n in names)


def test_get_one_user_by_id_or_upn(graph_ro: Graph) -> None:
    someone = graph_ro.users()[3]
    by_id = graph_ro.user(someone["id"])
    by_upn = graph_ro.user(someone["userPrincipalName"].upper())
    assert by_id == by_upn
    assert by_id["@odata.context"].endswith(f"#users({FULL_SELECT})/$entity")


def test_an_unknown_user_is_404_with_graphs_message(graph_ro: Graph) -> None:
    response = graph_ro.get("/users/ghost@bursztynlogistyka.pl")
    assert response.status_code == 404
    assert error_of(response) == (
        "Request_ResourceNotFound",
        "Resource 'ghost@bursztynlogistyka.pl' does not exist or one of its queried "
        "reference-property objects are not present.",
    )


@pytest.mark.parametrize("prop", payloads.USER_PROPERTIES)
def test_a_page_read_for_some_properties_writes_them_as_a_full_read_does(
    demo_tenant_readonly: DemoTenant, prop: str
) -> None:
    # The listing reads only the columns its $select needs (the rest are None or cut off).
    store = demo_tenant_readonly.store
    full = store.users_page("1", (), 0, 60)
    narrow = store.users_page("1", (), 0, 60, payloads.user_columns([prop]))
    assert [row[0] for row in narrow] == [row[0] for row in full]
    at = COL["display_name"]
    names = {row[at] if len(row) > at else None for row in narrow}
    assert names == ({row[at] for row in full} if prop == "displayName" else {None})
    written = [payloads.user_json(row, [prop], None, {}) for row in full]
    assert [payloads.user_json(row, [prop], None, {}) for row in narrow] == written
    if prop in payloads.USER_PROPERTY_COLUMNS:
        assert any(user[prop] for user in written)  # the seed fills it, so a loss would show

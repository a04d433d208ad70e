"""What the client puts on the wire, checked against a scripted server."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from desktop.cancel import CancelToken
from desktop.graph.client import USER_SELECT, GraphClient
from desktop.graph.errors import CancelledError, ProtocolError
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile, User
from tests.graph.canned import Canned, CannedServer, envelope

PASSWORD = "Correct-Horse-42!"


def user(n: int) -> dict[str, object]:
    return {"id": f"id-{n}", "userPrincipalName": f"user{n}@contoso.com", "displayName": f"U {n}"}


def query(path: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(path).query)


def test_users_are_paged_through_next_links_sent_back_unchanged(
    server: CannedServer, client: GraphClient
) -> None:
    odd_link = f"{server.base_url}/users?$select=id&$top=2&$skiptoken=X%2By%3D%3D&extra=1"
    server.script(
        Canned(200, {"value": [user(1), user(2)], "@odata.nextLink": odd_link}),
        Canned(200, {"value": [user(3)]}),
    )
    pages: list[list[User]] = []
    users = client.list_users(page_size=2, on_page=pages.append)
    assert [u.id for u in users] == ["id-1", "id-2", "id-3"]
    assert [[u.id for u in p] for p in pages] == [["id-1", "id-2"], ["id-3"]]
    first = query(server.seen[0].path)
    assert first["$select"] == [USER_SELECT]
    assert first["$top"] == ["2"]
    assert "ConsistencyLevel" not in server.seen[0].headers
    link = urlsplit(odd_link)
    assert server.seen[1].path == f"{link.path}?{link.query}"


def test_a_next_link_to_another_server_is_refused(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(
        Canned(200, {"value": [user(1)], "@odata.nextLink": "https://evil.example/v1.0/users?p=2"})
    )
    with pytest.raises(ProtocolError, match=r"another server \(evil.example\)"):
        client.list_users()
    assert len(server.seen) == 1


def test_page_size_is_capped_at_999(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(200, {"value": []}))
    client.list_users(page_size=5000)
    assert query(server.seen[0].path)["$top"] == ["999"]


def test_advanced_queries_resend_consistency_level_on_every_page(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(
        Canned(
            200,
            {
                "value": [user(1)],
                "@odata.count": 2,
                "@odata.nextLink": f"{server.base_url}/users?$skiptoken=p2",
            },
        ),
        Canned(200, {"value": [user(2)]}),
    )
    client.list_users(filter="assignedLicenses/$count eq 0", search="displayName:ann")
    first = query(server.seen[0].path)
    assert first["$filter"] == ["assignedLicenses/$count eq 0"]
    assert first["$search"] == ['"displayName:ann"']
    assert first["$count"] == ["true"]
    assert [s.headers.get("ConsistencyLevel") for s in server.seen] == ["eventual", "eventual"]


def test_cancel_between_pages_stops_listing(server: CannedServer, client: GraphClient) -> None:
    cancel = CancelToken()
    server.script(
        Canned(200, {"value": [user(1)], "@odata.nextLink": f"{server.base_url}/users?p=2"}),
    )
    with pytest.raises(CancelledError):
        client.list_users(on_page=lambda _page: cancel.cancel(), cancel=cancel)
    assert len(server.seen) == 1


def test_get_user_quotes_guest_upns(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(200, user(1)))
    client.get_user("ann_fabrikam.com#EXT#@contoso.com")
    path = urlsplit(server.seen[0].path).path
    assert path == "/v1.0/users/ann_fabrikam.com%23EXT%23@contoso.com"
    assert unquote(path).endswith("ann_fabrikam.com#EXT#@contoso.com")


def test_assign_license_always_sends_both_keys(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(200, user(1)), Canned(200, user(1)))
    client.assign_license("id-1", [], ["sku-old"])
    client.assign_license("id-1", [AssignedLicense("sku-new", ("plan-a",))], [])
    assert server.seen[0].json() == {"addLicenses": [], "removeLicenses": ["sku-old"]}
    assert server.seen[1].json() == {
        "addLicenses": [{"skuId": "sku-new", "disabledPlans": ["plan-a"]}],
        "removeLicenses": [],
    }
    assert server.seen[1].path == "/v1.0/users/id-1/assignLicense"


def test_create_user_sends_what_graph_requires(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(201, user(7)))
    new = NewUser(
        display_name="Ann Example",
        user_principal_name="ann@contoso.com",
        password_profile=PasswordProfile(PASSWORD),
        usage_location="PL",
    )
    created = client.create_user(new)
    assert created.id == "id-7"
    assert server.seen[0].json() == {
        "accountEnabled": True,
        "displayName": "Ann Example",
        "mailNickname": "ann",
        "userPrincipalName": "ann@contoso.com",
        "passwordProfile": {"password": PASSWORD, "forceChangePasswordNextSignIn": True},
        "usageLocation": "PL",
    }


def test_a_failed_create_does_not_reveal_the_password(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(400, envelope("Request_BadRequest", "Password too weak.")))
    new = NewUser("Ann", "ann@contoso.com", PasswordProfile(PASSWORD))
    with pytest.raises(Exception) as caught:
        client.create_user(new)
    assert PASSWORD not in str(caught.value) and PASSWORD not in repr(new)


def test_update_and_delete_use_the_right_methods(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(204), Canned(204))
    client.update_user("ann@contoso.com", {"usageLocation": "PL", "accountEnabled": True})
    client.delete_user("id-9")
    assert [(s.method, urlsplit(s.path).path) for s in server.seen] == [
        ("PATCH", "/v1.0/users/ann@contoso.com"),
        ("DELETE", "/v1.0/users/id-9"),
    ]
    assert server.seen[0].json() == {"usageLocation": "PL", "accountEnabled": True}


def test_skus_and_organization_are_parsed(server: CannedServer, client: GraphClient) -> None:
    sku = {
        "id": "t_s",
        "skuId": "s",
        "skuPartNumber": "ENTERPRISEPACK",
        "consumedUnits": 3,
        "prepaidUnits": {"enabled": 5},
        "servicePlans": [{"servicePlanId": "p", "servicePlanName": "EXCHANGE_S_ENTERPRISE"}],
    }
    org = {
        "id": "t",
        "displayName": "Contoso",
        "verifiedDomains": [
            {"name": "contoso.onmicrosoft.com", "isDefault": False},
            {"name": "contoso.com", "isDefault": True},
        ],
    }
    server.script(Canned(200, {"value": [sku]}), Canned(200, {"value": [org]}))
    [parsed] = client.list_skus()
    assert (parsed.free, parsed.service_plans[0].service_plan_name) == (2, "EXCHANGE_S_ENTERPRISE")
    organization = client.get_organization()
    assert organization.default_domain == "contoso.com"
    assert organization.verified_domains == ("contoso.onmicrosoft.com", "contoso.com")


def test_an_empty_organization_list_is_a_protocol_error(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(200, {"value": []}))
    with pytest.raises(ProtocolError, match="organization"):
        client.get_organization()


def test_the_client_serves_several_threads_at_once(
    server: CannedServer, client: GraphClient
) -> None:
    server.responder = lambda seen: Canned(
        200, user(int(urlsplit(seen.path).path.rsplit("-", 1)[1]))
    )
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def fetch(n: int) -> None:
        try:
            results[n] = client.get_user(f"id-{n}").id
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=fetch, args=(n,)) for n in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == {n: f"id-{n}" for n in range(1, 9)}
    assert client.stats.requests_sent == 8


def test_every_request_carries_the_session_headers_and_its_own_and_no_cookie(
    server: CannedServer, client: GraphClient
) -> None:
    """Requests go out without ``Session.request``'s merging (``GraphSession.exchange``): the
    session's headers still go with each, the request's own win, and a cookie an answer set is
    never sent back (Graph authenticates every request by its token)."""
    org = {"value": [{"id": "t1", "displayName": "Contoso", "verifiedDomains": []}]}
    server.script(
        Canned(200, org, {"Set-Cookie": "session=abc; Path=/"}),
        Canned(200, {"value": [user(1)]}),
    )
    client.get_organization()
    client.list_users(search="displayName:ann")
    first, second = (seen.headers for seen in server.seen)
    for sent in (first, second):
        assert sent["Accept"] == "application/json"
        assert sent["Authorization"].startswith("Bearer ")
        assert "python-requests" in sent["User-Agent"]
        assert "gzip" in sent["Accept-Encoding"]
        assert "Cookie" not in sent
    assert second["ConsistencyLevel"] == "eventual"
    assert first["client-request-id"] != second["client-request-id"]

"""The client stays on the tenant: no redirect followed for Graph calls (one designated
download follows it without the token), and next-page links that loop are stopped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.errors import PagingLoopError, RedirectRefusedError
from tests.graph.canned import Canned, CannedServer, Seen
from tests.graph.fakes import SECRET

ORG = {"value": [{"id": "t1", "displayName": "Contoso", "verifiedDomains": []}]}
REPORT = b"Report Refresh Date,User Principal Name\n2026-11-29,ann@contoso.com\n"


@pytest.fixture
def elsewhere() -> Iterator[CannedServer]:
    other = CannedServer()
    yield other
    other.close()


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_server_is_refused_and_never_followed(
    server: CannedServer, elsewhere: CannedServer, client: GraphClient, status: int
) -> None:
    elsewhere.script(Canned(200, ORG))
    server.script(Canned(status, None, {"Location": f"{elsewhere.base_url}/organization"}))
    root = elsewhere.base_url.removesuffix("/v1.0").removeprefix("http://")
    with pytest.raises(RedirectRefusedError, match=f"redirect to {root}/v1.0/organization"):
        client.get_organization()
    assert elsewhere.seen == []
    assert len(server.seen) == 1


def test_even_a_redirect_on_the_same_server_is_not_followed(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(302, None, {"Location": "/v1.0/organization2"}), Canned(200, ORG))
    with pytest.raises(RedirectRefusedError):
        client.get_organization()
    assert len(server.seen) == 1


def test_a_report_download_follows_the_redirect_without_the_token(
    server: CannedServer, elsewhere: CannedServer, client: GraphClient
) -> None:
    download = f"{elsewhere.base_url.removesuffix('/v1.0')}/download/abc?sig=1"
    server.script(Canned(302, None, {"Location": download}))
    elsewhere.script(Canned(200, REPORT, {"Content-Type": "application/octet-stream"}))
    path = "/reports/getOffice365ActiveUserDetail(period='D7')"
    assert client.download_redirected_report(path) == REPORT
    assert server.seen[0].headers["Authorization"] == f"Bearer {SECRET}"
    fetched: Seen = elsewhere.seen[0]
    assert fetched.path == "/download/abc?sig=1"
    assert "Authorization" not in fetched.headers
    assert SECRET not in repr(fetched.headers)


def test_a_report_answered_directly_is_returned(server: CannedServer, client: GraphClient) -> None:
    server.script(Canned(200, REPORT))
    assert client.download_redirected_report("/reports/x") == REPORT


def test_a_report_download_follows_one_hop_only(
    server: CannedServer, elsewhere: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(302, None, {"Location": f"{elsewhere.base_url}/hop1"}))
    elsewhere.script(Canned(302, None, {"Location": f"{elsewhere.base_url}/hop2"}))
    with pytest.raises(RedirectRefusedError):
        client.download_redirected_report("/reports/x")
    assert [s.path for s in elsewhere.seen] == ["/v1.0/hop1"]


def test_a_report_redirect_to_an_unsafe_address_is_refused(
    server: CannedServer, client: GraphClient
) -> None:
    server.script(Canned(302, None, {"Location": "http://reports.example.com/file.csv"}))
    with pytest.raises(RedirectRefusedError, match="plain http://"):
        client.download_redirected_report("/reports/x")


def test_a_repeated_next_link_stops_with_an_error(
    server: CannedServer, client: GraphClient
) -> None:
    loop = f"{server.base_url}/users?$skiptoken=same"
    server.responder = lambda seen: Canned(200, {"value": [], "@odata.nextLink": loop})
    with pytest.raises(PagingLoopError, match="same next-page link twice"):
        client.list_users()
    assert len(server.seen) == 2  # the first page, then the loop's one page


def test_an_endless_chain_of_new_links_stops_at_the_page_limit(server: CannedServer) -> None:
    counter = iter(range(10_000))

    def next_page(seen: Seen) -> Canned:
        link = f"{server.base_url}/subscribedSkus?$skiptoken={next(counter)}"
        return Canned(200, {"value": [], "@odata.nextLink": link})

    server.responder = next_page
    with (
        GraphClient(server.base_url, _Token(), max_pages_per_listing=25) as graph,
        pytest.raises(PagingLoopError, match="past 25 pages"),
    ):
        graph.list_skus()
    assert len(server.seen) == 25


def test_the_default_page_limit_fits_the_largest_tenant() -> None:
    from desktop.graph.paging import MAX_TENANT_OBJECTS, max_pages

    assert max_pages(999) * 999 >= MAX_TENANT_OBJECTS
    assert max_pages(1) > MAX_TENANT_OBJECTS


class _Token:
    def token(self) -> str:
        return "t"

    def refresh(self) -> str:
        return "t"

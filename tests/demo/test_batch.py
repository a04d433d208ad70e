"""POST /$batch: limits, ids, Content-Type, dependsOn, order of answers, inner throttling."""

from __future__ import annotations

from typing import Any

from desktop.demo import DemoTenant
from tests.demo.support import FLOW, Graph, error_of, sku_ids

JSON = {"Content-Type": "application/json"}


def get(request_id: str, url: str) -> dict[str, Any]:
    return {"id": request_id, "method": "GET", "url": url}


def responses_by_id(response: Any) -> dict[str, dict[str, Any]]:
    assert response.status_code == 200, response.text
    return {r["id"]: r for r in response.json()["responses"]}


def test_twenty_requests_are_fine_twenty_one_are_not(graph_ro: Graph) -> None:
    twenty = [get(str(i), "/subscribedSkus?$select=skuId") for i in range(20)]
    answers = responses_by_id(graph_ro.post("/$batch", {"requests": twenty}))
    assert set(answers) == {str(i) for i in range(20)}
    assert {a["status"] for a in answers.values()} == {200}
    too_many = graph_ro.post("/$batch", {"requests": [*twenty, get("20", "/organization")]})
    assert too_many.status_code == 400
    # The text users captured from Graph (unverified; docs/graph-facts.md, "$batch").
    assert error_of(too_many) == (
        "BadRequest",
        "Number of requests inside batch exceeds the limit.",
    )


def test_duplicate_ids_fail_the_whole_batch(graph: Graph) -> None:
    flow = graph.skus()[FLOW]["skuId"]
    user = graph.pick(lambda u: not u["assignedLicenses"] and u["usageLocation"])
    body = {"addLicenses": [{"skuId": flow, "disabledPlans": []}], "removeLicenses": []}
    batch = {
        "requests": [
            {"id": "1", "method": "POST", "url": f"/users/{user['id']}/assignLicense",
             "headers": JSON, "body": body},
            get("1", "/organization"),
        ]
    }  # fmt: skip
    response = graph.post("/$batch", batch)
    assert response.status_code == 400
    assert sku_ids(graph.user(user["id"])) == set()  # nothing ran


def test_a_body_without_content_type_fails_that_request_only(graph: Graph) -> None:
    user = graph.users()[0]
    batch = {
        "requests": [
            {
                "id": "a",
                "method": "PATCH",
                "url": f"/users/{user['id']}",
                "body": {"jobTitle": "X"},
            },
            get("b", f"/users/{user['id']}?$select=jobTitle"),
        ]
    }
    answers = responses_by_id(graph.post("/$batch", batch))
    assert answers["a"]["status"] == 400
    assert answers["a"]["body"]["error"]["message"] == (
        "Write request id : a does not contain Content-Type header or body."
    )
    assert answers["b"]["status"] == 200
    assert answers["b"]["body"]["jobTitle"] == user["jobTitle"]


def test_depends_on_a_failed_request_gives_424(graph: Graph) -> None:
    user = graph.pick(lambda u: u["usageLocation"] is None and not u["assignedLicenses"])
    flow = graph.skus()[FLOW]["skuId"]
    batch = {
        "requests": [
            {"id": "1", "method": "PATCH", "url": f"/users/{user['id']}",
             "headers": JSON, "body": {"usageLocation": "Poland"}},
            {"id": "2", "method": "POST", "url": f"/users/{user['id']}/assignLicense",
             "headers": JSON, "dependsOn": ["1"],
             "body": {"addLicenses": [{"skuId": flow, "disabledPlans": []}], "removeLicenses": []}},
        ]
    }  # fmt: skip
    answers = responses_by_id(graph.post("/$batch", batch))
    assert answers["1"]["status"] == 400
    assert answers["2"]["status"] == 424
    assert answers["2"]["body"]["error"]["code"]
    assert sku_ids(graph.user(user["id"])) == set()
    # With a valid usage location the dependent request runs after its dependency.
    batch["requests"][0]["body"] = {"usageLocation": "PL"}
    answers = responses_by_id(graph.post("/$batch", batch))
    assert (answers["1"]["status"], answers["2"]["status"]) == (204, 200)
    assert sku_ids(graph.user(user["id"])) == {flow}


def test_unknown_depends_on_fails_the_batch(graph_ro: Graph) -> None:
    batch = {"requests": [{**get("1", "/organization"), "dependsOn": ["9"]}]}
    assert graph_ro.post("/$batch", batch).status_code == 400


def test_answers_are_not_in_request_order_but_match_by_id(graph_ro: Graph) -> None:
    users = graph_ro.users()[:12]
    batch = {"requests": [get(str(i), f"/users/{u['id']}?$select=id") for i, u in enumerate(users)]}
    body = graph_ro.post("/$batch", batch).json()
    order = [r["id"] for r in body["responses"]]
    assert sorted(order, key=int) == [str(i) for i in range(12)]
    assert order != [str(i) for i in range(12)]
    for answer in body["responses"]:
        assert answer["body"]["id"] == users[int(answer["id"])]["id"]
        assert answer["headers"]["Content-Type"].startswith("application/json")


def test_two_requests_never_come_back_in_order(graph_ro: Graph) -> None:
    for _ in range(5):
        body = graph_ro.post(
            "/$batch", {"requests": [get("x", "/organization"), get("y", "/organization")]}
        ).json()
        assert [r["id"] for r in body["responses"]] == ["y", "x"]


def test_inner_errors_use_the_graph_envelope(graph_ro: Graph) -> None:
    answers = responses_by_id(
        graph_ro.post("/$batch", {"requests": [get("1", "/users/ghost@bursztynlogistyka.pl")]})
    )
    error = answers["1"]["body"]["error"]
    assert answers["1"]["status"] == 404
    assert error["code"] == "Request_ResourceNotFound"
    assert set(error["innerError"]) == {"date", "request-id", "client-request-id"}


def test_inner_throttling_gives_each_request_its_own_retry_after(
    demo_tenant: DemoTenant,
) -> None:
    graph = Graph(demo_tenant)
    demo_tenant.faults.throttle_rate = 0.5
    demo_tenant.faults.throttle_retry_after = 0.4
    batch = {"requests": [get(str(i), "/organization") for i in range(20)]}
    answers = responses_by_id(graph.post("/$batch", batch))
    throttled = [a for a in answers.values() if a["status"] == 429]
    served = [a for a in answers.values() if a["status"] == 200]
    assert throttled and served
    waits = [float(a["headers"]["Retry-After"]) for a in throttled]
    assert all(0.2 <= w <= 0.6 for w in waits)
    assert all(a["body"]["error"]["code"] == "TooManyRequests" for a in throttled)
    assert demo_tenant.stats.batch_requests == 20
    assert demo_tenant.stats.throttled == len(throttled)


def test_inner_writes_count_against_the_write_limit(demo_tenant: DemoTenant) -> None:
    graph = Graph(demo_tenant)
    demo_tenant.faults.write_limit = (3, 60.0)
    users = graph.users()[:5]
    batch = {
        "requests": [
            {"id": str(i), "method": "PATCH", "url": f"/users/{u['id']}",
             "headers": JSON, "body": {"department": "IT"}}
            for i, u in enumerate(users)
        ]
    }  # fmt: skip
    answers = responses_by_id(graph.post("/$batch", batch))
    statuses = sorted(a["status"] for a in answers.values())
    assert statuses == [204, 204, 204, 429, 429]
    assert demo_tenant.stats.writes == 3


def test_absolute_and_versioned_urls_pointing_here_are_accepted(graph_ro: Graph) -> None:
    # Microsoft's Python SDK sends absolute URLs inside batches.
    base = graph_ro.tenant.base_url
    batch = {
        "requests": [
            get("abs", f"{base}/organization"),
            get("ver", "/v1.0/organization"),
            get("rel", "organization"),
            get("far", "https://example.com/v1.0/organization"),
        ]
    }
    answers = responses_by_id(graph_ro.post("/$batch", batch))
    assert {k: a["status"] for k, a in answers.items()} == {
        "abs": 200,
        "ver": 200,
        "rel": 200,
        "far": 400,
    }

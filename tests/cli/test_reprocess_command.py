"""``license-desk reprocess`` against a demo tenant: a member's group license in error heals
only once its cause is fixed and the member is reprocessed; by users, by group and for every
user in error; undo has nothing to restore; bad input is one line and exit 2."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner
from tests.demo.support import BASIC, Graph

NESTED = "Zarząd – asystenci"


def stuck_member(demo_tenant: DemoTenant) -> tuple[Graph, str, str, str]:
    """A member of the nested group whose new Business Basic is refused for its usage location,
    then moved back to Poland: (graph, group id, user id, sku id)."""
    demo_tenant.group_processing.delay = 0.2
    graph = Graph(demo_tenant)
    group_id = graph.group(NESTED)["id"]
    member = graph.get(f"/groups/{group_id}/members").json()["value"][0]["id"]
    assert graph.patch(f"/users/{member}", {"usageLocation": "KP"}).status_code == 204
    basic = graph.skus()[BASIC]["skuId"]
    body = {"addLicenses": [{"skuId": basic, "disabledPlans": []}], "removeLicenses": []}
    assert graph.post(f"/groups/{group_id}/assignLicense", body).status_code == 202
    deadline = time.monotonic() + 15
    while error_of(graph, member, group_id, basic) is None:
        if time.monotonic() > deadline:
            pytest.fail("the group's license never reached the member")
        time.sleep(0.05)
    assert graph.patch(f"/users/{member}", {"usageLocation": "PL"}).status_code == 204
    return graph, group_id, member, basic


def error_of(graph: Graph, user: str, group_id: str, sku: str) -> str | None:
    states: list[dict[str, Any]] = graph.user(user)["licenseAssignmentStates"]
    found = [s for s in states if s["assignedByGroup"] == group_id and s["skuId"] == sku]
    return found[0]["error"] if found else None


def test_reprocess_a_group_heals_a_fixed_error_and_undo_has_nothing_to_restore(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    graph, group_id, member, basic = stuck_member(demo_tenant)
    assert error_of(graph, member, group_id, basic) == "ProhibitedInUsageLocationViolation"
    shown = cli("reprocess", "--group", NESTED, "--dry-run")
    assert shown.code == 0, shown.err
    assert "process its group licenses again" in shown.out
    assert error_of(graph, member, group_id, basic) == "ProhibitedInUsageLocationViolation"
    done = cli("reprocess", "--group", NESTED, "--yes", "--json")
    assert done.code == 0, done.err
    document = json.loads(done.out)
    assert document["kind"] == "reprocess" and document["status"] == "applied"
    assert document["run"]["done"] == 2  # both members of the group
    assert error_of(graph, member, group_id, basic) == "None"
    undo = cli("undo", document["run"]["runId"], "--yes", "--json")
    undone = json.loads(undo.out)
    assert undone["status"] == "nothing-to-do", undo.out
    assert error_of(graph, member, group_id, basic) == "None"


def test_reprocess_errors_takes_every_user_in_error(cli: Runner, demo_tenant: DemoTenant) -> None:
    graph = Graph(demo_tenant)
    in_error = {
        u["userPrincipalName"]
        for u in graph.users()
        if any(
            s["assignedByGroup"] and s["state"] != "Active" for s in u["licenseAssignmentStates"]
        )
    }
    shown = json.loads(cli("reprocess", "--errors", "--dry-run", "--json").out)
    assert {c["user"] for c in shown["changes"]} == in_error
    assert shown["status"] == "dry-run"


def test_reprocess_by_users(cli: Runner, demo_tenant: DemoTenant) -> None:
    graph, group_id, member, basic = stuck_member(demo_tenant)
    upn = graph.user(member)["userPrincipalName"]
    done = cli("reprocess", "--users", upn, "--yes")
    assert done.code == 0, done.err
    assert error_of(graph, member, group_id, basic) == "None"


@pytest.mark.parametrize(
    "argv",
    [
        ["reprocess", "--group", "No such group"],
        ["reprocess", "--users", "nobody@nowhere.example", "--yes"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli: Runner, argv: list[str]) -> None:
    """Option clashes are argparse's (tests/cli/test_no_traceback.py covers every subcommand)."""
    result = cli(*argv)
    assert result.code == 2
    assert "Traceback" not in result.err and result.err.strip()

"""Off-boarding a user whose license comes from a group: ``assign --remove`` is refused with the
way out named, and ``--leave-groups`` removes the user from the granting group instead (the
preview says what goes), journaled and undone like any change."""

from __future__ import annotations

import json
from typing import Any

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner
from tests.demo.support import Graph

E3_GROUP = "Licencje – Office 365 E3 (Zarząd)"


def only_through_group(graph: Graph) -> tuple[dict[str, Any], str]:
    gid = str(graph.group(E3_GROUP)["id"])
    user = next(
        u
        for u in graph.users()
        if [(s["assignedByGroup"], s["state"]) for s in u["licenseAssignmentStates"]]
        == [(gid, "Active")]
    )
    return user, gid


def test_removing_an_inherited_license_leaves_the_group_and_undo_rejoins(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    graph = Graph(demo_tenant)
    user, gid = only_through_group(graph)
    upn = user["userPrincipalName"]

    refused = cli("assign", "--users", upn, "--remove", "ENTERPRISEPACK", "--dry-run")
    assert refused.code == 2
    assert "--leave-groups" in refused.out + refused.err

    shown = cli(
        "assign", "--users", upn, "--remove", "ENTERPRISEPACK", "--leave-groups", "--dry-run"
    )
    assert shown.code == 0, shown.out + shown.err
    assert f"remove from the group '{E3_GROUP}'" in shown.out
    assert f"loses Office 365 E3, which the group '{E3_GROUP}' gives" in shown.out
    assert user["id"] in graph.member_ids(gid)

    done = cli(
        "assign", "--users", upn, "--remove", "ENTERPRISEPACK", "--leave-groups", "--yes", "--json"
    )
    assert done.code == 0, done.err
    run_id = json.loads(done.out)["run"]["runId"]
    assert user["id"] not in graph.member_ids(gid)
    assert graph.user(user["id"])["assignedLicenses"] == []

    assert cli("undo", run_id, "--yes").code == 0
    assert user["id"] in graph.member_ids(gid)


def test_leave_groups_without_remove_is_bad_input(cli: Runner) -> None:
    result = cli("assign", "--users", "a@contoso.pl", "--add", "FLOW_FREE", "--leave-groups")
    assert result.code == 2
    assert "--leave-groups needs --remove" in result.err

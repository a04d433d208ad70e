"""``license-desk group-members`` against a demo tenant: the preview says what each user gains
or loses through the group, the change applies, ``undo`` puts the memberships back, and bad
input is one line with exit 2."""

from __future__ import annotations

import json

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner
from tests.demo.support import Graph

E3_GROUP = "Licencje – Office 365 E3 (Zarząd)"


def test_add_to_a_group_says_what_it_gives_applies_and_undo_removes(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    graph = Graph(demo_tenant)
    gid = graph.group(E3_GROUP)["id"]
    members = graph.member_ids(gid)
    user = next(
        u
        for u in graph.users()
        if u["id"] not in members and not u["assignedLicenses"] and u["usageLocation"]
    )
    upn = user["userPrincipalName"]

    shown = cli("group-members", "--group", E3_GROUP, "--add", upn, "--dry-run")
    assert shown.code == 0, shown.err
    assert f"add to the group '{E3_GROUP}'" in shown.out
    assert f"gets Office 365 E3 through the group '{E3_GROUP}'" in shown.out
    assert user["id"] not in graph.member_ids(gid)

    done = cli("group-members", "--group", gid, "--add", upn, "--yes", "--json")
    assert done.code == 0, done.err
    document = json.loads(done.out)
    assert document["kind"] == "add-members" and document["run"]["done"] == 1
    assert user["id"] in graph.member_ids(gid)

    undone = cli("undo", document["run"]["runId"], "--yes")
    assert undone.code == 0, undone.err
    assert f"remove from the group '{E3_GROUP}'" in undone.out
    assert user["id"] not in graph.member_ids(gid)


def test_remove_from_a_group_warns_of_the_license_and_mailbox_lost(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    graph = Graph(demo_tenant)
    gid = graph.group(E3_GROUP)["id"]
    members = graph.member_ids(gid)
    member = next(
        u
        for u in graph.users()
        if u["id"] in members
        and [s["assignedByGroup"] for s in u["licenseAssignmentStates"]] == [gid]
        and u["licenseAssignmentStates"][0]["state"] == "Active"
    )
    shown = cli(
        "group-members", "--group", E3_GROUP, "--remove", member["userPrincipalName"], "--dry-run"
    )
    assert shown.code == 0, shown.err
    assert f"loses Office 365 E3, which the group '{E3_GROUP}' gives" in shown.out
    assert "the mailbox data is deleted 30 days later" in shown.out


def test_an_unknown_group_is_one_line_and_exit_2(cli: Runner) -> None:
    result = cli("group-members", "--group", "No such group", "--add", "a@contoso.pl")
    assert result.code == 2
    assert "No licensed group is named 'No such group'" in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1

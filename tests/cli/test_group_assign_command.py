"""``license-desk group-assign`` against a demo tenant: the preview says what the group's change
does to its members, applying follows the members until processed (in --json too), undo puts the
group back, --remove-direct-copies frees the doubled seats' direct copies, bad input is exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner
from tests.cli.json_schema_check import validate
from tests.demo.support import Graph

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "cli-json.schema.json").read_text("utf-8")
)
E3_GROUP = "Licencje – Office 365 E3 (Zarząd)"
STANDARD_GROUP = "Licencje – Microsoft 365 Business Standard"


def group_licenses(graph: Graph, name: str) -> list[str]:
    return [lic["skuId"] for lic in graph.group(name)["assignedLicenses"]]


def test_licensing_a_group_previews_applies_follows_members_and_undoes(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    demo_tenant.group_processing.delay = 0.2
    graph = Graph(demo_tenant)
    before = group_licenses(graph, E3_GROUP)

    shown = cli("group-assign", "--group", E3_GROUP, "--add", "FLOW_FREE", "--dry-run")
    assert shown.code == 0, shown.err
    assert f"Change licenses of the group {E3_GROUP}" in shown.out
    assert "for every member, through the group" in shown.out
    assert "the nested group 'Zarząd – asystenci' passes nothing on" in shown.out
    assert group_licenses(graph, E3_GROUP) == before

    done = cli("group-assign", "--group", E3_GROUP, "--add", "FLOW_FREE", "--yes", "--json")
    assert done.code == 0, done.err
    document = json.loads(done.out)
    validate(document, SCHEMA, "change")
    assert document["kind"] == "group-license" and document["run"]["done"] == 1
    followed = document["propagation"]
    assert followed["finished"] and followed["processed"] == followed["members"] > 0
    assert "Every member processed" in done.err
    assert len(group_licenses(graph, E3_GROUP)) == len(before) + 1

    undone = cli("undo", document["run"]["runId"], "--yes")
    assert undone.code == 0, undone.err
    assert group_licenses(graph, E3_GROUP) == before


def test_removing_a_license_from_a_group_says_how_many_members_and_mailboxes(
    cli: Runner,
) -> None:
    shown = cli("group-assign", "--group", E3_GROUP, "--remove", "ENTERPRISEPACK", "--dry-run")
    assert shown.code == 0, shown.err
    assert "members lose Office 365 E3 (" in shown.out
    assert "of them the last Exchange license: mailbox data deleted 30 days later" in shown.out


def test_remove_direct_copies_keeps_every_member_licensed(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    graph = Graph(demo_tenant)
    standard = graph.skus()["O365_BUSINESS_PREMIUM"]["skuId"]
    doubled = [
        u
        for u in graph.users()
        if {
            s["assignedByGroup"] is None
            for s in u["licenseAssignmentStates"]
            if s["skuId"] == standard
        }
        == {True, False}
    ]
    assert doubled
    done = cli("group-assign", "--group", STANDARD_GROUP, "--remove-direct-copies", "--yes")
    assert done.code == 0, done.out + done.err
    for user in doubled:
        states = graph.user(user["id"])["licenseAssignmentStates"]
        mine = [s for s in states if s["skuId"] == standard]
        if any(s["assignedByGroup"] and s["state"] == "Active" for s in mine):
            assert all(s["assignedByGroup"] for s in mine)  # the direct copy went
        assert standard in {lic["skuId"] for lic in graph.user(user["id"])["assignedLicenses"]}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--disable-plan", "SWAY"], "Nothing to do"),
        (["--remove", "SPB", "--disable-plan", "SWAY"], "--disable-plan needs --add"),
        (["--add", "SPB", "--remove-direct-copies"], "--remove-direct-copies goes alone"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(cli: Runner, args: list[str], says: str) -> None:
    result = cli("group-assign", "--group", E3_GROUP, *args)
    assert result.code == 2
    assert says in result.err and "Traceback" not in result.err


def group_apps_off(graph: Graph, name: str, sku_id: str) -> list[str]:
    groups = graph.get("/groups", params={"$select": "id,displayName,assignedLicenses"}).json()
    group = next(g for g in groups["value"] if g["displayName"] == name)
    return next(
        sorted(lic["disabledPlans"]) for lic in group["assignedLicenses"] if lic["skuId"] == sku_id
    )


def test_changing_a_groups_apps_says_so_applies_and_undo_turns_them_off_again(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    demo_tenant.group_processing.delay = 0.2
    graph = Graph(demo_tenant)
    e3 = graph.skus()["ENTERPRISEPACK"]["skuId"]
    before = group_apps_off(graph, E3_GROUP, e3)
    assert before  # an app of the group's E3 is off

    # Without --disable-plan, every app of a package the group holds goes on.
    shown = cli("group-assign", "--group", E3_GROUP, "--add", "ENTERPRISEPACK", "--dry-run")
    assert shown.code == 0, shown.err
    assert shown.out.startswith(f"Change apps in the group {E3_GROUP}: 1 of 1"), shown.out
    assert f"  {E3_GROUP}: add Office 365 E3, for every member, through the group" in shown.out
    assert group_apps_off(graph, E3_GROUP, e3) == before

    done = cli("group-assign", "--group", E3_GROUP, "--add", "ENTERPRISEPACK", "--yes", "--json")
    assert done.code == 0, done.err
    document = json.loads(done.out)
    validate(document, SCHEMA, "change")
    assert document["kind"] == "group-apps" and document["run"]["done"] == 1
    assert group_apps_off(graph, E3_GROUP, e3) == []

    undone = cli("undo", document["run"]["runId"], "--yes")
    assert undone.code == 0, undone.err
    assert f"{E3_GROUP}: add Office 365 E3" in undone.out
    assert group_apps_off(graph, E3_GROUP, e3) == before


def test_removing_direct_copies_says_which_and_undo_gives_them_back(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    graph = Graph(demo_tenant)
    standard = graph.skus()["O365_BUSINESS_PREMIUM"]["skuId"]

    shown = cli("group-assign", "--group", STANDARD_GROUP, "--remove-direct-copies", "--dry-run")
    assert shown.code == 0, shown.err
    first = shown.out.splitlines()[0]
    assert first.startswith("Remove direct licenses a group gives for "), shown.out
    going = [
        line.strip().split(":")[0]
        for line in shown.out.splitlines()
        if line.endswith(": remove Microsoft 365 Business Standard")
    ]
    assert going, shown.out

    def direct(upn: str) -> bool:
        return standard in demo_tenant.store.user_licenses(upn)

    assert all(direct(upn) for upn in going)
    done = cli(
        "group-assign", "--group", STANDARD_GROUP, "--remove-direct-copies", "--yes", "--json"
    )
    assert done.code == 0, done.err
    document = json.loads(done.out)
    assert document["kind"] == "remove-covered"
    assert not any(direct(upn) for upn in going)

    undone = cli("undo", document["run"]["runId"], "--yes")
    assert undone.code == 0, undone.err
    assert all(f"{upn}: add Microsoft 365 Business Standard" in undone.out for upn in going)
    assert all(direct(upn) for upn in going)

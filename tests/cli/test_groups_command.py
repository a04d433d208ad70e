"""``license-desk groups [--json]`` against a demo tenant: licensed groups, their packages with
the apps turned off, member counts, members in error and why; ``users --json`` says which
licenses are direct or inherited and who is synced from on-premises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import Runner
from tests.cli.json_schema_check import validate

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "cli-json.schema.json").read_text("utf-8")
)


def test_groups_json_lists_licensed_groups_and_members_in_error(cli: Runner) -> None:
    result = cli("groups", "--json")
    assert result.code == 0, result.err
    groups: list[dict[str, Any]] = json.loads(result.out)
    validate(groups, SCHEMA, "groups")
    assert len(groups) == 2  # the nested group carries nothing, so it is not listed
    users = json.loads(cli("users", "--json").out)
    for group in groups:
        inheriting = [
            u
            for u in users
            if any(group["id"] in {g["id"] for g in lic["inheritedFrom"]} for lic in u["licenses"])
        ]
        assert group["memberCount"] >= len(inheriting) > 0
        assert group["membersInError"]
        for member in group["membersInError"]:
            assert {e["error"] for e in member["errors"]} <= {
                "CountViolation",
                "MutuallyExclusiveViolation",
                "UniquenessViolation",
            }
    e3 = next(g for g in groups if g["packages"][0]["skuPartNumber"] == "ENTERPRISEPACK")
    assert e3["packages"][0]["disabledPlans"]  # the group turns Viva Engage off, by name
    assert not any("-" in name and len(name) == 36 for name in e3["packages"][0]["disabledPlans"])
    assert {e["error"] for m in e3["membersInError"] for e in m["errors"]} == {
        "MutuallyExclusiveViolation",
        "UniquenessViolation",
    }
    synced = [u for u in users if u["onPremisesSyncEnabled"] is True]
    assert synced and len(synced) < len(users)


def test_groups_table(cli: Runner) -> None:
    result = cli("groups")
    assert result.code == 0, result.err
    assert "2 licensed group(s)" in result.out
    assert "IN ERROR" in result.out and "Office 365 E3" in result.out

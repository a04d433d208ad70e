"""``--json`` outputs, real ones from the demo tenant, against ``docs/cli-json.schema.json``,
and the rules that let PowerShell's ``ConvertFrom-Json`` read them as they are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.demo import DemoTenant
from desktop.licensing.types import Outcome, PlanKind
from tests.cli.conftest import Result, Runner
from tests.cli.json_schema_check import errors, validate
from tests.cli.tenant_picks import pick

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "cli-json.schema.json"
DOMAIN = "bursztynlogistyka.pl"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    data = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _pairs_unique_ignoring_case(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    folded = [k.casefold() for k in keys]
    assert len(set(folded)) == len(folded), f"keys differing only in case: {keys}"
    assert all(keys), "an empty key (ConvertFrom-Json refuses it)"
    return dict(pairs)


def powershell_reads(result: Result) -> Any:
    """What ConvertFrom-Json needs: ASCII text (no code-page surprises), no BOM, one document,
    and no two keys of one object that differ only in case (it folds case)."""
    text = result.out
    assert text.isascii(), "non-ASCII output: PowerShell may decode it with the OEM code page"
    assert not text.startswith("\ufeff")
    return json.loads(text, object_pairs_hook=_pairs_unique_ignoring_case)


def test_listings_match_the_schema(cli: Runner, schema: dict[str, Any]) -> None:
    users = powershell_reads(cli("users", "--json"))
    validate(users, schema, "users")
    assert any(not u["displayName"].isascii() for u in users)  # Polish names, escaped
    validate(powershell_reads(cli("skus", "--json")), schema, "skus")


def test_change_documents_match_the_schema(
    cli: Runner, demo_tenant: DemoTenant, schema: dict[str, Any], tmp_path: Path
) -> None:
    (allowed,) = pick(demo_tenant, lambda u: u.account_enabled and bool(u.usage_location))
    upn = allowed.user_principal_name
    seen: set[str] = set()
    outputs = [
        cli("block", "--users", upn, "--dry-run", "--json"),
        cli("block", "--users", upn, "--json"),  # not confirmed: no terminal, no --yes
        cli("block", "--users", upn, "--yes", "--json"),
        cli("block", "--users", upn, "--yes", "--json"),  # nothing to do now
        cli("location", "--users", "ghost@x.pl", "--set", "PL", "--yes", "--json"),  # blocked
        cli("user", "create", "--upn", f"json.user@{DOMAIN}", "--name", "Jśon", "--yes", "--json"),
        cli("assign", "--users", upn, "--add", "FLOW_FREE", "--dry-run", "--json"),
    ]
    history = cli("history").out.splitlines()[1].split()[0]
    outputs.append(cli("undo", history, "--dry-run", "--json"))
    for result in outputs:
        data = powershell_reads(result)
        validate(data, schema, "change")
        assert data["exitCode"] == result.code
        seen.add(data["status"])
    assert seen == {"dry-run", "not-confirmed", "applied", "nothing-to-do", "blocked"}
    runs = powershell_reads(cli("history", "--json"))
    validate(runs, schema, "history")
    assert [r["kind"] for r in runs][:2] == ["create", "sign-in"]  # newest first


def test_schema_kinds_and_outcomes_are_the_engines(schema: dict[str, Any]) -> None:
    kinds = schema["$defs"]["kind"]["enum"]
    assert set(kinds) == {k.value for k in PlanKind}
    run = schema["$defs"]["run"]
    outcomes = run["properties"]["results"]["items"]["properties"]["outcome"]["enum"]
    assert set(outcomes) == {o.value for o in Outcome}
    assert {o.value for o in Outcome} <= set(run["required"])  # a count for each


def test_the_validator_catches_what_the_schema_forbids(schema: dict[str, Any]) -> None:
    good = {
        "format": 1, "command": "block", "kind": "sign-in", "description": "", "status": "dry-run",
        "exitCode": 0, "changes": [], "problems": [], "seats": [], "run": None,
    }  # fmt: skip
    assert not errors(good, {"$ref": "#/$defs/change"}, schema)
    assert errors({**good, "exitCode": 3}, {"$ref": "#/$defs/change"}, schema)
    assert errors({**good, "Extra": 1}, {"$ref": "#/$defs/change"}, schema)
    assert errors({**good, "run": {"runId": 1}}, {"$ref": "#/$defs/change"}, schema)
    del good["run"]
    assert errors(good, {"$ref": "#/$defs/change"}, schema)

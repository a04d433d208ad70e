"""Write permissions asked for when a change first needs them (incremental consent): the demo
identity platform enforces delegated write scopes like Graph (403 Authorization_RequestDenied,
also per request inside $batch), the core maps plans to scopes and widens a signed-in token
provider only after consent, and the command line stops before sending with the login hint."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.auth import scopes as graph_scopes
from desktop.auth.accounts import AccountManager
from desktop.auth.config import KEYRING_NAMESPACE_ENV, LOGIN_URL_ENV
from desktop.auth.errors import ConsentRequiredError
from desktop.auth.write_access import ensure_write_access
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.graph.tokens import StaticToken
from desktop.licensing.needed_scopes import plan_scopes
from desktop.licensing.types import Plan, PlanKind, UserChange
from desktop.paths import tenant_journal_file
from tests.auth.demo_identity import NAMESPACE, SignInWorld, form_posting_browser, jwt_claims
from ui.launcher import main

DENIED = "Authorization_RequestDenied"
INSUFFICIENT = "Insufficient privileges to complete the operation."


def sign_in_with(world: SignInWorld, manager: AccountManager, scopes: tuple[str, ...]) -> None:
    flow = manager.start_device_code(scopes)
    world.identity.approve_device_code(flow.user_code)
    flow.wait()


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def unlicensed_user(world: SignInWorld, token: str) -> str:
    answer = requests.get(
        f"{world.tenant.base_url}/users",
        params={"$select": "id,usageLocation,assignedLicenses", "$top": "100"},
        headers=headers(token),
        timeout=10,
    )
    answer.raise_for_status()
    users: list[dict[str, Any]] = answer.json()["value"]
    return next(u["id"] for u in users if u["usageLocation"] and not u["assignedLicenses"])


def assign_body(world: SignInWorld) -> dict[str, Any]:
    sku_id = world.tenant.sku_id("EXCHANGESTANDARD")
    return {"addLicenses": [{"skuId": sku_id, "disabledPlans": []}], "removeLicenses": []}


# -- the demo identity enforces delegated scopes ---------------------------------------------


def test_a_read_only_token_is_refused_writes_directly_and_inside_a_batch(
    world: SignInWorld,
) -> None:
    manager = world.manager()
    world.sign_in(manager)  # browse: read scopes only
    token = manager.acquire_token(graph_scopes.BROWSE).value
    assert "LicenseAssignment.ReadWrite.All" not in str(jwt_claims(token)["scp"])
    user_id = unlicensed_user(world, token)  # reads still work
    base = world.tenant.base_url

    direct = requests.post(
        f"{base}/users/{user_id}/assignLicense",
        json=assign_body(world),
        headers=headers(token),
        timeout=10,
    )
    assert direct.status_code == 403
    assert direct.json()["error"]["code"] == DENIED
    assert direct.json()["error"]["message"] == INSUFFICIENT

    batch = requests.post(
        f"{base}/$batch",
        json={
            "requests": [
                {"id": "1", "method": "GET", "url": f"/users/{user_id}"},
                {
                    "id": "2",
                    "method": "POST",
                    "url": f"/users/{user_id}/assignLicense",
                    "headers": {"Content-Type": "application/json"},
                    "body": assign_body(world),
                },
                {
                    "id": "3",
                    "method": "PATCH",
                    "url": f"/users/{user_id}",
                    "headers": {"Content-Type": "application/json"},
                    "body": {"usageLocation": "DE"},
                },
            ]
        },
        headers=headers(token),
        timeout=10,
    )
    assert batch.status_code == 200
    answers = {r["id"]: r for r in batch.json()["responses"]}
    assert answers["1"]["status"] == 200  # each inner request is judged on its own
    for refused in ("2", "3"):
        assert answers[refused]["status"] == 403
        assert answers[refused]["body"]["error"]["code"] == DENIED
    assert world.tenant.assigned_licenses(user_id) == {}


def test_a_token_with_the_write_scope_may_assign(world: SignInWorld) -> None:
    manager = world.manager()
    sign_in_with(world, manager, graph_scopes.CHANGE_LICENSES)
    token = manager.acquire_token(graph_scopes.CHANGE_LICENSES).value
    user_id = unlicensed_user(world, token)
    answer = requests.post(
        f"{world.tenant.base_url}/users/{user_id}/assignLicense",
        json=assign_body(world),
        headers=headers(token),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert world.tenant.sku_id("EXCHANGESTANDARD") in world.tenant.assigned_licenses(user_id)
    # The license scope does not let it change the user itself.
    patch = requests.patch(
        f"{world.tenant.base_url}/users/{user_id}",
        json={"usageLocation": "DE"},
        headers=headers(token),
        timeout=10,
    )
    assert patch.status_code == 403


# -- the core: scopes per plan, silent widening, consent ---------------------------------------


LICENSE = AssignedLicense("sku-1")


@pytest.mark.parametrize(
    ("change", "licenses", "users"),
    [
        (UserChange("u", add=(LICENSE,)), True, False),
        (UserChange("u", remove=("sku-1",)), True, False),
        (UserChange("u", usage_location="DE"), False, True),
        (UserChange("u", account_enabled=False), False, True),
        (UserChange("u", delete=True), False, True),
        (UserChange("u", clear_usage_location=True), False, True),
        (UserChange("u", add=(LICENSE,), usage_location="DE"), True, True),
    ],
)
def test_each_kind_of_change_needs_its_scope(
    change: UserChange, licenses: bool, users: bool
) -> None:
    scopes = plan_scopes(Plan(PlanKind.MIXED, (change,)))
    assert ("LicenseAssignment.ReadWrite.All" in scopes) is licenses
    assert ("User.ReadWrite.All" in scopes) is users
    assert set(graph_scopes.BROWSE) <= set(scopes)  # reading goes on after the change


def test_creating_a_user_needs_user_write_and_nothing_to_do_needs_nothing() -> None:
    new = NewUser("New Person", "new@x.test", PasswordProfile("Secret-123"), usage_location="DE")
    assert "User.ReadWrite.All" in plan_scopes(
        Plan(PlanKind.CREATE, (UserChange("n", create=new),))
    )
    assert plan_scopes(Plan(PlanKind.ASSIGN, ())) == ()


def test_consent_is_required_then_granted_in_the_browser_and_the_provider_carries_it(
    world: SignInWorld,
) -> None:
    opened: list[str] = []
    manager = world.manager(open_browser=form_posting_browser(opened))
    world.sign_in(manager)
    provider = manager.token_provider()
    assert "LicenseAssignment.ReadWrite.All" not in str(jwt_claims(provider.token())["scp"])

    with pytest.raises(ConsentRequiredError) as refused:
        ensure_write_access(provider, graph_scopes.CHANGE_LICENSES)
    assert "LicenseAssignment.ReadWrite.All" in refused.value.scopes
    assert provider.scopes == graph_scopes.BROWSE  # not widened by a refusal

    manager.sign_in_interactive(
        graph_scopes.CHANGE_LICENSES, login_hint=world.admin.username
    )  # the person consents in the browser
    assert f"login_hint={world.admin.username.replace('@', '%40')}" in opened[0]
    ensure_write_access(provider, graph_scopes.CHANGE_LICENSES)
    scp = str(jwt_claims(provider.token())["scp"]).split()
    assert "LicenseAssignment.ReadWrite.All" in scp
    assert "User.Read.All" in scp


def test_a_fixed_token_is_never_asked_for_scopes() -> None:
    ensure_write_access(StaticToken("demo"), graph_scopes.CHANGE_USERS)  # nothing to do, no error


# -- the command line ------------------------------------------------------------------------

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(
    world: SignInWorld,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> Run:
    monkeypatch.setenv(LOGIN_URL_ENV, world.tenant.root_url)
    monkeypatch.setenv(KEYRING_NAMESPACE_ENV, NAMESPACE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the per-tenant journal
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("LICENSE_DESK_GRAPH_URL", "LICENSE_DESK_TOKEN", "LICENSE_DESK_JOURNAL"):
        monkeypatch.delenv(name, raising=False)

    def run_cli(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_cli


def login(world: SignInWorld, run: Run, *extra: str) -> None:
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run("login", "--device-code", *extra)))
    worker.start()
    world.identity.approve_device_code(world.identity.wait_for_device_code())
    worker.join(timeout=60)
    assert result and result[0][0] == 0


def test_cli_signed_in_to_browse_stops_an_assign_with_the_login_hint(
    world: SignInWorld, run: Run, tmp_path: Path
) -> None:
    login(world, run)  # --access browse, the default
    target = world.tenant.store.users_page("1", (), 1, 1)[0][2]
    url = world.tenant.base_url
    writes = world.tenant.stats.snapshot()["writes"]
    licenses = world.tenant.assigned_licenses(target)
    code, _out, err = run(
        "assign", "--users", target, "--add", "EXCHANGESTANDARD", "--yes", "--graph-url", url
    )
    assert code == 2
    assert (
        "License Desk has no permission to change licenses yet: run "
        "`license-desk login --access licenses` (or --access all) and try again." in err
    )
    assert world.tenant.stats.snapshot()["writes"] == writes  # nothing was sent
    assert world.tenant.assigned_licenses(target) == licenses

    login(world, run, "--access", "licenses")
    code, _out, err = run(
        "assign", "--users", target, "--add", "EXCHANGESTANDARD", "--yes", "--graph-url", url
    )
    assert code == 0, err
    assert world.tenant.sku_id("EXCHANGESTANDARD") in world.tenant.assigned_licenses(target)
    # The signed-in tenant's own journal, beside the default one.
    journal = tmp_path / "data" / "license-desk" / tenant_journal_file(world.tenant.tenant_id)
    assert journal.exists()
    code, out, _ = run("history")
    assert code == 0 and "assign" in out


def test_per_tenant_journal_files_differ() -> None:
    first = tenant_journal_file("11111111-1111-1111-1111-111111111111")
    second = tenant_journal_file("22222222-2222-2222-2222-222222222222")
    assert first != second
    assert first == "journal-11111111-1111-1111-1111-111111111111.sqlite3"
    assert "/" not in tenant_journal_file("../evil/x")

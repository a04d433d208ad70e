"""``license-desk people``: import an HR export, list, create accounts with licenses, undo.
Over real HTTP against a demo tenant; the list lives in a temporary data folder."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner, Terminal
from tests.cli.tenant_picks import find, pick, users_of

DOMAIN = "bursztynlogistyka.pl"
E3 = "ENTERPRISEPACK"
FLOW = "FLOW_FREE"


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "license-desk"


def _hr(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "hr.csv"
    header = "Imię;Nazwisko;E-mail;Dział;Kraj;Nr kadrowy"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def _listed(cli: Runner) -> list[dict[str, str | None]]:
    result = cli("people", "list", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert isinstance(rows, list)
    return rows


def test_bad_rows_are_listed_by_line_and_nobody_is_added(cli: Runner, tmp_path: Path) -> None:
    path = _hr(tmp_path, "Ewa;Lis;ewa@prywatna.pl;IT;PL;1", "Jan;Kos;jan@;IT;XX;2")
    result = cli("people", "import", str(path), "--yes")
    assert result.code == 2
    assert "line 3: email 'jan@' is not an address of the form name@domain" in result.err
    assert "line 3: usage location 'XX' is not a two-letter country code" in result.err
    assert "nobody was added" in result.err and "Traceback" not in result.err
    assert _listed(cli) == []


def test_preview_dry_run_and_confirmation(cli: Runner, tmp_path: Path) -> None:
    path = _hr(tmp_path, "Ewa;Lis;ewa@prywatna.pl;IT;PL;1")
    dry = cli("people", "import", str(path), "--dry-run")
    assert dry.code == 0 and "Imię → first" in dry.out and "Not used: Nr kadrowy" in dry.out
    assert "Ewa Lis" in dry.out and _listed(cli) == []
    refused = cli("people", "import", str(path))  # not a terminal, no --yes
    assert refused.code == 2 and "--yes" in refused.err and _listed(cli) == []
    declined = cli("people", "import", str(path), stdin=Terminal("n\n"))
    assert declined.code == 0 and _listed(cli) == []
    accepted = cli("people", "import", str(path), stdin=Terminal("t\n"))  # Polish "tak"
    assert accepted.code == 0, accepted.err
    assert [r["displayName"] for r in _listed(cli)] == ["Ewa Lis"]


def test_existing_users_are_linked_and_collisions_numbered(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    (known,) = pick(demo_tenant, lambda u: u.user_principal_name.count(".") >= 2)
    first, last = known.user_principal_name.split("@")[0].split(".", 1)
    path = _hr(
        tmp_path,
        f"Known;Person;{known.user_principal_name.upper()};IT;PL;1",
        f"{first.title()};{last.title()};a@prywatna.pl;IT;PL;2",
        f"{first.title()};{last.title()};b@prywatna.pl;IT;PL;3",
    )
    result = cli("people", "import", str(path), "--yes")
    assert result.code == 0, result.err
    assert "Added 3 people (1 linked to existing users)" in result.out
    rows = {r["email"]: r for r in _listed(cli)}
    linked = rows[known.user_principal_name.upper()]
    assert (linked["status"], linked["userId"]) == ("linked", known.id)
    assert rows["a@prywatna.pl"]["userPrincipalName"] == f"{first}.{last}2@{DOMAIN}"
    assert rows["b@prywatna.pl"]["userPrincipalName"] == f"{first}.{last}3@{DOMAIN}"
    # Importing again adds nobody and creates no duplicate.
    again = cli("people", "import", str(path), "--yes")
    assert "Added 0 people" in again.out and "3 already on the list" in again.out
    table = cli("people", "list").out
    assert "Not activated" in table and "2 not activated, 1 linked." in table


def test_licensing_pending_people_creates_then_links_and_undo_deletes_exactly_them(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path, journal_file: Path
) -> None:
    path = _hr(tmp_path, "Łucja;Żak;lz@prywatna.pl;Kadry;;1", "Piotr;Wąs;pw@prywatna.pl;IT;DE;2")
    assert cli("people", "import", str(path), "--yes").code == 0
    before = {u.id for u in users_of(demo_tenant)}
    seats = demo_tenant.free_seats(E3)
    preview = cli("people", "create", "--all", "--license", E3, "--usage-location", "PL",
                  "--dry-run")  # fmt: skip
    assert preview.code == 0, preview.err
    assert preview.out.count("create the account") == 2
    asked = cli("people", "create", "--all", "--license", E3, "--usage-location", "PL",
                stdin=Terminal("y\n"), connect=True)  # fmt: skip
    assert "This creates 2 new account(s)." in asked.err
    assert asked.code == 0, asked.err
    lucja, piotr = (
        find(demo_tenant, f"lucja.zak@{DOMAIN}"),
        find(demo_tenant, f"piotr.was@{DOMAIN}"),
    )
    assert lucja is not None and piotr is not None
    sku = demo_tenant.sku_id(E3)
    assert (lucja.sku_ids, lucja.usage_location, lucja.department) == ({sku}, "PL", "Kadry")
    assert (piotr.sku_ids, piotr.usage_location) == ({sku}, "DE")
    assert demo_tenant.free_seats(E3) == seats - 2
    assert asked.out.count("Temporary password for ") == 2
    passwords = [line.rsplit(": ", 1)[1] for line in asked.out.splitlines()
                 if line.startswith("Temporary password for ")]  # fmt: skip
    journal = b"".join(p.read_bytes() for p in journal_file.parent.rglob("journal*") if p.is_file())
    assert all(p.encode() not in journal for p in passwords)
    rows = _listed(cli)
    assert {r["status"] for r in rows} == {"linked"}
    assert {r["userId"] for r in rows} == {lucja.id, piotr.id}
    # Linked people are never created again.
    again = cli("people", "create", "--people", "lz@prywatna.pl", "--yes")
    assert again.code == 2 and "already has an account" in again.err

    run_id = cli("history").out.splitlines()[1].split()[0]
    undo = cli("undo", run_id, "--dry-run")
    assert "WARNING" in undo.out and "will be deleted" in undo.out
    assert cli("undo", run_id, "--yes").code == 0
    assert {u.id for u in users_of(demo_tenant)} == before
    # Their accounts are gone: they wait for one again, under the same proposed names.
    rows = _listed(cli)
    assert [(r["status"], r["userId"]) for r in rows] == [("pending", None)] * 2
    assert [r["userPrincipalName"] for r in rows] == [f"lucja.zak@{DOMAIN}", f"piotr.was@{DOMAIN}"]


def test_password_file_is_owner_only_with_the_must_change_flag(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    path = _hr(tmp_path, "Zofia;Kruk;zk@prywatna.pl;IT;PL;1")
    assert cli("people", "import", str(path), "--yes").code == 0
    secret = tmp_path / "hasla.csv"
    result = cli("people", "create", "--people", "zk@prywatna.pl", "--password-file",
                 str(secret), "--yes")  # fmt: skip
    assert result.code == 0, result.err
    lines = secret.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "userPrincipalName,temporaryPassword,forceChangePasswordNextSignIn"
    upn, password, must_change = lines[1].split(",")
    assert (upn, must_change) == (f"zofia.kruk@{DOMAIN}", "true")
    assert password not in result.out and find(demo_tenant, upn) is not None
    if sys.platform != "win32":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600


def test_the_list_is_private_and_remove_touches_no_account(
    cli: Runner, tmp_path: Path, data_home: Path
) -> None:
    path = _hr(tmp_path, "Ewa;Lis;ewa@prywatna.pl;IT;PL;1", "Jan;Kos;jan@prywatna.pl;IT;PL;2")
    assert cli("people", "import", str(path), "--yes").code == 0
    (stored,) = data_home.rglob("people.json")
    if sys.platform != "win32":
        assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert cli("people", "remove", "EWA@prywatna.pl").code == 0
    assert [r["email"] for r in _listed(cli)] == ["jan@prywatna.pl"]
    missing = cli("people", "remove", "nobody@x.pl")
    assert missing.code == 2 and "Not on the list: nobody@x.pl" in missing.err


def test_rule_is_set_once_per_tenant(cli: Runner, tmp_path: Path) -> None:
    assert cli("people", "import", str(_hr(tmp_path, "Ewa;Lis;e@prywatna.pl;IT;PL;1")),
               "--yes").code == 0  # fmt: skip
    assert cli("people", "rule", "f.last").code == 0
    assert _listed(cli)[0]["userPrincipalName"] == f"e.lis@{DOMAIN}"
    bad = cli("people", "rule", "first.last", "--domain", "example.com")
    assert bad.code == 2 and "not a verified domain" in bad.err
    assert "f.last@" in cli("people", "rule").out


def test_assign_creates_pending_people_first_and_leaves_existing_users_as_they_are(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    (existing,) = pick(
        demo_tenant,
        lambda u: (
            u.usage_location is not None
            and demo_tenant.sku_id(FLOW) not in u.sku_ids
            and u.account_enabled
        ),
    )
    path = _hr(tmp_path, "Ewa;Lis;ewa@prywatna.pl;IT;;1")
    assert cli("people", "import", str(path), "--yes").code == 0
    refused = cli("assign", "--users", "ewa@prywatna.pl", "--remove", FLOW, "--yes")
    assert refused.code == 2 and "not in Microsoft 365 yet" in refused.err
    result = cli(
        "assign", "--users", f"ewa@prywatna.pl,{existing.user_principal_name}", "--add", FLOW,
        "--usage-location", "PL", "--dry-run",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.count("create the account") == 1
    result = cli(
        "assign", "--users", f"ewa@prywatna.pl,{existing.user_principal_name}", "--add", FLOW,
        "--usage-location", "PL", "--yes",
    )  # fmt: skip
    assert result.code == 0, result.out
    ewa = find(demo_tenant, f"ewa.lis@{DOMAIN}")
    assert ewa is not None and ewa.sku_ids == {demo_tenant.sku_id(FLOW)}
    assert ewa.usage_location == "PL"
    assert f"Temporary password for ewa.lis@{DOMAIN}: " in result.out
    again = find(demo_tenant, existing.user_principal_name)
    assert again is not None and demo_tenant.sku_id(FLOW) in again.sku_ids
    assert [(r["status"], r["userId"]) for r in _listed(cli)] == [("linked", ewa.id)]


def test_user_create_takes_a_person_from_the_list(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    path = _hr(tmp_path, "Olaf;Kot;olaf@prywatna.pl;Logistyka;DE;1")
    assert cli("people", "import", str(path), "--yes").code == 0
    bad = cli("user", "create", "--person", "olaf@prywatna.pl", "--first", "X", "--yes")
    assert bad.code == 2 and "--first goes with --upn" in bad.err
    unknown = cli("user", "create", "--person", "nobody@prywatna.pl", "--yes")
    assert unknown.code == 2 and "not on the list" in unknown.err
    result = cli("user", "create", "--person", "olaf@prywatna.pl", "--license", FLOW, "--yes")
    assert result.code == 0, result.out + result.err
    olaf = find(demo_tenant, f"olaf.kot@{DOMAIN}")
    assert olaf is not None and olaf.usage_location == "DE" and olaf.department == "Logistyka"
    assert olaf.sku_ids == {demo_tenant.sku_id(FLOW)}
    assert [r["status"] for r in _listed(cli)] == ["linked"]


def test_json_documents_match_the_schema_and_activate_creates_without_a_license(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    from tests.cli.test_json_output import SCHEMA_PATH, powershell_reads, validate

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    path = _hr(tmp_path, "Łucja;Żak;lz@prywatna.pl;Kadry;PL;1")
    assert cli("people", "import", str(path), "--yes").code == 0
    validate(powershell_reads(cli("people", "list", "--json")), schema, "people")
    created = powershell_reads(cli("people", "create", "--all", "--yes", "--json"))
    validate(created, schema, "change")
    assert created["kind"] == "create"
    assert [a["userPrincipalName"] for a in created["accounts"]] == [f"lucja.zak@{DOMAIN}"]
    lucja = find(demo_tenant, f"lucja.zak@{DOMAIN}")
    assert lucja is not None and lucja.account_enabled and not lucja.sku_ids
    assert lucja.usage_location == "PL"
    validate(powershell_reads(cli("people", "list", "--json")), schema, "people")


def test_a_list_that_cannot_be_read_is_one_line_for_every_door(
    cli: Runner, tmp_path: Path, data_home: Path
) -> None:
    assert cli("people", "import", str(_hr(tmp_path, "Ewa;Lis;e@prywatna.pl;IT;PL;1")),
               "--yes").code == 0  # fmt: skip
    (stored,) = data_home.rglob("people.json")
    stored.write_text("{not json", encoding="utf-8")
    for args in (
        ("people", "list"),
        ("people", "create", "--all", "--yes"),
        ("user", "create", "--person", "e@prywatna.pl", "--yes"),
        ("assign", "--users", "e@prywatna.pl", "--add", FLOW, "--yes"),
    ):
        result = cli(*args)
        assert result.code == 2, args
        assert "people.json cannot be read" in result.err and "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1, result.err


def test_users_filter_not_activated_lists_the_waiting_people(cli: Runner, tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_text("Imię,Nazwisko,E-mail\nŁucja,Żak,lucja@home.pl\n", encoding="utf-8")
    assert cli("people", "import", str(path), "--yes").code == 0
    result = cli("users", "--json", "--filter", "not-activated")
    rows = json.loads(result.out)
    assert [r["userPrincipalName"].split("@")[0] for r in rows] == ["lucja.zak"]

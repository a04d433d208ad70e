"""``license-desk user create`` over real HTTP: one user from options, many from a CSV file,
the temporary password shown once (or written owner-only) and never journaled, undo deletes,
and bad input exits 2 with a clear message before anything is sent."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
import requests

from desktop.demo import DemoTenant
from desktop.demo.routes_writes import password_is_complex
from tests.cli.conftest import Runner
from tests.cli.tenant_picks import applied_run, document, find, pick

DOMAIN = "bursztynlogistyka.pl"


def graph_user(tenant: DemoTenant, upn: str) -> dict[str, Any]:
    """Properties the engine's records do not carry (givenName, surname), read straight."""
    answer = requests.get(
        f"{tenant.base_url}/users/{upn}",
        params={"$select": "givenName,surname,jobTitle,department,usageLocation"},
        headers={"Authorization": "Bearer test"},
        timeout=10,
    )
    answer.raise_for_status()
    data = answer.json()
    assert isinstance(data, dict)
    return data


def password_line(out: str, upn: str) -> str:
    prefix = f"Temporary password for {upn}: "
    lines = [line for line in out.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1, out
    return lines[0][len(prefix) :]


def test_create_one_user_with_a_license_then_undo_deletes_it(
    cli: Runner, demo_tenant: DemoTenant, journal_file: Path
) -> None:
    upn = f"anna.nowa@{DOMAIN}"
    result = cli(
        "user",
        "create",
        "--upn",
        upn,
        "--first",
        "Anna",
        "--last",
        "Nowa",
        "--department",
        "Sprzedaż",
        "--job-title",
        "Handlowiec",
        "--usage-location",
        "pl",
        "--license",
        "FLOW_FREE",
        "--yes",
    )
    assert result.code == 0, result.err
    assert "1 done, 0 failed" in result.out
    password = password_line(result.out, upn)
    assert len(password) == 16 and password_is_complex(password)
    assert "Shown once" in result.out
    created = find(demo_tenant, upn)
    assert created is not None and created.display_name == "Anna Nowa"
    assert created.sku_ids == {demo_tenant.sku_id("FLOW_FREE")}
    assert graph_user(demo_tenant, upn) | {"@odata.context": None} == {
        "@odata.context": None,
        "givenName": "Anna",
        "surname": "Nowa",
        "jobTitle": "Handlowiec",
        "department": "Sprzedaż",
        "usageLocation": "PL",
    }
    # The journal is a plain file: the password must not be in it.
    journal_bytes = b"".join(
        p.read_bytes() for p in journal_file.parent.rglob("journal*") if p.is_file()
    )
    assert upn.encode() in journal_bytes
    assert password.encode() not in journal_bytes

    run_id = cli("history").out.splitlines()[1].split()[0]
    undone = cli("undo", run_id, "--yes")
    assert undone.code == 0, undone.err
    assert find(demo_tenant, upn) is None


def test_password_file_is_owner_only_and_the_terminal_never_sees_it(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    upn = f"jan.nowy@{DOMAIN}"
    secret = tmp_path / "passwords.csv"
    secret.write_text("old content\n", encoding="utf-8")
    secret.chmod(0o644)  # an existing, readable file is narrowed, not trusted
    result = cli(
        "user", "create", "--upn", upn, "--name", "Jan Nowy", "--password-file", str(secret),
        "--yes",
    )  # fmt: skip
    assert result.code == 0, result.err
    lines = secret.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "userPrincipalName,temporaryPassword,forceChangePasswordNextSignIn"
    written_upn, password, must_change = lines[1].split(",")
    assert written_upn == upn and password_is_complex(password) and len(lines) == 2
    assert must_change == "true"
    assert password not in result.out and password not in result.err
    assert f"written to {secret}" in result.out
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600


def test_many_users_from_a_csv_file_with_json(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    people = tmp_path / "hires.csv"
    people.write_bytes(
        (
            "\ufeffuserPrincipalName;givenName;surname;department;usageLocation;licenses\r\n"
            f"ewa.lis@{DOMAIN};Ewa;Lis;Logistyka;PL;FLOW_FREE\r\n"
            f"olaf.kot@{DOMAIN};Olaf;Kot;;DE;\r\n"
        ).encode()
    )
    result = cli("user", "create", "--users-file", str(people), "--yes", "--json")
    applied_run(result)
    data = document(result)
    assert data["command"] == "user create" and data["kind"] == "create"
    accounts = {a["userPrincipalName"]: a["temporaryPassword"] for a in data["accounts"]}
    assert set(accounts) == {f"ewa.lis@{DOMAIN}", f"olaf.kot@{DOMAIN}"}
    assert all(password_is_complex(p) for p in accounts.values())
    assert len(set(accounts.values())) == 2
    ewa = find(demo_tenant, f"ewa.lis@{DOMAIN}")
    olaf = find(demo_tenant, f"olaf.kot@{DOMAIN}")
    assert ewa is not None and ewa.display_name == "Ewa Lis" and ewa.department == "Logistyka"
    assert olaf is not None and olaf.usage_location == "DE" and not olaf.sku_ids


def test_dry_run_creates_nothing_and_shows_no_password(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    upn = f"tylko.podglad@{DOMAIN}"
    result = cli("user", "create", "--upn", upn, "--name", "Tylko Podgląd", "--dry-run")
    assert result.code == 0
    assert f"  {upn}: create the account" in result.out
    assert "Temporary password" not in result.out
    assert demo_tenant.stats.snapshot()["writes"] == 0 and find(demo_tenant, upn) is None


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


def test_bad_input_exits_2_before_anything_is_sent(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    (existing,) = pick(demo_tenant, lambda u: True)
    foreign = cli("user", "create", "--upn", "a.b@example.com", "--name", "A B", "--yes")
    assert foreign.code == 2
    assert "'example.com' is not a verified domain of this tenant" in one_line(foreign.err)
    malformed = cli("user", "create", "--upn", "no-at-sign", "--name", "A B", "--yes")
    assert malformed.code == 2 and "name@domain" in one_line(malformed.err)
    nameless = cli("user", "create", "--upn", f"x.y@{DOMAIN}", "--yes")
    assert nameless.code == 2 and "no display name" in one_line(nameless.err)
    place = cli("user", "create", "--upn", f"x.y@{DOMAIN}", "--name", "X", "--usage-location",
                "Polska", "--yes")  # fmt: skip
    assert place.code == 2 and "'POLSKA' is not a two-letter country code" in one_line(place.err)
    sku = cli("user", "create", "--upn", f"x.y@{DOMAIN}", "--name", "X", "--license", "NOPE")
    assert sku.code == 2 and "NOPE" in sku.err and "Traceback" not in sku.err
    folder = cli(
        "user", "create", "--upn", f"x.y@{DOMAIN}", "--name", "X",
        "--password-file", str(tmp_path / "missing" / "p.csv"), "--yes",
    )  # fmt: skip
    assert folder.code == 2 and "does not exist" in one_line(folder.err)
    taken = cli("user", "create", "--upn", existing.user_principal_name, "--name", "Twin", "--yes")
    assert taken.code == 2 and existing.user_principal_name in taken.out
    mixed = cli("user", "create", "--users-file", str(tmp_path / "x.csv"), "--name", "X")
    assert mixed.code == 2 and "--name goes with --upn" in one_line(mixed.err)
    assert demo_tenant.stats.snapshot()["writes"] == 0


def test_a_users_file_with_errors_names_every_bad_line(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    people = tmp_path / "hires.csv"
    people.write_text(
        "userPrincipalName,displayName,usageLocation,favouriteColour\n", encoding="utf-8"
    )
    header = cli("user", "create", "--users-file", str(people), "--yes")
    assert header.code == 2 and "unknown or repeated column 'favouriteColour'" in header.err
    people.write_text(
        "userPrincipalName,displayName,usageLocation,disabledPlans\n"
        f"ok.one@{DOMAIN},Ok One,PL,\n"
        "bad,Bad,PL,\n"
        f"no.name@{DOMAIN},,PL,\n"
        f"ok.one@{DOMAIN},Twice,XX,SWAY\n",
        encoding="utf-8",
    )
    rows = cli("user", "create", "--users-file", str(people), "--yes")
    assert rows.code == 2
    assert "the users file has 5 error(s); nothing was applied" in rows.err
    for expected in (
        "line 3: 'bad' is not a user name",
        "line 4: no.name@",
        "line 5: usage location 'XX'",
        "line 5: apps to turn off need a license",
        "line 5: ok.one@bursztynlogistyka.pl is also on line 2",
    ):
        assert expected in rows.err
    assert "Traceback" not in rows.err
    assert demo_tenant.stats.snapshot()["writes"] == 0


@pytest.mark.parametrize("shell_text", ["", "\n\n"])
def test_an_empty_users_file_is_bad_input(cli: Runner, tmp_path: Path, shell_text: str) -> None:
    people = tmp_path / "empty.csv"
    people.write_text(shell_text, encoding="utf-8")
    result = cli("user", "create", "--users-file", str(people), "--yes")
    assert result.code == 2 and "the file is empty" in result.err

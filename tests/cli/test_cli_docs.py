"""docs/cli.md and README name every subcommand, and the worked on- and off-boarding bash
scripts in docs/cli.md really run against a demo tenant (as separate processes)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands.completion import command_words
from desktop.commands.parser import build_parser
from desktop.demo import DemoTenant
from tests.cli.tenant_picks import find, pick

ROOT = Path(__file__).resolve().parents[2]
CLI_DOC = ROOT / "docs" / "cli.md"


def subcommands() -> list[str]:
    return [c.path for c in command_words(build_parser()) if c.path]


@pytest.mark.parametrize("document", [CLI_DOC, ROOT / "README.md"], ids=lambda p: p.name)
def test_every_subcommand_has_an_example(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    missing = [c for c in subcommands() if not re.search(rf"license-desk {c}\b", text)]
    assert not missing, f"{document.name} shows no example of: {missing}"


def bash_script(title: str) -> str:
    blocks = re.findall(r"```bash\n(.*?)```", CLI_DOC.read_text(encoding="utf-8"), re.S)
    found = [b for b in blocks if b.splitlines()[1].startswith(f"# {title}")]
    assert len(found) == 1, title
    return found[0]


def license_desk_on_path(folder: Path) -> Path:
    """A ``license-desk`` command running this checkout with this Python (an installed entry
    point may be older than the source under test)."""
    tools = folder / "bin"
    tools.mkdir()
    program = tools / "license-desk"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ui "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    return tools


def run_script(script: str, tenant: DemoTenant, tmp_path: Path, *args: str) -> str:
    env = {
        **os.environ,
        "PATH": f"{license_desk_on_path(tmp_path)}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),
        "LICENSE_DESK_GRAPH_URL": tenant.base_url,
        "LICENSE_DESK_TOKEN": "docs",
        "LICENSE_DESK_JOURNAL": str(tmp_path / "journal.sqlite3"),
    }
    path = tmp_path / "script.sh"
    path.write_text(script, encoding="utf-8")
    done = subprocess.run(["bash", str(path), *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


needs_tools = pytest.mark.skipif(
    sys.platform == "win32" or not (shutil.which("bash") and shutil.which("jq")),
    reason="needs bash and jq",
)


@needs_tools
def test_the_on_boarding_script_runs(demo_tenant: DemoTenant, tmp_path: Path) -> None:
    flow = demo_tenant.sku_id("FLOW_FREE")
    basic = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    (template,) = pick(demo_tenant, lambda u: u.sku_ids == {basic, flow} and not u.errors)
    hires = tmp_path / "hires.csv"
    hires.write_text(
        "userPrincipalName;givenName;surname;usageLocation\n"
        "ewa.lis@bursztynlogistyka.pl;Ewa;Lis;PL\n"
        "olaf.kot@bursztynlogistyka.pl;Olaf;Kot;PL\n",
        encoding="utf-8",
    )
    out = run_script(
        bash_script("on-boarding"), demo_tenant, tmp_path, str(hires), "pw.csv",
        template.user_principal_name,
    )  # fmt: skip
    assert "created: ewa.lis@bursztynlogistyka.pl,olaf.kot@bursztynlogistyka.pl" in out
    for upn in ("ewa.lis@bursztynlogistyka.pl", "olaf.kot@bursztynlogistyka.pl"):
        user = find(demo_tenant, upn)
        assert user is not None and user.sku_ids == {basic, flow}
        assert upn in (tmp_path / "pw.csv").read_text(encoding="utf-8")


@needs_tools
def test_the_off_boarding_script_runs(demo_tenant: DemoTenant, tmp_path: Path) -> None:
    basic = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    (leaver,) = pick(
        demo_tenant, lambda u: u.account_enabled and u.sku_ids == {basic} and not u.errors
    )
    (successor,) = pick(demo_tenant, lambda u: not u.sku_ids and u.usage_location == "PL")
    out = run_script(
        bash_script("off-boarding"), demo_tenant, tmp_path, leaver.user_principal_name,
        successor.user_principal_name,
    )  # fmt: skip
    assert out.count("finished") >= 3  # block, copy, remove
    gone = find(demo_tenant, leaver.user_principal_name)
    assert gone is not None and not gone.account_enabled and not gone.sku_ids
    heir = find(demo_tenant, successor.user_principal_name)
    assert heir is not None and heir.sku_ids == {basic}


@needs_tools
def test_the_off_boarding_script_frees_a_license_that_comes_from_a_group(
    demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    (leaver,) = pick(
        demo_tenant,
        lambda u: (
            u.account_enabled
            and u.sku_ids == {e3}
            and not u.errors
            and u.direct_license(e3) is None
        ),
    )
    out = run_script(bash_script("off-boarding"), demo_tenant, tmp_path, leaver.user_principal_name)
    assert out.count("finished") >= 2  # block, leave the group
    gone = find(demo_tenant, leaver.user_principal_name)
    assert gone is not None and not gone.account_enabled and not gone.sku_ids

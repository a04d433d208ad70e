"""The installer recipes cannot run here (no Windows or macOS runner), so they are checked
for the mistakes that would only show up on a release day."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def run_lines(job: dict[str, Any]) -> list[str]:
    return [str(step.get("run", "")) for step in job["steps"]]


@pytest.mark.parametrize(
    ("job_name", "runner_prefix"), [("windows", "windows-"), ("macos", "macos-")]
)
def test_each_os_job_builds_from_the_spec_and_self_tests_the_frozen_app(
    workflow: dict[str, Any], job_name: str, runner_prefix: str
) -> None:
    job = workflow["jobs"][job_name]
    runners = [job["runs-on"]]
    if "matrix" in job["runs-on"]:
        runners = [entry["runner"] for entry in job["strategy"]["matrix"]["include"]]
    assert all(runner.startswith(runner_prefix) for runner in runners), runners
    runs = "\n".join(run_lines(job))
    assert "pyinstaller --noconfirm build.spec" in runs
    assert "tools/build_translations.py" in runs
    assert "--self-test" in runs
    uploads = [
        s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")
    ]
    assert uploads, f"{job_name} job uploads nothing"


def test_secrets_only_reach_steps_through_env_and_signing_is_optional(
    workflow: dict[str, Any],
) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    # Secrets may not be used in `if:` expressions; they are mapped to env at job level instead.
    for line in text.splitlines():
        if line.strip().startswith("if:"):
            assert "secrets." not in line, line
    mac = workflow["jobs"]["macos"]
    import_step = next(
        s for s in mac["steps"] if s.get("name", "").startswith("Import the signing")
    )
    assert import_step["if"] == "env.MACOS_CERT_P12_BASE64 != ''"
    win_runs = "\n".join(run_lines(workflow["jobs"]["windows"]))
    assert "Signing not configured: building an unsigned installer" in win_runs


def test_workflow_paths_exist() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for relative in (
        "installer/windows/license-desk.iss",
        "installer/macos/make-dmg.sh",
        "tools/build_translations.py",
        "build.spec",
    ):
        assert relative.replace("/", "\\") in text or relative in text
        assert (ROOT / relative).exists(), relative


def test_build_spec_is_python_and_keeps_what_the_frozen_app_needs() -> None:
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    ast.parse(source)  # a syntax error would only surface on the build machine
    assert 'collect_submodules("keyring.backends")' in source
    assert 'copy_metadata("keyring")' in source  # backends are found through entry points
    assert '"NSHighResolutionCapable": True' in source
    assert "bundle_identifier=BUNDLE_ID" in source
    assert '(str(ROOT / "resources"), "resources")' in source


def test_inno_setup_script_points_at_real_files_and_ships_polish() -> None:
    iss = (ROOT / "installer" / "windows" / "license-desk.iss").read_text(encoding="utf-8")
    base = ROOT / "installer" / "windows"
    for key in ("SetupIconFile", "LicenseFile"):
        match = re.search(rf"^{key}=(.+)$", iss, re.MULTILINE)
        assert match, key
        assert (base / match.group(1).strip().replace("\\", "/")).resolve().exists(), key
    assert 'MessagesFile: "compiler:Languages\\Polish.isl"' in iss
    assert "PrivilegesRequired=lowest" in iss


def test_dmg_script_is_valid_bash_and_refuses_without_an_app(tmp_path: Path) -> None:
    script = ROOT / "installer" / "macos" / "make-dmg.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    # Copied elsewhere, it finds no app bundle and must say so instead of running hdiutil.
    fake_root = tmp_path / "repo"
    (fake_root / "installer" / "macos").mkdir(parents=True)
    copy = fake_root / "installer" / "macos" / "make-dmg.sh"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["bash", str(copy), "1.0.0", "arm64"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "run pyinstaller build.spec first" in result.stderr

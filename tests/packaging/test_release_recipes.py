"""The release toolchain (issue 18, items 3-6) runs only on Windows and macOS runners, so its
recipes are read here for the rules that would otherwise break on a release day: both Mac
architectures, signing that can happen and fails loudly, every PE file signed, the native
self-test before and after signing, pinned versions, builds on packaging pull requests, and
checksums on release."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.auth.token_store import DEFAULT_NAMESPACE

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"
INSTALLER = ROOT / "installer"
CONSTRAINTS = INSTALLER / "constraints.txt"
MAKE_DMG = INSTALLER / "macos" / "make-dmg.sh"
ISS = INSTALLER / "windows" / "license-desk.iss"

# The oldest macOS each PySide6 minor needs (the macosx_X_Y tag of its wheels; checked on the
# PyPI files for 6.11.3, and 6.12's announced minimum). A new pin must add its row.
MACOS_MINIMUM_FOR_PYSIDE = {(6, 11): "13.0", (6, 12): "14.0"}


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert isinstance(on, dict)
    return on


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(str(s.get("run", "")) for s in steps(job))


def index_of(job: dict[str, Any], text: str, start: int = 0) -> int:
    for i, step in enumerate(steps(job)[start:], start):
        if text in str(step.get("run", "")) or text in str(step.get("name", "")):
            return i
    raise AssertionError(f"no step with {text!r} after step {start}")


def pins() -> dict[str, str]:
    found = {}
    for raw in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            found[re.sub(r"[-_.]+", "-", name).lower()] = version
    return found


# -- triggers, permissions, release -----------------------------------------------------------


def test_packaging_pull_requests_and_tags_run_the_builds(workflow: dict[Any, Any]) -> None:
    on = triggers(workflow)
    paths = set(on["pull_request"]["paths"])
    for needed in (
        ".github/workflows/build.yml",
        "build.spec",
        "installer/**",
        "pyproject.toml",
        "setup.py",
        "resources/**",
    ):
        assert needed in paths, needed
    assert on["push"]["tags"] == ["v*"]
    assert workflow["permissions"] == {"contents": "read"}


def test_a_tag_publishes_all_three_installers_with_checksums(workflow: dict[Any, Any]) -> None:
    release = workflow["jobs"]["release"]
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert set(release["needs"]) == {"windows", "macos"}
    assert release["permissions"] == {"contents": "write"}
    text = runs(release)
    assert "sha256sum LicenseDesk-* > SHA256SUMS.txt" in text
    assert "sha256sum --check SHA256SUMS.txt" in text
    assert "-eq 3" in text  # Windows x64, macOS arm64, macOS x86_64: none missing
    assert re.search(r"gh release create .*dist/SHA256SUMS\.txt", text)
    download = next(s for s in steps(release) if "download-artifact" in str(s.get("uses")))
    assert download["with"]["pattern"] == "license-desk-*"


def test_only_the_windows_job_may_ask_for_an_oidc_token(workflow: dict[Any, Any]) -> None:
    jobs = workflow["jobs"]
    assert jobs["windows"]["permissions"]["id-token"] == "write"
    assert "permissions" not in jobs["macos"]


# -- pinned versions -----------------------------------------------------------------------


def test_every_install_in_the_build_jobs_uses_the_constraints(workflow: dict[Any, Any]) -> None:
    for name in ("windows", "macos"):
        installs = [
            line
            for line in runs(workflow["jobs"][name]).splitlines()
            if "pip install" in line and "--upgrade pip" not in line
        ]
        assert installs, name
        for line in installs:
            assert "-c installer/constraints.txt" in line, line


def load_notices_tool() -> Any:
    spec = importlib.util.spec_from_file_location("notices", ROOT / "tools" / "write_notices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_constraints_pin_the_direct_dependencies_and_the_build_tools() -> None:
    # The whole bundled closure is checked on each build machine, after the pinned install
    # (write_notices.py --check-pinned in the workflow); here, what pyproject.toml names.
    # tomllib is Python 3.11's; on 3.10 pytest itself brings tomli, the same reader.
    tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = pins()
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in pinned, name
    for tool in ("pyinstaller", "pyinstaller-hooks-contrib", "pywin32-ctypes", "shiboken6"):
        assert tool in pinned, tool
    assert pinned["pyside6-essentials"] == pinned["shiboken6"]
    assert pinned["pyside6-essentials"] != "6.12.0"  # pyproject.toml excludes it


def test_the_pin_check_names_what_is_loose() -> None:
    tool = load_notices_tool()
    text = CONSTRAINTS.read_text(encoding="utf-8")
    assert "msal" not in tool.unpinned(text)
    loose = "\n".join(line for line in text.splitlines() if not line.startswith("msal=="))
    assert "msal" in tool.unpinned(loose)
    ranged = text.replace("msal==1.39.0", "msal>=1.28")
    assert "msal" in tool.unpinned(ranged)  # a range is not a pin


def test_workflow_checks_the_pins_on_each_build_machine(workflow: dict[Any, Any]) -> None:
    for name in ("windows", "macos"):
        text = runs(workflow["jobs"][name])
        install = text.index("-c installer/constraints.txt -e . pyinstaller")
        check = text.index("python tools/write_notices.py --check-pinned installer/constraints.txt")
        build = text.index("pyinstaller --noconfirm build.spec")
        assert install < check < build, name


def test_the_minimum_macos_is_the_one_the_pinned_qt_needs() -> None:
    major, minor = (int(p) for p in pins()["pyside6-essentials"].split(".")[:2])
    assert (major, minor) in MACOS_MINIMUM_FOR_PYSIDE, "add the new PySide6's macOS minimum"
    minimum = MACOS_MINIMUM_FOR_PYSIDE[(major, minor)]
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert f'MACOS_MINIMUM = "{minimum}"' in spec
    assert '"LSMinimumSystemVersion": MACOS_MINIMUM' in spec
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"macOS {minimum.removesuffix('.0')} or later" in readme
    assert "macOS 11" not in readme


# -- macOS -----------------------------------------------------------------------------------


def test_macos_builds_both_architectures_each_on_its_own_runner(workflow: dict[Any, Any]) -> None:
    mac = workflow["jobs"]["macos"]
    matrix = {entry["arch"]: entry["runner"] for entry in mac["strategy"]["matrix"]["include"]}
    assert set(matrix) == {"arm64", "x86_64"}
    assert matrix["x86_64"].endswith("-intel") and not matrix["arm64"].endswith("-intel")
    assert mac["runs-on"] == "${{ matrix.runner }}"
    assert mac["env"]["LICENSE_DESK_TARGET_ARCH"] == "${{ matrix.arch }}"
    text = runs(mac)
    assert 'test "$(uname -m)" = "${{ matrix.arch }}"' in text
    assert 'check-bundle.sh "dist/License Desk.app" "${{ matrix.arch }}"' in text
    assert 'make-dmg.sh "$(python -c' in text and '"${{ matrix.arch }}"' in text
    upload = next(s for s in steps(mac) if "upload-artifact" in str(s.get("uses")))
    assert upload["with"]["name"] == "license-desk-macos-${{ matrix.arch }}"
    assert upload["with"]["path"].endswith("-macos-${{ matrix.arch }}.dmg")


def test_build_spec_targets_one_architecture_and_signs_nothing_itself() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'TARGET_ARCH = os.environ.get("LICENSE_DESK_TARGET_ARCH") or None' in spec
    assert 'target_arch=TARGET_ARCH if sys.platform == "darwin" else None' in spec
    assert "codesign_identity=None" in spec


def test_the_dmg_is_signed_inside_out_without_deep() -> None:
    script = MAKE_DMG.read_text(encoding="utf-8")
    for line in script.splitlines():
        if "codesign" in line and "--deep" in line:
            assert "--verify" in line, f"--deep may only verify: {line.strip()}"
    assert "codesign --force --options runtime --timestamp" in script  # hardened runtime
    nested = script.index("file -b \"$file\" | grep -q 'Mach-O'")
    frameworks = script.index("-name '*.framework'")
    executables = script.index('sign --entitlements "$entitlements" "$executable"')
    app = script.index('sign --entitlements "$entitlements" "$app"')
    assert nested < frameworks < executables < app
    assert "sort -rn" in script  # deepest paths first
    entitlements = (INSTALLER / "macos" / "entitlements.plist").read_text(encoding="utf-8")
    assert "com.apple.security.cs.allow-unsigned-executable-memory" in entitlements


def test_notarization_result_is_checked_then_stapled_and_assessed() -> None:
    script = MAKE_DMG.read_text(encoding="utf-8")
    assert "notarytool submit" in script and "--output-format plist" in script
    check = script.index('if [ "$status" != "Accepted" ]; then')
    log = script.index('xcrun notarytool log "$submission"')
    fail = script.index("exit 1", log)
    staple = script.index('xcrun stapler staple "$dmg"')
    assert check < log < fail < staple
    assert script.index('xcrun stapler validate "$dmg"') > staple
    assert "spctl --assess --type open" in script
    assert 'spctl --assess --type execute --verbose=2 "$mount/License Desk.app"' in script
    assert 'dmg="$root/dist/LicenseDesk-$version-macos-$arch.dmg"' in script


def test_dmg_script_refuses_an_unknown_architecture(tmp_path: Path) -> None:
    fake_root = tmp_path / "repo"
    (fake_root / "installer" / "macos").mkdir(parents=True)
    (fake_root / "dist" / "License Desk.app").mkdir(parents=True)
    copy = fake_root / "installer" / "macos" / "make-dmg.sh"
    copy.write_text(MAKE_DMG.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        ["bash", str(copy), "1.0.0", "universal2"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert "ARCH must be arm64 or x86_64" in result.stderr


def test_bundle_check_reads_architecture_and_minimum_of_every_binary() -> None:
    script = (INSTALLER / "macos" / "check-bundle.sh").read_text(encoding="utf-8")
    subprocess.run(["bash", "-n", str(INSTALLER / "macos" / "check-bundle.sh")], check=True)
    assert 'lipo -archs "$file"' in script
    assert "LC_BUILD_VERSION" in script and "LSMinimumSystemVersion" in script
    assert script.rstrip().endswith('[ "$wrong_arch" -eq 0 ] && [ "$too_new" -eq 0 ]')


def test_readme_names_both_dmgs_and_the_unsigned_path_on_macos_15() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`LicenseDesk-<version>-macos-arm64.dmg`" in readme
    assert "`LicenseDesk-<version>-macos-x86_64.dmg`" in readme
    assert "macOS 15" in readme and "Open Anyway" in readme
    assert "xattr -dr com.apple.quarantine" in readme


# -- Windows ---------------------------------------------------------------------------------


def test_windows_signs_through_trusted_signing_not_a_pfx(workflow: dict[Any, Any]) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "pfx" not in text.lower() and "WINDOWS_CERT" not in text
    win = workflow["jobs"]["windows"]
    login = next(s for s in steps(win) if str(s.get("uses", "")).startswith("azure/login@"))
    assert login["if"] == "steps.signing.outputs.enabled == 'true'"
    assert "nuget install Microsoft.ArtifactSigning.Client" in runs(win)
    sign = index_of(win, r"sign.ps1 dist\license-desk")
    check = index_of(win, r"check-signatures.ps1 dist\license-desk")
    assert sign < check


def test_signing_failures_fail_the_build() -> None:
    sign = (INSTALLER / "windows" / "sign.ps1").read_text(encoding="utf-8")
    assert "$ErrorActionPreference = 'Stop'" in sign
    assert (
        "if (-not $signed) { Write-Error 'signtool failed: the build stops here'; exit 1 }" in sign
    )
    assert "& $env:SIGNTOOL verify /pa /q @batch" in sign
    assert "if ($LASTEXITCODE -ne 0) { Write-Error" in sign
    assert "/dlib $env:SIGNING_DLIB /dmdf $env:SIGNING_METADATA" in sign
    assert "/tr 'http://timestamp.acs.microsoft.com' /td SHA256" in sign


def test_every_pe_file_is_found_by_content_and_checked() -> None:
    pe = (INSTALLER / "windows" / "pe-files.ps1").read_text(encoding="utf-8")
    assert "0x4D" in pe and "0x5A" in pe  # "MZ": .exe, .dll, .pyd and any other PE alike
    assert "-Recurse -File" in pe
    check = (INSTALLER / "windows" / "check-signatures.ps1").read_text(encoding="utf-8")
    assert "Get-AuthenticodeSignature" in check and "-ne 'Valid'" in check
    assert "if ($unsigned.Count -gt 0) { exit 1 }" in check


def test_iscc_signs_the_uninstaller_with_inno_quotes_and_its_failure_stops(
    workflow: dict[Any, Any],
) -> None:
    text = runs(workflow["jobs"]["windows"])
    assert (
        "/Sazuresign=powershell.exe -NoProfile -ExecutionPolicy Bypass -File `$q$script`$q `$f"
        in text
    )
    assert "if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }" in text
    iss = ISS.read_text(encoding="utf-8")
    assert "#ifdef SignTool\nSignTool={#SignTool}\nSignedUninstaller=yes\n#endif" in iss


def test_windows_self_tests_native_before_and_after_signing_and_installed(
    workflow: dict[Any, Any],
) -> None:
    win = workflow["jobs"]["windows"]
    native = [
        i for i, s in enumerate(steps(win)) if "--self-test --require-native" in str(s.get("run"))
    ]
    sign = index_of(win, r"sign.ps1 dist\license-desk")
    installed = index_of(win, "Install, upgrade over a stale file")
    assert native[0] < sign < native[1] < installed <= native[-1]
    signed_step = steps(win)[native[1]]
    assert signed_step["if"] == "steps.signing.outputs.enabled == 'true'"


def test_macos_self_tests_native_before_signing_and_from_the_dmg(workflow: dict[Any, Any]) -> None:
    mac = workflow["jobs"]["macos"]
    native = [
        i for i, s in enumerate(steps(mac)) if "--self-test --require-native" in str(s.get("run"))
    ]
    dmg = index_of(mac, "make-dmg.sh")
    assert len(native) == 2 and native[0] < dmg < native[1]
    assert 'hdiutil attach -nobrowse -readonly -mountpoint "$mount" "$dmg"' in str(
        steps(mac)[native[1]]["run"]
    )


def test_native_builds_never_run_offscreen(workflow: dict[Any, Any]) -> None:
    for name in ("windows", "macos"):
        job = workflow["jobs"][name]
        assert "QT_QPA_PLATFORM" not in str(job.get("env", {})), name
        assert "QT_QPA_PLATFORM" not in runs(job), name
    assert "QT_QPA_PLATFORM" not in str(workflow.get("env", {}))


def test_releases_refuse_to_ship_unsigned(workflow: dict[Any, Any]) -> None:
    win = runs(workflow["jobs"]["windows"])
    assert "$env:IS_RELEASE -eq 'true' -and $env:ALLOW_UNSIGNED_RELEASE -ne 'true'" in win
    mac = next(
        s for s in steps(workflow["jobs"]["macos"]) if s.get("name") == "Refuse an unsigned release"
    )
    assert "env.IS_RELEASE == 'true'" in mac["if"] and "exit 1" in mac["run"]
    assert workflow["env"]["IS_RELEASE"] == "${{ startsWith(github.ref, 'refs/tags/v') }}"


def test_installers_stay_under_150_mb(workflow: dict[Any, Any]) -> None:
    assert "if ($size -ge 150MB)" in runs(workflow["jobs"]["windows"])
    assert 'test "$size" -lt $((150 * 1024 * 1024))' in runs(workflow["jobs"]["macos"])


def test_inno_setup_cleans_upgrades_and_needs_windows_10_1809() -> None:
    iss = ISS.read_text(encoding="utf-8")
    assert re.search(
        r'^\[InstallDelete\]\n(;.*\n)*Type: filesandordirs; Name: "\{app\}\\_internal"$',
        iss,
        re.MULTILINE,
    )
    assert "\nMinVersion=10.0.17763\n" in iss
    assert 'Source: "..\\..\\resources\\licenses\\THIRD-PARTY-NOTICES.txt"; DestDir: "{app}"' in iss


def test_uninstall_offers_to_remove_saved_sign_ins() -> None:
    iss = ISS.read_text(encoding="utf-8")
    code = iss[iss.index("[Code]") :]
    assert "procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);" in code
    assert "(CurUninstallStep = usUninstall) and not UninstallSilent" in code
    assert "MB_YESNO or MB_DEFBUTTON2" in code  # asked, and "No" is the default
    assert "forget-sign-ins.ps1" in code
    assert 'Source: "forget-sign-ins.ps1"; DestDir: "{app}"' in iss
    for language in ("english", "polish"):
        assert f"{language}.ForgetSignIns=" in iss
    forget = (INSTALLER / "windows" / "forget-sign-ins.ps1").read_text(encoding="utf-8")
    # The entries' names come from the token store: one truth, checked here.
    assert f"$Namespace = '{DEFAULT_NAMESPACE}'" in forget
    assert "cmdkey \"/delete:$($Matches['listed'])\"" in forget
    assert 'StartsWith("${Namespace}:")' in forget  # PowerShell: ${...} before a colon


def test_every_file_the_installer_copies_exists() -> None:
    iss = ISS.read_text(encoding="utf-8")
    sources = re.findall(r'^Source: "([^"]+)"', iss, re.MULTILINE)
    local = [s for s in sources if not s.startswith("{#SourceDir}")]
    assert len(local) >= 3, sources
    for source in local:
        assert (ISS.parent / source.replace("\\", "/")).resolve().is_file(), source

"""Shell completion generated from the parser: bash really completes (run in bash), zsh and
PowerShell name every subcommand and option of the parser."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.commands.completion import command_words, completion_script
from desktop.commands.parser import build_parser
from tests.cli.conftest import Runner

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def complete_in_bash(script: Path, *words: str) -> list[str]:
    """What bash offers after ``license-desk WORDS`` (the last word is being typed)."""
    line = " ".join(f"'{w}'" for w in ("license-desk", *words))
    program = (
        f"source '{script}'\n"
        f"COMP_WORDS=({line}); COMP_CWORD={len(words)}\n"
        "_license_desk\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True,
                          timeout=30)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [w for w in done.stdout.splitlines() if w]


@pytest.fixture
def bash_script(cli: Runner, tmp_path: Path) -> Path:
    result = cli("completion", "bash", connect=False)
    assert result.code == 0
    path = tmp_path / "license-desk.bash"
    path.write_text(result.out, encoding="utf-8")
    return path


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    return [w.path for w in command_words(parser) if w.path]


@needs_bash
def test_bash_completes_every_subcommand_and_its_options(bash_script: Path) -> None:
    parser = build_parser()
    top = complete_in_bash(bash_script, "")
    for entry in command_words(parser):
        if not entry.path:
            continue
        *parents, last = entry.path.split()
        offered = complete_in_bash(bash_script, *parents, "") if parents else top
        assert last in offered, entry.path
        for option in (w for w in entry.words if w.startswith("--")):
            assert option in complete_in_bash(bash_script, *entry.path.split(), option)


@needs_bash
def test_bash_completes_values_and_prefixes(bash_script: Path) -> None:
    assert set(complete_in_bash(bash_script, "us")) == {"users", "user"}
    assert set(complete_in_bash(bash_script, "users", "--filter", "")) == {
        "licensed",
        "unlicensed",
        "blocked",
        "problems",
        "not-activated",
        "errors",
    }
    assert complete_in_bash(bash_script, "user", "create", "--password-") == ["--password-file"]
    assert complete_in_bash(bash_script, "completion", "pow") == ["powershell"]
    # After an option that takes free text or a file, bash's own file names take over.
    assert complete_in_bash(bash_script, "apply", "--journal", "") == []
    # Options of one subcommand are not offered for another.
    assert "--replace" not in complete_in_bash(bash_script, "block", "--")


@pytest.mark.parametrize("shell", ["zsh", "powershell"])
def test_other_shells_name_every_subcommand_and_option(shell: str) -> None:
    parser = build_parser()
    script = completion_script(shell, parser)
    for entry in command_words(parser):
        assert f"'{entry.path}'" in script or f'"{entry.path}"' in script, entry.path
        for word in entry.words:
            assert word in script
    if shell == "powershell":
        assert script.count("{") == script.count("}")
        assert "Register-ArgumentCompleter -Native -CommandName 'license-desk'" in script
    else:
        assert "autoload -U +X bashcompinit && bashcompinit" in script
        assert "complete -o default -F _license_desk license-desk" in script


def test_completion_writes_a_file_and_refuses_an_unknown_shell(cli: Runner, tmp_path: Path) -> None:
    target = tmp_path / "ld.ps1"
    result = cli("completion", "powershell", "--output", str(target), connect=False)
    assert result.code == 0 and "Register-ArgumentCompleter" in target.read_text("utf-8")
    with pytest.raises(SystemExit) as stopped:
        cli("completion", "fish", connect=False)
    assert stopped.value.code == 2
    unwritable = cli("completion", "bash", "--output", str(tmp_path / "no" / "x.sh"), connect=False)
    assert unwritable.code == 2 and "No such file or directory" in unwritable.err


def test_new_subcommands_are_in_the_completion() -> None:
    paths = set(_subcommands(build_parser()))
    assert {"user create", "block", "unblock", "apps", "copy", "location"} <= paths

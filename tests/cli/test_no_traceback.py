"""No traceback reaches a person: every subcommand, fed bad arguments, bad files, bad
environment values and dead or hostile servers, ends with a message and a documented exit code.

The subcommands are enumerated from the parser (nested ones too), so a new subcommand is
driven here as soon as it exists. Each case runs in-process through the real entry point: a
traceback would be an exception escaping ``main`` (or one logged with its stack), and the net
in the launcher turns those into "unexpected error", which fails the test just the same.
"""

from __future__ import annotations

import argparse
import io
import logging
import re
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from desktop.commands.parser import build_parser
from desktop.demo import DemoTenant
from tests.graph.canned import Canned, CannedServer
from ui.launcher import add_window_options, main

CONNECTION = ("--graph-url", "--token", "--journal")
ENV_NAMES = ("LICENSE_DESK_GRAPH_URL", "LICENSE_DESK_TOKEN", "LICENSE_DESK_JOURNAL")
# Values for required options that let a command go as far as it can (to the server).
PLAUSIBLE = {
    "--sku": "ENTERPRISEPACK",
    "--from": "ann@contoso.example",
    "--to": "bob@contoso.example",
    "--set": "PL",
    "--upn": "new.user@contoso.example",
    "--off": "Sway",
    "--name": "New User",
    "--users": "ann@contoso.example",
}
# Optional, but without them the command stops before reaching the server.
NEEDED = ("--users", "--off", "--name")
FILE_WORDS = ("file", "csv", "db", "output", "journal", "plan")
REACHES_THE_SERVER = {
    "skus", "users", "assign", "apply", "block", "unblock", "apps", "copy", "location",
    "user create", "resume", "undo",
}  # fmt: skip
DEAD = "http://127.0.0.1:9/v1.0"  # the discard port: nothing listens there
UNKNOWN_HOST = "https://graph.example.invalid/v1.0"


def leaves(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if prefix and not subs:
        yield prefix, parser
    for action in subs:
        for name, sub in action.choices.items():
            yield from leaves(sub, (*prefix, name))


LEAVES = dict(leaves(build_parser()))


def options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {o: a for a in parser._actions for o in a.option_strings if o.startswith("--")}


def _top_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    add_window_options(parser)
    return parser


EVERY_OPTION = {o for p in (_top_parser(), *LEAVES.values()) for o in options(p)}


def takes_a_value(action: argparse.Action) -> bool:
    return bool(action.option_strings) and action.nargs is None and action.const is None


def is_file_like(action: argparse.Action) -> bool:
    words = f"{action.dest} {action.metavar or ''}".lower()
    return action.type is Path or any(word in words for word in FILE_WORDS)


@dataclass
class Files:
    folder: Path
    not_utf8: Path
    not_sqlite: Path
    plan: Path
    under_a_file: Path
    journal: Path
    extra: list[Path] = field(default_factory=list)


@pytest.fixture
def files(tmp_path: Path) -> Files:
    not_utf8 = tmp_path / "cp1250.csv"
    not_utf8.write_bytes("userPrincipalName\nłukasz@contoso.example\n".encode("cp1250"))
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("These are not the tables you are looking for.\n" * 200)
    plan = tmp_path / "plan.csv"
    plan.write_text("userPrincipalName,add\nann@contoso.example,ENTERPRISEPACK\n")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    return Files(
        folder=folder,
        not_utf8=not_utf8,
        not_sqlite=not_sqlite,
        plan=plan,
        under_a_file=not_sqlite / "journal.sqlite3",
        journal=tmp_path / "journal.sqlite3",
    )


def base_argv(
    path: tuple[str, ...], parser: argparse.ArgumentParser, files: Files, url: str
) -> list[str]:
    """The subcommand with its required arguments filled with plausible values, a user where
    it takes users, and a connection to ``url`` with a private journal where it connects."""
    argv = list(path)
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        if action.choices:
            argv.append(str(next(iter(action.choices))))
        elif is_file_like(action):
            argv.append(str(files.plan))
        else:
            argv.append("0123abcd")  # a run id, or any word
    known = options(parser)
    one_of = [g._group_actions[0] for g in parser._mutually_exclusive_groups if g.required]
    for option, action in known.items():
        if option in CONNECTION or not (action.required or action in one_of):
            continue
        choices = list(action.choices or ())
        argv += [option, str(choices[0]) if choices else PLAUSIBLE.get(option, "x")]
    for option in NEEDED:
        if option in known and not known[option].required:
            argv += [option, PLAUSIBLE[option]]
    if "--graph-url" in known:
        argv += ["--graph-url", url, "--token", "token", "--journal", str(files.journal)]
    return argv


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    # What the CLI's logging would add to stderr (pytest captures logging apart from it).
    warnings: list[str] = field(default_factory=list)


Run = Callable[..., Outcome]


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[Run]:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("LICENSE_DESK_DEBUG", raising=False)
    monkeypatch.delenv("LICENSE_DESK_LOGIN_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # no keyring on this machine
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    def go(argv: list[str], **env: str) -> Outcome:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        caplog.clear()
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse's own errors and --help
            code = exit_.code if isinstance(exit_.code, int) else 2
        finally:
            for number, handler in handlers.items():
                signal.signal(number, handler)
            for name in env:
                monkeypatch.delenv(name, raising=False)
        captured = capsys.readouterr()
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        outcome = Outcome(code, captured.out, captured.err, warnings)
        text = captured.out + captured.err
        logged = [r for r in caplog.records if r.exc_info and r.levelno >= logging.ERROR]
        where = f"license-desk {' '.join(argv)}"
        assert "Traceback" not in text, f"{where}\n{text}"
        assert "unexpected error" not in text, f"{where}\n{text}"
        assert not logged, f"{where}: logged a traceback: {logged[0].getMessage()}"
        assert code in (0, 1, 2), f"{where}: exit {code}"
        if code:
            assert captured.err.strip(), f"{where}: exit {code} without a word on stderr"
        # Advice must only name options that exist (`login` once suggested one that did not).
        named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", captured.err)) - set(argv)
        assert named <= EVERY_OPTION, f"{where}: suggests {named - EVERY_OPTION}"
        return outcome

    yield go
    keyring.set_keyring(previous_keyring)


@pytest.fixture
def hostile() -> Iterator[CannedServer]:
    server = CannedServer()
    yield server
    server.close()


NAMES = sorted(" ".join(path) for path in LEAVES)


def test_the_enumeration_finds_nested_and_new_subcommands() -> None:
    assert {"assign", "apply", "users", "history", "demo-server", "login"} <= set(NAMES)
    assert "user create" in NAMES  # nested subcommands are driven too


@pytest.mark.parametrize("name", NAMES)
def test_an_unknown_option_is_bad_input(name: str, run: Run, files: Files) -> None:
    path = tuple(name.split())
    argv = base_argv(path, LEAVES[path], files, DEAD)
    assert run([*argv, "--no-such-option"]).code == 2


def bad_values(action: argparse.Action, files: Files) -> list[str]:
    if action.choices:
        return ["no-such-choice"]
    if action.type in (int, float):
        return ["not-a-number", "99999999999999999999"]
    if is_file_like(action):
        return [str(files.not_utf8), str(files.not_sqlite), str(files.folder), "bad\x00name"]
    return ["\x00ż\n", "-"]


@pytest.mark.parametrize("name", NAMES)
def test_bad_values_for_every_option_end_in_a_message(name: str, run: Run, files: Files) -> None:
    path = tuple(name.split())
    parser = LEAVES[path]
    for option, action in options(parser).items():
        if not takes_a_value(action) or option in ("--graph-url", "--token"):
            continue
        for value in bad_values(action, files):
            argv = base_argv(path, parser, files, DEAD)
            # a later value of the same option wins, so the bad one is what the command sees
            outcome = run([*argv, option, value])
            if path == ("demo-server",):
                assert outcome.code == 2, (option, value, outcome)


@pytest.mark.parametrize("name", NAMES)
def test_dead_and_hostile_servers_and_bad_connections_end_in_a_message(
    name: str, run: Run, files: Files, hostile: CannedServer
) -> None:
    path = tuple(name.split())
    parser = LEAVES[path]
    if "--graph-url" not in options(parser):
        pytest.skip("does not talk to Graph")
    # Exact codes where the plausible arguments are known to carry the command to the server;
    # any other subcommand (a new one) is held to the general rules of ``run`` only.
    strict = name in REACHES_THE_SERVER
    other = f"{hostile.base_url.removesuffix('/v1.0')}/elsewhere"
    answers = {
        "an HTML page": Canned(
            200, "<html><body>Proxy login</body></html>", {"Content-Type": "text/html"}
        ),
        "a redirect": Canned(302, None, {"Location": other}),
        "JSON of the wrong shape": Canned(200, {"value": 5, "@odata.nextLink": 7}),
        "a cut-off answer": Canned(200, b'{"value": [{"id": '),
        "a 500 that is not JSON": Canned(500, b"Internal Server Error"),
        "a 400 envelope": Canned(400, {"error": {"code": "BadRequest", "message": "No."}}),
    }
    for what, answer in answers.items():
        hostile.responder = lambda seen, answer=answer: answer
        outcome = run(base_argv(path, parser, files, hostile.base_url))
        assert not strict or outcome.code in (1, 2), (what, outcome)

    for url, cause in ((DEAD, "refused"), (UNKNOWN_HOST, "name is unknown")):
        outcome = run(base_argv(path, parser, files, url))
        if strict and not reads_the_journal_first(outcome):
            assert outcome.code == 1 and cause in outcome.err, outcome
            assert len(outcome.err.strip().splitlines()) == 1, outcome
            assert outcome.warnings == [], outcome  # and no log line beside it

    for url in ("ftp://graph.example/v1.0", "graph.microsoft.com", "http://[::1", "https://"):
        argv = base_argv(path, parser, files, url)
        outcome = run(argv)
        assert not strict or outcome.code == 2, (url, outcome)

    for token in ("zażółć", "abc\r\nX-Injected: 1", "\x00"):
        argv = base_argv(path, parser, files, DEAD)
        argv[argv.index("--token") + 1] = token
        outcome = run(argv)
        if strict:
            assert outcome.code == 2 and "--token" in outcome.err, (token, outcome)
        if "\x00" in token:
            continue  # no environment can hold a NUL
        env_outcome = run(
            list(path) + _required_only(argv, path),
            LICENSE_DESK_GRAPH_URL=DEAD,
            LICENSE_DESK_TOKEN=token,
            LICENSE_DESK_JOURNAL=str(files.journal),
        )
        if strict:
            assert env_outcome.code == 2, (token, env_outcome)

    for journal in (files.folder, files.under_a_file):
        argv = base_argv(path, parser, files, DEAD)
        argv[argv.index("--journal") + 1] = str(journal)
        outcome = run(argv)
        if "refused" in outcome.err:
            continue  # a command that reads no journal went straight to the (dead) server
        assert not strict or "journal" in outcome.err.lower(), (journal, outcome)
        assert outcome.code == 2, (journal, outcome)


def reads_the_journal_first(outcome: Outcome) -> bool:
    """resume and undo look the run up before connecting: a made-up run is bad input."""
    return outcome.code == 2 and "in the journal" in outcome.err


def _required_only(argv: list[str], path: tuple[str, ...]) -> list[str]:
    """``argv`` after the subcommand, without the connection options (given by environment)."""
    rest = argv[len(path) :]
    kept: list[str] = []
    skip = False
    for word in rest:
        if skip:
            skip = False
            continue
        if word in CONNECTION:
            skip = True
            continue
        kept.append(word)
    return kept


def test_login_without_a_keyring_says_what_the_command_line_can_do(run: Run) -> None:
    outcome = run(["login"])
    assert outcome.code == 1
    assert "keyring" in outcome.err
    assert "--token" in outcome.err
    assert "without remembering" not in outcome.err  # the window's option, not the CLI's


def test_demo_server_refuses_a_port_out_of_range_and_a_file_that_is_not_sqlite(
    run: Run, files: Files
) -> None:
    port = run(["demo-server", "--port", "99999"])
    assert port.code == 2 and "--port must be between 0" in port.err
    db = run(["demo-server", "--db", str(files.not_sqlite)])
    assert db.code == 2 and "is not a demo tenant database" in db.err


def test_a_users_file_that_is_not_utf8_is_bad_input_naming_the_line(
    run: Run, files: Files, demo_tenant_readonly: DemoTenant
) -> None:
    argv = ["assign", "--users-file", str(files.not_utf8), "--add", "ENTERPRISEPACK"]
    url = demo_tenant_readonly.base_url
    outcome = run([*argv, "--graph-url", url, "--token", "t", "--journal", str(files.journal)])
    assert outcome.code == 2
    assert "line 2" in outcome.err and "UTF-8" in outcome.err


def test_a_journal_that_cannot_be_opened_is_bad_input(run: Run, files: Files) -> None:
    argv = ["assign", "--users", "ann@contoso.example", "--add", "ENTERPRISEPACK"]
    outcome = run([*argv, "--graph-url", DEAD, "--token", "t", "--journal", str(files.folder)])
    assert outcome.code == 2
    assert "Cannot open the journal" in outcome.err

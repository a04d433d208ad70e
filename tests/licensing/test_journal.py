"""The journal: written ahead, read back exactly, and honest about who owns a run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.licensing.errors import RunNotFoundError
from desktop.licensing.journal import Journal, NewStep, StepState, StepUpdate
from desktop.licensing.types import PlanKind, RunStatus, UserChange
from tests.licensing.records import E3, GROUP_ID, SWAY_PLAN, user


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    opened = Journal(tmp_path / "data" / "journal.sqlite3")
    yield opened  # type: ignore[misc]
    opened.close()


def _steps() -> list[NewStep]:
    first = user("first", direct=(AssignedLicense(E3, (SWAY_PLAN,)),), group=((E3, GROUP_ID),))
    second = user("second", location=None, enabled=False)
    return [
        NewStep(
            first.user_principal_name,
            first.user_principal_name,
            UserChange(first.user_principal_name, remove=(E3,)),
            first,
            first.id,
        ),
        NewStep(
            second.user_principal_name,
            second.user_principal_name,
            UserChange(second.user_principal_name, usage_location="PL", account_enabled=True),
            second,
            second.id,
        ),
        NewStep(
            "third@contoso.pl",
            "third@contoso.pl",
            UserChange("third@contoso.pl"),
            None,
            state=StepState.SKIPPED,
            message="Nothing to do.",
        ),
    ]


def test_steps_read_back_exactly_as_written(journal: Journal) -> None:
    steps = _steps()
    run_id = journal.create_run(PlanKind.MIXED, "Mixed", steps)
    rows = journal.steps(run_id)
    assert [(r.change, r.before, r.user_id, r.state) for r in rows] == [
        (s.change, s.before, s.user_id, s.state) for s in steps
    ]


def test_results_and_counts_follow_the_steps(journal: Journal) -> None:
    run_id = journal.create_run(PlanKind.MIXED, "Mixed", _steps())
    journal.mark_sent(run_id, [0, 1])
    assert [r.state for r in journal.steps(run_id)][:2] == [StepState.SENT, StepState.SENT]
    journal.record(
        run_id, [StepUpdate(0, StepState.DONE), StepUpdate(1, StepState.FAILED, "no", "Code")]
    )
    journal.set_status(run_id, RunStatus.FINISHED)
    summary = journal.summary(run_id)
    assert (summary.total, summary.done, summary.failed, summary.skipped) == (3, 1, 1, 1)
    assert summary.status is RunStatus.FINISHED and summary.finished_at is not None
    failed = journal.steps(run_id)[1]
    assert (failed.message, failed.code) == ("no", "Code")


def test_history_links_an_undo_to_its_run(journal: Journal) -> None:
    first = journal.create_run(PlanKind.ASSIGN, "Assign", _steps())
    undo = journal.create_run(PlanKind.UNDO, "Undo", _steps(), undo_of=first)
    by_id = {s.run_id: s for s in journal.summaries()}
    assert by_id[first].undone_by == undo
    assert by_id[undo].undo_of == first


def test_runs_are_found_by_a_unique_prefix(journal: Journal) -> None:
    run_id = journal.create_run(PlanKind.ASSIGN, "Assign", _steps())
    assert journal.resolve(run_id[:4].upper()) == run_id
    with pytest.raises(RunNotFoundError, match="too short"):
        journal.resolve(run_id[:3])
    with pytest.raises(RunNotFoundError, match="history"):
        journal.resolve("ffffffffff")


def test_a_new_users_password_never_reaches_the_file(journal: Journal) -> None:
    secret = "Sup3r-Secret-Pa55"
    new = NewUser("New", "new@contoso.pl", PasswordProfile(secret))
    run_id = journal.create_run(
        PlanKind.CREATE,
        "Create",
        [
            NewStep(
                "new@contoso.pl", "new@contoso.pl", UserChange("new@contoso.pl", create=new), None
            )
        ],
    )
    journal.close()
    stored = b"".join(
        p.read_bytes() for p in journal.path.parent.glob("journal.sqlite3*") if p.is_file()
    )
    assert secret.encode() not in stored
    reopened = Journal(journal.path)
    create = reopened.steps(run_id)[0].change.create
    assert create is not None and create.password_profile.password == ""
    reopened.close()


def test_a_run_owned_in_this_process_is_not_interrupted(journal: Journal) -> None:
    run_id = journal.create_run(PlanKind.ASSIGN, "Assign", _steps())
    other = Journal(journal.path)  # e.g. the window's history view
    try:
        assert other.interrupted() == []
        assert other.is_live(run_id)
        assert not other.claim(run_id)
        journal.release(run_id)
        assert [s.run_id for s in other.interrupted()] == [run_id]
        assert other.claim(run_id)
    finally:
        other.close()


def test_a_killed_owner_leaves_an_interrupted_run(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from desktop.licensing.journal import Journal
        from desktop.licensing.types import PlanKind
        journal = Journal(Path({str(path)!r}))
        print(journal.create_run(PlanKind.ASSIGN, "Assign", []), flush=True)
        sys.stdin.readline()  # hold the run until killed
        """
    )
    owner = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert owner.stdout is not None
        run_id = owner.stdout.readline().strip()
        watcher = Journal(path)
        assert watcher.summary(run_id).status is RunStatus.RUNNING
        assert watcher.interrupted() == []  # alive: not interrupted
        owner.kill()
        owner.wait()
        assert [s.run_id for s in watcher.interrupted()] == [run_id]
        watcher.close()
    finally:
        if owner.poll() is None:
            owner.kill()
            owner.wait()

"""One description of every change and problem: the engine's phrases and their English words.

Walks every field of ``UserChange``, every ``ProblemKind``, ``PlanKind``, ``Outcome`` and
``Say``: a new one cannot be added without its words (the window's are walked in
tests/ui/test_plan_words.py).
"""

from __future__ import annotations

import dataclasses

import pytest

from desktop.graph.records import AssignedLicense
from desktop.licensing import phrases
from desktop.licensing.check import check_plan
from desktop.licensing.describe import (
    change_text,
    english,
    outcome_text,
    phrases_text,
    problem_text,
    run_counts_text,
    title_text,
)
from desktop.licensing.phrases import (
    Say,
    Weight,
    attention,
    change_phrases,
    deleted_accounts,
    history_counts,
    problem_phrase,
    run_counts,
)
from desktop.licensing.types import (
    Outcome,
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    RunStatus,
    RunSummary,
    Severity,
    UserChange,
)
from desktop.licensing.undo import inverse_change
from tests.licensing.phrase_samples import (
    FIELD_SAMPLES,
    NEW_USER,
    SAMPLE_DETAILS,
    SKUS,
    change_samples,
    report,
    sample_phrase,
    view,
)
from tests.licensing.records import BASIC, E3, SWAY_PLAN, user


def test_every_field_has_a_sample() -> None:
    fields = {f.name for f in dataclasses.fields(UserChange)} - {"user"}
    assert set(FIELD_SAMPLES) == fields


@pytest.mark.parametrize(("field", "change"), change_samples())
def test_every_field_of_a_change_has_words(field: str, change: UserChange) -> None:
    said = change_phrases(change)
    assert said and Say.NO_CHANGE not in {p.say for p in said}, field
    text = change_text(change, SKUS)
    assert text and text != change_text(UserChange(user="x"), SKUS) == "nothing"


def test_every_field_is_named_by_a_phrase_of_its_own() -> None:
    """A new field cannot hide behind another field's words."""
    said: dict[str, set[Say]] = {}
    for field, change in change_samples():
        said.setdefault(field, set()).update(p.say for p in change_phrases(change))
    for field, own in said.items():
        others = set().union(*(s for f, s in said.items() if f != field))
        assert own - others, f"{field} is said only with other fields' words: {own}"


def test_each_change_says_what_and_with_which_package() -> None:
    assert change_text(UserChange("u", add=(AssignedLicense(E3, (SWAY_PLAN,)),)), SKUS) == (
        "add Office 365 E3 (apps off: Sway)"
    )
    assert change_text(UserChange("u", remove=(BASIC,)), SKUS) == (
        "remove Microsoft 365 Business Basic"
    )
    assert change_text(UserChange("u", delete=True), SKUS) == "delete the account"
    assert change_text(UserChange("u", clear_usage_location=True), SKUS) == "clear usage location"
    assert change_text(UserChange("u", usage_location="DE", account_enabled=False), SKUS) == (
        "set usage location DE, block sign-in"
    )


def test_deleting_an_account_is_the_most_serious_thing_said() -> None:
    (said,) = change_phrases(UserChange("u", delete=True))
    assert said.weight is Weight.DESTRUCTIVE
    assert all(p.weight is Weight.PLAIN for p in change_phrases(UserChange("u", remove=(E3,))))


def test_a_new_account_blocked_from_sign_in_says_so() -> None:
    blocked = dataclasses.replace(NEW_USER, account_enabled=False)
    assert [p.say for p in change_phrases(UserChange("u", create=blocked))] == [
        Say.CREATE_ACCOUNT,
        Say.BLOCK_SIGN_IN,
    ]
    assert [p.say for p in change_phrases(UserChange("u", create=NEW_USER))] == [Say.CREATE_ACCOUNT]


@pytest.mark.parametrize("kind", list(ProblemKind))
def test_every_problem_kind_has_words(kind: ProblemKind) -> None:
    problem = Problem(kind, Severity.BLOCKING, "ada@contoso.example", dict(SAMPLE_DETAILS))
    said = problem_phrase(problem)
    assert said.users == ("ada@contoso.example",) and said.weight is Weight.BLOCKING
    assert problem_text(problem, SKUS)


def test_problem_variants_pick_their_own_words() -> None:
    not_assignable = ProblemKind.SKU_NOT_ASSIGNABLE
    company = Problem(not_assignable, Severity.BLOCKING, "u", {"sku_id": E3, "applies_to": "Org"})
    suspended = Problem(
        not_assignable, Severity.BLOCKING, "u", {"sku_id": E3, "status": "Suspended"}
    )
    gone = Problem(ProblemKind.NOTHING_TO_DO, Severity.SKIP, "u", {"gone": True})
    assert problem_phrase(company).say is Say.PACKAGE_FOR_ORGANISATION
    assert problem_phrase(suspended).say is Say.PACKAGE_NOT_ACTIVE
    assert problem_text(suspended, SKUS) == "Office 365 E3 is suspended: it cannot be assigned"
    assert problem_phrase(gone).say is Say.USER_GONE
    assert problem_text(gone, SKUS) == "the user no longer exists"


@pytest.mark.parametrize("say", list(Say))
def test_every_phrase_kind_has_english_words(say: Say) -> None:
    assert english(sample_phrase(say), SKUS).strip()


@pytest.mark.parametrize("kind", list(PlanKind))
def test_every_plan_kind_has_a_title(kind: PlanKind) -> None:
    assert phrases.plan_title(kind, 3).count == 3
    assert title_text(kind, 3).endswith("(3 users)")


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_has_words(outcome: Outcome) -> None:
    assert outcome_text(outcome)


def test_the_check_writes_its_messages_from_the_same_words() -> None:
    taken = user("ada")
    new = dataclasses.replace(NEW_USER, user_principal_name=taken.user_principal_name)
    checked = check_plan(
        Plan(PlanKind.CREATE, (UserChange(new.user_principal_name, create=new),)), view(taken)
    )
    (problem,) = checked.problems
    assert (
        problem.message == problem_text(problem, {}) == "a user named ada@contoso.pl already exists"
    )


def test_an_undo_that_deletes_accounts_says_so_first() -> None:
    alice = user("alice", direct=(AssignedLicense(E3),))
    plan = Plan(
        PlanKind.UNDO,
        (UserChange("missing", remove=(E3,)), UserChange(alice.id, delete=True)),
    )
    checked = check_plan(plan, view(alice))
    assert deleted_accounts(checked) == (alice.id,)
    first = attention(checked)[0]
    assert (first.say, first.weight, first.count) == (Say.DELETES_ACCOUNTS, Weight.DESTRUCTIVE, 1)
    assert any(p.weight is Weight.BLOCKING for p in attention(checked)[1:])
    assert english(first, SKUS).startswith("1 account will be deleted")


def test_undo_of_a_usage_location_set_from_empty_says_it_will_be_cleared() -> None:
    before = user("nowhere", location=None)
    undo = inverse_change(before.id, UserChange(before.id, usage_location="DE"), before)
    assert [p.say for p in change_phrases(undo)] == [Say.CLEAR_USAGE_LOCATION]
    after = dataclasses.replace(before, usage_location="DE")
    checked = check_plan(Plan(PlanKind.UNDO, (undo,)), view(after))
    assert change_text(checked.effective.changes[0], SKUS) == "clear usage location"


def test_a_runs_summary_counts_every_outcome_and_the_cancelled_only_when_some() -> None:
    finished = report(Outcome.DONE, Outcome.DONE, Outcome.SKIPPED)
    assert run_counts_text(finished) == "2 done, 0 failed, 1 skipped"
    stopped = report(Outcome.DONE, Outcome.FAILED, Outcome.CANCELLED, Outcome.CANCELLED)
    assert run_counts_text(stopped) == "1 done, 1 failed, 0 skipped, 2 not done (cancelled)"
    assert len(run_counts(report(*Outcome))) == len(Outcome)


def test_a_run_in_the_history_is_counted_with_the_same_words() -> None:
    run = RunSummary("r1", PlanKind.ASSIGN, "Assign", "t", "t", RunStatus.FINISHED, 9, 6, 1, 0)
    assert phrases_text(history_counts(run), SKUS) == "6 done, 1 failed, 0 skipped"
    partly = dataclasses.replace(run, partly=2)
    assert phrases_text(history_counts(partly), SKUS) == (
        "6 done, 1 failed, 0 skipped, 2 partly done"
    )

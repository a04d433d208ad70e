"""The window says every phrase the engine has, in English and in Polish.

The engine's side (every field of ``UserChange``, every ``ProblemKind``, every ``Say``) is
walked in tests/licensing/test_phrases.py; this walks the same cases through the window's
``tr()`` words, so a new kind cannot reach the window without its words and their translation.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.graph.records import AssignedLicense
from desktop.licensing import phrases
from desktop.licensing.check import check_plan
from desktop.licensing.errors import PlanBlockedError
from desktop.licensing.phrases import Say, change_phrases, problem_phrase
from desktop.licensing.types import (
    Outcome,
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    Severity,
    UserChange,
)
from tests.licensing.phrase_samples import (
    SAMPLE_DETAILS,
    SKUS,
    change_samples,
    report,
    sample_phrase,
    view,
)
from tests.licensing.records import E3, user
from tests.ui.language_support import Switch, in_language
from ui.errors import describe
from ui.i18n import install_translators
from ui.models.naming import LicenseNaming
from ui.plan_text import (
    Names,
    change_text,
    outcome_text,
    plan_title,
    problem_text,
    run_counts_text,
    say,
)

__all__ = ["in_language"]  # a fixture, imported for pytest

NAMES = Names(LicenseNaming.from_skus(SKUS.values(), lambda _id, part: part), SKUS)
NOTHING = UserChange(user="ada@contoso.example")


Words = Callable[[Callable[[], str]], str]


def in_polish(qapp: QCoreApplication, text: Callable[[], str]) -> str:
    """``text()`` with the shipped Polish catalog and formats, then back as before."""
    locale = QLocale()
    before = set(qapp.findChildren(QTranslator))
    QLocale.setDefault(QLocale("pl_PL"))
    install_translators(qapp, "pl")
    try:
        return text()
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.setParent(None)
        QLocale.setDefault(locale)


@pytest.fixture(params=["en", "pl"])
def both(request: pytest.FixtureRequest, qapp: QCoreApplication) -> Words:
    """The text in the test's language; for Polish, it must differ from the English one (a
    missing translation shows the English source text)."""

    def words(text: Callable[[], str]) -> str:
        english = text()
        assert english.strip()
        if request.param == "en":
            return english
        polish = in_polish(qapp, text)
        assert polish.strip() and polish != english, f"not translated: {english!r}"
        return polish

    return words


@pytest.mark.parametrize(("field", "change"), change_samples())
def test_every_field_of_a_change_has_window_words(
    both: Words, field: str, change: UserChange
) -> None:
    text = both(lambda: change_text(change, NAMES.naming, SKUS))
    assert text != both(lambda: change_text(NOTHING, NAMES.naming, SKUS)), field
    assert len(change_phrases(change)) == text.count("; ") + 1


@pytest.mark.parametrize("kind", list(ProblemKind))
def test_every_problem_kind_has_window_words(both: Words, kind: ProblemKind) -> None:
    problem = Problem(kind, Severity.BLOCKING, "ada@contoso.example", dict(SAMPLE_DETAILS))
    assert problem_phrase(problem).say is not None
    both(lambda: problem_text(problem, NAMES.naming, SKUS))


@pytest.mark.parametrize("said", list(Say))
def test_every_phrase_kind_has_window_words(both: Words, said: Say) -> None:
    both(lambda: say(sample_phrase(said), NAMES))


@pytest.mark.parametrize("kind", list(PlanKind))
def test_every_plan_kind_has_a_window_title(both: Words, kind: PlanKind) -> None:
    assert phrases.plan_title(kind, 3).count == 3
    assert "3" in both(lambda: plan_title(kind, 3))


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_has_window_words(both: Words, outcome: Outcome) -> None:
    both(lambda: outcome_text(outcome))


def test_deleting_and_clearing_are_said_in_polish(in_language: Switch) -> None:
    in_language("pl", "pl_PL")
    assert change_text(UserChange("u", delete=True), NAMES.naming, SKUS) == "Usunięcie konta"
    assert change_text(UserChange("u", clear_usage_location=True), NAMES.naming, SKUS) == (
        "Wyczyszczenie lokalizacji użycia (pozostanie pusta)"
    )
    deletes = phrases.Phrase(Say.DELETES_ACCOUNTS, count=5)
    assert say(deletes).startswith("5 kont zostanie usuniętych")


def test_a_runs_summary_is_said_for_every_outcome(both: Words) -> None:
    every = report(*Outcome)
    text = both(lambda: run_counts_text(every))
    assert text.count(" · ") == len(Outcome) - 1


def test_a_run_blocked_on_resume_is_said_in_the_windows_words(qapp: QCoreApplication) -> None:
    homeless = user("ola", location=None)
    plan = Plan(PlanKind.ASSIGN, (UserChange(homeless.id, add=(AssignedLicense(E3),)),))
    blocked = PlanBlockedError(check_plan(plan, view(homeless)))
    english = describe(blocked)
    assert english.title == "Nothing was changed"
    assert "Ola <ola@contoso.pl>: No usage location: choose a country" in english.text
    polish = in_polish(qapp, lambda: describe(blocked).text)
    assert "Ola <ola@contoso.pl>: Brak lokalizacji użycia" in polish

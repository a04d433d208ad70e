"""Issue 11, defect 3: the window's errors in its own language. Graph's failures are chosen by
their code (Graph's English text only under Details); the plan file's errors by their kind."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.graph.errors import GraphError
from desktop.licensing import csv_plan
from desktop.licensing.csv_plan import CsvPlanError, load_plan_csv
from tests.ui.language_support import in_language, polish  # noqa: F401  (fixtures)
from ui.dialogs.error_dialog import ErrorDialog
from ui.errors import describe
from ui.graph_failures import graph_failure_text
from ui.plan_file_text import _templates, row_error_text

BAD_PLAN = (
    "userPrincipalName,add,enable\n"
    "not-an-address,,\n"
    "anna@contoso.com,,maybe\n"
    "anna@contoso.com,E3,\n"
)
NO_SEATS = "Subscription with SKU abc does not have any available licenses."


def _plan_error(tmp_path: Path) -> CsvPlanError:
    path = tmp_path / "plan.csv"
    path.write_text(BAD_PLAN, encoding="utf-8")
    with pytest.raises(CsvPlanError) as caught:
        load_plan_csv(path, [])
    return caught.value


@pytest.mark.usefixtures("polish")
def test_plan_file_errors_are_polish_with_english_in_details(tmp_path: Path) -> None:
    message = describe(_plan_error(tmp_path))
    assert message.title == "Plik planu zawiera błędy"
    assert "wiersz 2: „not-an-address” nie jest nazwą userPrincipalName" in message.text
    assert "enable ma wartość „maybe”" in message.text
    assert "ma już wiersz (wiersz 3)" in message.text
    assert "line " not in message.text and "is not a userPrincipalName" not in message.text
    assert "is not a userPrincipalName" in message.details  # the engine's English for support


@pytest.mark.usefixtures("polish")
def test_graph_failure_in_polish_by_its_code_and_graph_words_under_details(
    qtbot: QtBot,
) -> None:
    error = GraphError("Request_BadRequest", NO_SEATS, status=400, request_id="r-1")
    dialog = ErrorDialog(describe(error))
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.findChild(object, "errorText").text()  # type: ignore[union-attr]
    assert "nie ma już wolnych miejsc" in text and NO_SEATS not in text
    assert not dialog.details.isVisible()
    show = [b for b in dialog.findChildren(QPushButton) if b.isCheckable()]
    assert len(show) == 1
    show[0].click()
    assert dialog.details.isVisible() and NO_SEATS in dialog.details.toPlainText()


@pytest.mark.usefixtures("polish")
@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("Request_ResourceNotFound", 404, "Odśwież listę (F5)"),
        ("Authorization_RequestDenied", 403, "Administrator licencji"),
        ("SomethingNew", 503, "Microsoft 365 miał własny problem"),
        ("SomethingNew", 400, "Microsoft 365 odrzucił żądanie"),
    ],
)
def test_graph_codes_have_polish_words(code: str, status: int, expected: str) -> None:
    assert expected in graph_failure_text(code, "Some English text.", status)


def test_every_plan_file_error_the_engine_raises_has_a_kind_with_words() -> None:
    """Every RowError built in csv_plan.py names a kind (its third argument), and every kind
    found in the engine's source has a translated template."""
    tree = ast.parse(Path(csv_plan.__file__).read_text(encoding="utf-8"))
    kinds: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "RowError":
            if len(node.args) == 2 and isinstance(node.args[1], ast.Starred):
                continue  # RowError(line, *problem): the problem tuple carries the kind
            assert len(node.args) >= 3, f"RowError without a kind at line {node.lineno}"
            kind = node.args[2]
            assert isinstance(kind, ast.Constant), f"kind not a literal at line {node.lineno}"
            kinds.add(kind.value)
        if isinstance(node, ast.Tuple) and len(node.elts) == 3:
            first, second = node.elts[0], node.elts[1]
            if (
                isinstance(first, ast.JoinedStr | ast.Constant)
                and isinstance(second, ast.Constant)
                and isinstance(second.value, str)
                and second.value.islower()
                and " " not in second.value
            ):
                kinds.add(second.value)
    templates = _templates()
    assert kinds >= {"not_utf8", "bad_user", "unknown_license", "unknown_app"}
    assert kinds - set(templates) == set()


def test_row_error_words_fall_back_to_the_engine_sentence_for_an_unknown_kind() -> None:
    error = csv_plan.RowError(4, "a new kind of problem", "brand_new")
    assert row_error_text(error) == "a new kind of problem"


@pytest.mark.usefixtures("polish")
def test_file_problems_say_why_in_polish_with_the_system_words_under_details() -> None:
    message = describe(FileNotFoundError(2, "No such file or directory", "plan.csv"))
    assert "plan.csv" in message.text and "nie istnieje" in message.text
    assert "No such file" not in message.text and "No such file" in message.details

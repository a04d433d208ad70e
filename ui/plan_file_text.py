"""A plan file's errors (desktop/licensing/csv_plan.py ``RowError``) in the window's words.

The engine names each error by ``kind`` with its ``args``; this module has one translated
sentence per kind. A kind without words here falls back to the engine's English sentence, and
``tests/ui/test_translated_errors.py`` fails when any kind the engine raises lacks words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from desktop.licensing.csv_plan import SHOWN_ERRORS, CsvPlanError, RowError


def _templates() -> dict[str, str]:
    return {
        "not_utf8": QCoreApplication.translate(
            "PlanFileText",
            "the file is not UTF-8 text: in Excel choose Save As, 'CSV UTF-8 (comma delimited)'",
        ),
        "empty_file": QCoreApplication.translate(
            "PlanFileText", "the file is empty: it needs a header row"
        ),
        "no_user_column": QCoreApplication.translate(
            "PlanFileText",
            "the header has no userPrincipalName column (expected: {columns}, separated by "
            "',' or ';')",
        ),
        "unknown_column": QCoreApplication.translate(
            "PlanFileText", "unknown column '{name}': use {columns}"
        ),
        "duplicate_column": QCoreApplication.translate(
            "PlanFileText", "column '{name}' appears twice"
        ),
        "empty_user": QCoreApplication.translate("PlanFileText", "userPrincipalName is empty"),
        "bad_user": QCoreApplication.translate(
            "PlanFileText", "'{user}' is not a userPrincipalName (name@domain) or a user id"
        ),
        "bad_location": QCoreApplication.translate(
            "PlanFileText", "usageLocation '{location}' is not a two-letter country code"
        ),
        "bad_enable": QCoreApplication.translate(
            "PlanFileText", "enable is '{value}': write true, false, or leave it empty"
        ),
        "apps_without_add": QCoreApplication.translate(
            "PlanFileText", "disabledPlans needs the license they belong to in the add column"
        ),
        "nothing_to_change": QCoreApplication.translate(
            "PlanFileText", "nothing to change: fill add, remove, usageLocation or enable"
        ),
        "too_many_values": QCoreApplication.translate(
            "PlanFileText",
            "{values} values but the header has {columns} columns: a value containing "
            "'{delimiter}' needs quotes",
        ),
        "duplicate_user": QCoreApplication.translate(
            "PlanFileText", "{user} already has a row (line {first}): merge them"
        ),
        "broken_quoting": QCoreApplication.translate(
            "PlanFileText", "broken quoting: a quote is not closed"
        ),
        "unknown_license": QCoreApplication.translate(
            "PlanFileText", "{column}: no license package named '{name}' in this tenant"
        ),
        "add_and_remove": QCoreApplication.translate(
            "PlanFileText", "the same license is in both add and remove"
        ),
        "unknown_app": QCoreApplication.translate(
            "PlanFileText", "disabledPlans: no app '{name}' in {licenses}"
        ),
        "cannot_read": QCoreApplication.translate("PlanFileText", "cannot read {path}: {why}"),
    }


def row_error_text(error: RowError) -> str:
    template = _templates().get(error.kind)
    return template.format(**dict(error.args)) if template is not None else error.message


class PlanFileText(QObject):
    """Plural (%n) messages need tr() on a QObject for lupdate."""

    def has_errors(self, n: int) -> str:
        return self.tr("{file} has %Ln errors; nothing was applied:", "", n)

    def more(self, n: int) -> str:
        return self.tr("… and %Ln more", "", n)


def plan_file_text(exc: CsvPlanError) -> str:
    words = PlanFileText()
    lines = [words.has_errors(exc.total).format(file=exc.source)]
    for error in exc.errors[:SHOWN_ERRORS]:
        text = row_error_text(error)
        lines.append(
            QCoreApplication.translate("PlanFileText", "line {line}: {error}").format(
                line=error.line, error=text
            )
            if error.line
            else text
        )
    hidden = exc.total - min(len(exc.errors), SHOWN_ERRORS)
    if hidden > 0:
        lines.append(words.more(hidden))
    return "\n".join(lines)

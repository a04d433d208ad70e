"""``--json``: one JSON document on stdout that scripts, ``jq`` and PowerShell read as is.

The shapes are documented in ``docs/cli-json.md`` and its schema ``docs/cli-json.schema.json``
(tests validate real outputs against it). Rules that keep PowerShell's ``ConvertFrom-Json``
happy: ASCII only (non-ASCII letters are ``\\u`` escapes, so the console's code page cannot
garble them), no byte order mark, and no two keys of one object that differ only in case.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TextIO

from desktop.graph.records import Sku
from desktop.licensing import describe
from desktop.licensing.types import CheckedPlan, Outcome, RunReport, RunSummary

JSON_FORMAT = 1  # bumped when a field is renamed or removed (adding one is compatible)


def write_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=True)
    out.write("\n")
    out.flush()


def change_document(
    command: str,
    checked: CheckedPlan,
    skus: Mapping[str, Sku],
    *,
    status: str,
    exit_code: int,
    report: RunReport | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """What a changing subcommand did: the plan as checked, and the run if one happened.

    ``status`` is one of ``blocked``, ``nothing-to-do``, ``dry-run``, ``declined``,
    ``not-confirmed``, ``applied``.
    """
    labels = {key: user.user_principal_name for key, user in checked.before.items()}
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "command": command,
        "kind": checked.plan.kind.value,
        "description": checked.plan.description
        or describe.title_text(checked.plan.kind, len(checked.plan.changes)),
        "status": status,
        "exitCode": exit_code,
        "changes": [
            {
                "user": labels.get(change.user, change.user),
                "text": describe.change_text(change, skus),
            }
            for change in checked.effective.changes
        ],
        "problems": [
            {
                "user": labels.get(p.user, p.user) if p.user else None,
                "kind": p.kind.value,
                "severity": p.severity.value,
                "message": p.message,
            }
            for p in checked.problems
        ],
        "seats": [
            {
                "skuId": need.sku_id,
                "name": describe.sku_label(need.sku_id, skus),
                "needed": need.needed,
                "free": need.free,
            }
            for need in checked.seats
        ],
        "run": run_document(report, labels) if report is not None else None,
    }
    if extra:
        document.update(extra)
    return document


def run_document(report: RunReport, labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "runId": report.run_id,
        "done": report.count(Outcome.DONE),
        "failed": report.count(Outcome.FAILED),
        "skipped": report.count(Outcome.SKIPPED),
        "cancelled": report.count(Outcome.CANCELLED),
        "partly": report.count(Outcome.PARTLY),
        "unconfirmed": report.count(Outcome.UNCONFIRMED),
        "results": [
            {
                "user": labels.get(r.user, r.user),
                "outcome": r.outcome.value,
                "message": r.message,
                "code": r.code,
                # Each part of the user's change: what took effect, what did not, and why.
                "parts": [
                    {"part": p.part.value, "state": p.state.value, "message": p.message}
                    for p in r.parts
                ],
            }
            for r in report.results
        ],
    }


def resume_document(report: RunReport, labels: Mapping[str, str], exit_code: int) -> dict[str, Any]:
    """``resume --json``: what the resumed run did, counting every user of the run."""
    return {
        "format": JSON_FORMAT,
        "command": "resume",
        "exitCode": exit_code,
        "run": run_document(report, labels),
    }


def history_entry(summary: RunSummary, status: str) -> dict[str, Any]:
    """One run of ``history --json``; ``status`` may be ``interrupted`` (a dead process)."""
    return {
        "runId": summary.run_id,
        "startedAt": summary.started_at,
        "finishedAt": summary.finished_at,
        "status": status,
        "kind": summary.kind.value,
        "description": summary.description or describe.title_text(summary.kind, summary.total),
        "total": summary.total,
        "done": summary.done,
        "failed": summary.failed,
        "skipped": summary.skipped,
        "undoOf": summary.undo_of,
        "undoneBy": summary.undone_by,
    }

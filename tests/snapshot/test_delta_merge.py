"""Merging a delta round into the saved users, and which answers mean "read everything again"."""

from __future__ import annotations

import pytest

from desktop.graph.errors import GraphError
from desktop.graph.records import User
from desktop.snapshot.delta import apply_changes, needs_resync, parse_changes


def item(uid: str, name: str) -> dict[str, object]:
    return {
        "id": uid,
        "displayName": name,
        "userPrincipalName": f"{uid}@contoso.pl",
        "accountEnabled": True,
        "assignedLicenses": [],
        "licenseAssignmentStates": [],
    }


def test_a_replayed_user_counts_once_and_the_last_word_wins() -> None:
    changes = parse_changes(
        [
            item("a", "Old"),
            item("b", "Bea"),
            {"id": "a", "@removed": {"reason": "changed"}},
            item("c", "Cel"),
            item("c", "Cecylia"),
        ],
        "changed users",
    )
    assert changes.removed == {"a"}
    assert [(u.id, u.display_name) for u in changes.changed] == [("b", "Bea"), ("c", "Cecylia")]

    saved = (User("a", "Ala", "a@contoso.pl"), User("b", "Ba", "b@contoso.pl"))
    merged = apply_changes(saved, changes)
    assert [(u.id, u.display_name) for u in merged] == [("b", "Bea"), ("c", "Cecylia")]


@pytest.mark.parametrize(
    ("status", "code", "resync"),
    [
        (400, "syncStateNotFound", True),  # an expired link (verified)
        (400, "SyncStateNotFound", True),
        (410, "resyncRequired", True),
        (410, "anything", True),  # a reset after maintenance: 410 Gone
        (400, "Request_BadRequest", False),
        (403, "Authorization_RequestDenied", False),
    ],
)
def test_which_answers_mean_reading_everything_again(status: int, code: str, resync: bool) -> None:
    assert needs_resync(GraphError(code, "message", status=status)) is resync

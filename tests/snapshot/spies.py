"""Counting full reads: how many times every user was listed (``GraphClient.list_users``),
so a test can tell a delta refresh from a full read."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.graph.client import GraphClient


def count_full_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one at each full listing of users from now on."""
    counted: list[int] = []
    listing = GraphClient.list_users

    def counting(self: GraphClient, **kwargs: Any) -> Any:
        counted.append(1)
        return listing(self, **kwargs)

    monkeypatch.setattr(GraphClient, "list_users", counting)
    return counted

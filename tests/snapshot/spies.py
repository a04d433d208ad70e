"""Counting full reads: how many times every user was read (``read_all_users_in_parts``, where
every full read of the users goes), so a test can tell a delta refresh from a full read."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.graph import full_read
from desktop.graph.client import GraphClient


def count_full_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one at each full read of the users from now on."""
    counted: list[int] = []
    reading = full_read.read_all_users_in_parts

    def counting(client: GraphClient, **kwargs: Any) -> Any:
        counted.append(1)
        return reading(client, **kwargs)

    monkeypatch.setattr(full_read, "read_all_users_in_parts", counting)
    return counted

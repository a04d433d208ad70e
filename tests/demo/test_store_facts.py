"""The store reads the tenant's facts and domains once, and again after it is seeded anew."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.demo.seed import build
from desktop.demo.store import Store


def _domains_of(seed_domains: list[tuple[int, str, int, int]]) -> list[tuple[str, bool, bool]]:
    ordered = sorted(seed_domains)
    return [(name, bool(default), bool(initial)) for _, name, default, initial in ordered]


def test_facts_and_domains_follow_a_new_seed() -> None:
    store = Store()
    first = build(5, 1)
    second = dataclasses.replace(build(5, 2), domains=[(1, "druga.example", 1, 1)])
    assert first.meta["tenant_id"] != second.meta["tenant_id"]
    store.load(first)
    assert store.meta("tenant_id") == first.meta["tenant_id"]
    assert store.domains() == _domains_of(first.domains)
    store.load(second)
    assert store.meta("tenant_id") == second.meta["tenant_id"]
    assert store.meta("company_name") == second.meta["company_name"]
    assert store.domains() == _domains_of(second.domains)
    store.close()


def test_an_unknown_fact_is_a_key_error_and_callers_get_their_own_domain_list() -> None:
    store = Store()
    store.load(build(5, 1))
    with pytest.raises(KeyError):
        store.meta("no such fact")
    mine = store.domains()
    mine.clear()
    assert store.domains()
    store.close()

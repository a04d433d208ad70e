"""Seed data: deterministic, realistic, scalable."""

from __future__ import annotations

from collections import Counter

from desktop.demo import seed
from desktop.demo.assignments import Assignments
from desktop.demo.rows import COL
from desktop.demo.store import Store
from tests.demo.support import Graph


def test_the_same_seed_gives_the_same_tenant() -> None:
    first, second = seed.build(60, 1), seed.build(60, 1)
    assert first == second
    assert seed.build(60, 2).users != first.users


def test_same_seed_same_api_answers(graph_ro: Graph, graph: Graph) -> None:
    assert graph_ro.users() == graph.users()
    assert graph_ro.skus() == graph.skus()


def test_a_polish_company_with_some_international_staff() -> None:
    data = seed.build(600, 1)
    names = " ".join(row[COL["display_name"]] for row in data.users)
    assert any(letter in names for letter in "ąćęłńóśźżŁŚŻ")
    locations = Counter(row[COL["usage_location"]] for row in data.users)
    assert locations["PL"] > 0.8 * 600
    assert {"DE", "US", "GB"} <= set(locations)
    assert 2 <= locations[None] < 0.1 * 600
    blocked = sum(1 for row in data.users if not row[COL["account_enabled"]])
    assert 2 <= blocked < 0.1 * 600
    assert all(row[COL["department"]] and row[COL["job_title"]] for row in data.users)


def test_upns_are_unique_ascii_on_the_default_domain_even_when_names_collide() -> None:
    data = seed.build(5000, 7)
    upns = [row[COL["upn"]].lower() for row in data.users]
    assert len(set(upns)) == len(upns)
    assert all(upn.isascii() and upn.endswith("@bursztynlogistyka.pl") for upn in upns)
    assert any(upn.split("@")[0][-1].isdigit() for upn in upns)  # collisions were numbered
    first = data.users[0]
    local = first[COL["upn"]].split("@")[0]
    assert "." in local and local == local.lower()


def test_seat_counts_scale_with_the_user_count() -> None:
    def enabled(users: int) -> dict[str, int]:
        # Seats that can be held: enabled and, for the package in its grace period, warning.
        return {row[2]: int(row[5]) + int(row[6]) for row in seed.build(users, 1).skus}

    small, large = enabled(60), enabled(3000)
    for part in ("O365_BUSINESS_ESSENTIALS", "O365_BUSINESS_PREMIUM", "ENTERPRISEPACK", "SPB"):
        assert large[part] > 20 * small[part] / 2, part
    assert small["FLOW_FREE"] == large["FLOW_FREE"] == 10_000


def test_every_situation_survives_a_large_tenant() -> None:
    store = Store()
    store.load(seed.build(3000, 4))
    assignments = Assignments(store)
    standard = store.sku_by_part("O365_BUSINESS_PREMIUM")
    assert assignments.consumed_units(standard.sku_id) == standard.enabled
    assert len(assignments.allocation(standard.sku_id).group_count_violation) == 2
    flow = store.sku_by_part("FLOW_FREE")
    assert 0 < assignments.consumed_units(flow.sku_id) < flow.enabled
    store.close()


def test_no_seeded_user_breaks_a_license_rule(graph: Graph) -> None:
    """Every seeded direct assignment must be one the API itself would accept again."""
    checked = 0
    for user in graph.users():
        direct = [
            {"skuId": s["skuId"], "disabledPlans": s["disabledPlans"]}
            for s in user["licenseAssignmentStates"]
            if s["assignedByGroup"] is None
        ]
        if direct:
            checked += 1
            response = graph.assign(user["id"], direct, [])
            assert response.status_code == 200, (user["userPrincipalName"], response.text)
    assert checked > 40

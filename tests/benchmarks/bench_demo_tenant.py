"""Demo tenant benchmark: seeding and listing a 100,000-user tenant.

    python tests/benchmarks/bench_demo_tenant.py [--users 100000]

Prints the figures with their targets: seeding under 20 s, listing every user with $top=999
(the app's $select, licenses included) under 10 s with plain ``requests``. Also prints a few
secondary figures (subscribedSkus, an unlicensed-users query, $batch writes).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.demo_tenant

from desktop.demo.seed import build
from desktop.demo.store import Store
from tests.demo_tenant import DemoTenantForTests

SELECT = (
    "id,displayName,userPrincipalName,mail,accountEnabled,usageLocation,department,jobTitle,"
    "assignedLicenses,licenseAssignmentStates"
)


def report(label: str, seconds: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"  (target < {target:g} s: {'OK' if seconds < target else 'MISSED'})"
    print(f"{label:<60} {seconds:8.2f} s{verdict}", flush=True)


def list_everything(
    session: requests.Session, url: str, headers: dict[str, str] | None = None
) -> tuple[int, int]:
    """Follow nextLinks to the end; returns (users, pages)."""
    users = pages = 0
    next_url: str | None = url
    while next_url:
        response = session.get(next_url, headers=headers, timeout=120)
        response.raise_for_status()
        body: dict[str, Any] = response.json()
        users += len(body["value"])
        pages += 1
        next_url = body.get("@odata.nextLink")
    return users, pages


def timed_listing(
    session: requests.Session,
    url: str,
    label: str,
    target: float | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    started = time.perf_counter()
    count, pages = list_everything(session, url, headers)
    report(f"{label}: {count:,} users, {pages} pages", time.perf_counter() - started, target)


def batch_writes(session: requests.Session, tenant: DemoTenantForTests, writes: int) -> None:
    flow = tenant.sku_id("FLOW_FREE")
    candidates = session.get(
        f"{tenant.base_url}/users?$top=999&$select=id,assignedLicenses,usageLocation", timeout=60
    ).json()["value"]
    ids = [
        u["id"]
        for u in candidates
        if u["usageLocation"] and flow not in {a["skuId"] for a in u["assignedLicenses"]}
    ][:writes]
    body = {"addLicenses": [{"skuId": flow, "disabledPlans": []}], "removeLicenses": []}
    inner = [
        {
            "id": str(index),
            "method": "POST",
            "url": f"/users/{user_id}/assignLicense",
            "headers": {"Content-Type": "application/json"},
            "body": body,
        }
        for index, user_id in enumerate(ids)
    ]
    started = time.perf_counter()
    for chunk in range(0, len(inner), 20):
        response = session.post(
            f"{tenant.base_url}/$batch", json={"requests": inner[chunk : chunk + 20]}, timeout=120
        )
        response.raise_for_status()
        assert all(r["status"] == 200 for r in response.json()["responses"])
    elapsed = time.perf_counter() - started
    report(f"assignLicense for {len(inner)} users through $batch", elapsed)
    print(f"{'  = writes per second':<60} {len(inner) / elapsed:8.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    data = build(args.users, args.seed)
    built = time.perf_counter()
    store = Store()
    store.load(data)
    loaded = time.perf_counter()
    report(f"seed {args.users:,} users: build rows", built - started)
    report(f"seed {args.users:,} users: load into SQLite", loaded - built)
    report(f"seed {args.users:,} users: total", loaded - started, 20)
    del data

    tenant = DemoTenantForTests(store, users=args.users, seed_number=args.seed)
    tenant.serve_in_background()
    try:
        session = requests.Session()
        session.headers["Authorization"] = "Bearer benchmark"
        base = tenant.base_url
        timed_listing(session, f"{base}/users?$select={SELECT}&$top=999", "list, app's $select", 10)
        timed_listing(session, f"{base}/users?$top=999", "list, default properties")
        started = time.perf_counter()
        session.get(f"{base}/subscribedSkus", timeout=60).raise_for_status()
        report("GET /subscribedSkus", time.perf_counter() - started)
        timed_listing(
            session,
            f"{base}/users?$filter=assignedLicenses/$count eq 0&$count=true&$top=999&$select=id",
            "list unlicensed",
            headers={"ConsistencyLevel": "eventual"},
        )
        batch_writes(session, tenant, 200)
    finally:
        tenant.stop()


if __name__ == "__main__":
    main()

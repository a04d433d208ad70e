"""One job per tenant on a bounded pool: Graph's limits are per app and tenant, so tenants are
read at once, but never more than ``workers`` (the per-app limits across tenants still apply).
A failing tenant is that tenant's outcome only: every other job runs to its end."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import TypeVar

from desktop.cancel import CancelToken
from desktop.tenants.records import KnownTenant

DEFAULT_WORKERS = 8
MAX_WORKERS = 32

T = TypeVar("T")


def for_each_tenant(
    tenants: Sequence[KnownTenant],
    job: Callable[[KnownTenant], T],
    *,
    workers: int = DEFAULT_WORKERS,
    on_done: Callable[[T], None] | None = None,
    cancel: CancelToken | None = None,
) -> list[T]:
    """``job(tenant)`` for each tenant, results in the tenants' order. ``job`` must turn its
    tenant's failures into a result; ``on_done`` sees each result as it arrives."""
    if not tenants:
        return []
    size = max(1, min(workers, MAX_WORKERS, len(tenants)))
    results: dict[int, T] = {}
    with ThreadPoolExecutor(max_workers=size, thread_name_prefix="tenant") as pool:
        futures = {}
        for index, tenant in enumerate(tenants):
            if cancel is not None and cancel.cancelled:
                break
            futures[pool.submit(job, tenant)] = index
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            if on_done is not None:
                on_done(result)
    return [results[i] for i in sorted(results)]

"""What a page of a collection costs the service to put together, on top of the network.

On Graph a page of 999 users with License Desk's ``$select`` takes on the order of a second, a
page of 100 a fraction of that: the directory reads and renders every object and every property
it was asked for (docs/graph-facts.md, "Throttling and retries", *unverified* calibration). The
demo's ``--latency-ms`` alone makes every request cost the same, so paging 999 at a time looks
ten times cheaper than it is. With ``Faults.page_cost`` on, a collection page also costs

    objects x (PER_OBJECT_MS + PER_PROPERTY_MS x properties rendered per object)

(properties: the keys of the rendered objects, so ``$select`` counts). Calibrated so a page of
999 users with the client's eleven properties costs about 0.6 s, which with 400 ms of latency
makes the second per page seen on Graph, while a default page of 100 users costs about 0.06 s.
"""

from __future__ import annotations

from typing import Any

PER_OBJECT_MS = 0.2
PER_PROPERTY_MS = 0.04


def page_cost_seconds(objects: int, properties: int) -> float:
    """The time one page of ``objects`` objects with ``properties`` properties each takes."""
    if objects <= 0:
        return 0.0
    return objects * (PER_OBJECT_MS + PER_PROPERTY_MS * max(0, properties)) / 1000.0


def collection_cost_seconds(payload: Any) -> float:
    """The cost of an answer's payload: a collection page (``value`` list of objects) costs by
    its size, anything else nothing."""
    if not isinstance(payload, dict):
        return 0.0
    items = payload.get("value")
    if not isinstance(items, list) or not items:
        return 0.0
    properties = sum(len(item) for item in items if isinstance(item, dict))
    return page_cost_seconds(len(items), round(properties / len(items)))

"""Tenant-wide reads: ``/subscribedSkus`` and ``/organization`` (groups: ``routes_groups``)."""

from __future__ import annotations

from typing import Any

from desktop.demo import errors, odata, payloads
from desktop.demo.context import (
    Backend,
    context_url,
    refuse_options,
)
from desktop.demo.router import Request, Response, Router


def register(router: Router, backend: Backend) -> None:
    router.add("GET", r"/v1\.0/subscribedSkus", lambda r: list_skus(r, backend), graph=True)
    router.add(
        "GET", r"/v1\.0/subscribedSkus/(?P<sku>[^/]+)", lambda r: get_sku(r, backend), graph=True
    )
    router.add("GET", r"/v1\.0/organization", lambda r: organization(r, backend), graph=True)


# subscribedSkus supports $select only (docs/graph-facts.md, "License packages ...").
_SKU_REFUSED = ("$filter", "$top", "$skip", "$orderby", "$search", "$count", "$expand")


def _sku_payloads(backend: Backend, select: list[str] | None) -> list[dict[str, Any]]:
    store = backend.store
    tenant_id = store.meta("tenant_id")
    account = store.meta("account_name")
    properties = select or payloads.SKU_PROPERTIES
    with store.lock:
        return [
            payloads.sku_json(
                sku, properties, backend.assignments.consumed_units(sku.sku_id), tenant_id, account
            )
            for sku in store.skus()
        ]


def list_skus(request: Request, backend: Backend) -> Response:
    refuse_options(request, _SKU_REFUSED)
    select = odata.parse_select(
        request.query.get("$select"), payloads.SKU_PROPERTIES, "microsoft.graph.subscribedSku"
    )
    fragment = f"subscribedSkus({','.join(select)})" if select else "subscribedSkus"
    payload = {
        "@odata.context": context_url(request, fragment),
        "value": _sku_payloads(backend, select),
    }
    return Response.json(200, payload)


def get_sku(request: Request, backend: Backend) -> Response:
    refuse_options(request, _SKU_REFUSED)
    select = odata.parse_select(
        request.query.get("$select"), payloads.SKU_PROPERTIES, "microsoft.graph.subscribedSku"
    )
    wanted = request.params["sku"].lower()
    tenant_id = backend.store.meta("tenant_id")
    for sku in backend.store.skus():
        if f"{tenant_id}_{sku.sku_id}" == wanted:
            fragment = (
                f"subscribedSkus({','.join(select)})/$entity"
                if select
                else ("subscribedSkus/$entity")
            )
            payload: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
            payload.update(_sku_payloads(backend, select)[backend.sku_order()[sku.sku_id]])
            return Response.json(200, payload)
    raise errors.not_found(request.params["sku"])


def organization(request: Request, backend: Backend) -> Response:
    store = backend.store
    org = payloads.organization_json(
        store.meta("tenant_id"), store.meta("company_name"), store.meta("created"), store.domains()
    )
    select = odata.parse_select(
        request.query.get("$select"), list(org), "microsoft.graph.organization"
    )
    if select:
        org = {name: org[name] for name in select}
    fragment = f"organization({','.join(select)})" if select else "organization"
    return Response.json(200, {"@odata.context": context_url(request, fragment), "value": [org]})

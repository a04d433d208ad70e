"""Tenant-wide reads: ``/subscribedSkus``, ``/organization`` and ``/groups``."""

from __future__ import annotations

from typing import Any

from desktop.demo import errors, odata, payloads
from desktop.demo.context import (
    Backend,
    context_url,
    eventual_consistency,
    next_link,
    refuse_options,
)
from desktop.demo.router import Request, Response, Router


def register(router: Router, backend: Backend) -> None:
    router.add("GET", r"/v1\.0/subscribedSkus", lambda r: list_skus(r, backend), graph=True)
    router.add(
        "GET", r"/v1\.0/subscribedSkus/(?P<sku>[^/]+)", lambda r: get_sku(r, backend), graph=True
    )
    router.add("GET", r"/v1\.0/organization", lambda r: organization(r, backend), graph=True)
    router.add("GET", r"/v1\.0/groups", lambda r: list_groups(r, backend), graph=True)
    router.add(
        "GET", r"/v1\.0/groups/(?P<group>[^/]+)", lambda r: get_group(r, backend), graph=True
    )


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


def list_groups(request: Request, backend: Backend) -> Response:
    refuse_options(request, ("$filter", "$search", "$skip", "$orderby", "$expand"))
    query = request.query
    # As for users: ignored without ConsistencyLevel: eventual (docs/graph-facts.md, "Users:
    # reading, paging and advanced queries"), the count on the first page with it.
    count = odata.parse_count(query.get("$count")) and eventual_consistency(request)
    select = odata.parse_select(
        query.get("$select"), payloads.GROUP_PROPERTIES, "microsoft.graph.group"
    )
    top = odata.parse_top(query.get("$top"))
    after = odata.decode_skiptoken("groups", query.get("$skiptoken"))
    store = backend.store
    rows = store.groups_page(after, top + 1)
    more = len(rows) > top
    rows = rows[:top]
    properties = select or payloads.DEFAULT_GROUP_PROPERTIES
    licenses = store.group_licenses()
    fragment = f"groups({','.join(select)})" if select else "groups"
    payload: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
    if count and after == 0:
        payload["@odata.count"] = len(store.group_ids())
    if more:
        payload["@odata.nextLink"] = next_link(
            request, odata.encode_skiptoken("groups", rows[-1].rowid)
        )
    payload["value"] = [
        payloads.group_json(group, properties, licenses.get(group.rowid, ())) for group in rows
    ]
    return Response.json(200, payload)


def get_group(request: Request, backend: Backend) -> Response:
    select = odata.parse_select(
        request.query.get("$select"), payloads.GROUP_PROPERTIES, "microsoft.graph.group"
    )
    group = backend.store.group(request.params["group"])
    if group is None:
        raise errors.not_found(request.params["group"])
    properties = select or payloads.DEFAULT_GROUP_PROPERTIES
    fragment = f"groups({','.join(select)})/$entity" if select else "groups/$entity"
    payload: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
    payload.update(
        payloads.group_json(group, properties, backend.store.group_licenses().get(group.rowid, ()))
    )
    return Response.json(200, payload)

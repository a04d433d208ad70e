"""A partner and its customers on one port: the multi-tenant demo (``demo-server --tenants N``).

    with DemoTenants.start(customers=5) as demo:
        demo.base_url                      # "http://127.0.0.1:PORT/v1.0", every tenant
        demo.partner.tenant_id, demo.token_for(demo.partner.tenant_id)
        [c.tenant_id for c in demo.customers]

Every tenant is an ordinary ``DemoTenant`` with its own store; only the partner listens. A
request goes to the tenant its bearer token belongs to, as Graph answers with the data of the
token's tenant; a token no tenant issued is refused by the partner (401). Each tenant has one
token, valid for it alone.

The identity side, as Microsoft's: a token for a customer is asked for at the customer's own
authority, ``POST /{tenantId}/oauth2/v2.0/token`` (``grant_type=refresh_token``), with the
partner's credential; the demo takes the partner's token in place of MSAL's refresh token.
``GET /v1.0/tenantRelationships/delegatedAdminCustomers`` lists the customers for the partner's
token (docs/graph-facts.md, "Partners (GDAP) and many tenants").
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from desktop.demo import odata, permissions
from desktop.demo.context import context_url, next_link
from desktop.demo.customers import (
    PARTNER_NAME,
    PARTNER_SHORT_NAME,
    SIZES,
    CustomerProfile,
    CustomerState,
    profiles,
    rename,
    reshape,
)
from desktop.demo.faults import Faults
from desktop.demo.router import Request, Response
from desktop.demo.seed import build as build_seed
from desktop.demo.server import DemoTenant
from desktop.demo.store import Store
from desktop.demo.transport import Drop

PARTNER_USERS = 30
CUSTOMERS_PATH = r"/v1\.0/tenantRelationships/delegatedAdminCustomers"
_TOKEN_PATH = r"/(?P<tenant>[^/]+)/oauth2/v2\.0/token"
_PAGE_MAX = 300  # delegatedAdminCustomers: $top supports up to 300 objects
_ALL = frozenset(
    permissions.LICENSE_WRITE
    | permissions.USER_WRITE
    | permissions.GROUP_WRITE
    | permissions.MEMBER_WRITE
    | permissions.SIGN_IN_READ
    | permissions.REPORTS_READ
    | permissions.REPORT_SETTINGS_READ
    | permissions.SUBSCRIPTIONS_READ
    | permissions.CUSTOMERS_READ
)
# What a read-only customer's token may do: read, never write (GDAP without License or User
# Administrator: Graph answers writes 403 Authorization_RequestDenied).
_READ_SCOPES = frozenset(
    permissions.SIGN_IN_READ
    | permissions.REPORTS_READ
    | permissions.REPORT_SETTINGS_READ
    | permissions.SUBSCRIPTIONS_READ
)
MSG_INVALID_TOKEN = "Access token validation failure. Invalid audience."  # *unverified* wording


def demo_token(tenant_id: str, seed: int) -> str:
    """A stable token per tenant and seed (scripts may keep it between runs of one database)."""
    digest = hashlib.sha256(f"license-desk demo {seed} {tenant_id}".encode()).hexdigest()
    return f"demo-{digest[:40]}"


class DemoTenants:
    def __init__(
        self,
        partner: DemoTenant,
        customers: list[tuple[DemoTenant, CustomerProfile]],
        seed: int,
    ) -> None:
        self.partner = partner
        self.customers = [tenant for tenant, _ in customers]
        self.profiles = {tenant.tenant_id: profile for tenant, profile in customers}
        self._tokens = {t.tenant_id: demo_token(t.tenant_id, seed) for t in self.all}
        self._by_token = {token: self.tenant(tid) for tid, token in self._tokens.items()}
        # Tenants whose token the identity refuses (consent withdrawn): tests switch it.
        self.refuse_tokens: set[str] = set()
        self._lock = threading.Lock()
        for tenant in self.all:
            own = self._tokens[tenant.tenant_id]
            tenant.token_validator = _only(own)
            profile = self.profiles.get(tenant.tenant_id)
            read_only = profile is not None and profile.state is CustomerState.READ_ONLY
            tenant.token_scopes = _scopes(_READ_SCOPES if read_only else _ALL)
            customers_of = self._customers_json if tenant is partner else _no_customers
            tenant.add_graph_route("GET", CUSTOMERS_PATH, customers_of)
        partner.mount("POST", _TOKEN_PATH, self._token_endpoint)
        self._partner_handle = partner.handle
        partner.handle = self._route  # type: ignore[method-assign]

    # -- life cycle -------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        customers: int,
        *,
        seed: int = 1,
        partner_users: int = PARTNER_USERS,
        sizes: tuple[int, ...] = SIZES,
        faults: Faults | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> DemoTenants:
        """Seed a partner and ``customers`` customers in memory and serve them on one port.
        ``faults`` (latency, throttling...) apply to every tenant alike."""
        if customers < 1:
            raise ValueError("the multi-tenant demo needs at least one customer")
        shared = faults or Faults()
        partner_data = build_seed(partner_users, seed)
        rename(partner_data, PARTNER_NAME, PARTNER_SHORT_NAME, "chmurapartner.pl")
        partner = _tenant(partner_data, partner_users, seed, shared, host=host, port=port)
        made: list[tuple[DemoTenant, CustomerProfile]] = []
        try:
            for profile in profiles(customers, sizes):
                number = seed * 1000 + profile.number
                data = build_seed(profile.users, number)
                rename(data, profile.display_name, profile.display_name, profile.domain)
                reshape(data, profile.state)
                customer = _tenant(data, profile.users, number, shared, host=host, port=0)
                made.append((customer, profile))
            demo = cls(partner, made, seed)
        except BaseException:
            for tenant, _ in made:
                tenant.stop()
            partner.stop()
            raise
        partner.serve_in_background()
        return demo

    def stop(self) -> None:
        for tenant in self.customers:
            tenant.stop()
        self.partner.stop()

    def __enter__(self) -> DemoTenants:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addresses and tenants ------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self.partner.base_url

    @property
    def root_url(self) -> str:
        return self.partner.root_url

    @property
    def all(self) -> list[DemoTenant]:
        return [self.partner, *self.customers]

    def tenant(self, tenant_id: str) -> DemoTenant:
        for tenant in self.all:
            if tenant.tenant_id == tenant_id:
                return tenant
        raise KeyError(tenant_id)

    def token_for(self, tenant_id: str) -> str:
        return self._tokens[tenant_id]

    def display_name(self, tenant_id: str) -> str:
        return self.tenant(tenant_id).store.meta("company_name")

    def by_state(self, state: CustomerState) -> DemoTenant:
        for tenant_id, profile in self.profiles.items():
            if profile.state is state:
                return self.tenant(tenant_id)
        raise KeyError(state)

    # -- requests -------------------------------------------------------------------------------

    def _route(self, request: Request) -> Response | Drop:
        token = (request.header("Authorization") or "").partition(" ")[2].strip()
        target = self._by_token.get(token)
        if target is None or target is self.partner:
            return self._partner_handle(request)
        return target.handle(request)

    def _customers_json(self, request: Request) -> Response:
        top = min(odata.parse_top(request.query.get("$top")), _PAGE_MAX)
        after = odata.decode_skiptoken("customers", request.query.get("$skiptoken"))
        page = self.customers[after : after + top]
        value = [
            {
                "@odata.type": "#microsoft.graph.delegatedAdminCustomer",
                "id": tenant.tenant_id,
                "tenantId": tenant.tenant_id,
                "displayName": tenant.store.meta("company_name"),
            }
            for tenant in page
        ]
        payload: dict[str, Any] = {
            "@odata.context": context_url(request, "tenantRelationships/delegatedAdminCustomers")
        }
        if after + top < len(self.customers):
            token = odata.encode_skiptoken("customers", after + top)
            payload["@odata.nextLink"] = next_link(request, token)
        payload["value"] = value
        return Response.json(200, payload)

    def _token_endpoint(self, request: Request) -> Response:
        """A token for the tenant in the path (the authority), for the partner's credential."""
        tenant_id = request.params["tenant"]
        form = request.form()
        if form.get("grant_type") != "refresh_token":
            return _oauth_error(400, "unsupported_grant_type", 70003, "Unsupported grant type.")
        if form.get("refresh_token") != self._tokens[self.partner.tenant_id]:
            return _oauth_error(
                400, "invalid_grant", 50173, "The provided grant has expired due to it being "
                "revoked, a fresh auth token is needed.",
            )  # fmt: skip
        if tenant_id not in self._tokens:
            return _oauth_error(400, "invalid_tenant", 90002, f"Tenant '{tenant_id}' not found.")
        with self._lock:
            refused = tenant_id in self.refuse_tokens
        if refused:  # AADSTS number as Entra gives for missing consent
            return _oauth_error(
                400, "invalid_grant", 65001, "The user or administrator has not consented to "
                "use the application. Send an interactive authorization request for this user "
                "and resource.",
            )  # fmt: skip
        return Response.json(
            200,
            {
                "token_type": "Bearer",
                "expires_in": 3600,
                "access_token": self._tokens[tenant_id],
                "scope": " ".join(sorted(self._scopes_of(tenant_id))),
            },
        )

    def _scopes_of(self, tenant_id: str) -> frozenset[str]:
        profile = self.profiles.get(tenant_id)
        read_only = profile is not None and profile.state is CustomerState.READ_ONLY
        return _READ_SCOPES if read_only else _ALL


def _tenant(
    data: Any, users: int, seed: int, faults: Faults, *, host: str, port: int
) -> DemoTenant:
    store = Store(None)
    store.load(data)
    return DemoTenant(store, users=users, seed_number=seed, faults=faults, host=host, port=port)


def _only(own: str) -> Callable[[str], str | None]:
    return lambda token: None if token == own else MSG_INVALID_TOKEN


def _scopes(granted: frozenset[str]) -> Callable[[str], frozenset[str]]:
    return lambda token: granted


def _no_customers(request: Request) -> Response:
    """A tenant that is nobody's partner: no customers (*unverified*: Graph's exact answer)."""
    context = context_url(request, "tenantRelationships/delegatedAdminCustomers")
    return Response.json(200, {"@odata.context": context, "value": []})


def _oauth_error(status: int, error: str, number: int, text: str) -> Response:
    return Response.json(
        status,
        {"error": error, "error_description": f"AADSTS{number}: {text}", "error_codes": [number]},
    )


__all__ = ["CustomerState", "DemoTenants", "demo_token"]

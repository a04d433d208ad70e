"""Graph's identity-and-access throttling: what a request costs, the app's budgets, the headers.

Microsoft documents (docs/graph-facts.md, "Throttling and retries"):
- every request costs resource units: a base cost by method and path (GET /users 2,
  GET /subscribedSkus 3, anything not listed 1), minus 1 with ``$select``, plus 1 with
  ``$expand``, minus 1 with ``$top`` under 20, never below 1; a POST, PATCH, PUT or DELETE also
  costs one write;
- an app+tenant pair may spend 3,500 / 5,000 / 8,000 resource units per 10 seconds in a tenant
  of under 50 / 50 to 500 / over 500 users (a token bucket);
- every answer carries ``x-ms-resource-unit``; ``x-ms-throttle-limit-percentage`` (0.8 to 1.8)
  appears once more than 0.8 of a limit is used; a 429 adds ``x-ms-throttle-scope`` and
  ``x-ms-throttle-information``.

The demo keys budgets by bearer token, as it does the write limit (``faults.py``): one token is
one app signed in to this tenant.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

RESOURCE_UNIT = "x-ms-resource-unit"
LIMIT_PERCENTAGE = "x-ms-throttle-limit-percentage"
THROTTLE_SCOPE = "x-ms-throttle-scope"
THROTTLE_INFORMATION = "x-ms-throttle-information"
THROTTLE_HEADERS = (RESOURCE_UNIT, LIMIT_PERCENTAGE, THROTTLE_SCOPE, THROTTLE_INFORMATION)

RESOURCE_UNIT_LIMIT_EXCEEDED = "ResourceUnitLimitExceeded"
WRITE_LIMIT_EXCEEDED = "WriteLimitExceeded"
# Scope limits: the resource-unit quota counts every request, the write quota only writes.
READ_WRITE = "ReadWrite"
WRITE = "Write"

RESOURCE_WINDOW = 10.0  # seconds over which the resource-unit quota refills
WARN_FRACTION = 0.8  # the percentage header appears above this share of a limit
MAX_REPORTED_FRACTION = 1.8

# The app the demo's tokens stand for in x-ms-throttle-scope: Microsoft Graph PowerShell's
# public client, which License Desk signs in as by default (desktop/auth/config.py).
DEFAULT_APP_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"

WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
_GUID = r"[^/]+"
# (method, path below /v1.0 as a regex, base resource units, writes) from Microsoft's table of
# base costs; "me/..." rows apply to "users/{id}/..." too. The first match wins.
_BASE_COSTS: tuple[tuple[str, re.Pattern[str], int, int], ...] = tuple(
    (method, re.compile(pattern, re.IGNORECASE), units, writes)
    for method, pattern, units, writes in (
        ("GET", r"applications", 2, 0),
        ("GET", rf"applications/{_GUID}/extensionProperties", 2, 0),
        ("GET", r"contracts", 3, 0),
        ("POST", r"directoryObjects/getByIds", 3, 0),
        ("GET", rf"domains/{_GUID}/domainNameReferences", 4, 0),
        ("POST", r"getObjectsById", 3, 0),
        ("GET", rf"groups/{_GUID}/members", 3, 0),
        ("GET", rf"groups/{_GUID}/transitiveMembers", 5, 0),
        ("POST", r"isMemberOf", 4, 0),
        ("POST", rf"(?:me|users/{_GUID})/checkMemberGroups", 4, 0),
        ("POST", rf"(?:me|users/{_GUID})/checkMemberObjects", 4, 0),
        ("POST", rf"(?:me|users/{_GUID})/getMemberGroups", 2, 0),
        ("POST", rf"(?:me|users/{_GUID})/getMemberObjects", 2, 0),
        ("GET", rf"(?:me|users/{_GUID})/licenseDetails", 2, 0),
        ("GET", rf"(?:me|users/{_GUID})/memberOf", 2, 0),
        ("GET", rf"(?:me|users/{_GUID})/ownedObjects", 2, 0),
        ("GET", rf"(?:me|users/{_GUID})/transitiveMemberOf", 2, 0),
        ("GET", r"oauth2PermissionGrants", 2, 0),
        ("GET", rf"oauth2PermissionGrants/{_GUID}", 2, 0),
        ("GET", rf"servicePrincipals/{_GUID}/appRoleAssignments", 2, 0),
        ("GET", r"subscribedSkus", 3, 0),
        ("GET", r"users", 2, 0),
    )
)
_SMALL_TENANT = 50  # users; "S" is under this
_LARGE_TENANT = 500  # users; "L" is over this
_QUOTAS = {"S": 3_500, "M": 5_000, "L": 8_000}


@dataclass(frozen=True, slots=True)
class Cost:
    resource_units: int
    writes: int


def request_cost(method: str, path: str, query: Mapping[str, str]) -> Cost:
    """What one request costs; ``path`` is below the version root (``users/{id}``)."""
    units, writes = _base_cost(method.upper(), path.strip("/"))
    names = {name.lower(): value for name, value in query.items()}
    if "$select" in names:
        units -= 1
    if "$expand" in names:
        units += 1
    top = names.get("$top", "").strip()
    if top.isdigit() and int(top) < 20:
        units -= 1
    return Cost(max(1, units), writes)


@functools.lru_cache(maxsize=4096)  # a listing's pages all ask for the same path
def _base_cost(method: str, relative: str) -> tuple[int, int]:
    """The table's units and writes for a request, or 1 unit (and 1 write for a write)."""
    for row_method, pattern, base, row_writes in _BASE_COSTS:
        if row_method == method and pattern.fullmatch(relative):
            return base, row_writes
    return 1, 1 if method in WRITE_METHODS else 0


def tenant_size(users: int) -> str:
    if users < _SMALL_TENANT:
        return "S"
    return "M" if users <= _LARGE_TENANT else "L"


def resource_quota(users: int) -> int:
    """Resource units per 10 seconds for one app in a tenant of ``users`` users."""
    return _QUOTAS[tenant_size(users)]


def throttle_scope(limit: str, app_id: str, tenant_id: str) -> str:
    """``<Scope>/<Limit>/<ApplicationId>/<TenantId>``; the demo's limits are per app+tenant."""
    return f"Tenant_Application/{limit}/{app_id}/{tenant_id}"


def throttled_message(app_id: str) -> str:
    # The wording captured from Microsoft Graph's identity service (unverified: field reports,
    # docs/graph-facts.md "Throttling and retries"); the category is copied as captured.
    return (
        f"Too many requests from Identifier:{app_id} under category:"
        "throttle.aad.ags.appId.large. Please try again later."
    )


def format_fraction(fraction: float) -> str:
    """The percentage header's value: a share of the limit, 0.8 to 1.8, two decimals
    (the precision Graph uses is unverified; clients must read any)."""
    return f"{min(fraction, MAX_REPORTED_FRACTION):.2f}"


def token_key(token: str) -> str:
    """Budgets are kept per token, remembered only as a hash."""
    return hashlib.sha256(token.encode()).hexdigest()


class ResourceBuckets:
    """One token bucket of resource units per app: ``quota`` units that refill over 10 s."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (units left, at time)

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()

    def _level(self, key: str, quota: int, now: float) -> float:
        left, at = self._buckets.get(key, (float(quota), now))
        return min(float(quota), left + (now - at) * quota / RESOURCE_WINDOW)

    def take(self, key: str, units: int, quota: int) -> float | None:
        """Spend ``units`` and return None, or return the seconds until they are there."""
        now = self._clock()
        with self._lock:
            left = self._level(key, quota, now)
            if left < units:
                self._buckets[key] = (left, now)
                return max(0.001, (units - left) * RESOURCE_WINDOW / quota)
            self._buckets[key] = (left - units, now)
            return None

    def refund(self, key: str, units: int, quota: int) -> None:
        now = self._clock()
        with self._lock:
            self._buckets[key] = (min(float(quota), self._level(key, quota, now) + units), now)

    def used(self, key: str, quota: int) -> float:
        """The share of the quota in use now (0 when the bucket is full)."""
        with self._lock:
            return 1.0 - self._level(key, quota, self._clock()) / quota

"""Which delegated scope each Graph request needs, and Graph's 403 when the token lacks it.

The demo tenant checks this only when the code that issues its tokens says which scopes a token
carries (``DemoTenant.token_scopes``: the identity platform of the sign-in tests); a fixed token
(the window's demo tenant, ``--token``) may do everything. Plain reads of users, packages and
groups are not checked: every sign-in asks for them. The insight reads are, as Graph does
(see docs/graph-facts.md, "Permissions" and "Sign-in activity and usage reports").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl

from desktop.demo import errors

READ_METHODS = frozenset({"GET", "HEAD"})

# Any one of a set lets the request through.
LICENSE_WRITE = frozenset(
    {"LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}
)
USER_WRITE = frozenset({"User.ReadWrite.All", "Directory.ReadWrite.All"})
MEMBER_WRITE = frozenset(
    {"GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"}
)
GROUP_WRITE = frozenset({"Group.ReadWrite.All", "Directory.ReadWrite.All"})
# A group's assignLicense: not User.ReadWrite.All (docs/graph-facts.md, "Groups and ...").
GROUP_LICENSE_WRITE = frozenset(
    {"LicenseAssignment.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"}
)
SIGN_IN_READ = frozenset({"AuditLog.Read.All"})
REPORTS_READ = frozenset({"Reports.Read.All"})
REPORT_SETTINGS_READ = frozenset({"ReportSettings.Read.All", "ReportSettings.ReadWrite.All"})
CUSTOMERS_READ = frozenset(
    {"DelegatedAdminRelationship.Read.All", "DelegatedAdminRelationship.ReadWrite.All"}
)
SUBSCRIPTIONS_READ = frozenset(
    {"Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All"}
)

# Graph's answers when the scope is missing (docs/graph-facts.md, "Permissions").
MSG_NO_AUDIT_LOG = "Calling principal does not have required MSGraph permissions AuditLog.Read.All"
PERMISSION_MISSING = "Authentication_MSGraphPermissionMissing"
S2S_UNAUTHORIZED = "S2SUnauthorized"
MSG_INVALID_PERMISSION = "Invalid scope claims/roles."  # a field report's capture


@dataclass(frozen=True, slots=True)
class Needs:
    scopes: frozenset[str]  # any one of these
    code: str = errors.REQUEST_DENIED
    message: str = errors.MSG_INSUFFICIENT_PRIVILEGES

    def allowed(self, granted: Iterable[str]) -> bool:
        have = {s.lower() for s in granted}
        return any(s.lower() in have for s in self.scopes)


_DENIED_SIGN_INS = Needs(SIGN_IN_READ, PERMISSION_MISSING, MSG_NO_AUDIT_LOG)
_DENIED_REPORTS = Needs(REPORTS_READ, S2S_UNAUTHORIZED, MSG_INVALID_PERMISSION)


def needs(method: str, path: str, raw_query: str = "") -> Needs | None:
    """What ``method`` on ``path`` (with its query) needs; None when it is not checked."""
    lowered = path.lower().rstrip("/")
    if method.upper() in READ_METHODS:
        return _read_needs(lowered, raw_query)
    if lowered.endswith("/assignlicense"):
        on_group = lowered.startswith("/v1.0/groups/")
        return Needs(GROUP_LICENSE_WRITE if on_group else LICENSE_WRITE)
    if "/members/" in lowered and lowered.endswith("/$ref"):
        return Needs(MEMBER_WRITE)
    if "/groups" in lowered:
        return Needs(GROUP_WRITE)
    if "/users" in lowered:
        return Needs(USER_WRITE)
    return None


def _read_needs(lowered: str, raw_query: str) -> Needs | None:
    if "/reports/" in lowered:
        return _DENIED_REPORTS
    if lowered.endswith("/admin/reportsettings"):
        return Needs(REPORT_SETTINGS_READ)
    if "/tenantrelationships/" in lowered:
        return Needs(CUSTOMERS_READ)
    if lowered.endswith("/directory/subscriptions") or "/directory/subscriptions/" in lowered:
        return Needs(SUBSCRIPTIONS_READ)
    if "/users" in lowered and _names_sign_in_activity(raw_query):
        return _DENIED_SIGN_INS
    return None


def _names_sign_in_activity(raw_query: str) -> bool:
    """``signInActivity`` in ``$select`` or ``$filter`` (either needs AuditLog.Read.All)."""
    for name, value in parse_qsl(raw_query, keep_blank_values=True):
        if name.lower() in ("$select", "$filter") and "signinactivity" in value.lower():
            return True
    return False

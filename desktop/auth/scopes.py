"""Delegated Microsoft Graph permissions, least privilege, asked for when an action needs them.

Browsing asks only for the read scopes; the first change asks for the write scope it needs
(incremental consent), so an administrator who only looks never grants write access.
Names are Graph's short forms (Graph is the default resource); MSAL adds ``openid``,
``profile`` and ``offline_access`` itself.
"""

from __future__ import annotations

from collections.abc import Iterable

GRAPH_RESOURCE = "https://graph.microsoft.com/"

# See docs/graph-facts.md, "Permissions".
SIGN_IN = ("User.Read",)  # who am I, and the organization's name
READ_USERS = ("User.Read.All",)
READ_LICENSES = ("LicenseAssignment.Read.All",)
READ_GROUPS = ("GroupMember.Read.All",)  # names of groups that hand out licenses
READ_SIGN_INS = ("AuditLog.Read.All",)  # signInActivity on users
READ_REPORTS = ("Reports.Read.All",)  # usage reports (and a reports role, delegated)
READ_REPORT_SETTINGS = ("ReportSettings.Read.All",)  # are report names concealed?
READ_SUBSCRIPTIONS = ("Organization.Read.All",)  # /directory/subscriptions (renewals)
WRITE_LICENSES = ("LicenseAssignment.ReadWrite.All",)
WRITE_USERS = ("User.ReadWrite.All",)  # create users, usage location, enable accounts
WRITE_MEMBERS = ("GroupMember.ReadWrite.All",)  # add users to groups, remove them
READ_CUSTOMERS = ("DelegatedAdminRelationship.Read.All",)  # a partner's customers (GDAP)

BROWSE = (*SIGN_IN, *READ_USERS, *READ_LICENSES, *READ_GROUPS)
CHANGE_LICENSES = (*BROWSE, *WRITE_LICENSES)
CHANGE_USERS = (*BROWSE, *WRITE_USERS)
CHANGE_MEMBERS = (*BROWSE, *WRITE_MEMBERS)
# License insight: who uses what, and what renews when. Asked for when insight is opened.
INSIGHT = (*BROWSE, *READ_SIGN_INS, *READ_REPORTS, *READ_REPORT_SETTINGS, *READ_SUBSCRIPTIONS)
# A partner's overview and audit: insight's reads, and the list of customers.
PARTNER = (*INSIGHT, *READ_CUSTOMERS)

# Added by MSAL to every request; never passed in by us (MSAL refuses them).
RESERVED = frozenset({"openid", "profile", "offline_access", "email"})


def normalise(scopes: Iterable[str]) -> tuple[str, ...]:
    """Graph short names, without MSAL's reserved ones, de-duplicated, in a stable order."""
    seen: dict[str, None] = {}
    for scope in scopes:
        short = scope[len(GRAPH_RESOURCE) :] if scope.startswith(GRAPH_RESOURCE) else scope
        if short and short.lower() not in RESERVED:
            seen.setdefault(short, None)
    return tuple(sorted(seen, key=str.lower))


def covers(granted: Iterable[str], wanted: Iterable[str]) -> bool:
    have = {s.lower() for s in normalise(granted)}
    return all(s.lower() in have for s in normalise(wanted))

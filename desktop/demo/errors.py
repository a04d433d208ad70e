"""Graph's error envelope and the messages the demo tenant answers with.

Messages quoted in docs/graph-facts.md are copied exactly. Others are the closest real wording we
could justify from Microsoft's documentation and public issue threads; those marked
*unverified* are our best guess and may differ slightly from the live service.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone

from desktop.demo.router import Response

# Codes
BAD_REQUEST = "BadRequest"
REQUEST_BAD_REQUEST = "Request_BadRequest"
RESOURCE_NOT_FOUND = "Request_ResourceNotFound"
UNSUPPORTED_QUERY = "Request_UnsupportedQuery"
INVALID_TOKEN = "InvalidAuthenticationToken"
TOO_MANY_REQUESTS = "TooManyRequests"
SERVICE_UNAVAILABLE = "serviceNotAvailable"
GATEWAY_TIMEOUT = "gatewayTimeout"
EXPIRED_PAGE_TOKEN = "Directory_ExpiredPageToken"
FAILED_DEPENDENCY = "FailedDependency"  # unverified
REQUEST_DENIED = "Authorization_RequestDenied"

# Messages
MSG_EMPTY_TOKEN = "Access token is empty."
MSG_INSUFFICIENT_PRIVILEGES = "Insufficient privileges to complete the operation."
MSG_UNAVAILABLE = "The service is temporarily unavailable. Please retry later."  # unverified
MSG_TIMEOUT = "The request timed out before the service could answer."  # unverified
MSG_EXPIRED_PAGE_TOKEN = (
    "The specified page token value has expired and can no longer be included in your request."
)
MSG_SEARCH_NEEDS_EVENTUAL = (
    "Request with $search query parameter only works through MSGraph with a special request "
    "header: 'ConsistencyLevel: eventual'"
)
MSG_COUNT_UNSUPPORTED = "$count is not currently supported."
MSG_NO_LICENSE_CHANGES = (
    "No license changes provided. At least one license to add or remove must be specified."
)
# unverified: the text users captured; Microsoft documents only the limit of 20.
MSG_BATCH_TOO_LARGE = "Number of requests inside batch exceeds the limit."
MSG_INVALID_FILTER = "Invalid filter clause"
MSG_NO_USAGE_LOCATION = "License assignment cannot be done for user with invalid usage location."
MSG_NO_CORRESPONDING_LICENSE = "User does not have a corresponding license."
MSG_INHERITED_LICENSE = (
    "User license is inherited from a group membership and it cannot be removed directly from "
    "the user."
)
MSG_DUPLICATE_UPN = (
    "Another object with the same value for property userPrincipalName already exists."
)
MSG_WEAK_PASSWORD = (
    "The specified password does not comply with password complexity requirements. Please "
    "provide a different password."
)
MSG_PASSWORD_REQUIRED = "A password must be specified to create a new user."
MSG_UNVERIFIED_DOMAIN = (
    "The domain portion of the userPrincipalName property is invalid. You must use one of the "
    "verified domain names in your organization."
)
# docs/graph-facts.md, "Synced (hybrid) users".
MSG_ON_PREMISES_MASTERED = (
    "Unable to update the specified properties for on-premises mastered Directory Sync objects "
    "or objects currently undergoing migration."
)
# docs/graph-facts.md, "Groups and group-based licensing".
MSG_MEMBER_EXISTS = (
    "One or more added object references already exist for the following modified properties: "
    "'members'."
)
MSG_GROUP_HAS_LICENSES = (  # unverified wording
    "Cannot delete a group that has licenses assigned. Remove the group's licenses first."
)
MSG_GROUP_NO_CORRESPONDING_LICENSE = "Group does not have a corresponding license."  # unverified
MSG_INVALID_REFERENCE = "Invalid object identifier in the @odata.id reference."  # unverified
MSG_METHOD_NOT_ALLOWED = "Specified HTTP method is not allowed for the request target."
MSG_DEPENDENCY_FAILED = (
    "The request could not be processed because a request it depends on failed."  # unverified
)


def msg_resource_not_found(name: str) -> str:
    return (
        f"Resource '{name}' does not exist or one of its queried reference-property objects "
        "are not present."
    )


def msg_invalid_value(prop: str, resource: str = "User") -> str:
    return f"Invalid value specified for property '{prop}' of resource '{resource}'."


def msg_required(prop: str) -> str:
    return f"Property {prop} value is required but is empty or missing."


def msg_unknown_property(prop: str) -> str:
    return f"Property '{prop}' does not exist as a declared property or extension property."


def msg_read_only(prop: str) -> str:
    return f"Property '{prop}' is read-only and cannot be set."  # unverified


def msg_select_unknown(prop: str, type_name: str = "microsoft.graph.user") -> str:
    return (
        "Parsing OData Select and Expand failed: Could not find a property named "
        f"'{prop}' on type '{type_name}'."
    )


def msg_unsupported_filter(prop: str, resource: str = "User") -> str:
    return (
        f"Unsupported or invalid query filter clause specified for property '{prop}' of "
        f"resource '{resource}'."
    )


def msg_page_size(value: str) -> str:
    return f"Invalid page size specified: '{value}'. Must be between 1 and 999 inclusive."


def msg_no_seats(sku_id: str) -> str:
    # The prefix is unverified; clients match on "does not have any available licenses".
    return f"Subscription with SKU {sku_id} does not have any available licenses."


def msg_invalid_license(sku_id: str) -> str:
    return f"License {sku_id} does not correspond to a valid company License."


def msg_dependency(plan_id: str, required: list[str]) -> str:
    return (
        f"License assignment failed because service plan {plan_id} depends on the service "
        f"plan(s) {', '.join(required)}."
    )


def msg_mutually_exclusive(plan_ids: list[str]) -> str:
    return (
        f"License assignment failed because service plans {', '.join(plan_ids)} are mutually "
        "exclusive."
    )


def msg_company_license(sku_id: str) -> str:
    # unverified: the live service refuses Company SKUs for users; wording is our best guess.
    return f"License {sku_id} applies to the company and cannot be assigned to a user."


def msg_plan_not_in_license(plan_id: str, sku_id: str) -> str:
    # unverified wording.
    return f"Service plan {plan_id} is not part of license {sku_id}."


def msg_sku_in_add_and_remove(sku_id: str) -> str:
    # unverified wording.
    return f"License {sku_id} cannot be both added and removed in the same request."


def msg_batch_content_type(request_id: str) -> str:
    return f"Write request id : {request_id} does not contain Content-Type header or body."


class EnvelopeError(Exception):
    """Raised by a handler to answer with Graph's error envelope."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


# The first published name, kept for code that already uses it (tests/demo/test_server.py).
GraphFailure = EnvelopeError


def bad_request(message: str, code: str = REQUEST_BAD_REQUEST) -> EnvelopeError:
    return EnvelopeError(400, code, message)


def not_found(name: str) -> EnvelopeError:
    return EnvelopeError(404, RESOURCE_NOT_FOUND, msg_resource_not_found(name))


def error_date() -> str:
    """Graph's innerError date: UTC, seconds precision, no zone suffix."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    request_id: str,
    client_request_id: str | None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    inner = {
        "date": error_date(),
        "request-id": request_id,
        "client-request-id": client_request_id or request_id,
    }
    payload = {"error": {"code": code, "message": message, "innerError": inner}}
    return Response.json(status, payload, headers)

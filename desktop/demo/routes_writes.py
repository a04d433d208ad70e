"""Changing users: PATCH, POST and DELETE ``/users`` and ``POST /users/{id}/assignLicense``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from desktop.countries import is_country_code
from desktop.demo import errors, payloads, rules
from desktop.demo.context import Backend, context_url, json_body, now_iso, without_annotations
from desktop.demo.router import Request, Response, Router
from desktop.demo.routes_users import USER_PATH, find_user, render_users
from desktop.demo.rows import COL

# Properties a PATCH or POST may set -> users column.
WRITABLE: dict[str, str] = {
    "accountEnabled": "account_enabled",
    "usageLocation": "usage_location",
    "displayName": "display_name",
    "department": "department",
    "jobTitle": "job_title",
    "givenName": "given_name",
    "surname": "surname",
    "officeLocation": "office_location",
    "mobilePhone": "mobile_phone",
    "preferredLanguage": "preferred_language",
    "companyName": "company_name",
    "mailNickname": "mail_nickname",
    "userPrincipalName": "upn",
}
READ_ONLY = frozenset(
    {"id", "createdDateTime", "assignedLicenses", "licenseAssignmentStates", "assignedPlans",
     "provisionedPlans", "onPremisesSyncEnabled", "userType", "mail", "businessPhones",
     "otherMails", "employeeId", "city", "country"}
)  # fmt: skip
CREATE_REQUIRED = ("accountEnabled", "displayName", "mailNickname", "userPrincipalName")
_UPN_LOCAL = re.compile(r"[A-Za-z0-9'.\-_!#^~]{1,64}")
_NICKNAME = re.compile(r"[A-Za-z0-9'.\-_!#^~]{1,64}")
MIN_PASSWORD, MAX_PASSWORD = 8, 256


def register(router: Router, backend: Backend) -> None:
    router.add("PATCH", USER_PATH, lambda r: patch_user(r, backend), graph=True)
    router.add("DELETE", USER_PATH, lambda r: delete_user(r, backend), graph=True)
    router.add("POST", r"/v1\.0/users", lambda r: create_user(r, backend), graph=True)
    router.add(
        "POST", USER_PATH + r"/assignLicense", lambda r: assign_license(r, backend), graph=True
    )
    router.add(
        "POST",
        USER_PATH + r"/reprocessLicenseAssignment",
        lambda r: reprocess(r, backend),
        graph=True,
    )


# What the cloud may change on a user synced from on-premises (docs/graph-facts.md, "Synced
# (hybrid) users"); every other property is mastered on-premises.
CLOUD_MASTERED = frozenset({"usageLocation", "accountEnabled"})


# -- validation -------------------------------------------------------------------------------


def _text(prop: str, value: Any, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise errors.bad_request(errors.msg_invalid_value(prop))
    return value


def _usage_location(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not is_country_code(value):
        raise errors.bad_request(errors.msg_invalid_value("usageLocation"))
    return value


def _account_enabled(value: Any) -> int:
    if not isinstance(value, bool):
        raise errors.bad_request(errors.msg_invalid_value("accountEnabled"))
    return 1 if value else 0


def _nickname(value: Any) -> str:
    if not isinstance(value, str) or not _NICKNAME.fullmatch(value):
        raise errors.bad_request(errors.msg_invalid_value("mailNickname"))
    return value


def _validators(backend: Backend) -> dict[str, Callable[[Any], Any]]:
    return {
        "accountEnabled": _account_enabled,
        "usageLocation": _usage_location,
        "displayName": lambda v: _text("displayName", v, required=True),
        "mailNickname": _nickname,
        "userPrincipalName": lambda v: _upn(backend, v),
    }


def _upn(backend: Backend, value: Any) -> str:
    if not isinstance(value, str) or value.count("@") != 1:
        raise errors.bad_request(errors.msg_invalid_value("userPrincipalName"))
    local, domain = value.split("@")
    if not _UPN_LOCAL.fullmatch(local) or local.startswith(".") or local.endswith("."):
        raise errors.bad_request(errors.msg_invalid_value("userPrincipalName"))
    verified = {name.lower() for name, _, _ in backend.store.domains()}
    if domain.lower() not in verified:
        raise errors.bad_request(errors.MSG_UNVERIFIED_DOMAIN)
    return value


def _columns(backend: Backend, body: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    """Validated column values for the properties in ``body``."""
    validators = _validators(backend)
    values: dict[str, Any] = {}
    for prop, value in body.items():
        if prop in READ_ONLY:
            raise errors.bad_request(errors.msg_read_only(prop))
        if prop not in WRITABLE or prop not in allowed:
            raise errors.bad_request(errors.msg_unknown_property(prop))
        check = validators.get(prop, lambda v, p=prop: _text(p, v))
        values[WRITABLE[prop]] = check(value)
    return values


def password_is_complex(password: str) -> bool:
    """Microsoft Entra's rule: 8-256 characters with three of: lower, upper, digit, symbol."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        return False
    kinds = (
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    )
    return sum(kinds) >= 3


# -- handlers ---------------------------------------------------------------------------------


def patch_user(request: Request, backend: Backend) -> Response:
    body = json_body(request)
    if not isinstance(body, dict):
        raise errors.bad_request("Empty Payload. JSON content expected.", errors.BAD_REQUEST)
    store = backend.store
    with store.lock:
        row = find_user(backend, request.params["user"])
        body = without_annotations(body)
        if store.is_synced(int(row[0])) and set(body) - CLOUD_MASTERED:
            raise errors.bad_request(errors.MSG_ON_PREMISES_MASTERED)
        values = _columns(backend, body, set(WRITABLE))
        renamed = "upn" in values and values["upn"].lower() != str(row[COL["upn"]]).lower()
        if renamed and store.upn_taken(values["upn"]):
            raise errors.bad_request(errors.MSG_DUPLICATE_UPN)
        cleared = "usage_location" in values and values["usage_location"] is None
        if cleared and store.direct_licenses([int(row[0])]):
            # A licensed user must keep a usage location.
            raise errors.bad_request(errors.msg_invalid_value("usageLocation"))
        store.update_user(int(row[0]), values)
    return Response.empty(204)


def create_user(request: Request, backend: Backend) -> Response:
    body = json_body(request)
    if not isinstance(body, dict):
        raise errors.bad_request("Empty Payload. JSON content expected.", errors.BAD_REQUEST)
    body = without_annotations(body)
    profile = body.get("passwordProfile")
    for prop in CREATE_REQUIRED:
        value = body.get(prop)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise errors.bad_request(errors.msg_required(prop))
    if not isinstance(profile, dict) or not profile.get("password"):
        raise errors.bad_request(errors.MSG_PASSWORD_REQUIRED)
    profile = without_annotations(profile)
    unknown = set(profile) - {"password", "forceChangePasswordNextSignIn",
                              "forceChangePasswordNextSignInWithMfa"}  # fmt: skip
    if unknown:
        raise errors.bad_request(errors.msg_unknown_property(sorted(unknown)[0]))
    force = profile.get("forceChangePasswordNextSignIn", True)
    if not isinstance(force, bool):
        raise errors.bad_request(errors.msg_invalid_value("forceChangePasswordNextSignIn"))
    password = profile["password"]
    fields = {k: v for k, v in body.items() if k != "passwordProfile"}
    values = _columns(backend, fields, set(WRITABLE))
    if not isinstance(password, str) or not password_is_complex(password):
        raise errors.bad_request(errors.MSG_WEAK_PASSWORD)
    # The password is checked and then forgotten: the demo tenant never stores it.
    store = backend.store
    with store.lock:
        if store.upn_taken(values["upn"]):
            raise errors.bad_request(errors.MSG_DUPLICATE_UPN)
        values.update(id=str(uuid.uuid4()), created=now_iso(), mail=None)
        row = store.insert_user(values)
    payload = {"@odata.context": context_url(request, "users/$entity")}
    payload.update(render_users(backend, [row], payloads.DEFAULT_USER_PROPERTIES)[0])
    location = f"{request.root_url}/v1.0/users/{row[COL['id']]}"
    return Response.json(201, payload, {"Location": location})


def reprocess(request: Request, backend: Backend) -> Response:
    """Judge every group assignment of the user again; answers with the user."""
    store = backend.store
    with store.lock:
        row = find_user(backend, request.params["user"])
        backend.group_processing.reprocess_user(int(row[0]))
        rendered = render_users(backend, [row], payloads.DEFAULT_USER_PROPERTIES)[0]
    payload = {"@odata.context": context_url(request, "users/$entity")}
    payload.update(rendered)
    return Response.json(200, payload)


def delete_user(request: Request, backend: Backend) -> Response:
    store = backend.store
    with store.lock:
        row = find_user(backend, request.params["user"])
        store.delete_user(int(row[0]))
    return Response.empty(204)


def assign_license(request: Request, backend: Backend) -> Response:
    change = rules.parse_body(json_body(request))
    store = backend.store
    with store.lock:  # check and write as one step, so concurrent calls cannot oversell seats
        row = find_user(backend, request.params["user"])
        rules.require_some_change(change)
        rowid = int(row[0])
        held = backend.assignments.for_users([rowid])[rowid]
        rules.check(
            store, backend.assignments, held, change, usage_location=row[COL["usage_location"]]
        )
        store.replace_direct_licenses(rowid, change.upserts, change.removals, now_iso())
        rendered = render_users(backend, [row], payloads.DEFAULT_USER_PROPERTIES)[0]
    payload = {"@odata.context": context_url(request, "users/$entity")}
    payload.update(rendered)
    return Response.json(200, payload)

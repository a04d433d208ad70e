"""JSON forms of users and changes for the journal.

Our own stable shape (not Graph's) so a journal written today reads back after the records
grow new fields. A new user's password is never written: the journal is a plain file.
"""

from __future__ import annotations

from typing import Any

from desktop.graph.records import (
    AssignedLicense,
    LicenseAssignmentState,
    NewUser,
    PasswordProfile,
    User,
)
from desktop.licensing.types import GroupRef, Part, PartResult, PartState, UserChange


def license_to_json(lic: AssignedLicense) -> dict[str, Any]:
    return {"skuId": lic.sku_id, "disabledPlans": list(lic.disabled_plans)}


def license_from_json(data: dict[str, Any]) -> AssignedLicense:
    return AssignedLicense(str(data["skuId"]), tuple(str(p) for p in data["disabledPlans"]))


def user_to_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "displayName": user.display_name,
        "userPrincipalName": user.user_principal_name,
        "accountEnabled": user.account_enabled,
        "usageLocation": user.usage_location,
        "mail": user.mail,
        "department": user.department,
        "jobTitle": user.job_title,
        "assignedLicenses": [license_to_json(a) for a in user.assigned_licenses],
        "licenseAssignmentStates": [
            {
                "skuId": s.sku_id,
                "assignedByGroup": s.assigned_by_group,
                "state": s.state,
                "error": s.error,
                "disabledPlans": list(s.disabled_plans),
                "lastUpdatedDateTime": s.last_updated,
            }
            for s in user.license_assignment_states
        ],
        "memberOf": sorted(user.member_of) if user.member_of is not None else None,
    }


def user_from_json(data: dict[str, Any]) -> User:
    return User(
        id=data["id"],
        display_name=data["displayName"],
        user_principal_name=data["userPrincipalName"],
        account_enabled=bool(data["accountEnabled"]),
        usage_location=data["usageLocation"],
        mail=data["mail"],
        department=data["department"],
        job_title=data["jobTitle"],
        assigned_licenses=tuple(license_from_json(a) for a in data["assignedLicenses"]),
        license_assignment_states=tuple(
            LicenseAssignmentState(
                sku_id=s["skuId"],
                assigned_by_group=s["assignedByGroup"],
                state=s["state"],
                error=s["error"],
                disabled_plans=tuple(s["disabledPlans"]),
                last_updated=s["lastUpdatedDateTime"],
            )
            for s in data["licenseAssignmentStates"]
        ),
        # Journals written before memberships were read lack it: not read.
        member_of=frozenset(data["memberOf"]) if data.get("memberOf") is not None else None,
    )


def new_user_to_json(new_user: NewUser) -> dict[str, Any]:
    """Everything but the password, which must never reach a file."""
    profile = new_user.password_profile
    return {
        "displayName": new_user.display_name,
        "userPrincipalName": new_user.user_principal_name,
        "forceChangePasswordNextSignIn": profile.force_change_password_next_sign_in,
        "accountEnabled": new_user.account_enabled,
        "usageLocation": new_user.usage_location,
        "department": new_user.department,
        "jobTitle": new_user.job_title,
        "mailNickname": new_user.mail_nickname,
        "givenName": new_user.given_name,
        "surname": new_user.surname,
    }


def new_user_from_json(data: dict[str, Any]) -> NewUser:
    """The password comes back empty: a create read from the journal cannot be re-sent."""
    return NewUser(
        display_name=data["displayName"],
        user_principal_name=data["userPrincipalName"],
        password_profile=PasswordProfile("", bool(data["forceChangePasswordNextSignIn"])),
        account_enabled=bool(data["accountEnabled"]),
        usage_location=data["usageLocation"],
        department=data["department"],
        job_title=data["jobTitle"],
        mail_nickname=data["mailNickname"],
        # Journals written before these two existed lack them.
        given_name=data.get("givenName"),
        surname=data.get("surname"),
    )


def change_to_json(change: UserChange) -> dict[str, Any]:
    return {
        "user": change.user,
        "add": [license_to_json(a) for a in change.add],
        "remove": list(change.remove),
        "usageLocation": change.usage_location,
        "accountEnabled": change.account_enabled,
        "create": new_user_to_json(change.create) if change.create else None,
        "delete": change.delete,
        "clearUsageLocation": change.clear_usage_location,
        "reprocess": change.reprocess,
        "joinGroups": [group_to_json(g) for g in change.join_groups],
        "leaveGroups": [group_to_json(g) for g in change.leave_groups],
        "onGroup": change.on_group,
    }


def group_to_json(group: GroupRef) -> dict[str, str]:
    return {"id": group.id, "name": group.name}


def group_from_json(data: dict[str, Any]) -> GroupRef:
    return GroupRef(str(data["id"]), str(data["name"]))


def change_from_json(data: dict[str, Any]) -> UserChange:
    create = data["create"]
    return UserChange(
        user=data["user"],
        add=tuple(license_from_json(a) for a in data["add"]),
        remove=tuple(data["remove"]),
        usage_location=data["usageLocation"],
        account_enabled=data["accountEnabled"],
        create=new_user_from_json(create) if create else None,
        delete=bool(data["delete"]),
        clear_usage_location=bool(data["clearUsageLocation"]),
        reprocess=bool(data.get("reprocess", False)),  # journals written before it existed
        join_groups=tuple(group_from_json(g) for g in data.get("joinGroups") or ()),
        leave_groups=tuple(group_from_json(g) for g in data.get("leaveGroups") or ()),
        on_group=bool(data.get("onGroup", False)),
    )


def parts_to_json(parts: tuple[PartResult, ...]) -> list[dict[str, Any]]:
    return [
        {
            "part": p.part.value,
            "state": p.state.value,
            "message": p.message,
            "code": p.code,
            "details": p.details,
        }
        for p in parts
    ]


def parts_from_json(data: list[dict[str, Any]] | None) -> tuple[PartResult, ...]:
    """Journals written before parts were recorded hold none: an empty tuple."""
    return tuple(
        PartResult(
            Part(p["part"]),
            PartState(p["state"]),
            str(p.get("message") or ""),
            p.get("code"),
            dict(p.get("details") or {}),
        )
        for p in data or ()
    )

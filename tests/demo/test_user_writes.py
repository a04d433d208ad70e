"""PATCH, POST and DELETE /users."""

from __future__ import annotations

from typing import Any

import pytest

from tests.demo.support import Graph, error_of

DOMAIN = "bursztynlogistyka.pl"


def new_user(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "accountEnabled": True,
        "displayName": "Zuzanna Żółkiewska",
        "mailNickname": "zuzanna.zolkiewska",
        "userPrincipalName": f"zuzanna.zolkiewska@{DOMAIN}",
        "passwordProfile": {"password": "Pocz4tek!2025", "forceChangePasswordNextSignIn": True},
    }
    body.update(overrides)
    return body


# -- PATCH ------------------------------------------------------------------------------------


def test_patch_changes_the_allowed_properties_and_answers_204(graph: Graph) -> None:
    user = graph.pick(lambda u: not u["accountEnabled"])
    changes = {
        "accountEnabled": True,
        "usageLocation": "DE",
        "displayName": "Renata Świątek",
        "department": "Logistyka",
        "jobTitle": "Spedytor",
    }
    response = graph.patch(f"/users/{user['id']}", changes)
    assert response.status_code == 204
    assert response.content == b""
    after = graph.user(user["id"])
    assert {k: after[k] for k in changes} == changes


@pytest.mark.parametrize("code", ["XX", "pl", "POL", "", 48])
def test_invalid_usage_location_is_refused(graph: Graph, code: Any) -> None:
    user = graph.users()[1]
    response = graph.patch(f"/users/{user['id']}", {"usageLocation": code})
    assert response.status_code == 400
    assert error_of(response) == (
        "Request_BadRequest",
        "Invalid value specified for property 'usageLocation' of resource 'User'.",
    )
    assert graph.user(user["id"])["usageLocation"] == user["usageLocation"]


def test_read_only_and_unknown_properties_are_refused(graph: Graph) -> None:
    user = graph.users()[1]
    read_only = graph.patch(f"/users/{user['id']}", {"assignedLicenses": []})
    assert read_only.status_code == 400
    assert "assignedLicenses" in error_of(read_only)[1]
    unknown = graph.patch(f"/users/{user['id']}", {"shoeSize": 44})
    assert error_of(unknown) == (
        "Request_BadRequest",
        "Property 'shoeSize' does not exist as a declared property or extension property.",
    )


def test_wrong_types_are_refused(graph: Graph) -> None:
    user = graph.users()[1]
    response = graph.patch(f"/users/{user['id']}", {"accountEnabled": "yes"})
    assert error_of(response)[1] == (
        "Invalid value specified for property 'accountEnabled' of resource 'User'."
    )
    assert graph.patch(f"/users/{user['id']}", {"displayName": ""}).status_code == 400


def test_patch_of_unknown_user_is_404(graph: Graph) -> None:
    response = graph.patch("/users/ghost@bursztynlogistyka.pl", {"department": "IT"})
    assert response.status_code == 404


def test_unreadable_json_is_refused(graph: Graph) -> None:
    user = graph.users()[1]
    response = graph.session.patch(
        graph.url(f"/users/{user['id']}"),
        data=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert error_of(response)[0] == "BadRequest"


# -- POST -------------------------------------------------------------------------------------


def test_create_answers_201_with_the_user(graph: Graph) -> None:
    response = graph.post("/users", new_user(usageLocation="PL", department="Kadry"))
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["displayName"] == "Zuzanna Żółkiewska"
    assert created["userPrincipalName"] == f"zuzanna.zolkiewska@{DOMAIN}"
    assert "passwordProfile" not in created
    assert response.headers["Location"].endswith(created["id"])
    fetched = graph.user(created["id"])
    assert fetched["usageLocation"] == "PL"
    assert fetched["department"] == "Kadry"
    assert fetched["accountEnabled"] is True
    assert fetched["assignedLicenses"] == []


@pytest.mark.parametrize(
    "missing", ["accountEnabled", "displayName", "mailNickname", "userPrincipalName"]
)
def test_each_required_property_is_named_when_missing(graph: Graph, missing: str) -> None:
    body = new_user()
    del body[missing]
    response = graph.post("/users", body)
    assert response.status_code == 400
    assert error_of(response) == (
        "Request_BadRequest",
        f"Property {missing} value is required but is empty or missing.",
    )


def test_password_is_required(graph: Graph) -> None:
    body = new_user()
    del body["passwordProfile"]
    response = graph.post("/users", body)
    assert error_of(response) == (
        "Request_BadRequest",
        "A password must be specified to create a new user.",
    )


@pytest.mark.parametrize("password", ["short1!", "alllowercase", "NoDigitsOrSymbols", "12345678"])
def test_weak_passwords_are_refused(graph: Graph, password: str) -> None:
    body = new_user(passwordProfile={"password": password, "forceChangePasswordNextSignIn": True})
    response = graph.post("/users", body)
    assert response.status_code == 400
    assert error_of(response) == (
        "Request_BadRequest",
        "The specified password does not comply with password complexity requirements. "
        "Please provide a different password.",
    )


def test_the_password_never_comes_back_in_an_error(graph: Graph) -> None:
    secret = "tajne"
    body = new_user(passwordProfile={"password": secret, "forceChangePasswordNextSignIn": True})
    response = graph.post("/users", body)
    assert secret not in response.text


def test_upn_domain_must_be_verified(graph: Graph) -> None:
    response = graph.post("/users", new_user(userPrincipalName="zuzanna@gmail.com"))
    assert error_of(response) == (
        "Request_BadRequest",
        "The domain portion of the userPrincipalName property is invalid. You must use one of "
        "the verified domain names in your organization.",
    )
    other_domain = graph.post("/users", new_user(userPrincipalName="zuzanna@bursztyn-cargo.pl"))
    assert other_domain.status_code == 201


def test_duplicate_upn_is_refused_whatever_its_case(graph: Graph) -> None:
    existing = graph.users()[2]["userPrincipalName"]
    response = graph.post("/users", new_user(userPrincipalName=existing.upper()))
    assert response.status_code == 400
    assert error_of(response) == (
        "Request_BadRequest",
        "Another object with the same value for property userPrincipalName already exists.",
    )


def test_create_then_delete_undoes_it(graph: Graph) -> None:
    created = graph.post("/users", new_user()).json()
    response = graph.delete(f"/users/{created['id']}")
    assert response.status_code == 204
    assert graph.get(f"/users/{created['id']}").status_code == 404
    assert graph.post("/users", new_user()).status_code == 201  # the UPN is free again


def test_delete_frees_the_users_seats(graph: Graph) -> None:
    skus = graph.skus()
    basic = skus["O365_BUSINESS_ESSENTIALS"]
    holder = graph.pick(lambda u: basic["skuId"] in {a["skuId"] for a in u["assignedLicenses"]})
    assert graph.delete(f"/users/{holder['userPrincipalName']}").status_code == 204
    assert graph.skus()["O365_BUSINESS_ESSENTIALS"]["consumedUnits"] == basic["consumedUnits"] - 1
    assert graph.delete(f"/users/{holder['id']}").status_code == 404


def test_odata_annotations_in_bodies_are_accepted(graph: Graph) -> None:
    # Microsoft's SDKs always send "@odata.type" with the object they serialise.
    user = graph.users()[1]
    response = graph.patch(
        f"/users/{user['id']}", {"@odata.type": "#microsoft.graph.user", "jobTitle": "Kupiec"}
    )
    assert response.status_code == 204
    body = new_user()
    body["@odata.type"] = "#microsoft.graph.user"
    body["passwordProfile"]["@odata.type"] = "#microsoft.graph.passwordProfile"
    assert graph.post("/users", body).status_code == 201

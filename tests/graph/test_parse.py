"""Record parsers: real shapes, tolerance of the optional, and clear errors for the rest."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.graph.errors import ProtocolError
from desktop.graph.parse import (
    decode_json,
    parse_collection,
    parse_group,
    parse_organization,
    parse_sku,
    parse_user,
    parse_users,
)
from desktop.graph.records import AssignedLicense, LicenseAssignmentState, User

SKU = "6fd2c87f-b296-42f0-b197-1e91e994b900"
PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0"
GROUP = "0b4d1a5e-0000-4000-8000-00000000abcd"

REAL_USER = {
    "@odata.type": "#microsoft.graph.user",
    "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
    "displayName": "Adele Vance",
    "userPrincipalName": "AdeleV@contoso.com",
    "mail": "AdeleV@contoso.com",
    "accountEnabled": True,
    "usageLocation": "US",
    "department": "Retail",
    "jobTitle": None,
    "businessPhones": ["+1 425 555 0109"],
    "assignedLicenses": [{"disabledPlans": [PLAN], "skuId": SKU}],
    "licenseAssignmentStates": [
        {
            "assignedByGroup": None,
            "disabledPlans": [PLAN],
            "error": "None",
            "lastUpdatedDateTime": "2023-04-18T11:01:10Z",
            "skuId": SKU,
            "state": "Active",
        },
        {
            "assignedByGroup": GROUP,
            "disabledPlans": [],
            "error": "CountViolation",
            "lastUpdatedDateTime": None,
            "skuId": SKU,
            "state": "Error",
        },
    ],
}


def test_a_real_user_is_parsed_with_unknown_fields_ignored() -> None:
    user = parse_user(REAL_USER, "user")
    assert user == User(
        id="87d349ed-44d7-43e1-9a83-5f2406dee5bd",
        display_name="Adele Vance",
        user_principal_name="AdeleV@contoso.com",
        account_enabled=True,
        usage_location="US",
        mail="AdeleV@contoso.com",
        department="Retail",
        job_title=None,
        assigned_licenses=(AssignedLicense(SKU, (PLAN,)),),
        license_assignment_states=(
            LicenseAssignmentState(SKU, None, "Active", None, (PLAN,), "2023-04-18T11:01:10Z"),
            LicenseAssignmentState(SKU, GROUP, "Error", "CountViolation", (), None),
        ),
    )
    assert user.groups_granting(SKU) == (GROUP,)
    assert [s.has_error for s in user.license_assignment_states] == [False, True]


def test_optional_fields_may_be_missing_or_null() -> None:
    user = parse_user(
        {"id": "x", "userPrincipalName": "x@contoso.com", "displayName": None, "usageLocation": ""},
        "user",
    )
    assert (user.display_name, user.account_enabled, user.usage_location) == ("", True, None)
    assert user.assigned_licenses == () and user.license_assignment_states == ()


def test_guids_are_interned_and_identical_license_entries_shared() -> None:
    first = {**REAL_USER, "assignedLicenses": [{"skuId": "".join(SKU), "disabledPlans": []}]}
    second = {**REAL_USER, "assignedLicenses": [{"skuId": "".join(list(SKU))}]}
    a, b = parse_users([first, second], "users page 1")
    assert a.assigned_licenses[0] is b.assigned_licenses[0]
    assert a.assigned_licenses[0].sku_id is b.license_assignment_states[0].sku_id


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"userPrincipalName": "a@b"}, "users page 3, item 2: missing 'id'"),
        ({"id": 17, "userPrincipalName": "a@b"}, "item 2: 'id' is a number, expected an id"),
        ({"id": "x"}, "item 2: missing 'userPrincipalName'"),
        (
            {"id": "x", "userPrincipalName": "a", "accountEnabled": "yes"},
            "'accountEnabled' is text, expected true, false or null",
        ),
        (
            {"id": "x", "userPrincipalName": "a", "assignedLicenses": {}},
            "'assignedLicenses' is an object, expected a list",
        ),
        (
            {"id": "x", "userPrincipalName": "a", "assignedLicenses": [{"disabledPlans": []}]},
            "users page 3, item 2 (id x), assignedLicenses[0]: missing 'skuId'",
        ),
        (
            {"id": "x", "userPrincipalName": "a", "assignedLicenses": [{"skuId": "s"}, 5]},
            "item 2 (id x), assignedLicenses[1]: expected an object, got a number",
        ),
        (
            {
                "id": "x",
                "userPrincipalName": "a",
                "licenseAssignmentStates": [{"skuId": "s", "disabledPlans": [None]}],
            },
            "licenseAssignmentStates[0]: 'disabledPlans' holds null, expected ids",
        ),
        ("just text", "users page 3, item 2: expected a user object, got text"),
    ],
)
def test_malformed_users_name_the_field_and_place(item: Any, message: str) -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_users([REAL_USER, item], "users page 3")
    assert message in str(caught.value)


def test_collections_need_a_value_list() -> None:
    assert parse_collection({"value": [], "@odata.nextLink": "http://n"}, "p") == (
        [],
        "http://n",
        None,
    )
    with pytest.raises(ProtocolError, match="p: missing 'value'"):
        parse_collection({"values": []}, "p")
    with pytest.raises(ProtocolError, match="p: expected a JSON object"):
        parse_collection([1, 2], "p")


def test_decode_json_tells_html_from_cut_off_json() -> None:
    assert decode_json(b'{"a": 1}', "w") == {"a": 1}
    with pytest.raises(ProtocolError, match=r"w: the answer is not JSON \(text/html, 13 bytes\)"):
        decode_json(b"<html></html>", "w", "text/html; charset=utf-8")
    with pytest.raises(ProtocolError, match="w: the JSON answer is cut off"):
        decode_json(b'{"value": [', "w")
    with pytest.raises(ProtocolError, match="w: the answer was empty"):
        decode_json(b"", "w")


def test_a_subscribed_sku_is_parsed() -> None:
    sku = parse_sku(
        {
            "accountName": "Contoso",
            "accountId": "acc",
            "appliesTo": "User",
            "capabilityStatus": "Warning",
            "consumedUnits": 14,
            "id": f"tenant_{SKU}",
            "prepaidUnits": {"enabled": 25, "lockedOut": 1, "suspended": 2, "warning": 3},
            "servicePlans": [
                {
                    "servicePlanId": PLAN,
                    "servicePlanName": "EXCHANGE_S_ENTERPRISE",
                    "provisioningStatus": "Success",
                    "appliesTo": "User",
                }
            ],
            "skuId": SKU,
            "skuPartNumber": "ENTERPRISEPACK",
            "subscriptionIds": ["sub"],
        },
        "subscribedSkus, item 1",
    )
    # Units in the grace period (warning) can still be given: 25 + 3 seats, 14 of them held.
    assert (sku.total, sku.free, sku.assignable_to_users) == (28, 14, True)
    assert sku.prepaid_units.warning == 3 and sku.subscription_ids == ("sub",)
    assert sku.plan_ids() == frozenset({PLAN})


def test_sku_errors_name_the_nested_place() -> None:
    bad = {"id": "i", "skuId": SKU, "skuPartNumber": "P", "prepaidUnits": {"enabled": "25"}}
    with pytest.raises(ProtocolError, match="skus, item 4, prepaidUnits: 'enabled' is text"):
        parse_sku(bad, "skus, item 4")
    bad_plan = {"id": "i", "skuId": SKU, "skuPartNumber": "P", "servicePlans": [{}]}
    with pytest.raises(ProtocolError, match=r"servicePlans\[0\]: missing 'servicePlanId'"):
        parse_sku(bad_plan, "skus")


def test_groups_and_organizations() -> None:
    assert parse_group({"id": GROUP, "displayName": None}, "g").display_name == ""
    with pytest.raises(ProtocolError, match="g: missing 'id'"):
        parse_group({"displayName": "x"}, "g")
    with pytest.raises(ProtocolError, match=r"o, verifiedDomains\[0\]: missing 'name'"):
        parse_organization({"id": "t", "verifiedDomains": [{"isDefault": True}]}, "o")


# --- properties -------------------------------------------------------------------------

guids = st.uuids().map(str)
texts = st.text(max_size=20)
maybe_texts = st.none() | texts


@st.composite
def graph_users(draw: st.DrawFn) -> dict[str, Any]:
    licenses = draw(
        st.lists(st.fixed_dictionaries({"skuId": guids, "disabledPlans": st.lists(guids)}))
    )
    states = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "skuId": guids,
                    "assignedByGroup": st.none() | guids,
                    "state": st.sampled_from(["Active", "ActiveWithError", "Disabled", "Error"]),
                    "error": st.sampled_from(["None", "CountViolation", "Other"]),
                    "disabledPlans": st.lists(guids),
                    "lastUpdatedDateTime": maybe_texts,
                }
            )
        )
    )
    return {
        "id": draw(guids),
        "userPrincipalName": draw(texts),
        "displayName": draw(texts),
        "mail": draw(maybe_texts),
        "accountEnabled": draw(st.booleans()),
        "usageLocation": draw(st.none() | st.sampled_from(["PL", "US", "DE"])),
        "department": draw(maybe_texts),
        "jobTitle": draw(maybe_texts),
        "assignedLicenses": licenses,
        "licenseAssignmentStates": states,
        "unknownField": draw(st.none() | texts),
    }


def to_graph(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "userPrincipalName": user.user_principal_name,
        "displayName": user.display_name,
        "mail": user.mail,
        "accountEnabled": user.account_enabled,
        "usageLocation": user.usage_location,
        "department": user.department,
        "jobTitle": user.job_title,
        "assignedLicenses": [
            {"skuId": a.sku_id, "disabledPlans": list(a.disabled_plans)}
            for a in user.assigned_licenses
        ],
        "licenseAssignmentStates": [
            {
                "skuId": s.sku_id,
                "assignedByGroup": s.assigned_by_group,
                "state": s.state,
                "error": s.error or "None",
                "disabledPlans": list(s.disabled_plans),
                "lastUpdatedDateTime": s.last_updated,
            }
            for s in user.license_assignment_states
        ],
    }


@given(graph_users())
@settings(max_examples=150, deadline=None)
def test_valid_users_round_trip(raw: dict[str, Any]) -> None:
    user = parse_user(raw, "u")
    expected = {k: v for k, v in raw.items() if k != "unknownField"}
    assert to_graph(user) == expected
    assert parse_user(to_graph(user), "u") == user


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)
user_keys = st.sampled_from(
    [*list(REAL_USER), "skuId", "disabledPlans", "state", "error", "assignedByGroup"]
)


@st.composite
def damaged_users(draw: st.DrawFn) -> Any:
    """A real user with some fields replaced by arbitrary JSON, or arbitrary JSON outright."""
    if draw(st.booleans()):
        return draw(json_values)
    user = dict(draw(graph_users()))
    for key in draw(st.lists(user_keys, max_size=3)):
        if draw(st.booleans()):
            user.pop(key, None)
        else:
            user[key] = draw(json_values)
    licenses = user.get("licenseAssignmentStates")
    if isinstance(licenses, list) and licenses and isinstance(licenses[0], dict):
        licenses[0] = {**licenses[0], draw(user_keys): draw(json_values)}
    return user


@given(damaged_users())
@settings(max_examples=300, deadline=None)
def test_junk_users_either_parse_or_raise_protocol_error(raw: Any) -> None:
    try:
        user = parse_user(raw, "u")
    except ProtocolError as exc:
        assert str(exc).startswith("u")
        return
    assert isinstance(user.id, str) and user.id
    assert isinstance(user.user_principal_name, str)


@given(json_values)
@settings(max_examples=200, deadline=None)
def test_junk_skus_and_collections_raise_only_protocol_error(raw: Any) -> None:
    for parser in (parse_sku, parse_group, parse_organization, parse_collection):
        with contextlib.suppress(ProtocolError):
            parser(raw, "w")


@given(st.binary(max_size=40))
@settings(max_examples=200, deadline=None)
def test_junk_bytes_decode_or_raise_protocol_error(raw: bytes) -> None:
    with contextlib.suppress(ProtocolError):
        decode_json(raw, "w")

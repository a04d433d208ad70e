"""Microsoft's own Graph SDK for Python, unchanged, against the demo tenant.

msgraph-sdk is not a project dependency (it is large and the app does not use it). CI installs
it through the `sdk-check` extra (dev.py does so when CI is set) and then this module must run;
locally it is skipped unless installed:

    pip install -e ".[sdk-check]"
    pytest tests/demo/test_msgraph_sdk.py

Checked with msgraph-sdk 1.65.0 / msgraph-core 1.5.2 / kiota-http 1.16.0.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest

from desktop.demo import DemoTenant

if not os.environ.get("CI"):
    pytest.importorskip("msgraph")
    pytest.importorskip("deprecated")

from kiota_abstractions.authentication import (
    AccessTokenProvider,
    AllowedHostsValidator,
    BaseBearerTokenAuthenticationProvider,
)
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph import GraphRequestAdapter, GraphServiceClient
from msgraph.generated.groups.groups_request_builder import GroupsRequestBuilder
from msgraph.generated.groups.item.assign_license.assign_license_post_request_body import (
    AssignLicensePostRequestBody as GroupAssignLicenseBody,
)
from msgraph.generated.models.assigned_license import AssignedLicense
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.password_profile import PasswordProfile
from msgraph.generated.models.reference_create import ReferenceCreate
from msgraph.generated.models.user import User
from msgraph.generated.users.item.assign_license.assign_license_post_request_body import (
    AssignLicensePostRequestBody,
)
from msgraph.generated.users.users_request_builder import UsersRequestBuilder
from msgraph_core.requests.batch_request_content import BatchRequestContent
from msgraph_core.requests.batch_request_item import BatchRequestItem

Query = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters
GroupQuery = GroupsRequestBuilder.GroupsRequestBuilderGetQueryParameters


class DemoToken(AccessTokenProvider):  # type: ignore[misc]
    async def get_authorization_token(self, uri: str, context: Any = None) -> str:
        return "sdk-token"

    def get_allowed_hosts_validator(self) -> AllowedHostsValidator:
        return AllowedHostsValidator([])


def sdk_client(tenant: DemoTenant) -> GraphServiceClient:
    adapter = GraphRequestAdapter(BaseBearerTokenAuthenticationProvider(DemoToken()))
    adapter.base_url = tenant.base_url
    return GraphServiceClient(request_adapter=adapter)


async def reads(tenant: DemoTenant) -> None:
    client = sdk_client(tenant)
    skus = await client.subscribed_skus.get()
    assert {s.sku_part_number for s in skus.value} >= {"ENTERPRISEPACK", "FLOW_FREE"}
    org = await client.organization.get()
    assert org.value[0].verified_domains

    select = ["id", "userPrincipalName", "usageLocation", "assignedLicenses",
              "licenseAssignmentStates"]  # fmt: skip
    page = await client.users.get(
        RequestConfiguration(query_parameters=Query(select=select, top=7))
    )
    users = list(page.value)
    while page.odata_next_link:
        page = await client.users.with_url(page.odata_next_link).get()
        users.extend(page.value)
    assert len({u.id for u in users}) == 60
    assert any(s.assigned_by_group for u in users for s in u.license_assignment_states)

    config = RequestConfiguration(
        query_parameters=Query(filter="assignedLicenses/$count eq 0", count=True, select=["id"])
    )
    config.headers.add("ConsistencyLevel", "eventual")
    unlicensed = await client.users.get(config)
    assert unlicensed.odata_count == len(unlicensed.value) > 0

    with pytest.raises(ODataError) as caught:
        await client.users.by_user_id("ghost@bursztynlogistyka.pl").get()
    assert caught.value.response_status_code == 404
    assert caught.value.error.code == "Request_ResourceNotFound"


async def writes(tenant: DemoTenant) -> None:
    client = sdk_client(tenant)
    page = await client.users.get(
        RequestConfiguration(query_parameters=Query(select=["id", "usageLocation",
                                                            "assignedLicenses"], top=999))
    )  # fmt: skip
    target = next(u for u in page.value if u.usage_location and not u.assigned_licenses)
    flow = tenant.sku_id("FLOW_FREE")
    add = AssignLicensePostRequestBody(
        add_licenses=[AssignedLicense(sku_id=flow, disabled_plans=[])], remove_licenses=[]
    )
    assigned = await client.users.by_user_id(target.id).assign_license.post(add)
    assert assigned.id == target.id
    full = tenant.sku_id("O365_BUSINESS_PREMIUM")
    with pytest.raises(ODataError) as caught:
        await client.users.by_user_id(target.id).assign_license.post(
            AssignLicensePostRequestBody(
                add_licenses=[AssignedLicense(sku_id=full, disabled_plans=[])], remove_licenses=[]
            )
        )
    assert "does not have any available licenses" in caught.value.error.message

    await client.users.by_user_id(target.id).patch(User(job_title="SDK", usage_location="DE"))
    created = await client.users.post(
        User(
            account_enabled=True,
            display_name="Sdk Użytkownik",
            mail_nickname="sdk.user",
            user_principal_name="sdk.user@bursztynlogistyka.pl",
            password_profile=PasswordProfile(
                password="Sdk!Pass2025", force_change_password_next_sign_in=True
            ),
        )
    )
    await client.users.by_user_id(created.id).delete()

    batch = BatchRequestContent()
    ids = []
    for user in page.value[:5]:
        item = BatchRequestItem(
            request_information=client.users.by_user_id(user.id).to_get_request_information()
        )
        batch.add_request(item.id, item)
        ids.append(item.id)
    answers = await client.batch.post(batch_request_content=batch)
    assert answers.get_response_status_codes() == dict.fromkeys(ids, 200)


def test_reads_through_microsofts_sdk(demo_tenant: DemoTenant) -> None:
    asyncio.run(reads(demo_tenant))


def test_writes_and_batches_through_microsofts_sdk(demo_tenant: DemoTenant) -> None:
    asyncio.run(writes(demo_tenant))


async def insight_reads(tenant: DemoTenant) -> None:
    client = sdk_client(tenant)
    select = ["id", "userPrincipalName", "signInActivity"]
    page = await client.users.get(
        RequestConfiguration(query_parameters=Query(select=select, top=999))
    )
    users = list(page.value)
    while page.odata_next_link:
        page = await client.users.with_url(page.odata_next_link).get()
        users.extend(page.value)
    assert len(users) == 60
    signed_in = [u for u in users if u.sign_in_activity is not None]
    assert 0 < len(signed_in) < 60
    assert all(u.sign_in_activity.last_sign_in_date_time for u in signed_in)

    subscriptions = await client.directory.subscriptions.get()
    assert {s.status for s in subscriptions.value} >= {"Enabled", "Warning", "Suspended"}
    assert any(s.is_trial for s in subscriptions.value)
    settings = await client.admin.report_settings.get()
    assert settings.display_concealed_names is False

    # The SDK follows the 302 to the download host and hands back the CSV's bytes.
    report = await client.reports.get_office365_active_user_detail_with_period("D30").get()
    assert report.startswith(b"\xef\xbb\xbfReport Refresh Date,User Principal Name")
    apps = await client.reports.get_m365_app_user_detail_with_period("D30").get()
    assert apps.startswith(
        b"\xef\xbb\xbfReport Refresh Date,User Principal Name,Last Activation Date,"
        b"Last Activity Date,Report Period,Windows,Mac,Mobile,Web,Outlook,Word"
    )
    rows = apps.decode("utf-8-sig").splitlines()[1:]
    named = {row.split(",")[1] for row in rows}
    assert rows and named <= {u.user_principal_name for u in users}
    tenant.insight.concealed_names = True
    hashed = await client.reports.get_m365_app_user_detail_with_period("D7").get()
    assert all("@" not in row.split(",")[1] for row in hashed.decode("utf-8-sig").splitlines()[1:])
    tenant.insight.concealed_names = False

    tenant.insight.premium = False
    with pytest.raises(ODataError) as caught:
        await client.users.get(RequestConfiguration(query_parameters=Query(select=select)))
    assert caught.value.response_status_code == 403
    assert caught.value.error.code == "Authentication_RequestFromNonPremiumTenantOrB2CTenant"


def test_insight_reads_through_microsofts_sdk(demo_tenant: DemoTenant) -> None:
    asyncio.run(insight_reads(demo_tenant))


async def group_calls(tenant: DemoTenant) -> None:
    """Group-based licensing through the SDK: licensed groups (an advanced query), members,
    members in error, groups with members in error, a user's memberships, member add/remove,
    a group's assignLicense (202, members later) and reprocess."""
    tenant.group_processing.delay = 0.0
    client = sdk_client(tenant)
    select = ["id", "displayName", "assignedLicenses"]
    config = RequestConfiguration(
        query_parameters=GroupQuery(
            filter="assignedLicenses/$count ne 0", count=True, select=select
        )
    )
    config.headers.add("ConsistencyLevel", "eventual")
    licensed = await client.groups.get(config)
    assert licensed.odata_count == len(licensed.value) == 2
    e3_group = next(g for g in licensed.value if "E3" in g.display_name)
    assert e3_group.assigned_licenses[0].disabled_plans  # Viva Engage off

    with_errors = RequestConfiguration(
        query_parameters=GroupQuery(
            filter="assignedLicenses/$count ne 0 and hasMembersWithLicenseErrors eq true",
            count=True,
            select=["id"],
        )
    )
    with_errors.headers.add("ConsistencyLevel", "eventual")
    assert e3_group.id in {g.id for g in (await client.groups.get(with_errors)).value}
    members = (await client.groups.by_group_id(e3_group.id).members.get()).value
    kinds = {m.odata_type for m in members}
    assert kinds == {"#microsoft.graph.user", "#microsoft.graph.group"}  # one nested group
    in_error = (
        await client.groups.by_group_id(e3_group.id).members_with_license_errors.get()
    ).value
    assert in_error and {m.id for m in in_error} <= {m.id for m in members}

    page = await client.users.get(
        RequestConfiguration(query_parameters=Query(select=["id", "assignedLicenses"], top=999))
    )
    member_ids = {m.id for m in members}
    outsider = next(u for u in page.value if u.id not in member_ids and not u.assigned_licenses)
    reference = ReferenceCreate(
        odata_id=f"https://graph.microsoft.com/v1.0/directoryObjects/{outsider.id}"
    )
    await client.groups.by_group_id(e3_group.id).members.ref.post(reference)
    groups_of = (await client.users.by_user_id(outsider.id).member_of.get()).value
    assert ("#microsoft.graph.group", e3_group.id) in {(g.odata_type, g.id) for g in groups_of}
    with pytest.raises(ODataError) as caught:
        await client.groups.by_group_id(e3_group.id).members.ref.post(reference)
    assert caught.value.response_status_code == 400
    await (
        client.groups.by_group_id(e3_group.id)
        .members.by_directory_object_id(outsider.id)
        .ref.delete()
    )
    after = (await client.users.by_user_id(outsider.id).member_of.get()).value
    assert e3_group.id not in {g.id for g in after}

    flow = tenant.sku_id("FLOW_FREE")
    changed = await client.groups.by_group_id(e3_group.id).assign_license.post(
        GroupAssignLicenseBody(
            add_licenses=[AssignedLicense(sku_id=flow, disabled_plans=[])], remove_licenses=[]
        )
    )
    assert flow in {str(lic.sku_id) for lic in changed.assigned_licenses}  # UUIDs to the SDK
    reprocessed = await client.users.by_user_id(in_error[0].id).reprocess_license_assignment.post()
    assert reprocessed.id == in_error[0].id


def test_group_calls_through_microsofts_sdk(demo_tenant: DemoTenant) -> None:
    asyncio.run(group_calls(demo_tenant))

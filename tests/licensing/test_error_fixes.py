"""Fixes for a member's group license error (desktop/licensing/error_fixes.py): which fixes each
error gets, the plans they make, and against the demo tenant over HTTP that the fix resolves the
error and its undo restores what it changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense, LicenseAssignmentState, User
from desktop.licensing.builders import reprocess_plan, usage_location_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.error_fixes import (
    COUNT_VIOLATION,
    MUTUALLY_EXCLUSIVE,
    PROHIBITED_LOCATION,
    UNIQUENESS,
    FixKind,
    fixes_for,
    group_errors,
)
from desktop.licensing.types import Outcome, PlanKind
from tests.licensing.conftest import pick
from tests.licensing.records import (
    BASIC,
    E3,
    EXO_STD_PLAN,
    GROUP_ID,
    TEAMS_PLAN,
    standard_skus,
    user,
)


def _in_error(u: User, sku_id: str, error: str) -> tuple[User, LicenseAssignmentState]:
    state = LicenseAssignmentState(sku_id, GROUP_ID, state="Error", error=error)
    return replace(u, license_assignment_states=(*u.license_assignment_states, state)), state


def test_no_free_seat_offers_a_blocked_holders_seat_then_reprocess() -> None:
    skus = standard_skus()  # BASIC: 5 of 5 used
    member, state = _in_error(user("member"), BASIC, COUNT_VIOLATION)
    active = user("active", direct=(AssignedLicense(BASIC),))
    blocked = user("blocked", direct=(AssignedLicense(BASIC),), enabled=False)
    fixes = fixes_for(member, state, skus, [active, member, blocked])
    assert [f.kind for f in fixes] == [FixKind.FREE_SEAT, FixKind.REPROCESS]
    plan = fixes[0].plan()
    assert plan.kind is PlanKind.REMOVE
    assert [(c.user, c.remove) for c in plan.changes] == [(blocked.id, (BASIC,))]
    assert fixes[0].then_reprocess == reprocess_plan([member.id])
    # Nobody blocked holds it: people who sign in are never picked for the administrator.
    alone = fixes_for(member, state, skus, [active, member])
    assert [f.kind for f in alone] == [FixKind.REPROCESS]
    # A seat free already: reprocess is all it takes.
    roomy = {**skus, BASIC: replace(skus[BASIC], consumed_units=4)}
    assert [f.kind for f in fixes_for(member, state, roomy, [blocked])] == [FixKind.REPROCESS]


def test_a_conflict_turns_off_the_clashing_app_in_the_users_own_license_and_reprocesses() -> None:
    skus = standard_skus()  # E3 has Exchange Plan 2; BASIC has Plan 1 and Teams
    member, state = _in_error(
        user("member", direct=(AssignedLicense(BASIC, (TEAMS_PLAN,)),)), E3, MUTUALLY_EXCLUSIVE
    )
    (fix, reprocess) = fixes_for(member, state, skus, [member])
    assert (fix.kind, fix.other_sku_id, fix.plan_ids) == (
        FixKind.TURN_OFF_APP,
        BASIC,
        (EXO_STD_PLAN,),
    )
    (change,) = fix.plan().changes
    # Teams stays off as it was; Exchange Plan 1 goes off; the reprocess rides last.
    assert change.add == (AssignedLicense(BASIC, (TEAMS_PLAN, EXO_STD_PLAN)),)
    assert change.reprocess and change.user == member.id
    assert reprocess.kind is FixKind.REPROCESS
    # When the group's package has that app turned off there is nothing to clash with.
    quiet = replace(state, disabled_plans=(skus[E3].service_plans[0].service_plan_id,))
    assert [f.kind for f in fixes_for(member, quiet, skus, [member])] == [FixKind.REPROCESS]


def test_a_forbidden_location_asks_for_the_country_and_reprocesses() -> None:
    member, state = _in_error(user("member", location="IR"), E3, PROHIBITED_LOCATION)
    (fix, _reprocess) = fixes_for(member, state, standard_skus(), [member])
    assert fix.kind is FixKind.SET_USAGE_LOCATION
    with pytest.raises(ValueError):
        fix.plan()
    (change,) = fix.plan("pl").changes
    assert (change.usage_location, change.reprocess) == ("PL", True)


def test_other_errors_get_reprocess_and_only_the_groups_errors_count() -> None:
    member, state = _in_error(user("member"), E3, UNIQUENESS)
    assert [f.kind for f in fixes_for(member, state, standard_skus(), [])] == [FixKind.REPROCESS]
    assert group_errors(member, GROUP_ID) == (state,)
    assert group_errors(member, "another-group") == ()


def test_the_location_fix_resolves_the_error_over_http_and_its_undo_restores_the_location(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    member = pick(
        graph.list_users(),
        lambda u: (
            any(
                s.sku_id == e3 and s.assigned_by_group and not s.has_error
                for s in u.license_assignment_states
            )
            and not u.direct_sku_ids
        ),
    )[0]
    group_id = member.groups_granting(e3)[0]
    # Cause the error as Graph would: a usage location where the service is not offered.
    for plan in (usage_location_plan([member.id], "IR"), reprocess_plan([member.id])):
        assert controller.apply(controller.check(plan)).results[0].outcome is Outcome.DONE
    (broken,) = controller.refresh_users([member.id])
    (state,) = group_errors(broken, group_id)
    assert state.error == PROHIBITED_LOCATION

    skus = {s.sku_id: s for s in graph.list_skus()}
    fix = fixes_for(broken, state, skus, [broken])[0]
    run = controller.apply(controller.check(fix.plan("PL")))
    assert run.results[0].outcome is Outcome.DONE
    (fixed,) = controller.refresh_users([member.id])
    assert fixed.usage_location == "PL" and group_errors(fixed, group_id) == ()
    assert e3 in fixed.sku_ids

    undo = controller.undo_plan(run.run_id)
    (change,) = undo.effective.changes
    assert change.usage_location == "IR" and not change.reprocess  # a reprocess has no inverse
    assert controller.apply(undo).results[0].outcome is Outcome.DONE
    (restored,) = controller.refresh_users([member.id])
    assert restored.usage_location == "IR"

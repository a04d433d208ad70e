"""The sign-in listing writes its timestamps from text it keeps per day and per time of day
(``InsightState.stamper``); they must be exactly what the rule gives (``InsightState.moments``:
the seeded days before today at the seeded time of day, never later than now), at any hour,
and users the seed does not know (created later) must come back without sign-in activity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop.demo.insight_seed import SignIn, SignInKind
from desktop.demo.insight_state import STAMP_FORMAT, InsightState
from tests.demo.support import Graph
from tests.demo_tenant import DemoTenantForTests as DemoTenant

# One state for every example, so its kept text has to follow the date from one now to the next.
STATE = InsightState(seed=1)
DAYS = st.none() | st.integers(min_value=0, max_value=400)
SIGN_INS = st.builds(
    SignIn,
    kind=st.sampled_from([SignInKind.ACTIVE, SignInKind.INACTIVE, SignInKind.LEGACY]),
    success_days=DAYS,
    interactive_days=DAYS,
    non_interactive_days=DAYS,
    seconds=st.integers(min_value=0, max_value=86_399),
)
NOWS = st.datetimes(
    min_value=datetime(2023, 1, 1),
    max_value=datetime(2031, 12, 31),
    timezones=st.just(timezone.utc),
)


def _exact(seeded: SignIn, now: datetime) -> tuple[str | None, ...]:
    rule = InsightState(seed=1, today=lambda: now)
    return tuple(None if m is None else m.strftime(STAMP_FORMAT) for m in rule.moments(seeded))


@given(seeded=SIGN_INS, nows=st.lists(NOWS, min_size=1, max_size=3))
def test_stamps_equal_the_exact_rule_at_any_moment(seeded: SignIn, nows: list[datetime]) -> None:
    for now in nows:
        assert STATE.stamper(now)(seeded) == _exact(seeded, now)


def test_a_sign_in_later_today_than_now_is_written_as_now() -> None:
    seeded = SignIn(SignInKind.ACTIVE, 0, 1, 0, seconds=6 * 3600)
    state = InsightState(seed=1)
    after_midnight = datetime(2026, 1, 5, 0, 0, 0, tzinfo=timezone.utc)
    assert state.stamper(after_midnight)(seeded) == (
        "2026-01-05T00:00:00Z",
        "2026-01-04T06:00:00Z",
        "2026-01-05T00:00:00Z",
    )
    last_second = SignIn(SignInKind.ACTIVE, 0, 0, None, seconds=86_399)
    just_before = datetime(2026, 1, 5, 23, 59, 58, 999_999, tzinfo=timezone.utc)
    assert state.stamper(just_before)(last_second) == (
        "2026-01-05T23:59:58Z",
        "2026-01-05T23:59:58Z",
        None,
    )
    next_day = just_before + timedelta(seconds=2)  # the kept day text must not go stale
    assert state.stamper(next_day)(seeded)[1] == "2026-01-05T06:00:00Z"


def _activities(graph: Graph, now: datetime) -> dict[str, dict[str, Any] | None]:
    found: dict[str, dict[str, Any] | None] = {}
    url, params = "/users", {"$select": "id,signInActivity", "$top": "999"}
    while url:
        page = graph.get(url, params=params).json()
        for user in page["value"]:
            found[user["id"]] = user.get("signInActivity")
        url, params = page.get("@odata.nextLink", ""), {}
    return found


def test_served_activity_is_the_rule_for_every_user_and_none_for_users_created_later() -> None:
    now = datetime(2026, 1, 5, 9, 30, 15, tzinfo=timezone.utc)  # days-0 users on both sides
    with DemoTenant.start(users=400, seed=4) as tenant:
        tenant.insight.today = lambda: now
        graph = Graph(tenant)
        domain = graph.users()[0]["userPrincipalName"].split("@")[1]
        created = graph.post(
            "/users",
            {
                "accountEnabled": True,
                "displayName": "Nowa Osoba",
                "mailNickname": "nowa.osoba",
                "userPrincipalName": f"nowa.osoba@{domain}",
                "passwordProfile": {"password": "Pocz4tek!2025"},
            },
        ).json()["id"]
        served = _activities(graph, now)
        assert len(served) == 401 and served[created] is None
        kinds: set[SignInKind] = set()
        for user_id, activity in served.items():
            seeded = tenant.insight.sign_in(int(tenant.store.user(user_id)[0]))
            if seeded is None or seeded.kind is SignInKind.NEVER:
                assert activity is None, user_id
                continue
            kinds.add(seeded.kind)
            success, interactive, non_interactive = _exact(seeded, now)
            assert activity == {
                "lastSignInDateTime": interactive,
                "lastSignInRequestId": None,
                "lastNonInteractiveSignInDateTime": non_interactive,
                "lastNonInteractiveSignInRequestId": None,
                "lastSuccessfulSignInDateTime": success,
                "lastSuccessfulSignInRequestId": None,
            }
        assert kinds == {SignInKind.ACTIVE, SignInKind.INACTIVE, SignInKind.LEGACY}
        for user_id in [created, *list(served)[:25]]:
            one = graph.get(f"/users/{user_id}", params={"$select": "signInActivity"}).json()
            assert "id" not in one
            assert one.get("signInActivity") == served[user_id]

"""Read one tenant for insight: users (with sign-in activity when the tenant has Entra ID P1),
packages, subscriptions and, without P1, the usage report.

The users come in one listing with their licenses, creation date and sign-in activity. Graph
pages a listing that names ``signInActivity`` 120 users at a time, so that is most of the
requests however it is split. A separate ``id,signInActivity`` listing beside a 999-user one
was tried: it sends the ids twice and 100 more requests, and its two threads wait on each other
for the GIL; one listing was 0.6 s faster for 100,000 users (tests/benchmarks/bench_insights.py).
The listing goes through the parallel full read (``desktop/graph/full_read.py``) with parts only
when its first page kept us waiting (Graph, hundreds of milliseconds a page): 834 pages one
after another would take minutes there (10,000 users at 400 ms a page: 34.5 s in one listing,
6.2 s in parts); against a server that answers at once, parts only add work.
A tenant without P1 answers 403 ``Authentication_RequestFromNonPremiumTenantOrB2CTenant`` to its
first page; the users are then listed without sign-ins, 999 a page, and the usage reports supply
last activity: the active-user report and the Microsoft 365 Apps report, which also sees the
desktop Office apps. What could not be read becomes a ``SnapshotNote``, never a silent gap. See
``docs/graph-facts.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any

from desktop.cancel import CancelToken
from desktop.collection_pause import collection_paused
from desktop.graph.client import MAX_PAGE_SIZE, USER_SELECT, GraphClient
from desktop.graph.errors import GraphError, LicenseDeskError, PermissionDeniedError
from desktop.graph.full_read import read_all_users_in_parts
from desktop.graph.priority import Priority
from desktop.graph.records import Sku, User
from desktop.insight.moments import parse_moment
from desktop.insight.records import (
    SignInActivity,
    SnapshotNote,
    Subscription,
    TenantSnapshot,
    UsageReport,
)
from desktop.insight.usage import (
    ACTIVE_USER_DETAIL,
    APP_USER_DETAIL,
    parse_active_user_detail,
    parse_app_user_detail,
)
from desktop.quick_records import positional_builder

NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant"
PLAIN_SELECT = f"{USER_SELECT},createdDateTime"
# Graph's largest page when signInActivity is selected, whatever $top asks (docs/graph-facts.md).
SIGN_IN_PAGE_SIZE = 120
SIGN_IN_SELECT = f"{PLAIN_SELECT},signInActivity"
DEFAULT_PERIOD = "D180"  # the longest window: last activity up to half a year back

ProgressCallback = Callable[[int], None]  # users read so far


NEVER_SIGNED_IN = SignInActivity()  # immutable: one for every user without a sign-in
# One for every other user: built as SignInActivity(...) builds it, in 60% of the time.
_sign_in_activity: Callable[[datetime | None, datetime | None, datetime | None], SignInActivity] = (
    positional_builder(SignInActivity)
)


def _sign_in(item: dict[str, Any]) -> SignInActivity:
    raw = item.get("signInActivity")
    if not isinstance(raw, dict):
        return NEVER_SIGNED_IN  # Graph leaves the property out
    successful = raw.get("lastSuccessfulSignInDateTime")
    interactive = raw.get("lastSignInDateTime")
    non_interactive = raw.get("lastNonInteractiveSignInDateTime")
    if successful is None and interactive is None and non_interactive is None:
        return NEVER_SIGNED_IN
    last_successful = parse_moment(successful)
    # Most sign-ins are interactive and succeed: both stamps are then the same text.
    return _sign_in_activity(
        last_successful,
        last_successful if interactive == successful else parse_moment(interactive),
        parse_moment(non_interactive),
    )


def _list_users(
    client: GraphClient,
    select: str,
    *,
    snapshot_users: list[Any],
    created: dict[str, datetime | None],
    sign_ins: dict[str, SignInActivity] | None,
    cancel: CancelToken | None,
    on_progress: ProgressCallback | None,
    priority: Priority,
) -> None:
    """Every user with the properties ``select`` names, into the given collections
    (``sign_ins`` only when ``select`` names ``signInActivity``): in parallel parts when the
    tenant answers slowly, else page after page."""

    def collect(users: list[User], items: list[Any]) -> None:
        for user, item in zip(users, items, strict=True):
            user_id = user.id
            created[user_id] = parse_moment(item.get("createdDateTime"))
            if sign_ins is not None:
                sign_ins[user_id] = _sign_in(item)

    shown = 0

    def progress(page: list[User]) -> None:
        nonlocal shown  # one page at a time: the reader calls this under its lock
        shown += len(page)
        if on_progress is not None:
            on_progress(shown)

    found = read_all_users_in_parts(
        client, on_page=progress, cancel=cancel, priority=priority,
        page_size=SIGN_IN_PAGE_SIZE if sign_ins is not None else MAX_PAGE_SIZE,
        select=select, on_items=collect, parts_only_when_waiting=True,
    )  # fmt: skip
    snapshot_users.extend(found.users)


def _read_users(
    client: GraphClient,
    *,
    users: list[Any],
    created: dict[str, datetime | None],
    notes: list[SnapshotNote],
    cancel: CancelToken | None,
    on_progress: ProgressCallback | None,
    priority: Priority,
) -> dict[str, SignInActivity] | None:
    """The users, with every user's sign-in activity by id when the tenant has Entra ID P1/P2
    and the caller may read it; else None, the users listed without it, and a note why."""
    sign_ins: dict[str, SignInActivity] = {}
    try:
        _list_users(
            client, SIGN_IN_SELECT, snapshot_users=users, created=created, sign_ins=sign_ins,
            cancel=cancel, on_progress=on_progress, priority=priority,
        )  # fmt: skip
        return sign_ins
    except GraphError as error:
        if error.code == NON_PREMIUM:
            notes.append(SnapshotNote.NO_PREMIUM_USING_REPORT)
        elif isinstance(error, PermissionDeniedError):
            # Not the missing licence but a missing permission or role: say so, and use the
            # usage report as a tenant without P1 would.
            notes.append(SnapshotNote.SIGN_INS_DENIED)
        else:
            raise
    users.clear()
    created.clear()
    _list_users(
        client, PLAIN_SELECT, snapshot_users=users, created=created, sign_ins=None,
        cancel=cancel, on_progress=on_progress, priority=priority,
    )  # fmt: skip
    return None


def _subscriptions(
    client: GraphClient, cancel: CancelToken | None, priority: Priority
) -> list[Subscription]:
    found: list[Subscription] = []
    pages = client.pages(
        "/directory/subscriptions", what="subscriptions", cancel=cancel, priority=priority
    )
    for items in pages:
        for item in items:
            if not isinstance(item, dict):
                continue
            found.append(
                Subscription(
                    id=str(item.get("id") or ""),
                    sku_id=str(item.get("skuId") or "").lower(),
                    sku_part_number=str(item.get("skuPartNumber") or ""),
                    status=str(item.get("status") or ""),
                    total_licenses=int(item.get("totalLicenses") or 0),
                    is_trial=bool(item.get("isTrial")),
                    created=parse_moment(item.get("createdDateTime")),
                    next_lifecycle=parse_moment(item.get("nextLifecycleDateTime")),
                )
            )
    return found


def read_report_settings(client: GraphClient, priority: Priority = Priority.LOW) -> bool | None:
    """Whether the reports conceal names; None when the setting cannot be read (the reports
    themselves then show whether their names are hashed)."""
    try:
        settings = client.get_json(
            "/admin/reportSettings", what="report settings", priority=priority
        )
    except GraphError:
        return None
    return bool(settings.get("displayConcealedNames"))


def read_usage_report(
    client: GraphClient,
    period: str = DEFAULT_PERIOD,
    priority: Priority = Priority.LOW,
    *,
    concealed: bool | None = None,
) -> UsageReport:
    """The active-user report with names matched or, when concealed, marked so (and left
    unmatched). ``concealed``: the report setting, when already read."""
    if concealed is None:
        concealed = read_report_settings(client, priority)
    content = client.download_redirected_report("/" + ACTIVE_USER_DETAIL.format(period=period))
    return parse_active_user_detail(content, concealed_setting=concealed)


def read_app_usage_report(client: GraphClient, period: str, concealed: bool | None) -> UsageReport:
    """The Microsoft 365 Apps report, by the same rules."""
    content = client.download_redirected_report("/" + APP_USER_DETAIL.format(period=period))
    return parse_app_user_detail(content, concealed_setting=concealed)


def _read_reports(
    client: GraphClient, period: str, priority: Priority, notes: list[SnapshotNote]
) -> tuple[UsageReport | None, UsageReport | None]:
    """Both usage reports; what cannot be read becomes a note, the other is still used."""
    concealed = read_report_settings(client, priority)
    usage: UsageReport | None = None
    app_usage: UsageReport | None = None
    try:
        usage = read_usage_report(client, period, priority, concealed=concealed)
    except LicenseDeskError:
        notes.append(SnapshotNote.REPORT_UNREADABLE)
    try:
        app_usage = read_app_usage_report(client, period, concealed)
    except LicenseDeskError:
        notes.append(SnapshotNote.APPS_REPORT_UNREADABLE)
    if any(report is not None and report.concealed for report in (usage, app_usage)):
        notes.append(SnapshotNote.NAMES_CONCEALED)
    return usage, app_usage


@collection_paused()  # what is read lives on: collecting finds nothing
def read_snapshot(
    client: GraphClient,
    *,
    now: datetime | None = None,
    period: str = DEFAULT_PERIOD,
    cancel: CancelToken | None = None,
    on_progress: ProgressCallback | None = None,
    priority: Priority = Priority.LOW,
) -> TenantSnapshot:
    """``priority``: a snapshot is background work, so Graph may throttle it first
    (docs/graph-facts.md, "Throttling and retries")."""
    taken_at = now or datetime.now(timezone.utc)
    users: list[Any] = []
    created: dict[str, datetime | None] = {}
    sign_in_notes: list[SnapshotNote] = []
    notes: list[SnapshotNote] = []
    # Packages and subscriptions are one request each: read them while the users come.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="insight-packages") as pool:
        reading_skus = pool.submit(client.list_skus, priority=priority)
        reading_subscriptions = pool.submit(_subscriptions, client, cancel, priority)
        sign_ins = _read_users(
            client, users=users, created=created, notes=sign_in_notes, cancel=cancel,
            on_progress=on_progress, priority=priority,
        )  # fmt: skip
        skus = reading_skus.result()
        try:
            subscriptions = reading_subscriptions.result()
        except GraphError:
            subscriptions = []
            notes.append(SnapshotNote.SUBSCRIPTIONS_UNREADABLE)
    # A refused permission is said first; the missing licence after what else went unread.
    if SnapshotNote.SIGN_INS_DENIED in sign_in_notes:
        notes.insert(0, SnapshotNote.SIGN_INS_DENIED)
    else:
        notes.extend(sign_in_notes)
    usage: UsageReport | None = None
    app_usage: UsageReport | None = None
    if sign_ins is None:
        usage, app_usage = _read_reports(client, period, priority, notes)
    return TenantSnapshot(
        taken_at=taken_at,
        users=users,
        skus=skus,
        created=created,
        sign_ins=sign_ins,
        usage=usage,
        app_usage=app_usage,
        subscriptions=subscriptions,
        tenant_id=skus[0].account_id if skus else "",
        notes=list(notes),
    )


def read_subscriptions(
    client: GraphClient,
) -> tuple[list[Subscription] | None, list[Sku], datetime]:
    """Subscriptions (None when they cannot be read), packages and the moment of reading."""
    now = datetime.now(timezone.utc)
    skus = client.list_skus()
    try:
        return _subscriptions(client, None, Priority.NORMAL), skus, now
    except GraphError:
        return None, skus, now

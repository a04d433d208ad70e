"""The check: a plan against a fresh view of the tenant, before anything is sent.

Pure: it reads records and writes problems. Fetching the view is ``fresh_view.py``'s job.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.countries import is_country_code
from desktop.graph.records import AssignedLicense, User
from desktop.licensing.check_groups import GroupChecks, Tally
from desktop.licensing.describe import with_message
from desktop.licensing.state import has_mailbox, holdings_after, is_empty, same_plans
from desktop.licensing.tenant_slice import TenantSlice
from desktop.licensing.types import (
    CheckedPlan,
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    SeatNeed,
    Severity,
    UserChange,
)


class _Checker(GroupChecks):
    def __init__(self, view: TenantSlice, default_usage_location: str | None) -> None:
        self.view = view
        self.skus = view.skus
        self.default = default_usage_location.strip().upper() if default_usage_location else None
        self.problems: list[Problem] = []
        self.tally = Tally()
        self.before: dict[str, User] = {}
        self.seen: set[str] = set()
        self.kind: PlanKind | None = None

    # -- recording -----------------------------------------------------------------------
    def problem(
        self,
        kind: ProblemKind,
        severity: Severity,
        user: str | None,
        **details: object,
    ) -> None:
        self.problems.append(with_message(Problem(kind, severity, user, dict(details)), self.skus))

    def blocking(self, key: str) -> bool:
        return any(p.user == key and p.severity is Severity.BLOCKING for p in self.problems)

    # -- pieces shared by updates and creates ----------------------------------------------
    def usage_code(self, key: str, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if not is_country_code(code):
            self.problem(
                ProblemKind.INVALID_USAGE_LOCATION,
                Severity.BLOCKING,
                key,
                value=value,
            )
            return None
        return code

    def license_problems(self, key: str, lic: AssignedLicense) -> bool:
        """Report why ``lic`` cannot be assigned; True when it can."""
        sku = self.skus.get(lic.sku_id)
        if sku is None:
            self.problem(
                ProblemKind.UNKNOWN_SKU,
                Severity.BLOCKING,
                key,
                sku_id=lic.sku_id,
            )
            return False
        ok = True
        if not sku.assignable_to_users:
            self.problem(
                ProblemKind.SKU_NOT_ASSIGNABLE,
                Severity.BLOCKING,
                key,
                sku_id=sku.sku_id,
                status=sku.capability_status,
                applies_to=sku.applies_to,
            )
            ok = False
        known = {p.lower() for p in sku.plan_ids()}
        for plan_id in lic.disabled_plans:
            if plan_id.lower() not in known:
                self.problem(
                    ProblemKind.UNKNOWN_PLAN,
                    Severity.BLOCKING,
                    key,
                    sku_id=sku.sku_id,
                    plan_id=plan_id,
                )
                ok = False
        return ok

    def needs_location(self, key: str, has_location: bool) -> str | None:
        """A license is being added: return the usage location to set, if one must be."""
        if has_location:
            return None
        if self.default is not None:
            return self.default
        self.problem(
            ProblemKind.MISSING_USAGE_LOCATION,
            Severity.BLOCKING,
            key,
        )
        return None

    # -- one change -------------------------------------------------------------------------
    def duplicate(self, key: str, user: User | None) -> bool:
        names = {key.strip().lower()}
        if user is not None:
            names |= {user.id.lower(), user.user_principal_name.lower()}
        if names & self.seen:
            self.problem(
                ProblemKind.DUPLICATE_USER,
                Severity.BLOCKING,
                key,
            )
            return True
        self.seen |= names
        return False

    def check_create(self, change: UserChange) -> UserChange | None:
        key = change.user
        assert change.create is not None
        existing = self.view.user(key)
        if existing is not None:
            self.problem(
                ProblemKind.USER_EXISTS,
                Severity.BLOCKING,
                key,
                existing_id=existing.id,
                upn=existing.user_principal_name,
            )
        location = self.usage_code(key, change.usage_location or change.create.usage_location)
        adds = [lic for lic in change.add if self.license_problems(key, lic)]
        if change.add and location is None and not self.blocking(key):
            location = self.needs_location(key, False)
        if self.blocking(key):
            return None
        for lic in adds:
            self.tally.gained[lic.sku_id] += 1
        new_user = replace(change.create, usage_location=location)
        return replace(change, create=new_user, usage_location=location)

    def check_delete(self, change: UserChange, user: User | None) -> UserChange | None:
        if user is None:
            self.problem(
                ProblemKind.NOTHING_TO_DO,
                Severity.SKIP,
                change.user,
                gone=True,
            )
            return None
        for lic in user.holdings:
            if user.direct_license(lic.sku_id) is not None and not user.groups_granting(lic.sku_id):
                self.tally.freed[lic.sku_id] += 1
        return change

    def check_update(self, change: UserChange, user: User | None) -> UserChange | None:
        key = change.user
        if user is None:
            self.problem(
                ProblemKind.UNKNOWN_USER,
                Severity.BLOCKING,
                key,
            )
            return None
        location = self.usage_code(key, change.usage_location)
        if location is not None and (user.usage_location or "").upper() == location:
            location = None
        enabled = change.account_enabled
        if enabled is not None and enabled == user.account_enabled:
            enabled = None
        if self.kind is PlanKind.REMOVE_COVERED:
            change = replace(
                change, remove=tuple(s for s in change.remove if self.covered(key, user, s))
            )
        added = {lic.sku_id for lic in change.add}
        removes = self.removals(key, change, user, added)
        adds = self.additions(key, change, user)
        joins = self.joins(key, change.join_groups, user)
        leaves = self.leaves(key, change.leave_groups, user)
        if adds and not self.blocking(key):
            location = location or self.needs_location(key, bool(user.usage_location))
        effective = replace(
            change,
            add=tuple(adds),
            remove=tuple(removes),
            usage_location=location,
            account_enabled=enabled,
            clear_usage_location=change.clear_usage_location and user.usage_location is not None,
            join_groups=tuple(joins),
            leave_groups=tuple(leaves),
        )
        kept = False
        if effective.clear_usage_location and holdings_after(user, effective):
            # A user who keeps a license must keep a usage location: said, never silent.
            effective = replace(effective, clear_usage_location=False)
            kept = True
            self.location_kept(key, user, effective)
        if self.blocking(key):
            return None
        if effective.account_enabled is False and user.on_premises_sync_enabled:
            self.problem(ProblemKind.SYNC_UNDOES_BLOCK, Severity.WARNING, key)
        if is_empty(effective):
            if not kept:
                self.problem(ProblemKind.NOTHING_TO_DO, Severity.SKIP, key)
            return None
        self.count_seats(user, effective)
        lost = self.group_effects(key, user, effective)
        self.mailbox_warning(key, user, effective, lost)
        return effective

    def location_kept(self, key: str, user: User, change: UserChange) -> None:
        """Why the usage location stays: the licenses the user keeps, and the groups that
        give them (Graph refuses a license to a user without a usage location)."""
        kept = holdings_after(user, change)
        sku_ids = list(dict.fromkeys(lic.sku_id for lic in kept))
        group_ids = list(
            dict.fromkeys(g for sku_id in sku_ids for g in user.groups_granting(sku_id))
        )
        names = [self.view.group_names.get(g, g) for g in group_ids]
        self.problem(
            ProblemKind.USAGE_LOCATION_KEPT,
            Severity.SKIP,
            key,
            usage_location=user.usage_location,
            sku_ids=sku_ids,
            group_ids=group_ids,
            group_names=names,
        )

    def removals(self, key: str, change: UserChange, user: User, added: set[str]) -> list[str]:
        removes: list[str] = []
        for sku_id in change.remove:
            if sku_id in added:
                self.problem(
                    ProblemKind.CONFLICTING_CHANGE,
                    Severity.BLOCKING,
                    key,
                    sku_id=sku_id,
                )
                continue
            if user.direct_license(sku_id) is not None:
                removes.append(sku_id)
                continue
            groups = user.groups_granting(sku_id)
            if groups:
                names = [self.view.group_names.get(g, g) for g in groups]
                self.problem(
                    ProblemKind.INHERITED_FROM_GROUP,
                    Severity.BLOCKING,
                    key,
                    sku_id=sku_id,
                    group_id=groups[0],
                    group_name=names[0],
                    group_ids=list(groups),
                    group_names=names,
                )
            elif sku_id not in self.skus:
                self.problem(
                    ProblemKind.UNKNOWN_SKU,
                    Severity.BLOCKING,
                    key,
                    sku_id=sku_id,
                )
            else:
                self.problem(
                    ProblemKind.ALREADY_LACKS,
                    Severity.SKIP,
                    key,
                    sku_id=sku_id,
                )
        return removes

    def additions(self, key: str, change: UserChange, user: User) -> list[AssignedLicense]:
        adds: list[AssignedLicense] = []
        for lic in change.add:
            held = user.direct_license(lic.sku_id)
            if (
                held is not None
                and same_plans(held.disabled_plans, lic.disabled_plans)
                and lic.sku_id in self.skus
            ):
                self.problem(
                    ProblemKind.ALREADY_HAS,
                    Severity.SKIP,
                    key,
                    sku_id=lic.sku_id,
                    disabled_plans=list(lic.disabled_plans),
                )
                continue
            if self.license_problems(key, lic):
                adds.append(lic)
        return adds

    def count_seats(self, user: User, change: UserChange) -> None:
        held = user.sku_ids
        for lic in change.add:
            if lic.sku_id not in held:
                self.tally.gained[lic.sku_id] += 1
        for sku_id in change.remove:
            if not user.groups_granting(sku_id):
                self.tally.freed[sku_id] += 1

    def mailbox_warning(
        self, key: str, user: User, change: UserChange, lost: list[str] | None = None
    ) -> None:
        if not has_mailbox(user.holdings, self.skus):
            return
        if has_mailbox(holdings_after(user, change), self.skus):
            return
        self.problem(
            ProblemKind.MAILBOX_WARNING,
            Severity.WARNING,
            key,
            sku_ids=list(dict.fromkeys([*change.remove, *(lost or ())])),
        )

    # -- whole plan ---------------------------------------------------------------------------
    def seat_needs(self) -> list[SeatNeed]:
        needs: list[SeatNeed] = []
        for sku_id, gained in sorted(self.tally.gained.items()):
            sku = self.skus[sku_id]
            needed = max(0, gained - self.tally.freed[sku_id])
            need = SeatNeed(sku_id, needed, sku.free)
            needs.append(need)
            if need.short:
                self.problem(
                    ProblemKind.NOT_ENOUGH_SEATS,
                    Severity.BLOCKING,
                    None,
                    sku_id=sku_id,
                    needed=needed,
                    free=sku.free,
                    gained=gained,
                    freed=self.tally.freed[sku_id],
                )
        return needs

    def run(self, plan: Plan) -> CheckedPlan:
        self.kind = plan.kind
        if self.default is not None and not is_country_code(self.default):
            self.problem(
                ProblemKind.INVALID_USAGE_LOCATION,
                Severity.BLOCKING,
                None,
                value=self.default,
            )
            self.default = None
        effective: list[UserChange] = []
        for change in plan.changes:
            user = None if change.create is not None else self.view.user(change.user)
            if user is not None:
                self.before[change.user] = user
            if self.duplicate(change.user, user):
                continue
            if change.create is not None:
                result = self.check_create(change)
            elif change.on_group:
                result = self.check_group(change, user)
            elif change.delete:
                result = self.check_delete(change, user)
            else:
                result = self.check_update(change, user)
            if result is not None:
                effective.append(result)
        seats = self.seat_needs()
        return CheckedPlan(
            plan=plan,
            effective=replace(plan, changes=tuple(effective)),
            problems=tuple(self.problems),
            seats=tuple(seats),
            before=self.before,
        )


def check_plan(
    plan: Plan, view: TenantSlice, *, default_usage_location: str | None = None
) -> CheckedPlan:
    """Find every problem in ``plan`` against ``view``; ``effective`` keeps what will be sent."""
    return _Checker(view, default_usage_location).run(plan)

"""Reclaim: from findings to a plan that removes the wasted licenses, and back again.

The plan is an ordinary "remove licenses" plan (``PlanKind.REMOVE``), so it is checked,
previewed (the check warns where Exchange goes and the mailbox will be deleted later), applied,
journaled and undone like every other. A license a user inherits from a group cannot be removed
from the user: the plan removes the user from the group(s) that give it instead (and the direct
copy too, when the user also holds one), and the check says what else leaving the group takes
away. Licenses of a package that can no longer be assigned (suspended, locked out)
stay too, said with the engine's "cannot be assigned" phrase: undo could not put them back.
``restore_plan`` undoes one user of a reclaim run: exactly what was removed
comes back, with the apps that were turned off still off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from desktop.graph.errors import LicenseDeskError
from desktop.graph.records import SKU_ENABLED, STATUSES_THAT_GIVE_SEATS, Sku, User
from desktop.insight.findings import Finding, FindingKind
from desktop.insight.money import Money, totals
from desktop.insight.prices import PriceBook
from desktop.licensing.controller import LicenseController
from desktop.licensing.phrases import Phrase, Say, Weight
from desktop.licensing.types import CheckedPlan, GroupRef, Plan, PlanKind, UserChange

COUNT_VIOLATION = "CountViolation"


class NothingToRestoreError(LicenseDeskError):
    """The run did not change that user."""


RECLAIMABLE = (FindingKind.BLOCKED, FindingKind.NEVER, FindingKind.INACTIVE, FindingKind.OVERLAP)


@dataclass(frozen=True, slots=True)
class Reclaim:
    plan: Plan  # remove licenses, one change per user (keyed by user id)
    removed: int  # licenses the plan removes
    saves: tuple[Money, ...]  # per currency, a month
    unpriced: tuple[str, ...]  # part numbers removed that have no price
    left_alone: tuple[Phrase, ...]  # of a package that cannot come back
    parts: Mapping[str, str]  # sku id -> part number, for the saving
    warnings: tuple[Phrase, ...] = ()  # freed seats that group members waiting will take


def amounts_text(amounts: Sequence[Money]) -> str:
    """ "97.00 PLN + 12.00 EUR": the value of a ``SAVES_PER_MONTH`` phrase."""
    return " + ".join(f"{m.amount:.2f} {m.currency}" for m in amounts) or "0.00"


def waiting_for_seats(users: Iterable[User]) -> dict[str, int]:
    """Per package, group members whose group license waits for a seat (CountViolation): Graph
    hands them the seats a reclaim frees."""
    waiting: dict[str, int] = {}
    for user in users:
        for state in user.license_assignment_states:
            if state.assigned_by_group and state.error == COUNT_VIOLATION:
                waiting[state.sku_id] = waiting.get(state.sku_id, 0) + 1
    return waiting


def reclaim_plan(
    findings: Iterable[Finding],
    prices: PriceBook,
    skus: Sequence[Sku],
    *,
    waiting: Mapping[str, int] | None = None,
    kinds: Sequence[FindingKind] = RECLAIMABLE,
    group_names: Mapping[str, str] | None = None,
) -> Reclaim:
    names = group_names or {}
    status = {sku.sku_id: sku.capability_status for sku in skus}
    removals: dict[str, list[str]] = {}
    leaves: dict[str, dict[str, GroupRef]] = {}  # user -> the groups to leave, by id
    through_groups: dict[str, list[str]] = {}  # user -> packages reclaimed by leaving groups
    parts: dict[str, str] = {}
    left_alone: list[Phrase] = []
    for finding in findings:
        if finding.kind not in kinds or finding.user_id is None:
            continue
        inherited = dict(finding.inherited)
        for sku_id, part in zip(finding.sku_ids, finding.part_numbers, strict=True):
            parts[sku_id] = part
            groups = inherited.get(sku_id)
            if status.get(sku_id, SKU_ENABLED) not in STATUSES_THAT_GIVE_SEATS:
                left_alone.append(
                    Phrase(
                        Say.PACKAGE_NOT_ACTIVE,
                        Weight.WARNING,
                        users=(finding.user_id,),
                        packages=(sku_id,),
                        value=status[sku_id],
                    )
                )
                continue
            held = removals.setdefault(finding.user_id, [])
            if groups:
                leaving = leaves.setdefault(finding.user_id, {})
                leaving.update({g: GroupRef(g, names.get(g, g)) for g in groups})
                reclaimed = through_groups.setdefault(finding.user_id, [])
                if sku_id not in reclaimed:
                    reclaimed.append(sku_id)
                if sku_id not in finding.also_direct:
                    continue
            if sku_id not in held:
                held.append(sku_id)
    users = list(dict.fromkeys([*removals, *leaves]))
    changes = tuple(
        UserChange(
            user=u,
            remove=tuple(removals.get(u, ())),
            leave_groups=tuple(leaves.get(u, {}).values()),
        )
        for u in users
        if removals.get(u) or leaves.get(u)
    )
    # A seat comes back once per package the user no longer holds, however it was held.
    removed_parts = [
        parts[s]
        for c in changes
        for s in dict.fromkeys([*c.remove, *through_groups.get(c.user, ())])
    ]
    priced = [p for part in removed_parts if (p := prices.price(part)) is not None]
    missing = sorted({part for part in removed_parts if prices.price(part) is None})
    saves = tuple(Money(a, c) for c, a in totals(priced).items())
    removed_skus = sorted(
        {s for c in changes for s in (*c.remove, *through_groups.get(c.user, ()))}
    )
    warnings = tuple(
        Phrase(Say.SEATS_GO_TO_GROUP, Weight.WARNING, packages=(sku,), count=(waiting or {})[sku])
        for sku in removed_skus
        if (waiting or {}).get(sku)
    )
    return Reclaim(
        Plan(PlanKind.REMOVE, changes),
        len(removed_parts),
        saves,
        tuple(missing),
        tuple(left_alone),
        parts,
        warnings,
    )


def saving_phrase(reclaim: Reclaim) -> Phrase:
    return Phrase(Say.SAVES_PER_MONTH, count=reclaim.removed, value=amounts_text(reclaim.saves))


def restore_plan(controller: LicenseController, run_id: str, user: str) -> CheckedPlan:
    """Undo one user of a run (by id or user principal name): the run's undo, narrowed to them."""
    whole = controller.undo_plan(run_id)
    wanted = user.casefold()
    keys = {
        key
        for key, before in whole.before.items()
        if wanted in (key.casefold(), before.id.casefold(), before.user_principal_name.casefold())
    } | {c.user for c in whole.plan.changes if c.user.casefold() == wanted}
    if not keys:
        raise NothingToRestoreError(f"{user} was not changed by run {run_id}: nothing to restore.")
    narrowed = replace(whole.plan, changes=tuple(c for c in whole.plan.changes if c.user in keys))
    checked = controller.check(narrowed)
    notes = tuple(p for p in whole.problems if p.user in keys and p not in checked.problems)
    return replace(checked, problems=checked.problems + notes)

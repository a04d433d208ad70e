"""Service plans that cannot be on together, and plans that need another: what makes a group
license fail for a member (MutuallyExclusiveViolation, DependencyViolation) even though Graph
accepts the group's change (docs/graph-facts.md, "Groups and group-based licensing").

The check warns before sending: for a group's new license, how many members it would fail for;
for a user joining a licensed group, whether it would fail for them. Only the rules listed here
are known (the table in ``plan_conflicts.py``, shared with the demo tenant); Microsoft has more,
so a warning is a floor, not a promise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.graph.records import AssignedLicense, Sku
from desktop.licensing.error_fixes import DEPENDENCY, MUTUALLY_EXCLUSIVE
from desktop.licensing.plan_conflicts import DEPENDENCIES, EXCLUSIVE_PAIRS

__all__ = ["DEPENDENCY", "MUTUALLY_EXCLUSIVE", "grant_error"]


def _enabled(licenses: Iterable[AssignedLicense], skus: Mapping[str, Sku]) -> set[str]:
    names: set[str] = set()
    for lic in licenses:
        sku = skus.get(lic.sku_id)
        off = {p.lower() for p in lic.disabled_plans}
        for plan in sku.service_plans if sku else ():
            if plan.service_plan_id.lower() not in off:
                names.add(plan.service_plan_name.upper())
    return names


def _broken(names: set[str]) -> set[str]:
    found: set[str] = set()
    for first, second in EXCLUSIVE_PAIRS:
        if first in names and second in names:
            found.add(MUTUALLY_EXCLUSIVE)
    for plan, needs in DEPENDENCIES.items():
        if plan in names and not any(n in names for n in needs):
            found.add(DEPENDENCY)
    return found


def grant_error(
    grant: AssignedLicense, others: Iterable[AssignedLicense], skus: Mapping[str, Sku]
) -> str | None:
    """The rule ``grant`` would break against the member's ``others`` (their active licenses
    from every other source), or None. A rule already broken without it is not its fault."""
    kept = list(others)
    before = _broken(_enabled(kept, skus))
    after = _broken(_enabled([*kept, grant], skus)) - before
    if MUTUALLY_EXCLUSIVE in after:
        return MUTUALLY_EXCLUSIVE
    return DEPENDENCY if after else None

"""Microsoft's rules between service plans that group-based licensing reports as
MutuallyExclusiveViolation and DependencyViolation (docs/graph-facts.md, "Groups and group-based
licensing"), by plan name: the engine uses them to say which app to turn off, and the demo
tenant to raise the errors, so both follow one table.
"""

from __future__ import annotations

# Exchange Online Plan 1 and Plan 2: Microsoft says they no longer conflict (docs/graph-facts.md,
# "Groups and group-based licensing"); kept as the demo's one conflict between real SKUs.
EXCLUSIVE_PAIRS: tuple[tuple[str, str], ...] = (("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE"),)
# Office for the web needs SharePoint (either SharePoint plan will do).
DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "SHAREPOINTWAC": ("SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE"),
}


def conflicting_names(enabled: frozenset[str]) -> frozenset[str]:
    """Plan names that cannot be on beside any of ``enabled`` (plan names)."""
    found: set[str] = set()
    for first, second in EXCLUSIVE_PAIRS:
        if first in enabled:
            found.add(second)
        if second in enabled:
            found.add(first)
    return frozenset(found)

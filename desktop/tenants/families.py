"""Package families: the overview adds seats up per family (a partner compares "Microsoft 365
Business" across customers, whichever of Basic, Standard or Premium each bought)."""

from __future__ import annotations

# Part-number prefixes, longest first where they overlap; the rest are "Other".
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("O365_BUSINESS", "Microsoft 365 Business"),
    ("SPB", "Microsoft 365 Business"),
    ("SMB_BUSINESS", "Microsoft 365 Business"),
    ("SPE_", "Microsoft 365 Enterprise"),
    ("ENTERPRISE", "Office 365 Enterprise"),
    ("STANDARDPACK", "Office 365 Enterprise"),
    ("DESKLESSPACK", "Office 365 Enterprise"),
    ("EXCHANGE", "Exchange Online"),
    ("POWER_BI", "Power Platform"),
    ("FLOW", "Power Platform"),
    ("POWERAPPS", "Power Platform"),
    ("TEAMS", "Teams"),
    ("VISIO", "Visio and Project"),
    ("PROJECT", "Visio and Project"),
)
OTHER = "Other"
# Every label family_of gives (the window translates each: ui/tenants/words.py).
FAMILIES: tuple[str, ...] = (*dict.fromkeys(family for _, family in _FAMILIES), OTHER)


def family_of(part_number: str) -> str:
    upper = part_number.upper()
    for prefix, family in _FAMILIES:
        if upper.startswith(prefix):
            return family
    return OTHER

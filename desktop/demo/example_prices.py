"""Example monthly prices (PLN, net, per seat) the demo tenant ships, so insight shows costs
out of the box. Roughly Microsoft's Polish list prices in 2025; Extra File Storage (priced per
GB) is left without a price on purpose, to show how an unpriced package is flagged."""

from __future__ import annotations

EXAMPLE_PRICES: dict[str, tuple[str, str]] = {
    "O365_BUSINESS_ESSENTIALS": ("25.30", "PLN"),
    "O365_BUSINESS_PREMIUM": ("52.70", "PLN"),
    "SPB": ("92.80", "PLN"),
    "ENTERPRISEPACK": ("97.00", "PLN"),
    "EXCHANGESTANDARD": ("16.90", "PLN"),
    "POWER_BI_STANDARD": ("0", "PLN"),
    "FLOW_FREE": ("0", "PLN"),
}

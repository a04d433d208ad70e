"""What the insight subcommands share: reading the tenant and its own prices and keep marks."""

from __future__ import annotations

import argparse

from desktop.auth.write_access import ensure_access
from desktop.commands.bad_input import refusing
from desktop.graph.client import GraphClient
from desktop.insight.needed_scopes import insight_scopes
from desktop.insight.prices import PriceError
from desktop.insight.tenant_data import TenantData, read, tenant_data, tenant_id_of


def positive_days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days") from None
    if not 1 <= value <= 3650:
        raise argparse.ArgumentTypeError("the number of days must be between 1 and 3650")
    return value


def ensure_insight_access(client: GraphClient) -> None:
    """Before reading: a signed-in account that never granted insight's reads ends the command
    with what to run (``ConsentRequiredError``, worded by ``flow.handles_errors``)."""
    ensure_access(client.tokens, insight_scopes())


# A price file or amount that cannot be read: one line saying what to fix, exit 2.
refuses_bad_prices = refusing(PriceError)


__all__ = [
    "TenantData",
    "ensure_insight_access",
    "positive_days",
    "read",
    "refuses_bad_prices",
    "tenant_data",
    "tenant_id_of",
]

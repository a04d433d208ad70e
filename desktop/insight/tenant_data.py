"""A tenant's own insight data (prices, keep marks) and reading everything insight needs;
shared by the command line and the window."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import urlsplit

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.records import Sku
from desktop.insight.history import SeatCount, load_history, record_seats
from desktop.insight.keep import KeepList, load_keep
from desktop.insight.prices import PriceBook, load_prices
from desktop.insight.records import TenantSnapshot
from desktop.insight.snapshot import read_snapshot
from desktop.insight.storage import tenant_data_dir

log = logging.getLogger(__name__)


def is_demo(client: GraphClient) -> bool:
    """Graph never answers on this computer: a loopback URL is the demo tenant."""
    host = urlsplit(client.base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def default_prices(client: GraphClient) -> PriceBook | None:
    return PriceBook.from_mapping(EXAMPLE_PRICES) if is_demo(client) else None


def tenant_id_of(client: GraphClient) -> str:
    return client.get_organization().id


@dataclass(frozen=True, slots=True)
class TenantData:
    folder: Path
    prices: PriceBook
    keep: KeepList
    history: list[SeatCount] = field(default_factory=list)


def tenant_data(client: GraphClient, tenant_id: str, root: Path | None = None) -> TenantData:
    """``root``: the app's data folder when it is not ``app_data_dir()`` (the window's)."""
    folder = tenant_data_dir(tenant_id, root)
    return TenantData(
        folder, load_prices(folder, default_prices(client)), load_keep(folder), load_history(folder)
    )


def read(client: GraphClient, root: Path | None = None) -> tuple[TenantSnapshot, TenantData]:
    """The snapshot and the tenant's own data; records today's seats for the trend."""
    snapshot = read_snapshot(client)
    data = tenant_data(client, snapshot.tenant_id or tenant_id_of(client), root)
    history = record_seats(data.folder, snapshot.skus, snapshot.taken_at.date())
    return snapshot, replace(data, history=history)


def record_tenant_seats(skus: list[Sku], root: Path | None = None) -> None:
    """Today's seats for the trend, each time a tenant is loaded. A failure to write the
    history never stops the loading: it is only a trend."""
    if not skus or not skus[0].account_id:
        return
    try:
        record_seats(tenant_data_dir(skus[0].account_id, root), skus, date.today())
    except OSError:
        log.warning("Could not record today's seats for the trend", exc_info=True)

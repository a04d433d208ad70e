"""Each tenant's own settings: default usage location, packages left out of the overview and
the audit, and how much waste flags the tenant as needing action. Prices and their currency are
insight's (``insight/prices.py``), in the same private folder (``insight/storage.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.insight.storage import tenant_data_dir, write_private

SETTINGS_FILE = "settings.json"
# "Much waste": the month's waste (free seats, and licenses of blocked, inactive or never
# signed-in people) reaches this percentage of what the tenant's licenses cost. Half the bill:
# a partner's customers are small, where the few spare seats kept for joiners are already a large
# share of it, and the flag is for a tenant paying mostly for nothing; the Waste column shows
# and sorts every amount. Lower it for a tenant watched closely.
DEFAULT_WASTE_ALERT_PERCENT = 50


class SettingsError(ValueError):
    """The settings file cannot be read; the text says which file and what to do."""


@dataclass(frozen=True, slots=True)
class TenantSettings:
    default_usage_location: str | None = None
    excluded_packages: frozenset[str] = frozenset()  # part numbers, upper case
    waste_alert_percent: int = DEFAULT_WASTE_ALERT_PERCENT  # 1..100 of the monthly cost

    def excludes(self, part_number: str) -> bool:
        return part_number.upper() in self.excluded_packages


def load_settings(tenant_id: str, root: Path | None = None) -> TenantSettings:
    path = tenant_data_dir(tenant_id, root) / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return TenantSettings()
    except (OSError, ValueError) as exc:
        raise SettingsError(f"{path} cannot be read ({exc}): fix or delete it.") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"{path} is not a settings file: fix or delete it.")
    location = raw.get("defaultUsageLocation")
    excluded = raw.get("excludedPackages") or []
    return TenantSettings(
        str(location).upper() if isinstance(location, str) and location else None,
        frozenset(str(p).upper() for p in excluded if isinstance(p, str)),
        _percent(raw.get("wasteAlertPercent", DEFAULT_WASTE_ALERT_PERCENT), path),
    )


def _percent(value: object, path: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 100:
        raise SettingsError(
            f"{path}: wasteAlertPercent must be a number from 1 to 100, not {value!r}: "
            "fix or delete it."
        )
    return round(value)


def save_settings(tenant_id: str, settings: TenantSettings, root: Path | None = None) -> Path:
    path = tenant_data_dir(tenant_id, root) / SETTINGS_FILE
    body = {
        "defaultUsageLocation": settings.default_usage_location,
        "excludedPackages": sorted(settings.excluded_packages),
        "wasteAlertPercent": settings.waste_alert_percent,
    }
    write_private(path, json.dumps(body, indent=2) + "\n")
    return path

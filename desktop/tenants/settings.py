"""Each tenant's own settings: default usage location and packages left out of the overview
and the audit. Prices and their currency are insight's (``insight/prices.py``), in the same
private folder (``insight/storage.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.insight.storage import tenant_data_dir, write_private

SETTINGS_FILE = "settings.json"


class SettingsError(ValueError):
    """The settings file cannot be read; the text says which file and what to do."""


@dataclass(frozen=True, slots=True)
class TenantSettings:
    default_usage_location: str | None = None
    excluded_packages: frozenset[str] = frozenset()  # part numbers, upper case

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
    )


def save_settings(tenant_id: str, settings: TenantSettings, root: Path | None = None) -> Path:
    path = tenant_data_dir(tenant_id, root) / SETTINGS_FILE
    body = {
        "defaultUsageLocation": settings.default_usage_location,
        "excludedPackages": sorted(settings.excluded_packages),
    }
    write_private(path, json.dumps(body, indent=2) + "\n")
    return path

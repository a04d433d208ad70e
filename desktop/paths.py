"""Where License Desk keeps its own files (the journal), as plain paths.

The window may pass QStandardPaths' folder instead; scripts and the CLI use this one helper.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "License Desk"
JOURNAL_FILE = "journal.sqlite3"


def app_data_dir() -> Path:
    """Windows %APPDATA%/License Desk, macOS ~/Library/Application Support/License Desk,
    elsewhere $XDG_DATA_HOME/license-desk or ~/.local/share/license-desk."""
    home = Path.home()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return (Path(appdata) if appdata else home / "AppData" / "Roaming") / APP_NAME
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec says a relative value is invalid and must be ignored.
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / "license-desk"


def tenant_journal_file(tenant_id: str) -> str:
    """The journal file of one signed-in tenant: History and resume must never show or touch
    another tenant's runs. Tenant ids are GUIDs; anything else is made safe for a file name."""
    return f"journal-{safe_file_part(tenant_id)}.sqlite3"


def safe_file_part(tenant_id: str) -> str:
    """A tenant id (a GUID) made safe for a file or folder name."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", tenant_id.strip())
    return "unknown" if set(safe) <= {"."} else safe  # "" / "." / ".." never name a folder

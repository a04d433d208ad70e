"""The temporary passwords of the accounts a run created, as an owner-only CSV (through
``csv_export``: private, spreadsheet-safe): user name, temporary password, must-change flag.
Written only when the administrator asks; the journal never holds a password."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.csv_export import csv_export

PASSWORD_COLUMNS = ("userPrincipalName", "temporaryPassword", "forceChangePasswordNextSignIn")


def write_passwords_csv(path: Path, accounts: Mapping[str, tuple[str, bool]]) -> int:
    """``accounts``: user name -> (temporary password, must change at first sign-in)."""
    with csv_export(path) as writer:
        writer.writerow(PASSWORD_COLUMNS)
        for upn, (password, must_change) in accounts.items():
            writer.writerow((upn, password, must_change))
    return len(accounts)

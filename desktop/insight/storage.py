"""Where insight keeps a tenant's own data (prices, keep marks): one private folder per tenant.

Files are written whole to a temporary file and renamed, so a crash never leaves half a file;
the folder and the files are owner-only (``desktop/private_files.py``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from desktop.paths import app_data_dir, safe_file_part
from desktop.private_files import PRIVATE_FILE_MODE, create_private_dirs, make_private_file


def tenant_data_dir(tenant_id: str, root: Path | None = None) -> Path:
    """``<app data>/tenants/<tenant id>``; ``root`` replaces the app data folder (tests)."""
    return (root or app_data_dir()) / "tenants" / safe_file_part(tenant_id)


def write_private(path: Path, content: str) -> None:
    create_private_dirs(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        os.chmod(temporary, PRIVATE_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    make_private_file(path)

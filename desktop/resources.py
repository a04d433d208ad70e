"""The one way to find files under ``resources/``: frozen app, installed wheel, or checkout."""

from __future__ import annotations

import sys
from pathlib import Path

# Where setup.py puts resources/ inside the wheel: a data-only folder of this package.
INSTALLED_FOLDER = "_resources"


def resources_dir() -> Path:
    """Folder holding icons, translations, licence notices and the licensing catalog.

    - frozen (PyInstaller): unpacked under ``sys._MEIPASS/resources`` (build.spec);
    - ``pip install .``: ``desktop/_resources`` in site-packages (setup.py);
    - a checkout or an editable install: ``resources/`` next to the ``desktop`` package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / INSTALLED_FOLDER
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

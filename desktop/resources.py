"""The one way to find files under ``resources/``, from a checkout and from a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Folder holding icons, translations and the licensing catalog.

    PyInstaller unpacks bundled data under ``sys._MEIPASS``; a checkout or an editable
    install keeps ``resources/`` next to the ``desktop`` package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

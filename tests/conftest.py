"""Shared fixtures. Qt runs offscreen; every backend is a demo tenant on 127.0.0.1."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

"""Pseudo-translation: every translated string wrapped in markers and made ~40% longer.

Set ``LICENSE_DESK_PSEUDO_TRANSLATE=1`` to start the window this way (like Vorta's
TRANS_SCALE). Two things then show at a glance, and in tests/ui/test_pseudo_translation.py:
a visible text without the markers never went through ``tr()``, and a text cut off in its
widget would be cut in a longer language too (Polish runs ~30% longer than English).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QTranslator

ENVIRONMENT = "LICENSE_DESK_PSEUDO_TRANSLATE"
OPEN = "⟦"
CLOSE = "⟧"
PAD = "~"
GROWTH = 0.4


def pseudo(text: str) -> str:
    """``text`` wrapped in the markers and padded to ~140% of its length."""
    if not text:
        return text
    extra = max(0, math.ceil(len(text) * GROWTH) - len(OPEN) - len(CLOSE))
    return f"{OPEN}{text}{PAD * extra}{CLOSE}"


def requested() -> bool:
    return os.environ.get(ENVIRONMENT, "").strip() not in {"", "0"}


class PseudoTranslator(QTranslator):
    """Answers every message: the real translation (from ``inner``, e.g. the English plurals)
    or the source, made pseudo. Installed last, Qt asks it first."""

    def __init__(self, inner: Sequence[QTranslator] = (), parent: QCoreApplication | None = None):
        super().__init__(parent)
        self._inner = tuple(inner)

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        for translator in self._inner:
            if not shiboken6.isValid(translator):  # removed and deleted since (tests)
                continue
            found = translator.translate(context, source_text, disambiguation, n)
            if found:
                return pseudo(found)
        return pseudo(source_text)


def install_pseudo(app: QCoreApplication) -> PseudoTranslator:
    """Install the pseudo translator above the catalogs already installed."""
    inner = [t for t in app.findChildren(QTranslator) if not isinstance(t, PseudoTranslator)]
    translator = PseudoTranslator(inner, app)
    app.installTranslator(translator)
    return translator

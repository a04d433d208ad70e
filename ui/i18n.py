"""Load the translations for the user's language: ours from resources/translations and Qt's own
(standard buttons, file dialogs) from Qt's translations folder.

Our files are ``license_desk_<lang>.qm``, built from the ``.ts`` sources next to them.
English is the source language, so for English nothing needs to load.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path

APP_CATALOG = "license_desk"


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[str]:
    """Install every translator found for ``locale`` (default: the system's); return which.

    ``folder`` holds our ``.qm`` files (default: resources/translations). The translators are
    parented to ``app`` so they live exactly as long as it does.
    """
    wanted = locale or QLocale.system()
    sources = [
        (APP_CATALOG, str(folder or resource_path("translations"))),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    loaded: list[str] = []
    for catalog, where in sources:
        translator = QTranslator(app)
        # load(locale, ...) tries every UI language of the locale, e.g. pl_PL then pl.
        if translator.load(wanted, catalog, "_", where):
            app.installTranslator(translator)
            loaded.append(translator.filePath())
        else:
            translator.deleteLater()
    return loaded

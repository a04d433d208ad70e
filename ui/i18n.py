"""The window's language: which one to show, its translations, and its number and date formats.

The person picks System, English or Polski in Settings (kept in QSettings under
``LANGUAGE_KEY``); System follows the OS's preferred UI languages and falls back to English.
The choice applies at start-up: the window's texts are built once, so a change asks for a
restart rather than half-translating open windows.

Our catalogs are ``license_desk_<lang>.qm`` in resources/translations, built from the ``.ts``
sources next to them (tools/build_translations.py). English is the source language, but it
ships a catalog too: it holds the English plural forms of ``%n`` messages ("1 user",
"2 users"), so it is always installed, beneath Polish, and also catches any Polish gap.
Qt's own ``qtbase_<lang>.qm`` (standard buttons, file dialogs) loads from Qt's folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.resources import resource_path
from ui.pseudo_translation import install_pseudo, requested

APP_CATALOG = "license_desk"
LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
SOURCE_LANGUAGE = "en"
# Shipped languages, by their names in their own language (what Settings offers).
LANGUAGES: dict[str, str] = {"en": "English", "pl": "Polski"}

# An application property holding the choice the process started with: Settings compares
# against it to tell whether a restart is needed.
RUNNING_CHOICE_PROPERTY = "licenseDeskLanguageChoice"


def running_choice() -> str | None:
    """The language choice applied at start-up, or None when apply_language never ran."""
    app = QCoreApplication.instance()
    value = app.property(RUNNING_CHOICE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) else None


def chosen_language(settings: QSettings) -> str:
    """The saved choice: ``"system"`` or a shipped language code. Junk reads as System."""
    value = settings.value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def save_language(settings: QSettings, choice: str) -> None:
    if choice != SYSTEM and choice not in LANGUAGES:
        raise ValueError(f"not a shipped language: {choice}")
    settings.setValue(LANGUAGE_KEY, choice)


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The shipped language to show for ``choice``: itself, or for System the first of the
    OS's preferred UI languages we ship (English when none is)."""
    if choice in LANGUAGES:
        return choice
    for tag in (system or QLocale.system()).uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def formats_locale(choice: str, system: QLocale | None = None) -> QLocale:
    """Whose number and date formats to use. System keeps the OS's regional settings; an
    explicit language keeps them too when they are that language's (en_GB stays en_GB), and
    otherwise uses the language's own (Polish: 10 000 and 27.11.2026)."""
    system = system or QLocale.system()
    if choice not in LANGUAGES:
        return system
    wanted = QLocale(choice)
    return system if system.language() == wanted.language() else wanted


def install_translators(
    app: QCoreApplication, language: str, folder: Path | None = None
) -> list[str]:
    """Install the catalogs for ``language`` (a shipped code) and return the files loaded,
    most specific last.

    ``folder`` holds our ``.qm`` files (default: resources/translations). Translators are
    parented to ``app`` so they live exactly as long as it does.
    """
    ours = str(folder or resource_path("translations"))
    qts = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt searches the translator installed last first: English plurals lie underneath.
    wanted = [(f"{APP_CATALOG}_{SOURCE_LANGUAGE}", ours)]
    if language != SOURCE_LANGUAGE:
        wanted += [(f"qtbase_{language}", qts), (f"{APP_CATALOG}_{language}", ours)]
    loaded: list[str] = []
    for name, where in wanted:
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            loaded.append(translator.filePath())
        else:
            translator.deleteLater()
    return loaded


def apply_language(app: QCoreApplication, settings: QSettings) -> str:
    """Start-up: translators and formats for the saved choice; returns the language shown."""
    choice = chosen_language(settings)
    app.setProperty(RUNNING_CHOICE_PROPERTY, choice)
    language = resolve_language(choice)
    QLocale.setDefault(formats_locale(choice))
    install_translators(app, language)
    if requested():
        install_pseudo(app)
    return language

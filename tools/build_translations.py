"""Build (and optionally refresh) the translations of the window.

    python tools/build_translations.py            # .ts -> .qm with pyside6-lrelease
    python tools/build_translations.py --update   # first refresh the .ts from ui/ with lupdate

Decision: the .qm files are committed, not built at install time. A checkout, an editable
install and the tests then run translated with no build step, and what ships is exactly what
was reviewed. The price is keeping them in sync, which a test pays:
tests/packaging/test_translations.py fails when a .qm differs from a fresh lrelease of its .ts
(lrelease output is byte-for-byte deterministic), when ui/ has a tr() string the Polish .ts
lacks, or when a message is unfinished. CI still runs this script before packaging; with the
files in sync it rewrites identical bytes.

English is the source language, so its .ts holds only the plural (%n) messages
(lupdate -pluralonly): "%Ln users" becomes "1 user" / "2 users". Polish holds everything.

After editing ui/: run with --update, translate what is new or unfinished in
resources/translations/license_desk_pl.ts (and English plurals), then run again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en", "pl")
SOURCE_LANGUAGE = "en"


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"license_desk_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"license_desk_{language}.qm"


def tool(name: str) -> str:
    """PySide6 ships lupdate/lrelease as console scripts next to the interpreter."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / f"pyside6-{name}", scripts / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(
            f"pyside6-{name} not found: install PySide6-Essentials in this environment"
        )
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update_sources(ts_file: Path, language: str) -> None:
    """Merge the current tr() strings of ui/ into ``ts_file``, dropping vanished ones."""
    plural_only = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
    subprocess.run(
        [
            tool("lupdate"),
            *ui_sources(),
            "-no-obsolete",
            *plural_only,
            "-locations",
            "none",
            "-target-language",
            language,
            "-ts",
            str(ts_file),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh .ts files from ui/ first")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        if args.update:
            update_sources(ts_path(language), language)
        release(ts_path(language), qm_path(language))
        print(f"built {qm_path(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

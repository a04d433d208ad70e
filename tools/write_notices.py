"""Write resources/licenses/THIRD-PARTY-NOTICES.txt: the licence of everything License Desk ships.

    python tools/write_notices.py           # rewrite the file from this environment
    python tools/write_notices.py --check   # exit 1 if a bundled package is missing from it
    python tools/write_notices.py --check-pinned installer/constraints.txt
                                            # exit 1 if a bundled package has no exact pin

The Python packages are the run-time dependencies of ``license-desk`` as installed here (their
licence files come from their own metadata); Python itself, Qt and PyInstaller's bootloader are
added by hand because no package metadata names them. The installer workflow runs this on each
build machine before PyInstaller, so each installer lists exactly what it bundles (Windows adds
pywin32-ctypes, Linux SecretStorage and Jeepney); the committed file is the Linux build's. The
About dialog shows the file; the Windows installer also copies it next to the program.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import sysconfig
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LICENSES = ROOT / "resources" / "licenses"
NOTICES = LICENSES / "THIRD-PARTY-NOTICES.txt"
APP = "license-desk"

QT_NOTE = """\
Qt and PySide6 are used under the GNU Lesser General Public License version 3 (LGPL-3.0-only);
its text, and that of the GNU GPL version 3 it builds on, are at the end of this file.
- They are included unmodified, as the official PySide6-Essentials and shiboken6 wheels.
- Their libraries are separate shared libraries inside the app folder (Windows: _internal\\
  PySide6, macOS: License Desk.app/Contents/Frameworks/PySide6, Linux: _internal/PySide6);
  you may replace them with your own compatible build of the same Qt and PySide6 version.
- Source code: Qt at https://download.qt.io/official_releases/qt/ and
  https://code.qt.io/cgit/qt/qtbase.git, PySide6 and shiboken6 at
  https://code.qt.io/cgit/pyside/pyside-setup.git (tag v{version}).
"""


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = APP) -> dict[str, Distribution]:
    """Every installed distribution ``root`` needs at run time on this platform."""
    found: dict[str, Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue  # an optional or other-platform requirement that is not installed
        key = normalized(dist.metadata["Name"])
        if key in found:
            continue
        found[key] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            pending.append(requirement.name)
    found.pop(normalized(root), None)
    return dict(sorted(found.items()))


def licence_of(dist: Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.rsplit("::", 1)[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    text = (meta.get("License") or "").strip()
    return text.splitlines()[0] if text else "see the licence text below"


def home_of(dist: Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return url.strip()
    return f"https://pypi.org/project/{meta['Name']}/"


def licence_texts(dist: Distribution) -> list[str]:
    texts = []
    for file in dist.files or []:
        parts = [p.lower() for p in file.parts]
        in_meta = parts[0].endswith(".dist-info")
        if in_meta and re.match(r"(licen[cs]e|copying|notice)", parts[-1]):
            texts.append(Path(str(file.locate())).read_text("utf-8", errors="replace").strip())
    return texts


def section(title: str, body: str) -> str:
    return f"{title}\n{'-' * len(title)}\n{body.rstrip()}\n"


def qt_version() -> str:
    try:
        return distribution("PySide6-Essentials").version
    except PackageNotFoundError:
        return "6"


def build_notices() -> str:
    dists = runtime_closure()
    python_version = platform.python_version()
    summary = [
        ("Python", python_version, "PSF-2.0", "https://www.python.org/"),
        ("Qt", qt_version(), "LGPL-3.0-only", "https://www.qt.io/"),
        (
            "PyInstaller bootloader",
            "",
            "GPL-2.0-or-later WITH Bootloader-exception",
            "https://pyinstaller.org/",
        ),
        *((d.metadata["Name"], d.version, licence_of(d), home_of(d)) for d in dists.values()),
    ]
    width = max(len(f"{name} {version}".strip()) for name, version, _, _ in summary)
    lines = [f"{f'{n} {v}'.strip():<{width}}  {lic}  {url}" for n, v, lic, url in summary]
    parts = [
        "License Desk: third-party software notices\n"
        "==========================================\n\n"
        "License Desk is MIT-licensed (see LICENSE). Its installers and app bundles include the\n"
        "software below, each under its own licence, reproduced in full in this file.\n"
        f"Generated by tools/write_notices.py on {platform.system()} with Python "
        f"{python_version}.\n",
        section("Summary", "\n".join(lines)),
        section("Qt and PySide6 (LGPL-3.0)", QT_NOTE.format(version=qt_version())),
    ]
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if python_licence.is_file():
        parts.append(section(f"Python {python_version}", python_licence.read_text("utf-8")))
    else:
        parts.append(
            section(
                f"Python {python_version}",
                "PSF License Agreement: https://docs.python.org/3/license.html",
            )
        )
    try:
        pyinstaller = distribution("pyinstaller")
        parts.append(section("PyInstaller bootloader", "\n\n".join(licence_texts(pyinstaller))))
    except PackageNotFoundError:
        parts.append(
            section("PyInstaller bootloader", "https://pyinstaller.org/en/stable/license.html")
        )
    for dist in dists.values():
        texts = licence_texts(dist)
        header = f"Licence: {licence_of(dist)}\nHome page: {home_of(dist)}\n"
        if not texts:
            texts = ["See the LGPL-3.0 and GPL-3.0 texts below."]
        title = f"{dist.metadata['Name']} {dist.version}"
        parts.append(section(title, header + "\n" + "\n\n".join(texts)))
    for name in ("LGPL-3.0", "GPL-3.0"):
        parts.append(section(name, (LICENSES / f"{name}.txt").read_text("utf-8")))
    return "\n\n".join(parts)


def section_titles(text: str) -> list[str]:
    return re.findall(r"^(.+)\n-+$", text, re.MULTILINE)


def missing_from(text: str) -> list[str]:
    """Bundled distributions this environment has that ``text`` does not name."""
    named = {normalized(title.split(" ")[0]) for title in section_titles(text)}
    return [name for name in runtime_closure() if name not in named]


def pinned_names(constraints: str) -> set[str]:
    """Names pinned with ``==`` in a pip constraints file's text."""
    names = set()
    for raw in constraints.splitlines():
        line = raw.split("#", 1)[0].strip()
        name, separator, _version = line.partition("==")
        if separator:
            names.add(normalized(name.strip()))
    return names


def unpinned(constraints: str) -> list[str]:
    """Bundled distributions of this environment that ``constraints`` does not pin exactly."""
    pinned = pinned_names(constraints)
    return [name for name in runtime_closure() if name not in pinned]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a package is missing")
    parser.add_argument(
        "--check-pinned",
        metavar="CONSTRAINTS",
        type=Path,
        help="fail if a bundled package is not pinned in this constraints file",
    )
    args = parser.parse_args(argv)
    if args.check_pinned:
        loose = unpinned(args.check_pinned.read_text(encoding="utf-8"))
        if loose:
            print(f"bundled but not pinned in {args.check_pinned}: {', '.join(loose)}")
            return 1
        print(f"every bundled package is pinned in {args.check_pinned}")
        return 0
    if args.check:
        missing = missing_from(NOTICES.read_text(encoding="utf-8"))
        if missing:
            print(f"{NOTICES.name} lacks {', '.join(missing)}: run tools/write_notices.py")
            return 1
        return 0
    NOTICES.write_text(build_notices(), encoding="utf-8", newline="\n")
    print(f"Wrote {NOTICES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The maintainers' documents name files that exist: a renamed or removed module fails here
until docs/architecture.md and docs/graph-facts.md say where the knowledge went."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# `desktop/paths.py`, `licensing/check.py`, `ui/flows/`: a backticked path with a folder in it.
PATH = re.compile(r"`((?:[\w.-]+/)+(?:[\w.-]+\.(?:py|md|json|ts))?)`")


def named_paths(document: Path) -> list[str]:
    return sorted(set(PATH.findall(document.read_text(encoding="utf-8"))))


def exists(name: str) -> bool:
    # Written from the repository root, or from inside desktop/ or ui/ ("licensing/apply.py").
    return any((base / name).exists() for base in (ROOT, ROOT / "desktop", ROOT / "ui"))


@pytest.mark.parametrize("document", ["docs/architecture.md", "docs/graph-facts.md"])
def test_every_file_a_document_names_exists(document: str) -> None:
    names = named_paths(ROOT / document)
    assert len(names) >= 5, "the pattern no longer finds the document's paths"
    assert [name for name in names if not exists(name)] == []


def test_the_check_notices_a_missing_file(tmp_path: Path) -> None:
    document = tmp_path / "doc.md"
    document.write_text("See `desktop/open_tenant.py` and `licensing/no_such_module.py`.")
    assert named_paths(document) == ["desktop/open_tenant.py", "licensing/no_such_module.py"]
    assert [exists(name) for name in named_paths(document)] == [True, False]

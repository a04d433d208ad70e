"""SQL binds its values with ``?`` or ``:name``, never ``?1``: binding numbered placeholders
from a sequence warns from Python 3.12 and is refused from 3.14 (sqlite3.ProgrammingError),
which CI's 3.11 would never show."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NUMBERED = re.compile(r"\?\d")
SQL_WORD = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE)\b")


def numbered_placeholders(source: str) -> list[int]:
    """Lines of string constants that read as SQL and hold a ``?NNN`` placeholder."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and NUMBERED.search(node.value)
        and SQL_WORD.search(node.value)
    ]


def test_no_sql_in_the_product_uses_numbered_placeholders() -> None:
    files = sorted([*(ROOT / "desktop").rglob("*.py"), *(ROOT / "ui").rglob("*.py")])
    assert len(files) > 100
    found = {
        str(path.relative_to(ROOT)): lines
        for path in files
        if (lines := numbered_placeholders(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_finds_a_numbered_placeholder() -> None:
    source = 'sql = "DELETE FROM t WHERE a = ?1 OR b = ?1"\nother = "Is it ?1 of 2"\n'
    assert numbered_placeholders(source) == [1]

""" "Keep" marks: a user or a package the administrator decided to leave alone, with a note.

A marked user has no findings; a marked package appears in no finding (and raises no
unassigned-seats finding) until the mark is removed. Stored as ``keep.json`` in the tenant's
private folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path

from desktop.insight.storage import write_private

KEEP_FILE = "keep.json"


class KeepTarget(Enum):
    USER = "user"
    PACKAGE = "package"


@dataclass(frozen=True, slots=True)
class KeepMark:
    target: KeepTarget
    key: str  # user principal name (case-insensitive) or package part number
    note: str = ""


@dataclass
class KeepList:
    marks: list[KeepMark] = field(default_factory=list)

    def keeps_user(self, upn: str) -> bool:
        return upn.casefold() in self.kept_users()

    def keeps_package(self, part_number: str) -> bool:
        return part_number in self.kept_packages()

    def kept_users(self) -> frozenset[str]:
        """The marked user principal names, case-folded (matched case-insensitively)."""
        return frozenset(m.key.casefold() for m in self.marks if m.target is KeepTarget.USER)

    def kept_packages(self) -> frozenset[str]:
        """The marked package part numbers, as written (matched exactly)."""
        return frozenset(m.key for m in self.marks if m.target is KeepTarget.PACKAGE)

    def add(self, mark: KeepMark) -> None:
        self.remove(mark.target, mark.key)
        self.marks.append(mark)

    def remove(self, target: KeepTarget, key: str) -> bool:
        before = len(self.marks)
        self.marks = [
            m for m in self.marks if not (m.target is target and m.key.casefold() == key.casefold())
        ]
        return len(self.marks) != before


def load_keep(folder: Path) -> KeepList:
    path = folder / KEEP_FILE
    if not path.exists():
        return KeepList()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return KeepList(
        [KeepMark(KeepTarget(m["target"]), str(m["key"]), str(m.get("note", ""))) for m in raw]
    )


def save_keep(folder: Path, keep: KeepList) -> None:
    payload = [{**asdict(m), "target": m.target.value} for m in keep.marks]
    write_private(folder / KEEP_FILE, json.dumps(payload, ensure_ascii=False, indent=1))

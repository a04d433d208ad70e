"""The tenant's list of people and its user-name rule, in ``people.json`` in the tenant's
private folder (owner-only, written whole then renamed, like the other per-tenant files)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.graph.client import GraphClient
from desktop.insight.storage import tenant_data_dir, write_private
from desktop.people.records import Person
from desktop.people.upn_rule import UpnRule

PEOPLE_FILE = "people.json"
_PERSON_FIELDS = set(Person.__dataclass_fields__)


class PeopleFileError(ValueError):
    """The stored list cannot be read; the message names the file."""


@dataclass
class PeopleList:
    people: list[Person] = field(default_factory=list)
    rule: UpnRule | None = None  # None until the administrator sets it (or the first import)

    def find(self, name: str) -> Person | None:
        wanted = name.strip().lower()
        return next((p for p in self.people if wanted == p.key or wanted in p.names()), None)

    def add(self, people: list[Person]) -> tuple[int, int]:
        """Adds the people not on the list yet; returns (added, already there)."""
        added = 0
        for person in people:
            if self.find(person.key) is None and not any(self.find(n) for n in person.names()):
                self.people.append(person)
                added += 1
        return added, len(people) - added

    def remove(self, names: list[str]) -> list[Person]:
        gone = [p for p in (self.find(n) for n in names) if p is not None]
        keys = {p.key for p in gone}
        self.people = [p for p in self.people if p.key not in keys]
        return gone

    def link(self, key: str, user_id: str, upn: str) -> None:
        self.people = [
            replace(p, linked_id=user_id, linked_upn=upn) if p.key == key else p
            for p in self.people
        ]

    def unlink(self, key: str) -> None:
        """The person's account is gone (deleted, e.g. by undo): waiting for one again."""
        self.people = [
            replace(p, linked_id=None, linked_upn=None) if p.key == key else p for p in self.people
        ]

    @property
    def pending(self) -> list[Person]:
        return [p for p in self.people if p.is_pending]


def people_folder(client: GraphClient, root: Path | None = None) -> Path:
    """The tenant's private folder (``root``: the app data folder, when not the default)."""
    return tenant_data_dir(client.get_organization().id, root)


def load_people(folder: Path) -> PeopleList:
    path = folder / PEOPLE_FILE
    if not path.exists():
        return PeopleList()
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        people = [Person(**{k: v for k, v in p.items() if k in _PERSON_FIELDS})
                  for p in raw.get("people", [])]  # fmt: skip
        rule = raw.get("rule")
        return PeopleList(people, UpnRule(rule["pattern"], rule["domain"]) if rule else None)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise PeopleFileError(f"{path} cannot be read ({exc}): move it away to start a new "
                              "list") from exc  # fmt: skip


def save_people(folder: Path, people: PeopleList) -> Path:
    payload = {
        "rule": asdict(people.rule) if people.rule else None,
        "people": [{k: v for k, v in asdict(p).items() if v is not None} for p in people.people],
    }
    path = folder / PEOPLE_FILE
    write_private(path, json.dumps(payload, ensure_ascii=False, indent=1))
    return path

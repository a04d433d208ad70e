"""Where templates are kept: one owner-only JSON file in License Desk's data folder, shared by
every tenant (package ids are the same everywhere). Written whole and renamed into place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.insight.storage import write_private
from desktop.paths import app_data_dir
from desktop.templates.file_format import (
    MAX_FILE_BYTES,
    TemplateFileError,
    export_text,
    list_text,
    read_export,
    read_list,
)
from desktop.templates.model import LicenseTemplate, TemplateError, check_name, name_key

TEMPLATES_FILE = "templates.json"


def templates_path(root: Path | None = None) -> Path:
    return (root or app_data_dir()) / TEMPLATES_FILE


def read_text_bounded(path: Path, what: str) -> str:
    """A file we read whole, refused when too large; OS errors as one line."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TemplateFileError(f"Cannot read {what} {path}: {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise TemplateFileError(f"{path} is too large to be a template file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateFileError(f"{path} is not UTF-8 text.") from None


class TemplateStore:
    """The saved templates; every change is written at once."""

    def __init__(self, root: Path | None = None) -> None:
        self.path = templates_path(root)
        self._templates: list[LicenseTemplate] = []
        if self.path.exists():
            self._templates = read_list(
                read_text_bounded(self.path, "the templates"), str(self.path)
            )

    @property
    def templates(self) -> list[LicenseTemplate]:
        return sorted(self._templates, key=lambda t: t.key)

    def find(self, name: str) -> LicenseTemplate | None:
        key = name_key(name)
        return next((t for t in self._templates if t.key == key), None)

    def get(self, name: str) -> LicenseTemplate:
        found = self.find(name)
        if found is None:
            known = ", ".join(f"'{t.name}'" for t in self.templates) or "none yet"
            raise TemplateError(f"No template named '{name}' (saved: {known}).")
        return found

    def save(self, template: LicenseTemplate, *, replace_existing: bool = False) -> None:
        existing = self.find(template.name)
        if existing is not None and not replace_existing:
            raise TemplateError(
                f"A template named '{existing.name}' exists: choose another name or replace it."
            )
        self._templates = [t for t in self._templates if t.key != template.key] + [template]
        self._write()

    def rename(self, old: str, new: str) -> LicenseTemplate:
        template = self.get(old)
        name = check_name(new)
        clash = self.find(name)
        if clash is not None and clash.key != template.key:
            raise TemplateError(f"A template named '{clash.name}' exists: choose another name.")
        renamed = replace(template, name=name)
        self._templates = [renamed if t.key == template.key else t for t in self._templates]
        self._write()
        return renamed

    def delete(self, name: str) -> LicenseTemplate:
        template = self.get(name)
        self._templates = [t for t in self._templates if t.key != template.key]
        self._write()
        return template

    def export(self, name: str, file: Path) -> LicenseTemplate:
        """A file to share: templates hold no secrets, but the file is owner-only like all
        of License Desk's files; whoever receives it imports it."""
        template = self.get(name)
        try:
            write_private(file, export_text(template))
        except OSError as exc:
            raise TemplateFileError(f"Cannot write {file}: {exc.strerror or exc}.") from None
        return template

    def import_file(self, file: Path, *, replace_existing: bool = False) -> LicenseTemplate:
        template = read_export(read_text_bounded(file, "the template file"), str(file))
        self.save(template, replace_existing=replace_existing)
        return template

    def _write(self) -> None:
        write_private(self.path, list_text(self.templates))

"""License templates as JSON: the export file (one template) and the stored list (many).

The format is described in ``docs/templates.md``; ``FORMAT`` and ``VERSION`` name it, so a file
from a newer License Desk is refused with a line saying so rather than half read. Everything
read from a file is checked: a bad file is one ``TemplateFileError`` naming the file and the
place, never a traceback.
"""

from __future__ import annotations

import json
import re
from typing import Any

from desktop.countries import is_country_code
from desktop.graph.errors import LicenseDeskError
from desktop.templates.model import (
    LicenseTemplate,
    TemplateError,
    TemplateGroup,
    TemplateLicense,
    check_name,
)

FORMAT = "license-desk-template"
LIST_FORMAT = "license-desk-templates"
VERSION = 1
MAX_FILE_BYTES = 1_000_000  # a template is a few hundred bytes; a list of thousands fits
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class TemplateFileError(LicenseDeskError):
    """A template file that cannot be read as one; exit code 2 (bad input)."""


def template_json(template: LicenseTemplate) -> dict[str, Any]:
    return {
        "name": template.name,
        "department": template.department,
        "usageLocation": template.usage_location,
        "licenses": [
            {
                "skuId": lic.sku_id,
                "skuPartNumber": lic.part_number,
                "disabledPlans": [
                    {"servicePlanId": plan, "servicePlanName": name}
                    for plan, name in zip(lic.disabled_plans, lic.disabled_plan_names, strict=True)
                ],
            }
            for lic in template.licenses
        ],
        "groups": [{"id": g.id, "displayName": g.name} for g in template.groups],
    }


def export_text(template: LicenseTemplate) -> str:
    body = {"format": FORMAT, "version": VERSION, **template_json(template)}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def list_text(templates: list[LicenseTemplate]) -> str:
    body = {
        "format": LIST_FORMAT,
        "version": VERSION,
        "templates": [template_json(t) for t in templates],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _load(text: str, source: str) -> dict[str, Any]:
    if len(text) > MAX_FILE_BYTES:
        raise TemplateFileError(f"{source} is too large to be a template file.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateFileError(
            f"{source} is not JSON (line {exc.lineno}): export the template again."
        ) from None
    if not isinstance(data, dict):
        raise TemplateFileError(f"{source} is not a License Desk template.")
    return data


def _check_format(data: dict[str, Any], expected: str, source: str) -> None:
    if data.get("format") != expected:
        raise TemplateFileError(
            f'{source} is not a License Desk template (no "format": "{expected}").'
        )
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise TemplateFileError(f'{source} has no valid "version".')
    if version > VERSION:
        raise TemplateFileError(
            f"{source} was written by a newer License Desk (version {version}): update "
            "License Desk to read it."
        )


def _text(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TemplateFileError(f"{where} must be text.")
    return value.strip()


def _guid(value: Any, where: str) -> str:
    text = (_text(value, where) or "").lower()
    if not _GUID.match(text):
        raise TemplateFileError(f"{where} must be a GUID, not '{value}'.")
    return text


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TemplateFileError(f"{where} must be a list.")
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TemplateFileError(f"{where} must be an object.")
    return value


def _license(value: Any, where: str) -> TemplateLicense:
    item = _object(value, where)
    plans: list[tuple[str, str]] = []
    for index, raw in enumerate(_list(item.get("disabledPlans"), f"{where}.disabledPlans")):
        place = f"{where}.disabledPlans[{index}]"
        plan = _object(raw, place)
        plan_id = _guid(plan.get("servicePlanId"), f"{place}.servicePlanId")
        name = _text(plan.get("servicePlanName", ""), f"{place}.servicePlanName") or ""
        plans.append((plan_id, name))
    plans = sorted(dict(plans).items())
    return TemplateLicense(
        _guid(item.get("skuId"), f"{where}.skuId"),
        _text(item.get("skuPartNumber", ""), f"{where}.skuPartNumber") or "",
        tuple(p for p, _ in plans),
        tuple(n for _, n in plans),
    )


def parse_template(value: Any, where: str) -> LicenseTemplate:
    data = _object(value, where)
    try:
        name = check_name(_text(data.get("name"), f"{where}.name") or "")
    except TemplateError as exc:
        raise TemplateFileError(f"{where}: {exc}") from None
    location = _text(data.get("usageLocation"), f"{where}.usageLocation", optional=True)
    location = location.upper() if location else None
    if location is not None and not is_country_code(location):
        raise TemplateFileError(
            f"{where}.usageLocation '{location}' is not a country code (two letters, e.g. PL)."
        )
    department = _text(data.get("department"), f"{where}.department", optional=True) or None
    licenses = tuple(
        _license(item, f"{where}.licenses[{i}]")
        for i, item in enumerate(_list(data.get("licenses"), f"{where}.licenses"))
    )
    if len({lic.sku_id for lic in licenses}) != len(licenses):
        raise TemplateFileError(f"{where}.licenses names a package twice.")
    groups: list[TemplateGroup] = []
    for i, raw in enumerate(_list(data.get("groups"), f"{where}.groups")):
        item = _object(raw, f"{where}.groups[{i}]")
        gid = _text(item.get("id", ""), f"{where}.groups[{i}].id") or ""
        gname = _text(item.get("displayName", ""), f"{where}.groups[{i}].displayName") or ""
        if not gid and not gname:
            raise TemplateFileError(f"{where}.groups[{i}] needs an id or a displayName.")
        groups.append(TemplateGroup(gid, gname))
    if not licenses and not groups:
        raise TemplateFileError(f"{where} has no licenses and no groups: nothing to apply.")
    return LicenseTemplate(name, licenses, location, department, tuple(groups))


def read_export(text: str, source: str) -> LicenseTemplate:
    data = _load(text, source)
    _check_format(data, FORMAT, source)
    return parse_template(data, source)


def read_list(text: str, source: str) -> list[LicenseTemplate]:
    data = _load(text, source)
    _check_format(data, LIST_FORMAT, source)
    return [
        parse_template(item, f"{source}, template {i + 1}")
        for i, item in enumerate(_list(data.get("templates"), f"{source}.templates"))
    ]

"""A small JSON Schema validator: the subset ``docs/cli-json.schema.json`` uses.

type (one or a list), enum, const, minimum, properties, required, additionalProperties (bool),
items, anyOf and local ``$ref`` (``#/$defs/name``). An unknown keyword is an error, so the
schema cannot quietly use something this validator would ignore.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
_ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description"}
_KEYWORDS = {
    "type", "enum", "const", "minimum", "properties", "required", "additionalProperties",
    "items", "anyOf", "$ref",
}  # fmt: skip


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def errors(
    value: Any, schema: Mapping[str, Any], root: Mapping[str, Any], at: str = "$"
) -> list[str]:
    unknown = set(schema) - _KEYWORDS - _ANNOTATIONS
    if unknown:
        return [f"{at}: the schema uses {sorted(unknown)}, which this validator does not know"]
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return errors(value, root["$defs"][name], root, at)
    found: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, n) for n in names):
            return [f"{at}: {value!r} is not {' or '.join(names)}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "minimum" in schema and _is(value, "number") and value < schema["minimum"]:
        found.append(f"{at}: {value} is below {schema['minimum']}")
    if "anyOf" in schema and all(errors(value, s, root, at) for s in schema["anyOf"]):
        found.append(f"{at}: {value!r} matches none of anyOf")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"{at}: '{key}' is missing")
        for key, item in value.items():
            if key in properties:
                found.extend(errors(item, properties[key], root, f"{at}.{key}"))
            elif schema.get("additionalProperties") is False:
                found.append(f"{at}: '{key}' is not in the schema")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            found.extend(errors(item, schema["items"], root, f"{at}[{n}]"))
    return found


def validate(value: Any, root: Mapping[str, Any], definition: str) -> None:
    found = errors(value, {"$ref": f"#/$defs/{definition}"}, root)
    assert not found, "\n".join(found[:20])

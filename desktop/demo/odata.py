"""OData query options as Graph accepts them on /users and /groups.

``$select``, ``$top``, ``$count``, ``$skiptoken`` and the subset of ``$filter`` and ``$search``
the demo supports, parsed into plain values. Anything Graph would refuse is refused with Graph's
code and message; anything Graph accepts but the demo does not implement is refused with
``Request_UnsupportedQuery`` rather than silently ignored.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.demo import errors
from desktop.demo.errors import EnvelopeError

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 999
_GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


# -- $select / $top / $count / $skiptoken --------------------------------------------------


def parse_select(
    value: str | None, known: Iterable[str], type_name: str = "microsoft.graph.user"
) -> list[str] | None:
    """Canonical property names in the order asked; None when ``$select`` is absent."""
    if value is None:
        return None
    by_lower = _by_lower(known) if isinstance(known, tuple) else _lowered(known)
    chosen: list[str] = []
    for raw in value.split(","):
        name = raw.strip()
        if not name:
            continue
        canonical = by_lower.get(name.lower())
        if canonical is None:
            raise errors.bad_request(errors.msg_select_unknown(name, type_name), errors.BAD_REQUEST)
        if canonical not in chosen:
            chosen.append(canonical)
    return chosen or None


def _lowered(known: Iterable[str]) -> dict[str, str]:
    return {name.lower(): name for name in known}


# The property tables are tuples that never change: each is lowered once (callers read only).
_by_lower = functools.lru_cache(maxsize=32)(_lowered)


def parse_top(value: str | None) -> int:
    if value is None:
        return DEFAULT_PAGE_SIZE
    text = value.strip()
    if not re.fullmatch(r"-?\d+", text) or not 1 <= int(text) <= MAX_PAGE_SIZE:
        raise errors.bad_request(errors.msg_page_size(value), errors.UNSUPPORTED_QUERY)
    return int(text)


def parse_count(value: str | None) -> bool:
    if value is None:
        return False
    lowered = value.strip().lower()
    if lowered not in ("true", "false"):
        raise errors.bad_request(
            f"The value '{value}' is not valid for the $count query option. "
            "The only supported values are 'true' and 'false'.",
            errors.BAD_REQUEST,
        )
    return lowered == "true"


def encode_skiptoken(kind: str, last_rowid: int) -> str:
    raw = f"LDv1:{kind}:{last_rowid}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_skiptoken(kind: str, token: str | None) -> int:
    """The last row id served on the previous page; 0 for the first page."""
    if token is None:
        return 0
    try:
        padded = token + "=" * (-len(token) % 4)
        text = base64.urlsafe_b64decode(padded.encode()).decode()
        prefix, token_kind, rowid = text.split(":")
        if prefix != "LDv1" or token_kind != kind:
            raise ValueError(text)
        return int(rowid)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise errors.bad_request(errors.MSG_EXPIRED_PAGE_TOKEN, errors.EXPIRED_PAGE_TOKEN) from None


# -- $filter ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Equals:
    prop: str
    value: str | bool


@dataclass(frozen=True, slots=True)
class StartsWith:
    prop: str
    prefix: str


@dataclass(frozen=True, slots=True)
class HasSku:
    sku_id: str


@dataclass(frozen=True, slots=True)
class LicenseCount:
    """``assignedLicenses/$count eq 0`` (unlicensed) or ``ne 0`` (licensed)."""

    unlicensed: bool


Clause = Equals | StartsWith | HasSku | LicenseCount


@dataclass(frozen=True, slots=True)
class FilterSpec:
    clauses: tuple[Clause, ...]


_STRING_EQ = re.compile(r"(\w+)\s+eq\s+'((?:[^']|'')*)'", re.IGNORECASE)
_LITERAL_EQ = re.compile(r"(\w+)\s+eq\s+(true|false|null|-?\d+)", re.IGNORECASE)
_STARTS = re.compile(r"startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)", re.IGNORECASE)
_ANY_SKU = re.compile(
    rf"assignedLicenses/any\(\s*(\w+)\s*:\s*\1/skuId\s+eq\s+({_GUID})\s*\)", re.IGNORECASE
)
_LICENSE_COUNT = re.compile(r"assignedLicenses/\$count\s+(eq|ne)\s+0", re.IGNORECASE)
_LEADING_NAME = re.compile(r"\s*(?:(?:not|startswith|endswith)\s*\(\s*)?(\w+)", re.IGNORECASE)


def _split_top_level(text: str, word: str) -> list[str]:
    """Split on `` word `` outside quotes and parentheses (case-insensitive)."""
    parts: list[str] = []
    depth = 0
    in_quote = False
    start = 0
    index = 0
    needle = f" {word} "
    lowered = text.lower()
    while index < len(text):
        char = text[index]
        if char == "'":
            in_quote = not in_quote
        elif not in_quote and char == "(":
            depth += 1
        elif not in_quote and char == ")":
            depth -= 1
        elif not in_quote and depth == 0 and lowered.startswith(needle, index):
            parts.append(text[start:index])
            index += len(needle)
            start = index
            continue
        index += 1
    parts.append(text[start:])
    return parts


def _strip_parens(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def parse_user_filter(
    text: str | None,
    string_props: Sequence[str],
    bool_props: Sequence[str],
    known_props: Sequence[str],
) -> FilterSpec | None:
    if text is None or not text.strip():
        return None
    by_lower = {p.lower(): p for p in (*string_props, *bool_props)}
    known_lower = {p.lower(): p for p in known_props}
    clauses: list[Clause] = []
    for part in _split_top_level(_strip_parens(text), "and"):
        clause = _strip_parens(part)
        if len(_split_top_level(clause, "or")) > 1:
            if "assignedlicenses" in clause.lower():
                raise errors.bad_request(
                    "Complex query on property assignedLicenses is not supported.",
                    errors.UNSUPPORTED_QUERY,
                )
            raise errors.bad_request("Unsupported Query.", errors.UNSUPPORTED_QUERY)
        clauses.append(_parse_clause(clause, by_lower, known_lower, set(bool_props)))
    return FilterSpec(tuple(clauses))


def _parse_clause(
    clause: str, filterable: dict[str, str], known: dict[str, str], bool_props: set[str]
) -> Clause:
    if found := _ANY_SKU.fullmatch(clause):
        return HasSku(found.group(2).lower())
    if found := _LICENSE_COUNT.fullmatch(clause):
        return LicenseCount(unlicensed=found.group(1).lower() == "eq")
    if found := _STARTS.fullmatch(clause):
        prop = _filterable(found.group(1), filterable, known)
        if prop in bool_props:
            raise _incompatible("Edm.Boolean", "Edm.String", "startswith")
        return StartsWith(prop, found.group(2).replace("''", "'"))
    if found := _STRING_EQ.fullmatch(clause):
        prop = _filterable(found.group(1), filterable, known)
        if prop in bool_props:
            raise _incompatible("Edm.Boolean", "Edm.String", "Equal")
        return Equals(prop, found.group(2).replace("''", "'"))
    if found := _LITERAL_EQ.fullmatch(clause):
        prop = _filterable(found.group(1), filterable, known)
        literal = found.group(2).lower()
        if prop in bool_props and literal in ("true", "false"):
            return Equals(prop, literal == "true")
        if prop not in bool_props and literal in ("true", "false"):
            raise _incompatible("Edm.String", "Edm.Boolean", "Equal")
        raise errors.bad_request(errors.msg_unsupported_filter(prop), errors.UNSUPPORTED_QUERY)
    leading = _LEADING_NAME.match(clause)
    if leading and leading.group(1).lower() in known:
        raise errors.bad_request(
            errors.msg_unsupported_filter(known[leading.group(1).lower()]),
            errors.UNSUPPORTED_QUERY,
        )
    if "assignedlicenses" in clause.lower():
        raise errors.bad_request(
            errors.msg_unsupported_filter("assignedLicenses"), errors.UNSUPPORTED_QUERY
        )
    raise errors.bad_request(errors.MSG_INVALID_FILTER, errors.BAD_REQUEST)


def _filterable(name: str, filterable: dict[str, str], known: dict[str, str]) -> str:
    prop = filterable.get(name.lower())
    if prop is not None:
        return prop
    if name.lower() in known:
        raise errors.bad_request(
            errors.msg_unsupported_filter(known[name.lower()]), errors.UNSUPPORTED_QUERY
        )
    raise errors.bad_request(
        f"Could not find a property named '{name}' on type 'microsoft.graph.user'.",
        errors.BAD_REQUEST,
    )


def _incompatible(left: str, right: str, operator: str) -> EnvelopeError:
    return errors.bad_request(
        "A binary operator with incompatible types was detected. Found operand types "
        f"'{left}' and '{right}' for operator kind '{operator}'.",
        errors.BAD_REQUEST,
    )


# -- $search ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchTerm:
    prop: str
    term: str


@dataclass(frozen=True, slots=True)
class SearchSpec:
    terms: tuple[SearchTerm, ...]
    operators: tuple[str, ...]  # "AND" / "OR" between consecutive terms


_SEARCH_TOKEN = re.compile(r'\s*"([^"]*)"\s*(?:(AND|OR)\b|$)')


def parse_search(text: str | None, searchable: Sequence[str]) -> SearchSpec | None:
    if text is None:
        return None
    by_lower = {p.lower(): p for p in searchable}
    terms: list[SearchTerm] = []
    operators: list[str] = []
    position = 0
    source = text.strip()
    while position < len(source):
        found = _SEARCH_TOKEN.match(source, position)
        if found is None:
            raise errors.bad_request(
                f"Syntax error: character '{source[position]}' is not valid at position "
                f"{position} in '{source}'.",
                errors.BAD_REQUEST,
            )
        body, operator = found.group(1), found.group(2)
        prop, colon, term = body.partition(":")
        if not colon or not term.strip():
            # *unverified* wording; the live service also insists on "property:value".
            raise errors.bad_request(
                'The $search value must name a property, for example "displayName:anna".',
                errors.UNSUPPORTED_QUERY,
            )
        canonical = by_lower.get(prop.strip().lower())
        if canonical is None:
            raise errors.bad_request(
                errors.msg_unsupported_filter(prop.strip()), errors.UNSUPPORTED_QUERY
            )
        terms.append(SearchTerm(canonical, term.strip()))
        if operator:
            operators.append(operator)
        position = found.end()
    if not terms or len(operators) != len(terms) - 1:
        raise errors.bad_request(f"Syntax error in '{source}'.", errors.BAD_REQUEST)
    return SearchSpec(tuple(terms), tuple(operators))


_TOKEN_SPLIT = re.compile(r"[\s.@_\-,;:/()']+")


def search_matches(value: str | None, term: str) -> bool:
    """Graph's tokenised prefix match: every word of ``term`` starts some word of ``value``."""
    if not value:
        return False
    tokens = [t for t in _TOKEN_SPLIT.split(value.casefold()) if t]
    wanted = [w for w in _TOKEN_SPLIT.split(term.casefold()) if w]
    return bool(wanted) and all(any(t.startswith(w) for t in tokens) for w in wanted)

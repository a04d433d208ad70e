"""Reading users: ``GET /users`` (paging, $select, $filter, $search, $count),
``GET /users/$count`` and ``GET /users/{id | userPrincipalName}``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.demo import errors, odata, payloads
from desktop.demo.context import (
    Backend,
    context_url,
    eventual_consistency,
    next_link,
    refuse_options,
)
from desktop.demo.router import Request, Response, Router
from desktop.demo.rows import UserRow

# Graph property -> users column, for $filter equality and startswith.
FILTER_COLUMNS: dict[str, str] = {
    name: payloads.USER_PROPERTY_COLUMNS[name]
    for name in (
        "id",
        "displayName",
        "givenName",
        "surname",
        "userPrincipalName",
        "mail",
        "mailNickname",
        "usageLocation",
        "department",
        "jobTitle",
        "officeLocation",
        "companyName",
        "accountEnabled",
    )
}
BOOL_PROPERTIES = ("accountEnabled",)
# Microsoft's table of $filter support on users (docs/graph-facts.md, "Users: reading, paging
# and advanced queries"): these take eq and startsWith only in advanced queries...
ADVANCED_ONLY = ("companyName", "officeLocation")
# ...and startsWith is no operator for these at all (id takes eq and in; ranges, ge and le,
# are refused by the parser for every property).
NO_STARTSWITH = ("id",)
SEARCHABLE = ("displayName", "givenName", "surname", "mail", "userPrincipalName", "mailNickname")
USER_PATH = r"/v1\.0/users/(?P<user>[^/]+)"
_ABOVE_EVERY_CHARACTER = "\U0010ffff"  # sorts after any text that follows a prefix


def register(router: Router, backend: Backend) -> None:
    router.add("GET", r"/v1\.0/users", lambda r: list_users(r, backend), graph=True)
    # Before USER_PATH, which would take "$count" for a user's id.
    router.add("GET", r"/v1\.0/users/\$count", lambda r: count_users(r, backend), graph=True)
    router.add("GET", USER_PATH, lambda r: get_user(r, backend), graph=True)


def find_user(backend: Backend, id_or_upn: str) -> UserRow:
    row = backend.store.user(id_or_upn)
    if row is None:
        raise errors.not_found(id_or_upn)
    return row


def render_users(
    backend: Backend, rows: list[UserRow], properties: list[str] | tuple[str, ...]
) -> list[dict[str, Any]]:
    licenses = (
        backend.assignments.for_users([row[0] for row in rows])
        if payloads.needs_licenses(properties)
        else {}
    )
    order = backend.sku_order()
    synced = (
        backend.store.synced_among([int(row[0]) for row in rows])
        if "onPremisesSyncEnabled" in properties
        else frozenset()
    )
    return [
        payloads.user_json(
            row, properties, licenses.get(row[0]), order, synced=int(row[0]) in synced
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class UsersPage:
    """One page of ``GET /users`` before it becomes a payload (``routes_signin`` adds sign-in
    activity to its users, from their rows)."""

    rows: list[UserRow]
    users: list[dict[str, Any]]  # rendered from ``rows``, in the same order
    fragment: str  # of the @odata.context
    count: int | None  # @odata.count, when asked for and given
    skiptoken: str | None  # of the next page, when there is one


def list_users(request: Request, backend: Backend) -> Response:
    page = read_users_page(request, backend)
    return Response.json(200, page_payload(request, page, page.fragment))


def page_payload(request: Request, page: UsersPage, fragment: str) -> dict[str, Any]:
    """The page as Graph sends it; its nextLink repeats ``request``'s query (every option)."""
    payload: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
    if page.count is not None:
        payload["@odata.count"] = page.count
    if page.skiptoken is not None:
        payload["@odata.nextLink"] = next_link(request, page.skiptoken)
    payload["value"] = page.users
    return payload


def read_users_page(
    request: Request, backend: Backend, query: Mapping[str, str] | None = None
) -> UsersPage:
    """The page ``request`` asks for; ``query`` stands for ``request.query`` when given (the
    same names, some values changed)."""
    refuse_options(request, ("$skip", "$orderby", "$expand"))
    query = request.query if query is None else query
    select = odata.parse_select(query.get("$select"), payloads.USER_PROPERTIES)
    top = odata.parse_top(query.get("$top"))
    count = odata.parse_count(query.get("$count"))
    spec = odata.parse_user_filter(
        query.get("$filter"), list(FILTER_COLUMNS), BOOL_PROPERTIES, payloads.USER_PROPERTIES
    )
    search = odata.parse_search(query.get("$search"), SEARCHABLE)
    eventual = eventual_consistency(request)
    # The header is checked on every page: Graph does not remember it between pages.
    if search is not None and not eventual:
        raise errors.bad_request(errors.MSG_SEARCH_NEEDS_EVENTUAL, errors.UNSUPPORTED_QUERY)
    refuse_filter(spec, advanced=eventual and count)
    # Without the header Graph ignores $count=true without a word: no @odata.count
    # (docs/graph-facts.md, "Users: reading, paging and advanced queries").
    count = count and eventual
    after = odata.decode_skiptoken("users", query.get("$skiptoken"))
    where, params = _where(backend, spec, search)
    properties = select or payloads.DEFAULT_USER_PROPERTIES
    columns = payloads.user_columns(properties)
    rows = backend.store.users_page(where, params, after, top + 1, columns)
    more = len(rows) > top
    rows = rows[:top]
    total = backend.store.count_users(where, params) if count and after == 0 else None
    return UsersPage(
        rows=rows,
        users=render_users(backend, rows, properties),
        fragment=f"users({','.join(select)})" if select else "users",
        count=total,
        skiptoken=odata.encode_skiptoken("users", int(rows[-1][0])) if more else None,
    )


def count_users(request: Request, backend: Backend) -> Response:
    """``/users/$count``: a plain-text number with ``ConsistencyLevel: eventual``, else 400."""
    if not eventual_consistency(request):
        raise errors.bad_request(errors.MSG_COUNT_UNSUPPORTED)
    refuse_options(request, ("$skip", "$orderby", "$expand"))
    query = request.query
    spec = odata.parse_user_filter(
        query.get("$filter"), list(FILTER_COLUMNS), BOOL_PROPERTIES, payloads.USER_PROPERTIES
    )
    refuse_filter(spec, advanced=True)  # counting is an advanced query itself
    search = odata.parse_search(query.get("$search"), SEARCHABLE)
    where, params = _where(backend, spec, search)
    total = backend.store.count_users(where, params)
    return Response(200, {"Content-Type": "text/plain"}, str(total).encode("ascii"))


def refuse_filter(spec: odata.FilterSpec | None, *, advanced: bool) -> None:
    """Graph's 400 for a filter clause it does not serve: never (startsWith on id), or not
    without the advanced query parameters (``ConsistencyLevel: eventual`` and ``$count``)."""
    for clause in spec.clauses if spec else ():
        if isinstance(clause, odata.StartsWith) and clause.prop in NO_STARTSWITH:
            prop = clause.prop
        elif advanced:
            continue
        elif isinstance(clause, odata.LicenseCount):
            prop = "assignedLicenses"
        elif isinstance(clause, odata.Equals | odata.StartsWith) and clause.prop in ADVANCED_ONLY:
            prop = clause.prop
        else:
            continue
        raise errors.bad_request(errors.msg_unsupported_filter(prop), errors.UNSUPPORTED_QUERY)


def get_user(
    request: Request, backend: Backend, query: Mapping[str, str] | None = None
) -> Response:
    """One user; ``query`` stands for ``request.query`` when given (as in ``read_users_page``)."""
    refuse_options(request, ("$expand",))
    query = request.query if query is None else query
    select = odata.parse_select(query.get("$select"), payloads.USER_PROPERTIES)
    row = find_user(backend, request.params["user"])
    properties = select or payloads.DEFAULT_USER_PROPERTIES
    fragment = f"users({','.join(select)})/$entity" if select else "users/$entity"
    payload = {"@odata.context": context_url(request, fragment)}
    payload.update(render_users(backend, [row], properties)[0])
    return Response.json(200, payload)


def _where(
    backend: Backend, spec: odata.FilterSpec | None, search: odata.SearchSpec | None
) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    for clause in spec.clauses if spec else ():
        sql, values = _clause_sql(backend, clause)
        parts.append(sql)
        params.extend(values)
    if search is not None:
        pieces: list[str] = []
        for index, term in enumerate(search.terms):
            if index:
                pieces.append(search.operators[index - 1])
            pieces.append(f"search_match({FILTER_COLUMNS[term.prop]}, ?)")
            params.append(term.term)
        parts.append(f"({' '.join(pieces)})")
    return (" AND ".join(parts) or "1"), params


def _clause_sql(backend: Backend, clause: odata.Clause) -> tuple[str, list[Any]]:
    if isinstance(clause, odata.Equals):
        column = FILTER_COLUMNS[clause.prop]
        if isinstance(clause.value, bool):
            return f"{column} = ?", [1 if clause.value else 0]
        if column in ("upn", "id"):
            return f"{column} = ? COLLATE NOCASE", [clause.value]
        return f"fold({column}) = fold(?)", [clause.value]
    if isinstance(clause, odata.StartsWith):
        column = FILTER_COLUMNS[clause.prop]
        if column == "upn" and clause.prefix.isascii():
            # The range finds the candidates on the index (NOCASE folds ASCII letters only);
            # starts_with keeps the exact rule.
            low = clause.prefix.lower()
            return (
                "rowid IN (SELECT rowid FROM users INDEXED BY users_by_upn "
                "WHERE upn >= ? AND upn < ?) AND starts_with(upn, ?)",
                [low, low + _ABOVE_EVERY_CHARACTER, clause.prefix],
            )
        return f"starts_with({column}, ?)", [clause.prefix]
    if isinstance(clause, odata.HasSku):
        seated = backend.assignments.allocation(clause.sku_id).group_seated
        return (
            "(rowid IN (SELECT user_rowid FROM direct_licenses WHERE sku_id = ?) "
            "OR rowid IN (SELECT value FROM json_each(?)))",
            [clause.sku_id, json.dumps(sorted(seated))],
        )
    seated_any = json.dumps(sorted(backend.assignments.group_seated_anywhere()))
    licensed = (
        "(EXISTS (SELECT 1 FROM direct_licenses d WHERE d.user_rowid = users.rowid) "
        "OR rowid IN (SELECT value FROM json_each(?)))"
    )
    return (f"NOT {licensed}" if clause.unlicensed else licensed), [seated_any]

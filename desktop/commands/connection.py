"""How a subcommand reaches Graph and the journal: options, environment, signed-in session.
The tenant itself is opened the same way as in the window (``desktop.open_tenant``).

Every subcommand takes ``--graph-url``/``--token`` (or LICENSE_DESK_GRAPH_URL /
LICENSE_DESK_TOKEN) and ``--journal`` (or LICENSE_DESK_JOURNAL). Without a URL and token it
uses the signed-in account through ``signed_in_client`` below.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.graph.address import check_token
from desktop.graph.client import GraphClient
from desktop.graph.errors import LicenseDeskError, MalformedTokenError
from desktop.graph.tokens import StaticToken
from desktop.licensing.controller import LicenseController
from desktop.open_tenant import OpenTenant, open_tenant, tenant_journal
from desktop.paths import app_data_dir
from desktop.private_files import make_private_dir
from desktop.tenants.errors import TenantNotFoundError

ENV_GRAPH_URL = "LICENSE_DESK_GRAPH_URL"
ENV_TOKEN = "LICENSE_DESK_TOKEN"
ENV_JOURNAL = "LICENSE_DESK_JOURNAL"

NOT_SIGNED_IN = (
    "Not signed in: run `license-desk login`, or pass --graph-url and --token "
    "(for example a demo tenant from `license-desk demo-server`)."
)


class ConnectionOptionsError(LicenseDeskError):
    """The connection options are missing or incomplete; the CLI exits with 2."""


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--graph-url",
        metavar="URL",
        help=f"Graph base URL, e.g. a demo tenant's (env {ENV_GRAPH_URL})",
    )
    group.add_argument(
        "--token", metavar="TOKEN", help=f"bearer token for --graph-url (env {ENV_TOKEN})"
    )
    add_tenant_option(group, default=argparse.SUPPRESS)  # the top-level one is kept
    group.add_argument(
        "--journal",
        metavar="PATH",
        type=Path,
        help=f"journal file (env {ENV_JOURNAL}; default {tenant_journal(app_data_dir(), None)}, or "
        "journal-<tenant id>.sqlite3 beside it for the signed-in account)",
    )


def add_tenant_option(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup, default: object = None
) -> None:
    """``--tenant ID_OR_NAME``: before the subcommand (for every one) or among its options."""
    parser.add_argument(
        "--tenant",
        metavar="ID_OR_NAME",
        default=default,
        help="work on this tenant: a customer the partner reaches (id, name or a unique part "
        "of it; see `license-desk tenants`)",
    )


def signed_in_client(graph_url: str | None = None) -> GraphClient | None:
    """AUTH HOOK: return a GraphClient for the signed-in account, or None when nobody is.

    The MSAL cache comes from the keyring (desktop/auth). It never prompts: scripts rely on an
    immediate None (exit 2 with ``NOT_SIGNED_IN``). ``graph_url`` (a demo tenant) is accepted
    only while LICENSE_DESK_LOGIN_URL points sign-in at a demo tenant too.
    """
    from desktop.auth.graph_session import signed_in_graph_client

    return signed_in_graph_client(graph_url)


def make_client(args: argparse.Namespace) -> GraphClient:
    """The client for the tenant the options name: ``--tenant`` (one the connection reaches,
    a partner's customer) or else the connection's own."""
    client = home_client(args)
    chosen = getattr(args, "tenant", None)
    if not chosen:
        return client
    from desktop.tenants.connection import switch_tenant

    try:
        return switch_tenant(client, chosen)
    except TenantNotFoundError as exc:
        raise ConnectionOptionsError(str(exc)) from None
    finally:
        client.close()


def home_client(args: argparse.Namespace) -> GraphClient:
    """The connection's own tenant (``--graph-url``/``--token`` or the signed-in account)."""
    url = getattr(args, "graph_url", None) or os.environ.get(ENV_GRAPH_URL)
    token = getattr(args, "token", None) or os.environ.get(ENV_TOKEN)
    if url and token:
        try:
            check_token(token)
        except MalformedTokenError as exc:
            raise ConnectionOptionsError(f"{exc} Check --token (or {ENV_TOKEN}).") from None
        return GraphClient(url.rstrip("/"), StaticToken(token))
    if url and not token:
        signed_in = signed_in_client(url)
        if signed_in is not None:
            return signed_in
    if url or token:
        missing = "--token" if url else "--graph-url"
        raise ConnectionOptionsError(
            f"{missing} is missing: --graph-url and --token go together "
            f"(or set {ENV_GRAPH_URL} and {ENV_TOKEN})."
        )
    client = signed_in_client()
    if client is None:
        raise ConnectionOptionsError(NOT_SIGNED_IN)
    return client


def journal_path(args: argparse.Namespace, client: GraphClient | None = None) -> Path:
    """--journal or LICENSE_DESK_JOURNAL; else, for the signed-in account, its tenant's own
    journal (so resume and undo never reach another tenant's runs); else the default one.

    Without ``client`` (history reads only the journal) the signed-in account is looked up in
    the keyring, unless --graph-url/--token say another connection is meant.
    """
    given = getattr(args, "journal", None) or os.environ.get(ENV_JOURNAL)
    if given:
        return Path(given).expanduser()
    chosen = getattr(args, "tenant", None)
    tenant_id = _remembered_tenant(chosen) if chosen and client is None else None
    tenant_id = tenant_id or _signed_in_tenant(args, client)
    make_private_dir(app_data_dir())  # also when an older version made it readable by all
    return tenant_journal(app_data_dir(), tenant_id)


def _remembered_tenant(chosen: str) -> str:
    """``--tenant`` without a connection (history): the tenant the last `tenants` found."""
    from desktop.tenants.registry import load_registry

    try:
        return load_registry(app_data_dir()).find(chosen).tenant_id
    except TenantNotFoundError as exc:
        raise ConnectionOptionsError(
            f"{exc} (from the last `license-desk tenants`; run it again to refresh the list)"
        ) from None


def _signed_in_tenant(args: argparse.Namespace, client: GraphClient | None) -> str | None:
    from desktop.auth.token_provider import MsalTokenProvider

    if client is not None:
        tokens = client.tokens
        if isinstance(tokens, MsalTokenProvider):
            return tokens.tenant_id or None
        # A customer reached with --tenant has its own journal, whatever the connection.
        return getattr(tokens, "tenant_id", None) or None
    explicit = any(
        getattr(args, name, None) or os.environ.get(env)
        for name, env in (("graph_url", ENV_GRAPH_URL), ("token", ENV_TOKEN))
    )
    if explicit:
        return None
    from desktop.auth.errors import KeyringUnavailableError
    from desktop.auth.graph_session import signed_in_tenant_id

    try:
        return signed_in_tenant_id()
    except KeyringUnavailableError:
        return None  # a locked keyring: listing the shared journal beats failing outright


def open_from_options(args: argparse.Namespace) -> OpenTenant:
    """The tenant the options (or the signed-in account) name, opened as the window opens one."""
    client = make_client(args)
    try:
        journal = journal_path(args, client)
        tenant_id = _signed_in_tenant(args, client)
    except BaseException:
        client.close()
        raise
    return open_tenant(
        client, app_data_dir(), client.base_url, tenant_id=tenant_id, journal_path=journal
    )


def open_controller(args: argparse.Namespace) -> LicenseController:
    return open_from_options(args).controller

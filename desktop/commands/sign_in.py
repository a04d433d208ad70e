"""``license-desk login``, ``logout`` and ``whoami``: the same sign-in as the window, from a
terminal. Tokens go to the OS keyring only; without a keyring the command refuses to sign in.

For tests, ``LICENSE_DESK_LOGIN_URL`` sends sign-in to a demo tenant's identity endpoints
(loopback only) and ``LICENSE_DESK_KEYRING_NAMESPACE`` keeps the entries apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from desktop.auth import scopes
from desktop.auth.accounts import AccountInfo, AccountManager
from desktop.auth.config import AuthConfig, keyring_namespace
from desktop.auth.errors import AuthError, KeyringUnavailableError
from desktop.auth.token_store import open_token_store
from desktop.cancel import CancelToken
from desktop.commands.bad_input import refusing
from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK
from desktop.commands.interrupt import cancel_on_interrupt
from desktop.graph.errors import AuthenticationError, ConnectionFailedError
from desktop.paths import app_data_dir
from desktop.snapshot.store import delete_all as delete_all_snapshots
from desktop.snapshot.store import forget_tenant

ACCESS_LEVELS: dict[str, tuple[str, ...]] = {
    "browse": scopes.BROWSE,
    "licenses": scopes.CHANGE_LICENSES,
    "users": scopes.CHANGE_USERS,
    "insights": scopes.INSIGHT,
    "partner": scopes.PARTNER,  # a partner's customers: tenants, audit
    "all": (*scopes.CHANGE_LICENSES, *scopes.WRITE_USERS, *scopes.INSIGHT),
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    login = subparsers.add_parser(
        "login",
        help="sign in to Microsoft 365 (tokens kept in the system keyring)",
        description="Sign in in the web browser, or with a code on another device.",
    )
    login.add_argument(
        "--device-code",
        action="store_true",
        help="show a code to enter at microsoft.com/devicelogin (no browser needed here)",
    )
    login.add_argument(
        "--tenant", metavar="T", help="tenant id or domain (default: chosen at sign-in)"
    )
    login.add_argument(
        "--client-id",
        metavar="ID",
        help="your organisation's app registration (default: Microsoft Graph PowerShell)",
    )
    login.add_argument(
        "--access",
        choices=sorted(ACCESS_LEVELS),
        default="browse",
        help="permissions to ask for now: browse (read only, the default), licenses "
        "(assign and remove), users (create, usage location), insights (sign-in activity, "
        "usage reports, subscriptions), partner (insights and your customers' list), all",
    )
    login.set_defaults(handler=_guarded(run_login))

    logout = subparsers.add_parser("logout", help="sign out and remove the saved sign-in")
    which = logout.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="sign out every account")
    which.add_argument("--account", metavar="USER", help="sign out this account, not the current")
    logout.set_defaults(handler=_guarded(run_logout))

    whoami = subparsers.add_parser("whoami", help="show the signed-in accounts")
    whoami.add_argument("--json", action="store_true", help="print JSON for scripts")
    whoami.add_argument(
        "--check", action="store_true", help="also get a fresh token (needs the network)"
    )
    whoami.set_defaults(handler=_guarded(run_whoami))


def _guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Typed errors become one clear line on stderr and an exit code."""

    refusing_bad_input = refusing(ValueError)(run)

    def wrapped(args: argparse.Namespace) -> int:
        try:
            return refusing_bad_input(args)
        except KeyringUnavailableError as exc:
            print(keyring_hint(exc), file=sys.stderr)
            return EXIT_FAILED
        except (AuthError, AuthenticationError, ConnectionFailedError) as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAILED

    return wrapped


def keyring_hint(exc: KeyringUnavailableError) -> str:
    """The command line's own words: the window can keep a sign-in for the session only, the
    command line cannot (each run is a new process), so it offers what it does have."""
    where = f" ({exc.backend})" if exc.backend else ""
    return (
        f"The system keyring{where} cannot store your sign-in: {exc.reason}. The command line "
        "keeps sign-ins only there: unlock or install a keyring (Windows Credential Manager, "
        "macOS Keychain, GNOME Keyring or KWallet), or give the other commands --graph-url "
        "and --token."
    )


def open_manager(config: AuthConfig | None = None) -> AccountManager:
    return AccountManager(open_token_store(keyring_namespace()), config)


def run_login(args: argparse.Namespace) -> int:
    config = AuthConfig.from_environment(client_id=args.client_id, tenant=args.tenant)
    manager = open_manager(config)
    wanted = ACCESS_LEVELS[args.access]
    cancel = CancelToken()
    with cancel_on_interrupt(cancel):
        if args.device_code:
            flow = manager.start_device_code(wanted)
            print(flow.message or _code_text(flow.verification_uri, flow.user_code), flush=True)
            account = flow.wait(cancel)
        else:
            print(
                "Opening the web browser to sign in (if none opens, use --device-code)...",
                file=sys.stderr,
                flush=True,
            )
            account = manager.sign_in_interactive(wanted, cancel=cancel)
    print(f"Signed in as {_who(account)} to tenant {account.tenant_id}.")
    if manager.storage_problem is not None:
        print(f"Warning: {manager.storage_problem}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _code_text(uri: str, code: str) -> str:
    return f"To sign in, open {uri} and enter the code {code}."


def run_logout(args: argparse.Namespace) -> int:
    manager = open_manager()
    accounts = manager.accounts()
    if not accounts:
        print("Nobody is signed in.")
        return EXIT_OK
    if args.all:
        manager.sign_out_all()
        delete_all_snapshots(app_data_dir())
        print(f"Signed out {len(accounts)} account(s); the saved sign-in is removed.")
        return EXIT_OK
    target = _find(accounts, args.account) if args.account else manager.current()
    if target is None:
        print(
            "Several accounts are signed in; name one with --account USER, or use --all.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    manager.sign_out(target.home_account_id)
    forget_tenant(app_data_dir(), target.tenant_id)
    left = len(manager.accounts())
    if not left:  # as the saved sign-in, every tenant's snapshot goes with the last account
        delete_all_snapshots(app_data_dir())
    tail = f"{left} account(s) still signed in." if left else "The saved sign-in is removed."
    print(f"Signed out {target.username}. {tail}")
    return EXIT_OK


def _find(accounts: Sequence[AccountInfo], username: str) -> AccountInfo:
    for account in accounts:
        if account.username.lower() == username.lower():
            return account
    raise ValueError(f"{username} is not signed in. `license-desk whoami` lists who is.")


def run_whoami(args: argparse.Namespace) -> int:
    manager = open_manager()
    accounts = manager.accounts()
    if not accounts:
        print("Not signed in. Run `license-desk login`.", file=sys.stderr)
        return EXIT_FAILED
    current = manager.current()
    if args.check and current is not None:
        manager.acquire_token()  # raises a clear error when the sign-in no longer works
    if args.json:
        print(json.dumps([_as_json(a, current) for a in accounts], indent=2))
        return EXIT_OK
    for account in accounts:
        is_current = current is not None and account.home_account_id == current.home_account_id
        mark = "*" if is_current else " "
        print(f"{mark} {_who(account)}  tenant {account.tenant_id}  app {account.client_id}")
    if current is None:
        print("No account is current: the window lets you choose one.")
    return EXIT_OK


def _who(account: AccountInfo) -> str:
    name = f" ({account.display_name})" if account.display_name else ""
    return f"{account.username}{name}"


def _as_json(account: AccountInfo, current: AccountInfo | None) -> dict[str, object]:
    return {
        "username": account.username,
        "displayName": account.display_name,
        "tenantId": account.tenant_id,
        "authority": account.authority_tenant,
        "clientId": account.client_id,
        "current": current is not None and account.home_account_id == current.home_account_id,
    }

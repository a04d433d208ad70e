"""``license-desk --self-test``: the smoke test of what users install.

Run inside the frozen bundle by ``.ci/run`` (and by the installer workflow on Windows and macOS):
it proves the bundled resources, the keyring backends, the demo tenant, the Graph client and
the engine all work from the frozen app, not just from a checkout. The window half lives in
``ui/self_test.py``. Each check prints one line; the first failure stops the run.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from desktop.resources import resource_path

Report = Callable[[str], None]


class SelfTestFailedError(Exception):
    pass


@dataclass(frozen=True)
class KeyringFinding:
    backend: str
    viable: tuple[str, ...]


def check_resources(report: Report) -> None:
    from desktop import catalog

    catalog_file = resource_path("catalog", "licensing-service-plan-reference.csv.gz")
    if not catalog_file.is_file():
        raise SelfTestFailedError(f"license catalog missing at {catalog_file}")
    name = catalog.sku_name("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK")
    if name != "Office 365 E3":
        raise SelfTestFailedError(f"license catalog gave {name!r} for ENTERPRISEPACK")
    report(f"catalog: ENTERPRISEPACK is {name!r}")


def check_keyring(report: Report, *, require_native: bool = False) -> KeyringFinding:
    """A real OS backend must resolve wherever one is usable.

    The frozen app finds backends through entry points, so missing package metadata would leave
    only the fail backend even on a machine with a working keyring; that is the bug caught here.
    With ``require_native`` the platform's own keyring must be chosen and store a secret
    (``desktop.selftest_keyring``): none loading is a failure, not a report.
    """
    import keyring
    from keyring.backend import get_all_keyring
    from keyring.backends import fail

    advertised = [ep.value for ep in entry_points(group="keyring.backends")]
    if not advertised:
        raise SelfTestFailedError("no keyring backends advertised: package metadata not bundled")
    viable = tuple(
        type(b).__module__ + "." + type(b).__name__
        for b in get_all_keyring()
        if b.priority > 0 and not isinstance(b, fail.Keyring)
    )
    chosen = keyring.get_keyring()
    chosen_name = type(chosen).__module__ + "." + type(chosen).__name__
    if viable and isinstance(chosen, fail.Keyring):
        raise SelfTestFailedError(f"keyring resolved the fail backend although {viable} are usable")
    report(f"keyring: {chosen_name} (usable here: {', '.join(viable) or 'none'})")
    if require_native:
        from desktop import selftest_keyring as native

        try:
            native.require_native(chosen_name, viable)
            native.round_trip(keyring.set_password, keyring.get_password, keyring.delete_password)
        except native.NativeKeyringError as error:
            raise SelfTestFailedError(str(error)) from error
        except Exception as error:  # a backend's own error type, e.g. a locked keychain
            raise SelfTestFailedError(f"the OS keyring refused a test entry: {error}") from error
        report(f"keyring: {chosen_name} stores, returns and deletes a secret")
    return KeyringFinding(chosen_name, viable)


def check_trust_store(report: Report) -> None:
    """HTTPS verifies through the OS certificate store: truststore and its native bindings
    (ctypes to Security.framework / crypt32) must be bundled and load."""
    import ssl

    from desktop.trust import os_trust_store_in_use, use_os_trust_store

    use_os_trust_store()
    context = ssl.create_default_context()
    if not os_trust_store_in_use() or type(context).__module__.split(".")[0] != "truststore":
        raise SelfTestFailedError("HTTPS does not use the OS certificate store (truststore)")
    report(f"trust: HTTPS verifies through the OS certificate store ({type(context).__module__})")


def check_engine_on_demo_tenant(report: Report) -> None:
    """Open the demo tenant the way the window does, assign one license through the engine,
    read it back."""
    from desktop.graph.records import AssignedLicense
    from desktop.licensing.builders import assign_plan
    from desktop.licensing.types import Outcome
    from desktop.open_tenant import open_demo

    with tempfile.TemporaryDirectory(prefix="license-desk-selftest-") as folder:
        opened = open_demo(Path(folder), users=30)
        controller, client = opened.controller, opened.client
        try:
            snapshot = controller.load_tenant()
            sku = max(
                (s for s in snapshot.skus if s.assignable_to_users and s.free > 0),
                key=lambda s: s.free,
            )
            user = next(
                u for u in snapshot.users if sku.sku_id not in u.sku_ids and u.usage_location
            )
            checked = controller.check(assign_plan([user.id], [AssignedLicense(sku.sku_id)]))
            if not checked.can_apply:
                raise SelfTestFailedError(f"check refused a simple assignment: {checked.problems}")
            result = controller.apply(checked)
            outcomes = {r.outcome for r in result.results}
            if outcomes != {Outcome.DONE}:
                raise SelfTestFailedError(f"assignment did not finish: {result.results}")
            after = client.get_user(user.id)
            if sku.sku_id not in after.sku_ids:
                raise SelfTestFailedError("the assigned license is not on the user afterwards")
            report(
                f"engine: assigned {sku.sku_part_number} to {user.user_principal_name} "
                f"on a demo tenant of {len(snapshot.users)} users"
            )
        finally:
            opened.close()


def run_core_checks(report: Report = print, *, require_native: bool = False) -> None:
    check_resources(report)
    check_keyring(report, require_native=require_native)
    check_trust_store(report)
    check_engine_on_demo_tenant(report)

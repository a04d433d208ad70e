"""The actions on ticked users: ask what exactly (a dialog), build the plan, hand it to the runner.

Every plan names users by id, so the preview and results can show each user's name and UPN
from what the check read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.graph.records import AssignedLicense, Sku, User
from desktop.licensing.builders import (
    apps_plan,
    assign_plan,
    copy_licenses_plan,
    reassign_plan,
    remove_plan,
    sign_in_plan,
    usage_location_plan,
)
from desktop.licensing.types import Plan
from desktop.licensing.via_groups import leave_instead
from desktop.templates.plans import apply_plan
from ui.dialogs.apps_dialog import AppsDialog
from ui.dialogs.copy_from_dialog import CopyFromDialog
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.location_dialog import UsageLocationDialog
from ui.dialogs.reassign_dialog import ReassignDialog
from ui.dialogs.remove_dialog import RemoveDialog
from ui.flows.change_runner import ChangeRunner
from ui.flows.people_commands import PeopleCommands
from ui.flows.template_commands import TemplateCommands, template_groups
from ui.session import TenantSession


def held_directly(users: Sequence[User], skus: Sequence[Sku]) -> list[tuple[Sku, int]]:
    """Packages at least one of ``users`` holds directly, with how many hold each."""
    counts: Counter[str] = Counter()
    for user in users:
        counts.update(user.direct_sku_ids)
    return [(sku, counts[sku.sku_id]) for sku in skus if counts[sku.sku_id]]


def held_at_all(users: Sequence[User], skus: Sequence[Sku]) -> list[tuple[Sku, int]]:
    """Packages at least one of ``users`` holds, directly or through a group, with how many."""
    counts: Counter[str] = Counter()
    for user in users:
        counts.update(user.sku_ids)
    return [(sku, counts[sku.sku_id]) for sku in skus if counts[sku.sku_id]]


class LicenseCommands(QObject):
    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent
        # People without an account among the ticked rows get it created first.
        self.people: PeopleCommands | None = None
        self.templates: TemplateCommands | None = None  # Add licenses offers them

    def _targets(self) -> list[User]:
        return self._session.users.checked_users()

    def _ids(self, users: Sequence[User]) -> list[str]:
        return [u.id for u in users]

    def add_licenses(self) -> None:
        users = self._targets()
        if not users:
            return
        session = self._session
        dialog = LicensePickerDialog(
            session.skus.skus(),
            session.naming,
            users=len(users),
            users_without_location=sum(1 for u in users if not u.usage_location),
            default_location=session.most_common_usage_location(),
            parent=self._parent,
            templates=self.templates.templates() if self.templates is not None else (),
        )
        if not accepted(launch(dialog)):
            return
        template = dialog.chosen_template()
        if template is None:
            if dialog.picked():
                plan = assign_plan(self._ids(users), dialog.picked())
                self._run(plan, users, dialog.usage_location())
            return
        # The template as the person left it in the list: its packages (and apps) as ticked,
        # its usage location, and its groups joined, as `templates apply` does.
        groups = template_groups(session, template)
        plan = apply_plan(replace(template, licenses=()), self._ids(users), groups)
        picked = tuple(dialog.picked())
        plan = replace(plan, changes=tuple(replace(c, add=picked) for c in plan.changes))
        self._run(plan, users, dialog.usage_location())

    def _run(self, plan: Plan, users: Sequence[User], location: str | None = None) -> None:
        """Run ``plan``; people among ``users`` without an account get it created first, in
        the same plan (``location``: for those the list gives no usage location)."""
        if self.people is not None and any(u.not_activated for u in users):
            self.people.run_creating(plan, location)
            return
        self._runner.run(plan, default_usage_location=location)

    def reassign(self) -> None:
        users = self._targets()
        held = held_directly(users, self._session.skus.skus())
        if not held:
            return
        dialog = ReassignDialog(held, self._session.skus.skus(), self._session.naming, self._parent)
        if not accepted(launch(dialog)):
            return
        source, target = dialog.source_sku(), dialog.target_sku()
        if source is None or target is None:
            return
        holders = [u for u in users if source in u.direct_sku_ids]
        self._runner.run(reassign_plan(self._ids(holders), source, AssignedLicense(target)))

    def remove(self) -> None:
        users = self._targets()
        held = held_at_all(users, self._session.skus.skus())
        if not held:
            return
        naming = self._session.naming
        granting = {
            sku.sku_id: sorted({naming.group(g) for u in users for g in u.groups_granting(s)})
            for sku, _ in held
            if (s := sku.sku_id)
        }
        dialog = RemoveDialog(held, naming, self._parent, granting)
        if not accepted(launch(dialog)) or not dialog.picked():
            return
        picked = set(dialog.picked())
        if not dialog.leaving_groups():
            # Without leaving, only direct copies can go. When nobody holds one, the preview
            # still opens and its check says which group each license comes from.
            holders = [u for u in users if picked & u.direct_sku_ids]
            holders = holders or [u for u in users if picked & u.sku_ids]
            self._runner.run(remove_plan(self._ids(holders), sorted(picked)))
            return
        by_id = {u.id: u for u in users if picked & u.sku_ids}
        plan = remove_plan(list(by_id), sorted(picked))
        names = {g: naming.group(g) for u in by_id.values() for g in u.granting_group_ids}
        changes = tuple(leave_instead(c, by_id[c.user], names) for c in plan.changes)
        self._runner.run(replace(plan, changes=changes))

    def apps(self) -> None:
        users = self._targets()
        held = held_directly(users, self._session.skus.skus())
        if not held:
            return

        def disabled_now(sku_id: str) -> tuple[str, ...]:
            for user in users:
                lic = user.assigned(sku_id)
                if lic is not None:
                    return lic.disabled_plans
            return ()

        dialog = AppsDialog(held, self._session.naming, disabled_now, self._parent)
        if not accepted(launch(dialog)):
            return
        sku_id = dialog.sku_id()
        if sku_id is None:
            return
        holders = [u for u in users if sku_id in u.direct_sku_ids]
        self._runner.run(apps_plan(self._ids(holders), sku_id, dialog.disabled_plans()))

    def usage_location(self) -> None:
        users = self._targets()
        if not users:
            return
        preset = users[0].usage_location or self._session.most_common_usage_location()
        dialog = UsageLocationDialog(len(users), preset, self._parent)
        if accepted(launch(dialog)):
            self._run(usage_location_plan(self._ids(users), dialog.code()), users)

    def activate(self) -> None:
        """Blocked users may sign in again; people without an account get one (no license)."""
        users = [u for u in self._targets() if not u.account_enabled]
        if self.people is not None and users and all(u.not_activated for u in users):
            self.people.activate(users)  # only new accounts: a plan of creations
        elif users:
            self._run(sign_in_plan(self._ids(users), True), users)

    def block(self) -> None:
        # A synced user's block is undone by the next sync: the check says so (one rule,
        # desktop/licensing/check.py, for the CLI too).
        users = [u for u in self._targets() if u.account_enabled]
        if users:
            self._runner.run(sign_in_plan(self._ids(users), False))

    def copy_from(self) -> None:
        users = self._targets()
        if not users:
            return
        model = self._session.users
        dialog = CopyFromDialog(
            model.users(), model.haystacks(), self._session.naming, len(users), self._parent
        )
        if not accepted(launch(dialog)):
            return
        source = dialog.source()
        if source is not None:
            # A new account without a country takes the source's (licenses need one); the
            # tenant's users without one are left to the check, as before.
            creating = any(u.not_activated for u in users)
            location = source.usage_location or self._session.most_common_usage_location()
            self._run(copy_licenses_plan(source, self._ids(users)), users,
                      location if creating else None)  # fmt: skip

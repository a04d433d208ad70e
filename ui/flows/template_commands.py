"""License templates in the window: save a user's licenses as one (the user's menu), the
Templates manager and the drift check (Tools). Using a template in New user and Add licenses
is part of those flows; this module gives them the saved templates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.catalog import plan_name, sku_name
from desktop.graph.errors import LicenseDeskError
from desktop.graph.groups import LicensedGroup
from desktop.graph.records import Group
from desktop.licensing.types import GroupRef
from desktop.templates.drift import Drift, align_plan, find_drift, templates_by_department
from desktop.templates.model import LicenseTemplate, TemplateError, from_user
from desktop.templates.plans import resolve_groups
from desktop.templates.store import TemplateStore
from ui.dialogs.drift_dialog import DriftDialog
from ui.dialogs.error_dialog import ErrorDialog
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.save_template_dialog import SaveTemplateDialog
from ui.dialogs.templates_dialog import TemplatesDialog
from ui.errors import UserMessage
from ui.flows.change_runner import ChangeRunner
from ui.session import TenantSession


def describe_template(template: LicenseTemplate) -> str:
    """Packages with the apps they have off, location, department, groups: one line each."""
    lines = []
    for lic in template.licenses:
        name = sku_name(lic.sku_id, lic.part_number or None)
        off = [plan_name(p, n or None) for p, n in
               zip(lic.disabled_plans, lic.disabled_plan_names, strict=True)]  # fmt: skip
        lines.append(
            QCoreApplication.translate("TemplateText", "{package}, without {apps}").format(
                package=name, apps=", ".join(off)
            )
            if off
            else name
        )
    if template.usage_location:
        lines.append(
            QCoreApplication.translate("TemplateText", "Usage location: {code}").format(
                code=template.usage_location
            )
        )
    if template.department:
        lines.append(
            QCoreApplication.translate("TemplateText", "For department: {name}").format(
                name=template.department
            )
        )
    if template.groups:
        names = ", ".join(g.name or g.id for g in template.groups)
        lines.append(
            QCoreApplication.translate("TemplateText", "Groups: {names}").format(names=names)
        )
    return "\n".join(lines)


def describe_drift(drift: Drift) -> str:
    parts = []
    if drift.missing:
        names = ", ".join(sku_name(lic.sku_id, lic.part_number or None) for lic in drift.missing)
        parts.append(
            QCoreApplication.translate("TemplateText", "lacks {packages}").format(packages=names)
        )
    if drift.other_apps:
        names = ", ".join(sku_name(lic.sku_id, lic.part_number or None) for lic in drift.other_apps)
        parts.append(
            QCoreApplication.translate("TemplateText", "other apps in {packages}").format(
                packages=names
            )
        )
    if drift.extra:
        names = ", ".join(sku_name(sku) for sku in drift.extra)
        parts.append(
            QCoreApplication.translate("TemplateText", "also has {packages}").format(packages=names)
        )
    if drift.usage_location:
        parts.append(
            QCoreApplication.translate("TemplateText", "usage location {now}, not {wanted}").format(
                now=drift.user.usage_location or "–", wanted=drift.usage_location
            )
        )
    return "; ".join(parts)


def tenant_groups(session: TenantSession) -> list[LicensedGroup]:
    """The groups the window knows by name (those users inherit licenses through)."""
    return [LicensedGroup(gid, name, ()) for gid, name in session.naming.group_names.items()]


def template_groups(session: TenantSession, template: LicenseTemplate) -> tuple[GroupRef, ...]:
    return resolve_groups(template, tenant_groups(session)) if template.groups else ()


class TemplateCommands(QObject):
    status = Signal(str)  # a line for the status bar

    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent

    def store(self) -> TemplateStore | None:
        """The saved templates; a file that cannot be read is said, once, in a dialog."""
        try:
            return TemplateStore(self._session.connection.data_dir)
        except LicenseDeskError as exc:
            launch(ErrorDialog(UserMessage(
                self.tr("License templates"),
                self.tr("The saved license templates could not be read. Move the file aside "
                        "to start afresh, or restore it from a backup."),
                str(exc),
            ), self._parent))  # fmt: skip
            return None

    def templates(self) -> list[LicenseTemplate]:
        store = self.store()
        return store.templates if store is not None else []

    def save_from_user(self) -> None:
        users = self._session.users.checked_users()
        store = self.store()
        if len(users) != 1 or store is None:
            return
        user = users[0]
        groups = {gid: Group(gid, name) for gid, name in self._session.naming.group_names.items()}
        try:
            template = from_user(user.display_name or "-", user, self._session.skus.skus(), groups)
        except TemplateError:
            self.status.emit(self.tr("{user} has no licenses to save.").format(
                user=user.user_principal_name))  # fmt: skip
            return
        dialog = SaveTemplateDialog(
            template, describe_template(template), lambda name: store.find(name) is not None,
            self._parent,
        )  # fmt: skip
        dialog.name.setText("")
        if not accepted(launch(dialog)):
            return
        chosen = dialog.result_template()
        store.save(chosen, replace_existing=dialog.replaces())
        self.status.emit(self.tr("Saved the license template “{name}”.").format(name=chosen.name))

    def manage(self) -> None:
        store = self.store()
        if store is not None:
            launch(TemplatesDialog(store, describe_template, self._parent))

    def drift(self) -> None:
        store = self.store()
        if store is None:
            return
        try:
            by_department = templates_by_department(store.templates)
        except TemplateError:
            self.status.emit(self.tr(
                "Two templates are for the same department: keep one per department for the "
                "drift check (Tools › License templates…)."
            ))  # fmt: skip
            return
        departments = sorted(t.department or "" for t in by_department.values())
        users = list(self._session.users.users())

        def compute(department: str | None) -> list[Drift]:
            real = [u for u in users if not u.not_activated]
            return find_drift(real, store.templates, department)

        dialog = DriftDialog(departments, compute, describe_drift, self._parent)
        if accepted(launch(dialog)) and dialog.drifts:
            self._runner.run(align_plan(dialog.drifts))

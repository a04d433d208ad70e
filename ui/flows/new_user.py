"""New user: the form, then the usual preview (its button reads "Create user": the
confirmation), then, once Microsoft has created the account, the password shown once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.graph.records import NewUser
from desktop.licensing.builders import create_user_plan
from desktop.licensing.types import Outcome, RunReport
from desktop.templates.model import LicenseTemplate
from desktop.templates.plans import join_groups_plan
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.new_user_dialog import NewUserDialog
from ui.dialogs.user_created_dialog import UserCreatedDialog
from ui.flows.change_runner import ChangeRunner
from ui.flows.template_commands import TemplateCommands, template_groups
from ui.session import TenantSession


class NewUserCommand(QObject):
    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent
        self.templates: TemplateCommands | None = None  # New user offers them

    def new_user(self) -> None:
        session = self._session
        dialog = NewUserDialog(
            session.verified_domains(),
            session.skus.skus(),
            session.naming,
            session.most_common_usage_location(),
            self._parent,
            templates=self.templates.templates() if self.templates is not None else (),
        )
        if not accepted(launch(dialog)):
            return
        new_user = dialog.new_user()
        template = dialog.template.template()
        plan = create_user_plan(new_user, dialog.picked_licenses())
        self._runner.run(plan, on_finished=lambda report: self._created(report, new_user, template))

    def _created(
        self, report: RunReport, new_user: NewUser, template: LicenseTemplate | None
    ) -> None:
        upn = new_user.user_principal_name.lower()
        created = any(r.outcome is Outcome.DONE and r.user.lower() == upn for r in report.results)
        if created:
            password = new_user.password_profile.password
            launch(UserCreatedDialog(new_user.user_principal_name, password, self._parent))
        if created and template is not None and template.groups:
            # The template's groups, now that the account exists: a second preview, once
            # this run has finished (the runner takes one change at a time).
            groups = template_groups(self._session, template)
            plan = join_groups_plan(template, [new_user.user_principal_name], groups)
            QTimer.singleShot(0, lambda: self._runner.run(plan))

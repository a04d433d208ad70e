"""All the window's commands in one place, so the main window connects actions without knowing
which object carries each one out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ui.actions import UserActions
from ui.flows.change_runner import ChangeRunner
from ui.flows.csv_commands import CsvCommands
from ui.flows.history_flow import HistoryCommands
from ui.flows.insight_flow import InsightCommands
from ui.flows.license_commands import LicenseCommands
from ui.flows.new_user import NewUserCommand
from ui.flows.people_commands import PeopleCommands
from ui.flows.template_commands import TemplateCommands
from ui.session import TenantSession


class WindowCommands(QObject):
    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.licenses = LicenseCommands(session, runner, parent)
        self.people = PeopleCommands(session, runner, parent)
        self.licenses.people = self.people
        self.new_user = NewUserCommand(session, runner, parent)
        self.csv = CsvCommands(session, runner, parent)
        self.history = HistoryCommands(session, runner, parent)
        self.insight = InsightCommands(session, runner, parent)
        self.templates = TemplateCommands(session, runner, parent)
        self.licenses.templates = self.templates
        self.new_user.templates = self.templates
        self._connections: list[tuple[QAction, Callable[[], None]]] = []

    def _bindings(self, a: UserActions) -> list[tuple[QAction, Callable[[], None]]]:
        return [
            (a.add_licenses, self.licenses.add_licenses),
            (a.reassign, self.licenses.reassign),
            (a.remove, self.licenses.remove),
            (a.apps, self.licenses.apps),
            (a.usage_location, self.licenses.usage_location),
            (a.activate, self.licenses.activate),
            (a.block, self.licenses.block),
            (a.copy_from, self.licenses.copy_from),
            (a.new_user, self.new_user.new_user),
            (a.refresh, self.session.load),
            (a.reload_all, self._reload_everything),
            (a.export_csv, self.csv.export_csv),
            (a.import_plan, self.csv.import_plan),
            (a.import_people, self.people.import_people),
            (a.remove_from_list, self._remove_from_list),
            (a.history, self.history.history),
            (a.insight, self.insight.insight),
            (a.save_template, self.templates.save_from_user),
            (a.manage_templates, self.templates.manage),
            (a.template_drift, self.templates.drift),
        ]

    def _reload_everything(self) -> None:
        self.session.load(everything=True)

    def _remove_from_list(self) -> None:
        self.people.remove_from_list(self.session.users.checked_users())

    def connect_actions(self, actions: UserActions) -> None:
        for action, slot in self._bindings(actions):
            action.triggered.connect(slot)
            self._connections.append((action, slot))

    def disconnect_actions(self, actions: UserActions) -> None:
        for action, slot in self._connections:
            action.triggered.disconnect(slot)
        self._connections.clear()

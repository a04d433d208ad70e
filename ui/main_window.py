"""The main window: menus, toolbar and status bar around either the welcome page or the open
tenant. It composes parts (TenantPage, UserActions, ChangeRunner, the command objects) and wires
their signals; the parts do the work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QDir, QPoint, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ui.accessibility import name_controls
from ui.actions import UserActions, WindowState
from ui.auth.account_menu import AccountMenu
from ui.dialogs.about_dialog import open_about
from ui.dialogs.error_dialog import show_error
from ui.dialogs.settings_dialog import open_settings
from ui.flows.change_runner import ChangeRunner
from ui.flows.window_commands import WindowCommands
from ui.formatting import count
from ui.groups.group_actions import GroupActions
from ui.groups.group_commands import GroupCommands
from ui.icons import app_icon, icon
from ui.menus import open_group_menu, open_user_menu
from ui.models.selection_stats import SelectionStats
from ui.session import TenantSession
from ui.settings import app_settings
from ui.tenant_page import TenantPage
from ui.widgets.status_bar import WindowStatusBar
from ui.widgets.welcome import WelcomePage

GEOMETRY_KEY = "window/geometry"
WINDOW_STATE_KEY = "window/state"
# Bump when the columns change: a saved header state for another layout would scramble them.
COLUMN_LAYOUT_VERSION = 2
COLUMNS_KEY = f"window/userColumns/v{COLUMN_LAYOUT_VERSION}"
EXPORT_MESSAGE_MS = 15_000  # long enough to read the path


class MainWindow(QMainWindow):
    reset_demo_requested = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("License Desk"))
        self.setWindowIcon(app_icon())
        self.settings = settings or app_settings()
        self.user_actions = UserActions(self)
        self.group_actions = GroupActions(self)
        self.reset_demo = QAction(icon("reset"), self.tr("Reset demo tenant…"), self)
        self.reset_demo.setObjectName("resetDemo")
        self.reset_demo.setVisible(False)
        self.reset_demo.triggered.connect(self.reset_demo_requested)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut("Ctrl+Q")
        self.quit_action.triggered.connect(self.close)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setObjectName("openSettings")
        # On macOS Qt moves it to the application menu, where people look for it.
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self._open_settings)
        self.about_action = QAction(self.tr("About License Desk…"), self)
        self.about_action.setObjectName("openAbout")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: application menu
        self.about_action.triggered.connect(lambda: open_about(self))
        self.about_qt_action = QAction(self.tr("About Qt…"), self)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)

        self.welcome = WelcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.status = WindowStatusBar()
        self.setStatusBar(self.status)
        self.account_menu = AccountMenu(self)
        self.status.addPermanentWidget(self.account_menu.warning)
        self._build_menus()
        self._build_toolbar()
        # Connected once: they act on whichever tenant is open.
        self.user_actions.find.triggered.connect(self._focus_search)
        self.user_actions.tick_all.triggered.connect(self._tick_all)
        self.user_actions.clear_ticks.triggered.connect(self._clear_ticks)
        self.group_actions.show_users.triggered.connect(self._show_users)
        self.group_actions.show_groups.triggered.connect(self._show_groups)
        self.group_actions.fix_user_error.triggered.connect(self._fix_user_error)

        self.session: TenantSession | None = None
        self.view: TenantPage | None = None
        self.runner: ChangeRunner | None = None
        self.commands: WindowCommands | None = None
        self.group_commands: GroupCommands | None = None
        self.resize(1280, 800)
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._update_actions()
        name_controls(self)

    # -- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.user_actions
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([a.export_csv, a.import_plan, a.import_people])
        file_menu.addSeparator()
        file_menu.addAction(self.reset_demo)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([a.find, a.tick_all, a.clear_ticks])
        users_menu: QMenu = bar.addMenu(self.tr("&Users"))
        users_menu.setToolTipsVisible(True)  # a disabled action's tooltip says why it is off
        for action in a.user_menu():
            if action is None:
                users_menu.addSeparator()
            else:
                users_menu.addAction(action)
        users_menu.addSeparator()
        users_menu.addAction(a.new_user)
        g = self.group_actions
        groups_menu = bar.addMenu(self.tr("&Groups"))
        groups_menu.addActions(list(g.change_actions()))
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([g.show_users, g.show_groups])
        view_menu.addSeparator()
        view_menu.addActions([a.refresh, a.reload_all])
        self.view_menu = view_menu  # the Tenants home adds "All tenants" (ui/tenants)
        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.tools_menu = tools_menu
        tools_menu.addActions([a.history, a.insight])
        tools_menu.addSeparator()
        tools_menu.addActions([a.manage_templates, a.template_drift])
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.about_action, self.about_qt_action])
        # Shortcuts work even while the menu bar is hidden or the toolbar lacks the action.
        self.addActions(
            [
                *a.change_actions(),
                a.new_user,
                a.refresh,
                a.reload_all,
                a.find,
                a.history,
                a.insight,
                a.tick_all,
                a.clear_ticks,
                a.export_csv,
                a.import_plan,
                g.show_users,
                g.show_groups,
                *g.change_actions(),
            ]
        )

    def _build_toolbar(self) -> None:
        a = self.user_actions
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Low-priority actions show only their icon beside text: the bar stays one line wide.
        for action in (
            a.apps,
            a.usage_location,
            a.activate,
            a.block,
            a.copy_from,
            a.export_csv,
            a.import_plan,
        ):
            action.setPriority(QAction.Priority.LowPriority)
        toolbar.addActions([a.add_licenses, a.reassign, a.remove, a.apps])
        toolbar.addSeparator()
        toolbar.addActions([a.usage_location, a.activate, a.block, a.copy_from])
        toolbar.addSeparator()
        toolbar.addAction(a.new_user)
        toolbar.addSeparator()
        toolbar.addActions([a.refresh, a.export_csv, a.import_plan, a.history])
        toolbar.addSeparator()
        for action in self.group_actions.change_actions():
            action.setPriority(QAction.Priority.LowPriority)
        toolbar.addActions(list(self.group_actions.change_actions()))
        spacer = QWidget()  # pushes the account button to the right end
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.account_action = toolbar.addWidget(self.account_menu.button)
        self.account_action.setVisible(False)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # -- pages --------------------------------------------------------------------------------

    def show_welcome(self, message: str = "", details: str = "") -> None:
        self.welcome.show_message(message, details)
        self.welcome.set_waiting(False)
        self.stack.setCurrentWidget(self.welcome)
        self.toolbar.hide()  # nothing to act on yet
        self.status.show_activity("", False)

    def open_session(self, session: TenantSession) -> None:
        """Show ``session`` and start loading it."""
        self.close_session()
        self.session = session
        session.setParent(self)
        self.view = TenantPage(session)
        columns = self.settings.value(COLUMNS_KEY)
        if isinstance(columns, QByteArray):
            self.view.restore_columns(columns)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.toolbar.show()
        self.runner = ChangeRunner(session, self)
        self.commands = WindowCommands(session, self.runner, self)
        self.commands.connect_actions(self.user_actions)
        groups = self.view.groups
        self.group_commands = GroupCommands(session, self.runner, groups, self)
        for action, slot in self._group_bindings(self.group_commands):
            action.triggered.connect(slot)
        self.group_commands.status.connect(
            lambda text: self.status.showMessage(text, EXPORT_MESSAGE_MS)
        )
        # A run may move members, seats or errors: read the groups again after each.
        self.runner.run_finished.connect(lambda _report: groups.loader.load())
        groups.current_changed.connect(self._update_actions)
        groups.menu_requested.connect(self.open_group_menu)
        self.view.pages.currentChanged.connect(self._page_changed)
        self.commands.csv.exported.connect(self._exported)
        self.commands.people.status.connect(
            lambda text: self.status.showMessage(text, EXPORT_MESSAGE_MS)
        )
        self.reset_demo.setVisible(session.connection.is_demo)
        name_controls(self)
        # The demo tenant has no sign-in: its badge says what it is, and no account menu shows.
        self.account_action.setVisible(not session.connection.is_demo)

        self.view.table.menu_requested.connect(self.open_user_menu)
        session.users.checked_changed.connect(self._update_actions)
        session.loading_changed.connect(self._loading_changed)
        session.users_arrived.connect(self._users_arrived)
        session.load_failed.connect(self._load_failed)
        session.snapshot_shown.connect(self.status.show_snapshot_age)
        session.loaded.connect(self.status.show_up_to_date)
        session.refresh_failed.connect(lambda exc: show_error(self, exc))
        session.organization_changed.connect(self._update_title)
        session.proxy.rows_changed.connect(self._update_counts)
        session.proxy.modelReset.connect(self._update_counts)
        self.runner.busy_changed.connect(self._update_actions)
        self.runner.status.connect(lambda text: self.status.show_activity(text, bool(text)))
        session.load()
        self._update_actions()

    def close_session(self) -> None:
        if self.session is None:
            return
        if self.view is not None:
            self.settings.setValue(COLUMNS_KEY, self.view.save_columns())
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
        if self.commands is not None:
            self.commands.disconnect_actions(self.user_actions)
        if self.group_commands is not None:
            for action, slot in self._group_bindings(self.group_commands):
                action.triggered.disconnect(slot)
            self.group_commands = None
        self.group_actions.show_users.setChecked(True)
        self.session.close()
        self.session.deleteLater()
        self.session = self.view = self.runner = self.commands = None
        self.reset_demo.setVisible(False)
        self.account_action.setVisible(False)
        self._update_actions()

    def _focus_search(self) -> None:
        if self.view is not None:
            self.view.focus_search()

    def _tick_all(self) -> None:
        if self.view is not None:
            self.view.table.tick_all_shown()

    def _clear_ticks(self) -> None:
        if self.session is not None:
            self.session.users.clear_checks()

    def open_user_menu(self, at: QPoint) -> QMenu:
        menu = open_user_menu(self.user_actions, self, at)
        if self.group_actions.fix_user_error.isEnabled():
            menu.addSeparator()
            menu.addAction(self.group_actions.fix_user_error)
        return menu

    def _fix_user_error(self) -> None:
        """The ticked user's first group error, opened in Licensed groups, then Fix…"""
        if self.session is None or self.view is None:
            return
        ticked = self.session.users.checked_users()
        errors = [s for s in ticked[0].errors if s.assigned_by_group] if len(ticked) == 1 else []
        if not errors:
            return
        groups = self.view.groups
        user_id, state = ticked[0].id, errors[0]

        def open_fix() -> None:
            if groups.select_error(user_id, state) and self.group_commands is not None:
                self.group_commands.fix()

        self.view.show_groups()  # the groups are read when their page is first shown
        if groups.loader.has_loaded and not groups.loader.loading:
            open_fix()
        else:
            groups.loader.loaded.connect(open_fix, Qt.ConnectionType.SingleShotConnection)

    def _group_bindings(self, commands: GroupCommands) -> list[tuple[QAction, Callable[[], None]]]:
        g = self.group_actions
        return [
            (g.reprocess, commands.reprocess),
            (g.fix, commands.fix),
            (g.add_members, commands.add_members),
            (g.remove_members, commands.remove_members),
            (g.group_licenses, commands.group_licenses),
            (g.remove_covered, commands.remove_covered),
        ]

    def open_group_menu(self, at: QPoint) -> QMenu:
        return open_group_menu(self.group_actions, self, at)

    def _show_users(self) -> None:
        if self.view is not None:
            self.view.show_users()

    def _show_groups(self) -> None:
        if self.view is not None:
            self.view.show_groups()

    def _page_changed(self) -> None:
        if self.view is not None:
            groups = self.view.showing_groups
            (
                self.group_actions.show_groups if groups else self.group_actions.show_users
            ).setChecked(True)
        self._update_actions()

    # -- state ----------------------------------------------------------------------------------

    def _open_settings(self) -> None:
        open_settings(self, self.settings, self.status.showMessage)

    def _exported(self, path: str, rows: int) -> None:
        """Say the export worked, and where the file is (the dialog is long closed)."""
        text = self.tr("Exported %Ln users to {path}", "", rows).format(
            path=QDir.toNativeSeparators(path)
        )
        self.status.showMessage(text, EXPORT_MESSAGE_MS)

    def _update_actions(self) -> None:
        session = self.session
        if session is None or self.view is None:
            self.user_actions.update_state(SelectionStats(), WindowState())
            self.group_actions.update_state(None, None, can_change=False)
            return
        busy = self.runner.busy if self.runner is not None else False
        state = WindowState(ready=session.ready, loading=session.loading, busy=busy)
        self.user_actions.update_state(session.users.stats, state, session.naming.group)
        groups = self.view.groups
        self.group_actions.update_state(
            groups.current_group(),
            groups.current_error(),
            can_change=session.ready and not busy and self.view.showing_groups,
            ticked_users=session.users.stats.count,
            ticked_error=self._ticked_user_has_group_error(),
            can_change_users=session.ready and not busy,
        )
        self.status.show_selection(session.users.stats.count)

    def _ticked_user_has_group_error(self) -> bool:
        if self.session is None or self.session.users.stats.count != 1:
            return False
        (user,) = self.session.users.checked_users()
        return any(s.assigned_by_group for s in user.errors)

    def _update_counts(self) -> None:
        if self.session is not None:
            self.status.show_counts(self.session.users.rowCount(), self.session.proxy.rowCount())

    def _users_arrived(self, loaded: int) -> None:
        self.status.show_activity(self.tr("Loading users… {n}").format(n=count(loaded)), True)
        self._update_counts()

    def _loading_changed(self, loading: bool) -> None:
        if loading and self.session is not None and self.session.ready:
            self.status.show_activity(self.tr("Checking Microsoft 365 for changes…"), True)
        elif loading:
            self.status.show_activity(self.tr("Loading users…"), True)
        else:
            self.status.show_activity("", False)
        self._update_counts()
        self._update_actions()

    def _load_failed(self, exc: BaseException) -> None:
        saved_at = self.session.snapshot_saved_at if self.session is not None else None
        if saved_at is not None:  # the saved rows stay on screen: say they are not fresh
            self.status.show_snapshot_not_refreshed(saved_at)
        show_error(self, exc)

    def _update_title(self) -> None:
        organization = self.session.organization if self.session is not None else None
        if organization is not None:
            self.setWindowTitle(
                self.tr("{organization} — License Desk").format(
                    organization=organization.display_name
                )
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.close_session()
        self.settings.sync()
        super().closeEvent(event)

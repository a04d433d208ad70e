"""Every command of the window as one QAction, shared by the menus, the toolbar, the per-user
menu and the keyboard, and enabled only when it applies to the ticked users."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ui.icons import icon
from ui.models.selection_stats import SelectionStats


@dataclass(frozen=True)
class WindowState:
    """What the enabled state of the actions depends on, besides the ticks."""

    ready: bool = False  # a tenant is open and its users loaded
    loading: bool = False  # users are (re)loading
    busy: bool = False  # a change is being checked or applied


def make_action(
    owner: QObject,
    name: str,
    icon_name: str | None,
    text: str,
    *,
    shortcut: str | QKeySequence.StandardKey | None,
    tip: str,
) -> QAction:
    """A window command: its tooltip and status tip say what it does and its shortcut."""
    action = QAction(text, owner)
    action.setObjectName(name)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


class UserActions(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.add_licenses = self._make(
            "addLicenses",
            "add-license",
            self.tr("Add licenses…"),
            "Ctrl+L",
            self.tr("Give the ticked users one or more license packages"),
        )
        self.reassign = self._make(
            "reassign",
            "reassign",
            self.tr("Reassign license…"),
            "Ctrl+R",
            self.tr("Swap one package for another, without leaving anyone unlicensed in between"),
        )
        self.remove = self._make(
            "removeLicense",
            "remove-license",
            self.tr("Remove license…"),
            "Ctrl+Shift+R",
            self.tr("Remove a package from the ticked users (Remove service)"),
        )
        self.apps = self._make(
            "apps",
            "apps",
            self.tr("Apps in license…"),
            "Ctrl+P",
            self.tr("Turn individual apps of a package on or off"),
        )
        self.usage_location = self._make(
            "usageLocation",
            "location",
            self.tr("Set usage location…"),
            "Ctrl+U",
            self.tr("Set the country where the ticked users use their licenses"),
        )
        self.activate = self._make(
            "activate",
            "activate",
            self.tr("Activate user"),
            "Ctrl+Shift+A",
            self.tr("Allow the ticked users to sign in"),
        )
        self.block = self._make(
            "block",
            "block",
            self.tr("Block sign-in"),
            "Ctrl+B",
            self.tr("Stop the ticked users from signing in"),
        )
        self.new_user = self._make(
            "newUser",
            "new-user",
            self.tr("New user…"),
            QKeySequence.StandardKey.New,
            self.tr("Create a user, optionally with licenses"),
        )
        self.copy_from = self._make(
            "copyFrom",
            "copy-licenses",
            self.tr("Copy licenses from…"),
            "Ctrl+Shift+C",
            self.tr("Give the ticked users the same licenses as another user"),
        )
        self.save_template = self._make(
            "saveTemplate",
            None,
            self.tr("Save licenses as template…"),
            None,
            self.tr(
                "Save the ticked user's licenses, apps and usage location as a license template"
            ),
        )
        self.manage_templates = self._make(
            "templates",
            None,
            self.tr("License templates…"),
            None,
            self.tr("The saved license templates: rename, delete, export to share, import"),
        )
        self.template_drift = self._make(
            "templateDrift",
            None,
            self.tr("Template drift…"),
            None,
            self.tr(
                "Users whose licenses differ from their department's template, and the change "
                "that aligns them"
            ),
        )
        self.refresh = self._make(
            "refresh",
            "refresh",
            self.tr("Refresh"),
            QKeySequence.StandardKey.Refresh,
            self.tr("Bring users and packages up to date with Microsoft 365 (only what changed)"),
        )
        self.reload_all = self._make(
            "reloadAll",
            "refresh",
            self.tr("Reload everything"),
            "Ctrl+F5",
            self.tr("Read every user and package again from Microsoft 365, not only the changes"),
        )
        self.export_csv = self._make(
            "exportCsv",
            "export",
            self.tr("Export CSV…"),
            "Ctrl+E",
            self.tr("Save the users shown to a CSV file"),
        )
        self.import_plan = self._make(
            "importPlan",
            "import",
            self.tr("Import plan CSV…"),
            "Ctrl+I",
            self.tr("Apply changes listed in a CSV file, after a preview"),
        )
        self.import_people = self._make(
            "importPeople",
            "import",
            self.tr("Import people…"),
            None,
            self.tr("Add people who are not in Microsoft 365 yet from a CSV or Excel file"),
        )
        self.remove_from_list = self._make(
            "removeFromList",
            "close",
            self.tr("Remove from list"),
            None,
            self.tr("Take the ticked people who are not activated off the list of people"),
        )
        self.history = self._make(
            "history",
            "history",
            self.tr("History…"),
            "Ctrl+H",
            self.tr("Earlier changes, with Undo and Resume"),
        )
        self.insight = self._make(
            "insight",
            None,
            self.tr("Insight…"),
            "Ctrl+Shift+I",
            self.tr("Licenses held but not used, what they cost, and what renews when"),
        )
        self.find = self._make(
            "find",
            "search",
            self.tr("Find user"),
            QKeySequence.StandardKey.Find,
            self.tr("Jump to the search box"),
        )
        self.tick_all = self._make(
            "tickAll",
            None,
            self.tr("Tick all shown"),
            None,
            self.tr("Tick every user the filter shows"),
        )
        self.clear_ticks = self._make(
            "clearTicks",
            None,
            self.tr("Clear ticks"),
            None,
            self.tr("Untick every user"),
        )
        self._needs_selection = (
            self.add_licenses,
            self.usage_location,
            self.copy_from,
        )
        # Remove works on inherited licenses too: it offers leaving the group that gives them.
        self._needs_direct_license = (self.reassign, self.apps)
        self._tips = {
            a: a.toolTip()
            for a in (*self._needs_direct_license, self.remove, self.block, self.remove_from_list)
        }
        self.update_state(SelectionStats(), WindowState())

    def _make(
        self,
        name: str,
        icon_name: str | None,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        tip: str,
    ) -> QAction:
        return make_action(self, name, icon_name, text, shortcut=shortcut, tip=tip)

    def change_actions(self) -> tuple[QAction, ...]:
        return (
            self.add_licenses,
            self.reassign,
            self.remove,
            self.apps,
            self.usage_location,
            self.activate,
            self.block,
            self.copy_from,
        )

    def user_menu(self) -> tuple[QAction | None, ...]:
        """The per-user menu, in order; None marks a separator."""
        return (
            self.add_licenses,
            self.reassign,
            self.remove,
            self.apps,
            None,
            self.usage_location,
            self.activate,
            self.block,
            None,
            self.copy_from,
            self.save_template,
            self.remove_from_list,
        )

    def update_state(
        self,
        stats: SelectionStats,
        state: WindowState,
        group_name: Callable[[str], str] = str,
    ) -> None:
        can_change = state.ready and not state.busy
        for action in self._needs_selection:
            action.setEnabled(can_change and stats.count > 0)
        why_off = self._why_no_direct_license(stats, group_name)
        for action in self._needs_direct_license:
            action.setEnabled(can_change and stats.with_direct_license > 0)
            self._explain(action, why_off)
        holds_any = stats.with_direct_license > 0 or bool(stats.group_only_by_group)
        self.remove.setEnabled(can_change and holds_any)
        self._explain(self.remove, None if holds_any else why_off)
        # Blocked users and people without an account (Activate creates it) both count.
        self.activate.setEnabled(can_change and stats.blocked > 0)
        self.block.setEnabled(can_change and stats.active > 0)
        only_people = stats.count > 0 and stats.not_activated == stats.count
        no_account = self.tr(
            "Not available: the ticked people are not in Microsoft 365 yet, so there is no "
            "account to block."
        )
        self._explain(self.block, no_account if only_people else None)
        self.new_user.setEnabled(can_change)
        self.import_plan.setEnabled(can_change)
        self.import_people.setEnabled(can_change)
        self.remove_from_list.setEnabled(can_change and stats.not_activated > 0)
        not_on_list = self.tr(
            "Not available: only people who are not activated can be taken off the list; no "
            "ticked row is one."
        )
        self._explain(
            self.remove_from_list, not_on_list if stats.count and not stats.not_activated else None
        )
        self.refresh.setEnabled(state.ready and not state.loading and not state.busy)
        self.reload_all.setEnabled(state.ready and not state.loading and not state.busy)
        self.export_csv.setEnabled(state.ready)
        self.history.setEnabled(state.ready)
        self.insight.setEnabled(can_change)
        self.save_template.setEnabled(can_change and stats.count == 1 and not stats.not_activated)
        self.manage_templates.setEnabled(state.ready)
        self.template_drift.setEnabled(can_change)
        # Searching and ticking work while users still arrive.
        self.find.setEnabled(state.ready or state.loading)
        self.tick_all.setEnabled(state.ready or state.loading)
        self.clear_ticks.setEnabled(stats.count > 0)

    def _explain(self, action: QAction, why_off: str | None) -> None:
        """The action's own tip, or why it is off for the ticked rows."""
        tip = self._tips[action] if why_off is None else why_off
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def _why_no_direct_license(
        self, stats: SelectionStats, group_name: Callable[[str], str]
    ) -> str | None:
        """Why Remove, Reassign and Apps are off although users are ticked: every license they
        hold comes from a group, and is changed through the group (Remove license… offers to
        leave it; the Licensed groups page changes its licenses); or they are
        people without an account yet, who hold no license."""
        if stats.with_direct_license:
            return None
        if stats.count and stats.not_activated == stats.count:
            return self.tr(
                "Not available: the ticked people are not in Microsoft 365 yet and hold no "
                "license. Add licenses creates their accounts with the licenses."
            )
        if not stats.group_only_by_group:
            return None
        names = sorted(group_name(g) for g in stats.group_only_by_group)
        if len(names) == 1:
            return self.tr(
                "Not available: the licenses of the ticked users come from the group "
                "{group}. Remove license… can take the users out of the group; the group's "
                "licenses are changed on the Licensed groups page."
            ).format(group=names[0])
        return self.tr(
            "Not available: the licenses of the ticked users come from groups ({groups}). "
            "Remove license… can take the users out of the groups; the groups' licenses are "
            "changed on the Licensed groups page."
        ).format(groups=", ".join(names))

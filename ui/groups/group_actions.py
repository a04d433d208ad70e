"""The Groups view's commands as QActions, shared by the menu bar, the view's toolbar, the
context menu and the keyboard; enabled only when they apply to the group or member chosen."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup

from ui.actions import make_action
from ui.groups.group_model import GroupRow, MemberError


class GroupActions(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_users = self._make(
            "showUsers", "user", self.tr("Users"), "Ctrl+1", self.tr("Show the users")
        )
        self.show_groups = self._make(
            "showGroups",
            None,
            self.tr("Licensed groups"),
            "Ctrl+2",
            self.tr("Show the groups that hand out licenses, and their members in error"),
        )
        self.pages = QActionGroup(self)
        for action in (self.show_users, self.show_groups):
            action.setCheckable(True)
            self.pages.addAction(action)
        self.show_users.setChecked(True)
        self.reprocess = self._make(
            "reprocessGroup",
            "refresh",
            self.tr("Reprocess…"),
            "Ctrl+Shift+P",
            self.tr(
                "Ask Microsoft to process the group's licenses again for its members in error "
                "(every member when none is)"
            ),
        )
        self.fix = self._make(
            "fixGroupError",
            "warning",
            self.tr("Fix…"),
            "Ctrl+Shift+F",
            self.tr("Offer the change that resolves the chosen member's error"),
        )
        self.add_members = self._make(
            "addGroupMembers",
            "new-user",
            self.tr("Add ticked users to group"),
            None,
            self.tr("Make the users ticked on the Users page members of the chosen group"),
        )
        self.remove_members = self._make(
            "removeGroupMembers",
            "close",
            self.tr("Remove members…"),
            None,
            self.tr("Take members out of the chosen group (they lose what only it gives them)"),
        )
        self.group_licenses = self._make(
            "groupLicenses",
            "license",
            self.tr("Group licenses…"),
            "Ctrl+Shift+G",
            self.tr(
                "License the chosen group with packages, change the apps they turn on, or "
                "remove a package from the group"
            ),
        )
        self.remove_covered = self._make(
            "removeCoveredDirect",
            "remove-license",
            self.tr("Remove direct copies the group covers"),
            None,
            self.tr(
                "Remove members' direct licenses that the chosen group already gives them "
                "(only where the group's copy is active and turns on the same apps)"
            ),
        )
        self.fix_user_error = self._make(
            "fixUserGroupError",
            "warning",
            self.tr("Fix group license error…"),
            None,
            self.tr(
                "Open the ticked user's error in Licensed groups and offer the change that "
                "resolves it"
            ),
        )
        self.update_state(None, None, can_change=False)

    def _make(
        self, name: str, icon_name: str | None, text: str, shortcut: str | None, tip: str
    ) -> QAction:
        return make_action(self, name, icon_name, text, shortcut=shortcut, tip=tip)

    def change_actions(self) -> tuple[QAction, ...]:
        return (
            self.group_licenses,
            self.remove_covered,
            self.reprocess,
            self.fix,
            self.add_members,
            self.remove_members,
        )

    def update_state(
        self,
        group: GroupRow | None,
        error: MemberError | None,
        *,
        can_change: bool,
        ticked_users: int = 0,
        ticked_error: bool = False,
        can_change_users: bool = False,
    ) -> None:
        """``can_change``: a tenant is loaded, the Groups view shows and no change runs;
        ``ticked_error``: exactly one user is ticked, with a group license error."""
        self.fix_user_error.setEnabled(can_change_users and ticked_error)
        has_members = group is not None and bool(group.member_ids)
        self.reprocess.setEnabled(can_change and has_members)
        self.fix.setEnabled(can_change and error is not None)
        self.add_members.setEnabled(can_change and group is not None and ticked_users > 0)
        self.remove_members.setEnabled(can_change and has_members)
        self.group_licenses.setEnabled(can_change and group is not None)
        self.remove_covered.setEnabled(can_change and has_members)

"""Fix…: what went wrong for one member in error, what to do, and the fixes that do it (one
chosen); the chosen fix then goes through the usual preview like any change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import Sku, User
from desktop.licensing.error_fixes import Fix
from ui.dialogs.preview_buttons import preview_buttons
from ui.groups.error_words import fix_text, reason, what_to_do
from ui.groups.group_model import MemberError
from ui.models.naming import LicenseNaming


class FixDialog(QDialog):
    def __init__(
        self,
        error: MemberError,
        fixes: Sequence[Fix],
        naming: LicenseNaming,
        skus: Mapping[str, Sku],
        users: Mapping[str, User],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fixDialog")
        self.setWindowTitle(self.tr("Fix a group license error"))
        package = naming.sku(error.state.sku_id)
        summary = QLabel(
            self.tr("{user} did not get {package} from the group {group}: {reason}.").format(
                user=error.user.display_name,
                package=package,
                group=error.group.display_name,
                reason=reason(error.state.error),
            )
        )
        summary.setObjectName("fixSummary")
        summary.setWordWrap(True)
        advice = QLabel(what_to_do(error.state.error, package))
        advice.setObjectName("fixAdvice")
        advice.setWordWrap(True)
        self._fixes = list(fixes)
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(advice)
        layout.addSpacing(6)
        layout.addWidget(QLabel(self.tr("Choose the change to preview:")))
        for n, fix in enumerate(self._fixes):
            button = QRadioButton(fix_text(fix, naming, skus, users))
            button.setObjectName(f"fix-{fix.kind.value}")
            button.setToolTip(
                self.tr("Shows a preview of this change; nothing is sent before you apply it")
            )
            button.setChecked(n == 0)
            self.choices.addButton(button, n)
            layout.addWidget(button)
        buttons = preview_buttons(self)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def fixes(self) -> list[Fix]:
        return list(self._fixes)

    def choose(self, fix: Fix) -> None:
        self.choices.button(self._fixes.index(fix)).setChecked(True)

    def chosen(self) -> Fix | None:
        n = self.choices.checkedId()
        return self._fixes[n] if 0 <= n < len(self._fixes) else None

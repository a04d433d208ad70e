"""Sign-in options: an organisation's own app registration (client id) and tenant.

Most people never open this: the default public client works in every tenant whose
administrators allow it. Organisations that block it register their own app and enter its id
here; the text says where to find it, and OK stays disabled until what is typed is valid.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.config import GRAPH_POWERSHELL_CLIENT_ID
from ui.auth.options import SignInOptions, is_client_id, is_tenant, load_options, save_options
from ui.dialogs.launcher import accepted, launch


class SignInOptionsDialog(QDialog):
    def __init__(self, options: SignInOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInOptionsDialog")
        self.setWindowTitle(self.tr("Sign-in options"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "License Desk signs in as Microsoft Graph PowerShell unless your organisation "
                "uses its own app registration. Changes apply to the next sign-in."
            )
        )
        intro.setWordWrap(True)
        self.client_id = QLineEdit(options.client_id)
        self.client_id.setObjectName("clientIdEdit")
        self.client_id.setPlaceholderText(
            self.tr("{id} (default)").format(id=GRAPH_POWERSHELL_CLIENT_ID)
        )
        self.client_id.setClearButtonEnabled(True)
        self.tenant = QLineEdit(options.tenant)
        self.tenant.setObjectName("tenantEdit")
        self.tenant.setPlaceholderText(self.tr("Chosen when you sign in (default)"))
        self.tenant.setClearButtonEnabled(True)
        where = QLabel(
            self.tr(
                "Find the application (client) ID in the Microsoft Entra admin center: "
                "Applications › App registrations › your app › Overview. The app needs the "
                "“Mobile and desktop applications” platform with the redirect URI "
                "http://localhost, and “Allow public client flows” for sign-in with a code.\n"
                "The tenant is optional: your organisation's domain (contoso.onmicrosoft.com) "
                "or its tenant ID."
            )
        )
        where.setObjectName("clientIdHelp")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setObjectName("optionsProblem")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Application (client) ID:"), self.client_id)
        form.addRow(self.tr("Tenant:"), self.tenant)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.defaults_button = QPushButton(self.tr("Use defaults"))
        self.defaults_button.setObjectName("useDefaults")
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.defaults_button.clicked.connect(self._use_defaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.client_id.textChanged.connect(self._check)
        self.tenant.textChanged.connect(self._check)
        self._check()

    def options(self) -> SignInOptions:
        return SignInOptions(self.client_id.text().strip(), self.tenant.text().strip())

    def _use_defaults(self) -> None:
        self.client_id.clear()
        self.tenant.clear()

    def _check(self) -> None:
        chosen = self.options()
        problems = []
        if chosen.client_id and not is_client_id(chosen.client_id):
            problems.append(
                self.tr(
                    "The application (client) ID is a GUID such as "
                    "00000000-0000-0000-0000-000000000000. Copy it from the app's Overview page."
                )
            )
        if chosen.tenant and not is_tenant(chosen.tenant):
            problems.append(
                self.tr(
                    "The tenant is a domain such as contoso.onmicrosoft.com or a tenant ID. "
                    "Leave it empty to choose when you sign in."
                )
            )
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)


def edit_sign_in_options(parent: QWidget, settings: QSettings) -> SignInOptions | None:
    """Show the dialog; save and return the new options, or None when cancelled."""
    dialog = SignInOptionsDialog(load_options(settings), parent)
    try:
        if not accepted(launch(dialog)):
            return None
        options = dialog.options()
    finally:
        dialog.deleteLater()
    save_options(settings, options)
    return options

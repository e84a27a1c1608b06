"""File ▸ Connect to Shared Registry…: the address of a shared registry on a PostgreSQL server.

The clerk types (once) the address the administrator gave, postgresql://login@host:port/database;
it is remembered in the settings without any password. The password comes from the user's
pgpass file or PGPASSWORD, as for every PostgreSQL tool; only where neither has it the app
asks, and keeps the answer in memory for this session's reconnects (core/postgres/connection.py),
never in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.postgres.connection import PasswordNeededError, is_server_url, shown_url, use_password

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


class ConnectDialog(QDialog):
    """Asks for a shared registry's address; `url()` is what was typed, without a password."""

    def __init__(self, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to Shared Registry"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "The address your administrator gave, such as postgresql://leiyang@192.168.1.10:5432/honours. "
                "The password is read from your pgpass file or PGPASSWORD, or asked for; it is never saved."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.url_edit = QLineEdit(url)
        self.url_edit.setObjectName("serverUrlEdit")
        self.url_edit.setPlaceholderText("postgresql://login@host:5432/honours")
        layout.addWidget(self.url_edit)
        self.problem = QLabel("")
        self.problem.setObjectName("serverUrlProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("connectButtons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def url(self) -> str:
        return self.url_edit.text().strip()

    def _accept(self) -> None:
        if not is_server_url(self.url()):
            self.problem.setText(
                self.tr(
                    "Type an address that starts with postgresql://, such as postgresql://login@host:5432/honours."
                )
            )
            self.problem.setVisible(True)
            return
        self.accept()


def ask_password(url: str, wrong: bool, parent: QWidget | None) -> str | None:
    """The password the clerk types for `url` (None: cancelled); kept in memory only."""
    prompt = QInputDialog(parent)
    prompt.setObjectName("passwordPrompt")
    prompt.setWindowTitle(translate("ConnectDialog", "Password"))
    text = (
        translate("ConnectDialog", "The server refused that password for %1. Password:")
        if wrong
        else translate("ConnectDialog", "Password for %1:")
    )
    prompt.setLabelText(text.replace("%1", shown_url(url)))
    prompt.setTextEchoMode(QLineEdit.EchoMode.Password)
    if prompt.exec() != QDialog.DialogCode.Accepted:
        return None
    return prompt.textValue()


def opened_with_password(open_it, url: str, parent: QWidget | None):
    """`open_it()`; while the server asks for a password, ask the clerk and try again with it.
    None when the clerk cancels."""
    while True:
        try:
            return open_it()
        except PasswordNeededError as needed:
            password = ask_password(url, needed.wrong, parent)
            if password is None:
                use_password(url, None)
                return None
            use_password(url, password)

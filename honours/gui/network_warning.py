"""A registry on a network share: say plainly that it is not safe, and what to do instead.

SQLite's locks do not hold reliably over SMB/NFS, so two PCs saving into one file on a
shared folder can damage it or lose saves. The window says so in its status bar (with the
full explanation on click) whenever the open file is on a recognisable network share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..core.files import network_share

if TYPE_CHECKING:
    from .main_window import MainWindow


translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def explanation(kind: str) -> str:
    return translate(
        "NetworkWarning",
        "This registry is on a network share (%1). The database engine cannot lock a file reliably "
        "over the network, so when two computers save into it at once the file can be damaged or "
        "saves can be lost. Keep the registry on this computer's own disk (several windows and the "
        "command line on one PC are safe), take backups to the share instead, and for several offices "
        "use the shared registry server that is coming.",
    ).replace("%1", kind)


class NetworkShareWarning(QLabel):
    """The status bar's warning; a click shows the whole explanation."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("networkShareWarning")
        self.setText(translate("NetworkWarning", "⚠ On a network share: not safe for several PCs"))
        self.setToolTip(explanation(kind))
        self.setStyleSheet("color: #a61b1b; font-weight: bold;")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:
        self.show_explanation()
        super().mousePressEvent(event)

    def show_explanation(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("NetworkWarning", "Registry on a network share"),
            explanation(self.kind),
            QMessageBox.StandardButton.Ok,
            self.window(),
        )
        box.setObjectName("networkShareMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # files-ok: shows the message box; not a file
        return box


def install(window: MainWindow) -> None:
    path = window.registry.path
    kind = network_share(path) if path is not None else None
    if kind:
        window.statusBar().addPermanentWidget(NetworkShareWarning(kind, window))

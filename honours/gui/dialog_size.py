"""Resizable dialogs open at the size the user last gave them, and never larger than the screen.

Staff fit the edit, import and intake dialogs to their monitors; reopening them at a fixed
size every time is a small daily annoyance (Picard's dialog base remembers geometry for the
same reason). A dialog calls `remember_size(self)` at the end of its constructor, after its
own default `resize()`: the size saved under its objectName is applied before it is shown
(so Qt still centres it over the window), and the size it has when hidden is saved again.
Only the size is kept, not the place: a remembered position can fall off a second monitor
that is no longer there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from .settings import Settings

SCREEN_SHARE = 0.92  # of the available screen, leaving room for the title bar and the taskbar


def remember_size(dialog: QWidget, settings: Settings | None = None) -> None:
    """Size `dialog` as last time (by its objectName), fit it to the screen, save it when hidden.

    `settings` defaults to those of the main window the dialog belongs to; a dialog without
    one (in tests) is only fitted to the screen.
    """
    settings = settings if settings is not None else settings_of(dialog)
    name = dialog.objectName()
    if settings is not None and name:
        saved = settings.dialog_size(name)
        if saved is not None:
            dialog.resize(saved)
        dialog.installEventFilter(_SizeKeeper(dialog, settings))
    fit_to_screen(dialog)


def fit_to_screen(widget: QWidget) -> None:
    """Shrink `widget` to the screen it will appear on (a 1366×768 laptop is common in offices)."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry().size()
    widget.resize(
        min(widget.width(), int(room.width() * SCREEN_SHARE)),
        min(widget.height(), int(room.height() * SCREEN_SHARE)),
    )


def settings_of(widget: QWidget) -> Settings | None:
    """The Settings of the nearest ancestor that has them (the main window), if any."""
    current: QWidget | None = widget
    while current is not None:
        found = getattr(current, "settings", None)
        if isinstance(found, Settings):
            return found
        current = current.parentWidget()
    return None


class _SizeKeeper(QObject):
    """Lives on the dialog; writes its size to the settings each time it is hidden."""

    def __init__(self, dialog: QWidget, settings: Settings) -> None:
        super().__init__(dialog)
        self._settings = settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and not watched.isMinimized():
            self._settings.set_dialog_size(watched.objectName(), QSize(watched.size()))
        return False

"""The main window's actions and menus (File, Edit, View, Tools, Help), built in one place.

Feature modules add their own actions to these menus through `window.menu(name)`; the
window keeps Quit last in File and hides Tools while no feature has put anything there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ..core.postgres.connection import is_server_url, shown_url

if TYPE_CHECKING:
    from .main_window import MainWindow

MENU_NAMES = ("file", "edit", "view", "tools", "help")


translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


@dataclass
class Actions:
    open_registry: QAction
    connect_shared_registry: QAction
    new_registry: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    new_honouree: QAction
    edit_honouree: QAction
    delete_honourees: QAction
    batch_edit: QAction
    find: QAction
    clear_search: QAction
    show_filters: QAction
    show_details: QAction
    reset_columns: QAction
    search_help: QAction
    about: QAction
    language_group: QActionGroup


def _action(window: MainWindow, text: str, slot, shortcuts: list | None = None, name: str = "") -> QAction:
    action = QAction(text, window)
    if name:
        action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(slot)
    return action


def build_actions(window: MainWindow) -> Actions:
    """Every action of the window, with shortcuts; keyboard-only use relies on these."""
    undo = window.undo_stack.createUndoAction(window, translate("MainWindow", "&Undo"))
    undo.setObjectName("undoAction")
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo = window.undo_stack.createRedoAction(window, translate("MainWindow", "&Redo"))
    redo.setObjectName("redoAction")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(redo_keys)
    for action, step in ((undo, window.undo), (redo, window.redo)):  # the window says what was undone
        action.triggered.disconnect()
        action.triggered.connect(step)

    edit = _action(
        window, translate("MainWindow", "&Edit Honouree…"), window.edit_current, ["Ctrl+E"], "editAction"
    )
    delete = _action(
        window,
        translate("MainWindow", "&Delete…"),
        window.delete_selected,
        [QKeySequence.StandardKey.Delete],
        "deleteAction",
    )
    batch = _action(window, translate("MainWindow", "&Batch Edit…"), window.batch_edit, [], "batchEditAction")
    batch.setStatusTip(
        translate("MainWindow", "Set the category, region or status of every selected honouree")
    )
    # Delete and Enter belong to the table: in the search box they edit the text.
    for action, extra in ((delete, []), (edit, [Qt.Key.Key_Return, Qt.Key.Key_Enter])):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if extra:
            action.setShortcuts([*action.shortcuts(), *[QKeySequence(k) for k in extra]])
        window.results_table.addAction(action)
    window.results_table.insertAction(delete, batch)  # the table's right-click menu: Edit, Batch Edit, Delete

    show_filters = _action(
        window,
        translate("MainWindow", "&Filter Panel"),
        window.set_filter_panel_visible,
        ["F9"],
        "showFiltersAction",
    )
    show_filters.setCheckable(True)
    show_details = _action(
        window,
        translate("MainWindow", "&Detail Pane"),
        window.set_detail_pane_visible,
        ["F10"],
        "showDetailsAction",
    )
    show_details.setCheckable(True)

    group = QActionGroup(window)
    group.setExclusive(True)
    for code, label in (
        ("system", translate("MainWindow", "&System Language")),
        ("zh", "中文（简体）"),
        ("en", "English"),
    ):
        action = QAction(label, group)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(window.settings.language == code)
    group.triggered.connect(lambda action: window.set_language(action.data()))

    return Actions(
        open_registry=_action(
            window,
            translate("MainWindow", "&Open Registry…"),
            window.choose_registry,
            [QKeySequence.StandardKey.Open],
            "openRegistryAction",
        ),
        connect_shared_registry=_action(
            window,
            translate("MainWindow", "Connect to S&hared Registry…"),
            window.connect_shared_registry,
            [],
            "connectSharedRegistryAction",
        ),
        new_registry=_action(
            window, translate("MainWindow", "&New Registry…"), window.create_registry, [], "newRegistryAction"
        ),
        quit=_action(
            window, translate("MainWindow", "&Quit"), window.close, [QKeySequence("Ctrl+Q")], "quitAction"
        ),
        undo=undo,
        redo=redo,
        new_honouree=_action(
            window,
            translate("MainWindow", "&New Honouree…"),
            window.new_honouree,
            [QKeySequence.StandardKey.New],
            "newAction",
        ),
        edit_honouree=edit,
        delete_honourees=delete,
        batch_edit=batch,
        find=_action(
            window,
            translate("MainWindow", "&Find"),
            window.focus_search,
            [QKeySequence.StandardKey.Find],
            "findAction",
        ),
        clear_search=_action(
            window, translate("MainWindow", "&Clear Search"), window.clear_search, [], "clearSearchAction"
        ),
        show_filters=show_filters,
        show_details=show_details,
        reset_columns=_action(
            window, translate("MainWindow", "&Reset Columns"), window.reset_columns, [], "resetColumnsAction"
        ),
        search_help=_action(
            window,
            translate("MainWindow", "&Search Help"),
            window.show_search_help,
            [QKeySequence.StandardKey.HelpContents],
            "searchHelpAction",
        ),
        about=_action(
            window, translate("MainWindow", "&About Honours"), window.show_about, [], "aboutAction"
        ),
        language_group=group,
    )


def build_menus(window: MainWindow, actions: Actions) -> dict[str, QMenu]:
    bar = window.menuBar()
    menus = {
        "file": bar.addMenu(translate("MainWindow", "&File")),
        "edit": bar.addMenu(translate("MainWindow", "&Edit")),
        "view": bar.addMenu(translate("MainWindow", "&View")),
        "tools": bar.addMenu(translate("MainWindow", "&Tools")),
        "help": bar.addMenu(translate("MainWindow", "&Help")),
    }
    for name, menu in menus.items():
        menu.setObjectName(f"{name}Menu")

    file_menu = menus["file"]
    file_menu.addAction(actions.open_registry)
    file_menu.addAction(actions.connect_shared_registry)
    file_menu.addAction(actions.new_registry)
    recent = file_menu.addMenu(translate("MainWindow", "Recent &Registries"))
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    recent.setEnabled(len(window.settings.recent_files) > 1)
    file_menu.addSeparator()

    edit_menu = menus["edit"]
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions(
        [actions.new_honouree, actions.edit_honouree, actions.batch_edit, actions.delete_honourees]
    )
    edit_menu.addSeparator()
    edit_menu.addActions([actions.find, actions.clear_search])

    view_menu = menus["view"]
    view_menu.addActions([actions.show_filters, actions.show_details])
    view_menu.addSeparator()
    language = view_menu.addMenu(translate("MainWindow", "&Language"))
    language.setObjectName("languageMenu")
    language.addActions(actions.language_group.actions())
    view_menu.addSeparator()
    columns = view_menu.addMenu(translate("MainWindow", "&Columns"))
    columns.setObjectName("columnsMenu")
    columns.aboutToShow.connect(lambda: window.results_table.fill_columns_menu(columns))
    window.results_table.fill_columns_menu(columns)
    view_menu.addAction(actions.reset_columns)

    help_menu = menus["help"]
    help_menu.addAction(actions.search_help)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
    return menus


def finish_menus(menus: dict[str, QMenu], actions: Actions) -> None:
    """After feature modules added their actions: Quit goes last, an empty Tools menu hides."""
    file_menu = menus["file"]
    file_menu.removeAction(actions.quit)
    if file_menu.actions() and not file_menu.actions()[-1].isSeparator():
        file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    menus["tools"].menuAction().setVisible(bool(menus["tools"].actions()))


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    server = getattr(window.registry, "url", None)
    current = str(window.registry.path.resolve()) if window.registry.path else shown_url(server or "")
    for number, path in enumerate(window.settings.recent_files, start=1):
        if path == current:
            continue
        if is_server_url(path):  # a shared registry: its address
            action = menu.addAction(f"&{number}  {path}")
            action.triggered.connect(lambda _=False, p=path: window.open_registry(p))
        else:
            action = menu.addAction(f"&{number}  {Path(path).name}  —  {Path(path).parent}")
            action.triggered.connect(lambda _=False, p=path: window.open_registry(Path(p)))
        action.setData(path)
    if not menu.actions():
        menu.addAction(translate("MainWindow", "(none)")).setEnabled(False)

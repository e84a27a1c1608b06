"""Feature modules that add their actions to the main window.

Each listed module has `install(window)`, which adds menu actions (printing, import,
backups, ...) using the window's public accessors. Keeping the list here lets features
land without editing the main window.
"""

FEATURE_MODULES: list[str] = [
    "import_dialog",
    "export_actions",
    "backup_actions",
    "history_dialog",
    "trash_dialog",
    "honours.gui.print_actions",
    "intake_dialog",
    "network_warning",
    "merge_dialog",
    "care_actions",
    "statistics_window",
]

"""What the desktop app loads before its window first paints (issue 7: start-up ≤ 0.8 s at 100k).

Start-up time itself is measured in benchmarks/ only; these tests guard the structure
that keeps it short: libraries only some actions need (spreadsheets, printing, report
intake, photo decoding, sqlite-utils) are imported when first used, while every
feature's menu action still exists as soon as the window does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Each costs 30-200 ms to import and is needed only by an action the user may never take.
LEFT_FOR_FIRST_USE = [
    "openpyxl",  # spreadsheet import and export
    "PIL",  # decoding a photo being added, printing, checking the file
    "sqlite_utils",  # nested transactions only
    "importlib.metadata",  # sqlite-utils' plugin scan, never wanted
    "honours.printing",  # print, preview, PDF
    "honours.core.intake",  # reading a news report
    "honours.gui.conflict_dialog",  # a save that met someone else's newer version
    "honours.gui.open_failure_dialog",  # a file that cannot be opened, or a restore
]

FEATURE_ACTIONS = [
    "importSpreadsheetAction",
    "exportAction",
    "backUpAction",
    "restoreAction",
    "checkRegistryAction",
    "historyAction",
    "trashAction",
    "printPreviewAction",
    "printAction",
    "exportPdfAction",
    "intakeFromReportAction",
]

CHILD = """
import json, os, sys
from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from honours.app import create_window

window = create_window(sys.argv[1], sys.argv[2])
window.show()
app = QApplication.instance()
for _ in range(20):
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
print(json.dumps({
    "rows": window.model.rowCount(),
    "failed": window.failed_features,
    "actions": sorted(a.objectName() for a in window.findChildren(QAction) if a.objectName()),
    "loaded": [m for m in %r if m in sys.modules],
}), flush=True)
os._exit(0)  # the report is out; skip tearing Qt down (the window would outlive its QApplication)
"""


def start_in_fresh_process(db: str, settings: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD % (LEFT_FOR_FIRST_USE,), db, settings],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_shown_window_has_every_action_but_not_the_libraries_behind_them(roll, tmp_path):
    path = str(roll.path)
    roll.close()
    started = start_in_fresh_process(path, str(tmp_path / "settings.ini"))
    assert started["rows"] == 14 and started["failed"] == []
    assert set(FEATURE_ACTIONS) <= set(started["actions"])
    assert started["loaded"] == []


@pytest.mark.sqlite_only
def test_nested_transactions_still_use_savepoints_once_sqlite_utils_is_loaded_late(roll):
    """The registry opens without sqlite-utils; a nested transaction builds its Database then."""
    first, second = roll.all_ids()[:2]
    with roll.atomic():
        roll.edit(first, {"notes": "外层保存"})
        with pytest.raises(RuntimeError), roll.atomic():
            roll.edit(second, {"notes": "内层撤销"})
            raise RuntimeError("the inner step fails")
    assert roll.honouree(first).notes == "外层保存"
    assert roll.honouree(second).notes != "内层撤销"
    assert roll.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1  # as sqlite-utils set it


def test_the_first_search_gives_the_status_bar_its_total_without_a_second_count(
    qtbot, roll, tmp_path, monkeypatch
):
    from honours.app import create_window
    from honours.core import Registry

    path = roll.path
    roll.close()
    counted = []
    real_count = Registry.count
    monkeypatch.setattr(Registry, "count", lambda self: counted.append(1) or real_count(self))
    window = create_window(path, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    assert window.count_label.text() == "14 of 14 honourees shown" and counted == []

    window.registry.delete(window.model.id_at(0))  # the unfiltered roll shrinks: the total follows
    qtbot.waitUntil(lambda: window.model.rowCount() == 13, timeout=3000)
    assert window.count_label.text() == "13 of 13 honourees shown"
    window.search_now("劳动模范")
    assert window.count_label.text().endswith(" of 13 honourees shown")

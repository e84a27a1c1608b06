"""GUI measurements, each in a fresh process so that one cannot warm up or bloat another.

    python -m benchmarks.gui_probe start DB SETTINGS          # prints READY once the table has painted rows
    python -m benchmarks.gui_probe keystrokes DB SETTINGS QUERIES.json REPEAT
    python -m benchmarks.gui_probe memory DB SETTINGS
    python -m benchmarks.gui_probe detail DB SETTINGS IDS.json REPEAT

All drive the real window (`honours.app.create_window`, widgets found by their object
names `searchBox` and `resultsTable`) on the offscreen platform and print one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_mib() -> tuple[float, float]:
    """(resident now, peak resident) in MiB, from /proc (Linux)."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


class Probe:
    """The window, its two widgets, and a record of when the table last painted."""

    def __init__(self, db: str, settings: str) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

        from honours.app import create_window

        self.window = create_window(db, settings, language="zh")
        self.app = QApplication.instance()
        self.box = self.window.findChild(QLineEdit, "searchBox")
        self.table = self.window.findChild(QTableView, "resultsTable")
        if self.box is None or self.table is None:
            raise SystemExit("the window has no searchBox or resultsTable")
        self.model = self.table.model()
        self.painted_at = 0.0
        self.result_at = 0.0
        paint = QEvent.Type.Paint

        class PaintWatch(QObject):
            def eventFilter(watch, obj, event):  # Qt's signature; `self` is the probe
                if event.type() == paint:
                    self.painted_at = time.perf_counter()
                return False

        self._watch = PaintWatch()
        self.table.viewport().installEventFilter(self._watch)
        signal = getattr(self.window.model, "resultChanged", None) if hasattr(self.window, "model") else None
        if signal is not None:
            signal.connect(self._on_result)
        else:
            self.model.modelReset.connect(self._on_result)
        self.window.resize(1280, 800)
        self.window.show()

    def type_key(self, char: str) -> None:
        """One key press and release carrying `char` (what an input method delivers for 王)."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            self.app.sendEvent(self.box, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))

    def _on_result(self) -> None:
        self.result_at = time.perf_counter()

    def wait(self, condition, timeout: float = 10.0) -> bool:
        """Run the event loop until `condition()` holds (or the timeout passes)."""
        from PySide6.QtCore import QEventLoop

        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                return False
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if not condition():
                time.sleep(0.0005)
        return True

    def settle(self) -> None:
        """Let pending timers (typing delay, facets, first-row selection) run out."""
        end = time.perf_counter() + 0.15
        self.wait(lambda: time.perf_counter() > end, timeout=1)

    def populated(self) -> bool:
        return self.model.rowCount() > 0 and self.painted_at > 0


def start(db: str, settings: str) -> None:
    probe = Probe(db, settings)
    probe.wait(probe.populated, timeout=60)
    print(
        json.dumps(
            {
                "ready": probe.populated(),
                "rows": probe.model.rowCount(),
                "pypinyin_loaded": "pypinyin" in sys.modules,
            }
        ),
        flush=True,
    )
    os._exit(0)


def keystrokes(db: str, settings: str, queries_file: str, repeat: int) -> None:
    """Time the last key of each query: key press → typing delay → search → table repainted."""
    probe = Probe(db, settings)
    probe.wait(probe.populated, timeout=60)
    with open(queries_file, encoding="utf-8") as file:
        queries: dict[str, list[str]] = json.load(file)
    samples: dict[str, list[float]] = {kind: [] for kind in queries}
    failures = 0
    for _ in range(repeat):
        for kind, texts in queries.items():
            for text in texts:
                probe.box.setText(text[:-1])
                probe.settle()
                probe.result_at = 0.0
                probe.painted_at = 0.0
                start = time.perf_counter()
                probe.type_key(text[-1])
                done = probe.wait(lambda: probe.result_at > 0 and probe.painted_at > probe.result_at, 5)
                if not done or probe.box.text() != text:
                    failures += 1
                    continue
                samples[kind].append((probe.painted_at - start) * 1000)
    print(json.dumps({"samples": samples, "failures": failures}), flush=True)
    os._exit(0)


def memory(db: str, settings: str) -> None:
    """Resident memory with the window shown and the whole roll scrolled through."""
    from PySide6.QtCore import QModelIndex

    probe = Probe(db, settings)
    probe.wait(probe.populated, timeout=60)
    shown, _ = _rss_mib()
    started = time.perf_counter()
    while probe.model.canFetchMore(QModelIndex()):
        probe.table.scrollToBottom()
        probe.app.processEvents()
    probe.table.scrollToBottom()
    probe.settle()
    rows = probe.model.rowCount()
    scrolled, peak = _rss_mib()
    print(
        json.dumps(
            {
                "shown_mib": shown,
                "scrolled_mib": scrolled,
                "peak_mib": peak,
                "rows": rows,
                "scroll_seconds": time.perf_counter() - started,
            }
        ),
        flush=True,
    )
    os._exit(0)


def detail(db: str, settings: str, ids_file: str, repeat: int) -> None:
    """Selecting an honouree with a photo until the detail pane has painted it."""
    probe = Probe(db, settings)
    probe.wait(probe.populated, timeout=60)
    pane = getattr(probe.window, "detail_pane", None)
    if pane is None:
        print(json.dumps({"samples": [], "missing": "detail_pane"}), flush=True)
        os._exit(0)
    with open(ids_file, encoding="utf-8") as file:
        ids: list[int] = json.load(file)
    samples = []
    for _ in range(repeat):
        for honouree_id in ids:
            pane.show_honouree(None)
            probe.settle()
            start = time.perf_counter()
            pane.show_honouree(honouree_id)
            pane.repaint()
            probe.app.processEvents()
            samples.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"samples": samples}), flush=True)
    os._exit(0)


def main(argv: list[str]) -> None:
    mode, db, settings, *rest = argv
    if mode == "start":
        start(db, settings)
    elif mode == "keystrokes":
        keystrokes(db, settings, rest[0], int(rest[1]))
    elif mode == "memory":
        memory(db, settings)
    elif mode == "detail":
        detail(db, settings, rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])

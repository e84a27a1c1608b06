"""A separate program on a shared registry file, for tests/test_sharing.py.

Run as a real process (`python tests/sharing_worker.py MODE ...`), never imported by the
tests, so that what meets on the file is what meets in an office: several programs, each
with its own SQLite connections and its own POSIX locks.

window PATH SETTINGS
    The desktop app's main window (offscreen), driven by JSON commands on stdin, one per
    line, each answered by one JSON line on stdout. Its connections are the app's own: the
    writer, the filter panel's read-only counter thread, the search indexer.
soak PATH LOG WORKER SAVES SEED HOT_IDS
    SAVES random saves (adds, edits of shared and of own honourees, deletes, photo adds),
    each outcome appended to LOG as a JSON line once the registry has answered.
"""

from __future__ import annotations

import io
import json
import os
import queue
import random
import sys
import threading
import time


def registry_fds(path: str) -> list[str]:
    """Where this process's descriptors of the registry (and its -wal/-shm) point."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(path):
            found.append(target)
    return sorted(found)


# -- window --------------------------------------------------------------------------------


def run_window(path: str, settings: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from honours.app import create_window
    from honours.core.records import Honouree

    window = create_window(path, settings, language="zh")
    window.resize(1280, 690)
    window.show()
    app = QApplication.instance()
    commands: queue.Queue[str | None] = queue.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            commands.put(line)
        commands.put(None)

    threading.Thread(target=read_stdin, daemon=True).start()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def answer(command: dict) -> dict:
        registry = window.registry
        op = command["op"]
        if op == "add":
            return {"id": registry.add(Honouree(name=command["name"], unit=command.get("unit", ""))).id}
        if op == "edit":
            return {"version": registry.edit(command["id"], {"unit": command["unit"]}).version}
        if op == "names":
            return {"names": sorted(h.name for h in registry.honourees(registry.search("").ids(0, 10**7)))}
        if op == "search":
            window.search_box.setText(command["q"])
            settle(command.get("settle", 0.6))  # the search runs, the counter thread counts
            return {"count": window.model.rowCount()}
        if op == "shown":
            # what the window itself shows, after its watcher has had time to notice others
            settle(command.get("settle", 1.5))
            return {"rows": window.model.rowCount(), "total": window.store.total()}
        if op == "fds":
            return {"fds": registry_fds(path)}
        if op == "settle":
            settle(command.get("seconds", 0.5))
            return {}
        raise ValueError(op)

    def pump() -> None:
        while True:
            try:
                line = commands.get_nowait()
            except queue.Empty:
                return
            if line is None:
                window.close()
                app.quit()
                return
            command = json.loads(line)
            if command["op"] == "quit":
                window.close()
                print(json.dumps({"ok": True}), flush=True)
                app.quit()
                return
            try:
                reply = {"ok": True, **answer(command)}
            except Exception as error:  # noqa: BLE001 - the test reads what went wrong
                reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            print(json.dumps(reply, ensure_ascii=False), flush=True)

    timer = QTimer()
    timer.timeout.connect(pump)
    timer.start(20)
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    app.exec()
    return 0


# -- soak ----------------------------------------------------------------------------------


def png(seed: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (24, 16), (seed * 37 % 256, seed * 91 % 256, seed * 13 % 256)).save(out, "PNG")
    return out.getvalue()


def run_soak(path: str, log_path: str, worker: int, saves: int, seed: int, hot_ids: list[int]) -> int:
    from honours.core import Registry
    from honours.core.errors import ConflictError, DatabaseLockedError
    from honours.core.records import Honouree

    rng = random.Random(seed)
    registry = Registry.open(path, create=False)
    reader = Registry.open(path, create=False, readonly=True)  # as the app's filter panel
    mine_live: list[int] = []
    with open(log_path, "a", encoding="utf-8") as log:  # the log, never the registry

        def note(**entry: object) -> None:
            log.write(json.dumps(entry, ensure_ascii=False) + "\n")
            log.flush()

        for step in range(saves):
            choice = rng.random()
            try:
                if choice < 0.3 or not mine_live:
                    name = f"进程{worker}号{step}"
                    added = registry.add(Honouree(name=name, unit=f"单位{worker}"))
                    mine_live.append(added.id)
                    note(op="add", worker=worker, step=step, id=added.id, name=name)
                elif choice < 0.55:
                    target = rng.choice(hot_ids)
                    record = registry.honouree(target)
                    time.sleep(rng.random() * 0.004)  # a person typing: others may save meanwhile
                    record.notes = f"进程{worker}第{step}次"
                    try:
                        saved = registry.update(record)
                    except ConflictError as clash:
                        note(
                            op="hot-conflict",
                            worker=worker,
                            step=step,
                            id=target,
                            expected=clash.expected,
                            actual=clash.actual,
                        )
                    else:
                        note(
                            op="hot",
                            worker=worker,
                            step=step,
                            id=target,
                            value=record.notes,
                            version=saved.version,
                        )
                elif choice < 0.8:
                    target = rng.choice(mine_live)
                    record = registry.honouree(target)
                    record.unit = f"单位{worker}-{step}"
                    saved = registry.update(record)
                    note(
                        op="edit",
                        worker=worker,
                        step=step,
                        id=target,
                        unit=record.unit,
                        version=saved.version,
                    )
                elif choice < 0.9:
                    target = mine_live.pop(rng.randrange(len(mine_live)))
                    registry.delete(target)
                    note(op="delete", worker=worker, step=step, id=target)
                else:
                    target = rng.choice(mine_live)
                    photo = registry.add_photo(target, png(step), caption=f"{worker}-{step}", name="p.png")
                    note(op="photo", worker=worker, step=step, id=target, photo=getattr(photo, "id", photo))
            except DatabaseLockedError:
                note(op="locked", worker=worker, step=step)
            if step % 10 == 0:
                reader.count()  # the read-only side keeps reading while others write
        note(op="fds", worker=worker, fds=registry_fds(path))
    reader.close()
    registry.close()
    return 0


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "window":
        sys.exit(run_window(*args))
    if mode == "soak":
        db, log_file, worker_no, count, seed_no, hots = args
        sys.exit(
            run_soak(
                db, log_file, int(worker_no), int(count), int(seed_no), [int(h) for h in hots.split(",")]
            )
        )
    raise SystemExit(f"unknown mode {mode}")

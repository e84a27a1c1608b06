"""Worker threads that end however their window goes away.

A QThread still running when its Python wrapper is destroyed aborts the whole process
("QThread: Destroyed while thread ... is still running", SIGABRT). A window normally stops
its workers in `closeEvent`, but a window can also go away without being closed: deleted by
its owner, left behind when the application quits, or dropped at interpreter exit by a
script that called `create_window` and simply returned. Every owner of a worker thread
registers here, and its `stop()` runs on whichever of those comes first.
"""

from __future__ import annotations

import atexit
import contextlib
import weakref

from PySide6.QtCore import QCoreApplication, QObject, QThread

_owners: weakref.WeakSet = weakref.WeakSet()
_hooked_apps: weakref.WeakSet = weakref.WeakSet()
_atexit_registered = False


def track(owner: QObject, thread: QThread) -> None:
    """Stop `owner` (its `stop()`) at application quit and interpreter exit, and end `thread`
    when `owner` is destroyed (the closure holds the thread, never the owner)."""
    global _atexit_registered
    _owners.add(owner)
    if not _atexit_registered:
        atexit.register(stop_all)
        _atexit_registered = True
    app = QCoreApplication.instance()
    if app is not None and app not in _hooked_apps:
        app.aboutToQuit.connect(stop_all)
        _hooked_apps.add(app)
    owner.destroyed.connect(lambda *_: _finish(thread))


def stop_all() -> None:
    """Stop every tracked owner still alive (idempotent: `stop()` may run twice)."""
    for owner in list(_owners):
        with contextlib.suppress(RuntimeError):  # its C++ half is already gone; `destroyed` ended the thread
            owner.stop()


def _finish(thread: QThread) -> None:
    try:
        if thread.isRunning():
            thread.quit()
            thread.wait()
    except RuntimeError:
        pass  # already deleted

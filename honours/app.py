"""Entry points of the desktop app: `main()` for `main.py`/`honours-app`, `create_window()` for tests.

Start-up order matters: the QApplication first, then the bundled CJK fonts (so the very
first window paints Chinese), then translations, then the registry. The registry file is
`--db PATH`, else $HONOURS_DB, else the last one used, else the user-data default; a file
that does not exist yet is created and given the embedded default roll.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from .core.errors import HonoursError
from .gui.i18n import install_translations
from .gui.settings import APPLICATION, ORGANISATION, Settings, open_settings

if TYPE_CHECKING:
    from .gui.main_window import MainWindow

log = logging.getLogger(__name__)


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    from .gui.fonts import install_fonts

    install_fonts()
    return app  # type: ignore[return-value]


def default_registry_path(settings: Settings) -> Path | str:
    """$HONOURS_DB, else the last database opened (if it still exists), else the user-data file."""
    import os

    from .core.postgres.connection import is_server_url
    from .core.session import default_path

    if os.environ.get("HONOURS_DB"):
        return default_path()
    last = settings.last_database
    if last and is_server_url(last):
        return last  # the shared registry connected to last time
    if last and Path(last).exists():
        return Path(last)
    return default_path()


def handle_open_failure(error: HonoursError | OSError, parent: QWidget | None) -> tuple[Path, bool] | None:
    """Tell the user why a registry file cannot be opened and ask what to do instead: the
    (file to open, read-only) to try next, or None (see open_failure_dialog.next_attempt)."""
    from .gui.open_failure_dialog import next_attempt

    return next_attempt(error, parent)


def _asks_password(error: BaseException) -> bool:
    from .core.postgres.connection import PasswordNeededError

    return isinstance(error, PasswordNeededError)


class UpgradeProgress:
    """Shows a progress dialog while an older registry is upgraded (its search index rebuilt).

    Called by the core as `progress(done, total)` on the UI thread; the dialog appears only
    when there is real work, and keeps painting because each call lets Qt process events.
    """

    def __init__(self) -> None:
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.dialog is None:
            if total <= 0 or done >= total:
                return
            self.dialog = QProgressDialog(
                QApplication.translate("App", "Upgrading the registry: rebuilding the search index…"),
                "",
                0,
                total,
            )
            self.dialog.setCancelButton(
                None
            )  # the upgrade is one transaction; it finishes or changes nothing
            self.dialog.setWindowTitle(QApplication.translate("App", "Honours"))
            self.dialog.setMinimumDuration(0)
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        QApplication.processEvents()
        if done >= total:
            self.dialog.close()


def create_window(
    db_path: str | Path,
    settings_path: str | Path | None = None,
    *,
    language: str | None = None,
    readonly: bool = False,
) -> MainWindow:
    """Build (and do not show) the main window on `db_path`; raises DatabaseFileError for a bad file.

    `settings_path` (or $HONOURS_SETTINGS) points at an INI file, so tests never touch the
    user's settings; `language` ('zh', 'en') overrides the stored preference for this run;
    `readonly` opens the file without writing to it (editing is then switched off).
    """
    from .core.session import open_registry
    from .gui.main_window import MainWindow
    from .gui.store import Store

    _application()
    settings = open_settings(settings_path)
    install_translations(language or settings.language)
    registry = open_registry(db_path, readonly=readonly, progress=UpgradeProgress())
    if not readonly:
        settings.remember_database(db_path)
    try:
        return MainWindow(Store(registry), settings)
    except BaseException:  # e.g. a feature module missing: say so, and leave the file closed
        registry.close()
        raise


def _parse(argv: list[str]) -> argparse.Namespace:
    from .core.session import location

    parser = argparse.ArgumentParser(prog="honours-app", description="Honours (劳模荣誉库) desktop app")
    parser.add_argument(
        "--db", type=location, help="registry file (default: $HONOURS_DB or the last one used)"
    )
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language for this run")
    parser.add_argument("--settings", type=Path, help="settings INI file (default: the system's store)")
    parser.add_argument(
        "--self-check",
        type=Path,
        metavar="FILE",
        help="start, write what the window shows (title, menus, language, font, rows) to FILE as JSON "
        "and a screenshot to FILE.png, then quit: proves an installed copy works",
    )
    return parser.parse_args(argv)


def self_check(window: MainWindow, report: Path) -> None:
    """Write what the shown window says about itself to `report` (JSON) and its picture to
    `report`.png, then quit. An administrator (or packaging/smoke_test.py) runs the installed
    app this way to see that it found its fonts, translations, features and default roll."""
    import json

    from .core import files
    from .gui.i18n import current_language

    app = QApplication.instance()
    app.processEvents()
    picture = report.with_name(report.name + ".png")
    saved = window.grab().save(str(picture), "PNG")
    state = {
        "title": window.windowTitle(),
        "menus": [action.text() for action in window.menuBar().actions() if action.isVisible()],
        "language": current_language(),
        "font": QApplication.font().family(),
        "rows": window.model.rowCount(),
        "failed_features": window.failed_features,
        "frozen": bool(getattr(sys, "frozen", False)),
        "screenshot": str(picture) if saved else None,
    }
    files.write_bytes(report, json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"))
    window.close()
    app.quit()


def main(argv: list[str] | None = None) -> int:
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = _application()
    settings = open_settings(args.settings)
    install_translations(args.lang or settings.language)
    attempt: tuple[Path, bool] | None = (args.db or default_registry_path(settings), False)
    window = None
    while attempt is not None:
        path, readonly = attempt
        try:
            window = create_window(path, args.settings, language=args.lang, readonly=readonly)
            break
        except (HonoursError, OSError) as error:
            log.warning("cannot open %s: %s", path, error)
            if _asks_password(error):  # a shared registry remembered: the clerk types its password
                from .core.postgres.connection import use_password
                from .gui.connect_dialog import ask_password

                password = ask_password(str(path), error.wrong, None)
                if password is not None:
                    use_password(str(path), password)
                    continue
            attempt = handle_open_failure(error, None)
    if window is None:
        return 1
    window.show()
    if args.self_check is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(500, lambda: self_check(window, args.self_check))
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

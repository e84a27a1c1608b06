"""Every setting of the desktop app, declared once with its key, type and default.

Settings live in QSettings (the registry on Windows, an INI file elsewhere). Declaring
them here, as Picard does, keeps keys from being spelt two ways and gives each a typed
default, so a missing or mangled value never reaches the widgets as `None` or `"true"`.

Tests and portable installs point `HONOURS_SETTINGS` (or `open_settings(path)`) at an INI
file, so nothing touches the user's real settings.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QSize

from ..core.care import DuePeriods
from ..core.postgres.connection import is_server_url, shown_url

T = TypeVar("T")

ORGANISATION = "Honours"
APPLICATION = "Honours"
SETTINGS_ENV = "HONOURS_SETTINGS"
MAX_RECENT_FILES = 8


class Option(Generic[T]):
    """One declared setting: reads convert the stored value to `kind`, falling back to the default."""

    def __init__(self, key: str, kind: type, default: T) -> None:
        self.key = key
        self.kind = kind
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, settings: Settings | None, owner: type) -> Any:
        if settings is None:
            return self
        return self.convert(settings.qsettings.value(self.key, None))

    def __set__(self, settings: Settings, value: T) -> None:
        settings.qsettings.setValue(self.key, value)

    def convert(self, raw: Any) -> T:
        """The stored value as `kind`; INI files give strings, single-item lists and None back."""
        if raw is None:
            return _copy(self.default)
        try:
            if self.kind is bool:
                return (raw.lower() in ("true", "1", "yes")) if isinstance(raw, str) else bool(raw)  # type: ignore[return-value]
            if self.kind is list:
                return [raw] if isinstance(raw, str) and raw else list(raw) if raw else []  # type: ignore[return-value]
            if self.kind is QByteArray:
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
            if self.kind is dict:
                return dict(raw)  # type: ignore[return-value]
            return self.kind(raw)
        except (TypeError, ValueError):
            return _copy(self.default)


def _copy(value: Any) -> Any:
    return type(value)(value) if isinstance(value, (list, dict, QByteArray)) else value


class Settings:
    """The app's settings; attributes are the declared options (read and assign them)."""

    window_geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    splitter_state = Option("window/splitter", QByteArray, QByteArray())
    # The results table by column key (see results_table.py): the columns shown, left to
    # right (empty: the defaults, fitted to the window), their widths, and the sort
    # ("name", "-year"; "" is the search's own ranking).
    results_columns = Option("window/results_columns", list, [])
    results_widths = Option("window/results_widths", dict, {})
    results_sort = Option("window/results_sort", str, "")
    filter_panel_visible = Option("window/filter_panel_visible", bool, True)
    detail_pane_visible = Option("window/detail_pane_visible", bool, True)
    language = Option("ui/language", str, "system")  # "system", "zh" or "en"
    last_database = Option("files/last_database", str, "")
    recent_files = Option("files/recent", list, [])
    # the shared registry last connected to, without any password (File ▸ Connect to Shared Registry…)
    shared_registry = Option("server/url", str, "")
    photo_folder = Option("files/photo_folder", str, "")  # where photos were last added from
    organisation_name = Option("certificates/organisation", str, "衡阳市总工会")
    print_page_size = Option("printing/page_size", str, "A4")  # "A4" or "Letter"
    print_group_by = Option("printing/group_by", str, "level")  # the roll's grouping: "level" or "unit"
    # How often care is owed (core/care.py's DuePeriods; `honours due` reads them too).
    checkup_serving_years = Option("care/checkup_serving_years", int, DuePeriods.checkup_serving_years)
    checkup_retired_years = Option("care/checkup_retired_years", int, DuePeriods.checkup_retired_years)
    recuperation_years = Option("care/recuperation_years", int, DuePeriods.recuperation_years)
    aid_months = Option("care/aid_months", int, DuePeriods.aid_months)
    stale_months = Option("care/stale_months", int, DuePeriods.stale_months)

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings

    @classmethod
    def options(cls) -> dict[str, Option]:
        return {name: value for name, value in vars(cls).items() if isinstance(value, Option)}

    def reset(self, name: str) -> None:
        """Forget a stored value so the declared default applies again."""
        self.qsettings.remove(self.options()[name].key)

    def remember_database(self, path: str | Path) -> None:
        """Make `path` the last database and the first of the recent files (a shared registry's
        URL without any password, and also as the one to connect to next)."""
        if is_server_url(str(path)):
            text = shown_url(str(path).strip())
            self.shared_registry = text
        else:
            text = str(Path(path).resolve())
        self.last_database = text
        self.recent_files = [text, *[p for p in self.recent_files if p != text]][:MAX_RECENT_FILES]

    def dialog_size(self, name: str) -> QSize | None:
        """The size a dialog (by objectName) had when last closed, or None (see dialog_size.py)."""
        width, _, height = str(self.qsettings.value(f"dialogs/{name}", "") or "").partition("x")
        try:
            size = QSize(int(width), int(height))
        except ValueError:
            return None
        return size if size.width() > 0 and size.height() > 0 else None

    def set_dialog_size(self, name: str, size: QSize) -> None:
        self.qsettings.setValue(f"dialogs/{name}", f"{size.width()}x{size.height()}")

    def saved_searches(self, registry: str | Path | None) -> list[tuple[str, str]]:
        """(name, query) of the searches saved for one registry file, in the order saved
        (see saved_searches.py); [] when none or unreadable."""
        try:
            items = json.loads(str(self.qsettings.value(_saved_searches_key(registry), "") or "[]"))
            return [(str(i["name"]), str(i["query"])) for i in items if str(i.get("name", "")).strip()]
        except (ValueError, TypeError, KeyError, AttributeError):
            return []

    def set_saved_searches(self, registry: str | Path | None, searches: list[tuple[str, str]]) -> None:
        key = _saved_searches_key(registry)
        if searches:
            text = json.dumps([{"name": n, "query": q} for n, q in searches], ensure_ascii=False)
            self.qsettings.setValue(key, text)
        else:
            self.qsettings.remove(key)

    def due_periods(self) -> DuePeriods:
        """The periods of care as set (a value below 1 is taken as the default)."""
        keys = [f.name for f in fields(DuePeriods)]
        return DuePeriods(
            **{key: value if (value := getattr(self, key)) >= 1 else getattr(DuePeriods, key) for key in keys}
        )

    def sync(self) -> None:
        self.qsettings.sync()


def _saved_searches_key(registry: str | Path | None) -> str:
    """One key per registry file (by its full path), so each file has its own saved searches."""
    if registry and is_server_url(str(registry)):
        name = shown_url(str(registry))
    else:
        name = str(Path(registry).resolve()) if registry else ":memory:"
    return f"saved_searches/{hashlib.sha1(name.encode('utf-8')).hexdigest()[:16]}"


def open_settings(path: str | Path | None = None) -> Settings:
    """Settings from an INI file (`path` or $HONOURS_SETTINGS), else the platform's own store."""
    path = path or os.environ.get(SETTINGS_ENV)
    if path:
        return Settings(QSettings(str(path), QSettings.Format.IniFormat))
    return Settings(
        QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    )

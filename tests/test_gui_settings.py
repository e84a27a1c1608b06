"""Declared settings over a per-test INI file, and choosing the UI language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from honours.gui import i18n
from honours.gui.settings import MAX_RECENT_FILES, Settings, open_settings

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
GUI_SOURCES = sorted(str(p) for p in Path(i18n.__file__).parent.glob("*.py")) + [
    str(Path(i18n.__file__).parents[1] / "app.py")
]


def test_defaults_apply_until_a_value_is_stored(tmp_path):
    settings = open_settings(tmp_path / "s.ini")
    assert settings.language == "system"
    assert settings.organisation_name == "衡阳市总工会"
    assert settings.recent_files == []
    assert settings.filter_panel_visible is True
    assert isinstance(settings.window_geometry, QByteArray) and settings.window_geometry.isEmpty()


def test_values_survive_a_reopen_with_their_types(tmp_path):
    path = tmp_path / "s.ini"
    settings = open_settings(path)
    settings.filter_panel_visible = False
    settings.organisation_name = "耒阳市总工会"
    settings.splitter_state = QByteArray(b"\x00\x01state")
    settings.recent_files = ["/only/one.sqlite"]
    settings.results_columns = ["name"]
    settings.results_widths = {"name": 92, "unit": 170}
    settings.sync()
    again = open_settings(path)
    assert again.filter_panel_visible is False  # the INI file holds the text "false"
    assert again.organisation_name == "耒阳市总工会"
    assert bytes(again.splitter_state) == b"\x00\x01state"
    assert again.recent_files == ["/only/one.sqlite"]  # a single entry reads back as a list
    assert again.results_columns == ["name"]
    assert again.results_widths == {"name": 92, "unit": 170}


def test_garbage_in_the_file_reads_as_the_default(tmp_path):
    path = tmp_path / "s.ini"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    raw.setValue("window/filter_panel_visible", "perhaps")
    raw.sync()
    assert open_settings(path).filter_panel_visible is False  # unreadable: not "true", no exception
    assert Settings.options()["language"].convert(None) == "system"


def test_recent_files_put_the_latest_first_without_repeats(tmp_path):
    settings = open_settings(tmp_path / "s.ini")
    for name in ("a", "b", "a", *[f"x{i}" for i in range(MAX_RECENT_FILES)]):
        settings.remember_database(tmp_path / f"{name}.sqlite")
    recent = settings.recent_files
    assert len(recent) == MAX_RECENT_FILES and len(set(recent)) == MAX_RECENT_FILES
    assert recent[0].endswith(f"x{MAX_RECENT_FILES - 1}.sqlite")
    assert settings.last_database == recent[0]


def test_the_environment_variable_points_settings_at_an_ini_file(tmp_path, monkeypatch):
    monkeypatch.setenv("HONOURS_SETTINGS", str(tmp_path / "env.ini"))
    settings = open_settings()
    settings.language = "zh"
    settings.sync()
    assert "language=zh" in (tmp_path / "env.ini").read_text(encoding="utf-8")


def test_language_follows_the_environment_unless_overridden(qapp, monkeypatch):
    monkeypatch.setenv("HONOURS_LANG", "zh_CN.UTF-8")
    assert i18n.resolve_language("system") == "zh"
    assert i18n.resolve_language("en") == "en"
    monkeypatch.setenv("HONOURS_LANG", "en")
    assert i18n.resolve_language(None) == "en"
    assert i18n.resolve_language("zh") == "zh"


@pytest.fixture
def compiled_translations(tmp_path, monkeypatch):
    """The .qm built from the committed .ts into a temporary folder (as `make translations` does)."""
    source = i18n.I18N_DIR / "honours_zh_CN.ts"
    subprocess.run(
        [str(LRELEASE), "-silent", str(source), "-qm", str(tmp_path / "honours_zh_CN.qm")], check=True
    )
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    yield
    i18n.install_translations("en")


def test_chinese_translations_load_with_qts_own(qapp, compiled_translations):
    assert i18n.install_translations("zh") == "zh"
    assert i18n.current_language() == "zh"
    assert QCoreApplication.translate("FilterPanel", "Filters") == "筛选"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # from qtbase_zh_CN
    assert i18n.install_translations("en") == "en"
    assert QCoreApplication.translate("FilterPanel", "Filters") == "Filters"


def test_qts_own_file_dialog_has_no_english_left_in_chinese(qapp, compiled_translations, tmp_path):
    """Qt 6.11 words some file-dialog labels differently from its bundled qtbase_zh_CN;
    our catalogue fills those gaps (see i18n.qt_gaps)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    i18n.install_translations("zh")
    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert all(
            QCoreApplication.translate(*gap) != gap[1]
            for gap in (
                ("QAbstractFileIconProvider", "Folder", "All other platforms"),
                ("QPrintSettingsOutput", "Page &Set:"),
            )
        )
    finally:
        dialog.deleteLater()


def test_every_string_of_the_gui_has_a_chinese_translation(tmp_path):
    """lupdate over today's sources adds nothing untranslated to the committed catalogue."""
    catalogue = tmp_path / "check.ts"
    catalogue.write_bytes((i18n.I18N_DIR / "honours_zh_CN.ts").read_bytes())
    subprocess.run([str(LUPDATE), "-silent", *GUI_SOURCES, "-ts", str(catalogue)], check=True)
    text = catalogue.read_text(encoding="utf-8")
    unfinished = [
        chunk.split("</source>")[0]
        for chunk in text.split("<source>")[1:]
        if 'type="unfinished"' in chunk.split("</message>")[0]
    ]
    assert unfinished == []

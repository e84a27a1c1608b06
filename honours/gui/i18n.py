"""Which language the app speaks, and loading the translations for it.

English is the source language of every `tr()` string. For Chinese, Qt's own
`qtbase_zh_CN` (standard buttons, context menus, file dialogs) is installed before the
app's `honours_zh_CN.qm`, so dialogs never mix languages. The choice follows the system
locale unless View ▸ Language stored an override ("zh" or "en") in the settings.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh", "en")
_QT_CATALOGS = ("qtbase",)

_installed: list[QTranslator] = []
_language = "en"


def qt_gaps() -> list[str]:
    """Strings of Qt's own dialogs that Qt 6.11 words differently from its bundled
    qtbase_zh_CN, so they showed in English ("Look in:", "Files of type:", "Folder").

    Never called for its result at run time: the literal translate() calls put these
    strings, in Qt's own contexts, into honours_zh_CN.ts via lupdate; that catalogue is
    installed after qtbase's, so its translations fill the gaps.
    """
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QPrintSettingsOutput", "Page &Set:"),
        translate("QPageSetupWidget", "Page &order:"),
        translate("QPageSetupWidget", "Pages &per sheet:"),
    ]


def system_language() -> str:
    """'zh' or 'en' from $HONOURS_LANG, else the system's UI languages."""
    forced = os.environ.get("HONOURS_LANG", "").lower()
    if forced:
        return "zh" if forced.startswith("zh") else "en"
    for name in QLocale.system().uiLanguages():
        lowered = name.lower()
        if lowered.startswith("zh"):
            return "zh"
        if lowered.startswith("en"):
            return "en"
    return "en"


def resolve_language(preference: str | None) -> str:
    """The language for a stored preference: 'zh', 'en', or the system's for anything else."""
    return preference if preference in LANGUAGES else system_language()


def current_language() -> str:
    """'zh' or 'en': the language the UI is showing (used to pick core error texts)."""
    return _language


def install_translations(preference: str | None = None) -> str:
    """Replace the installed translators with those for `preference`; returns the language used.

    Widgets receive QEvent.LanguageChange and retranslate themselves.
    """
    global _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations() needs a QApplication")
    language = resolve_language(preference)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "zh":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalog in _QT_CATALOGS:
            _load(app, f"{catalog}_zh_CN", qt_dir)
        if not _load(app, "honours_zh_CN", str(I18N_DIR)):
            log.warning("honours_zh_CN.qm not found in %s; run `make translations`", I18N_DIR)
    _language = language
    return language


def _load(app: QCoreApplication, name: str, directory: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, directory):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True

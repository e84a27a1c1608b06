"""Chinese-capable fonts for the Honours GUI and its printed certificates.

The app must show Chinese on machines without any CJK font, so it bundles
subsets of Noto Sans CJK SC / Noto Serif CJK SC (SIL OFL 1.1), renamed
"Honours Sans" (Regular, Bold) and "Honours Serif" (Bold) and converted to
TrueType outlines; see ``assets/fonts/README.md`` and ``tools/build_fonts.py``.

Usage, once, right after the ``QApplication`` exists::

    app = QApplication(sys.argv)
    family = install_fonts()          # UI family actually used
    body, title = certificate_families()  # for QPdfWriter / QPrinter output

``install_fonts()`` registers the bundled fonts, picks a CJK family for the
user interface (an installed system CJK font when there is one, since it is
complete and tuned for the platform, else the bundled "Honours Sans"), makes
it the application's default font at the platform's point size, and adds it
as a substitute (Qt's per-family fallback) for common Latin families, so that
widgets and documents given a Latin font still show Chinese.

Printing always uses the bundled families (``certificate_families()``): they
are TrueType, so Qt's PDF writer embeds them as subsets with a ToUnicode map
(text stays selectable and searchable), and the output looks the same on
every machine. System CJK fonts are often CFF/OpenType collections, which Qt
may embed as Type 3 outlines.

Environment: ``HONOURS_UI_FONT=bundled`` forces the bundled family for the UI;
any other value names a family to use if it is installed.
``HONOURS_FONTS_DIR`` overrides where the bundled ``.ttf`` files are looked for.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ..core.paths import assets_dir

__all__ = [
    "BUNDLED_SANS",
    "BUNDLED_SERIF",
    "FONTS_DIR",
    "SYSTEM_CJK_FAMILIES",
    "bundled_font_paths",
    "certificate_families",
    "install_fonts",
]

log = logging.getLogger(__name__)

#: assets/fonts of the source tree, or of the packaged app (core/paths.py).
FONTS_DIR = assets_dir() / "fonts"

BUNDLED_SANS = "Honours Sans"
BUNDLED_SERIF = "Honours Serif"

_BUNDLED_FILES = (
    "HonoursSans-Regular.ttf",
    "HonoursSans-Bold.ttf",
    "HonoursSerif-Bold.ttf",
)

#: Installed CJK families preferred over the bundled subset, best first.
SYSTEM_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans SC",
    "SimHei",
    "SimSun",
)

#: Families that get the CJK family as substitute (i.e. as fallback), so a
#: widget or document asking for one of them still renders Chinese.
_SUBSTITUTED_FAMILIES = (
    "Sans Serif",
    "sans-serif",
    "SansSerif",
    "Serif",
    "serif",
    "Monospace",
    "monospace",
    "Helvetica",
    "Arial",
    "Verdana",
    "Tahoma",
    "Segoe UI",
    "MS Shell Dlg 2",
    "Times",
    "Times New Roman",
    "Courier",
    "Courier New",
    "DejaVu Sans",
    "DejaVu Serif",
    "DejaVu Sans Mono",
    "Liberation Sans",
    "Liberation Serif",
    "Noto Sans",
    "Noto Serif",
    "Cantarell",
    "Ubuntu",
    "Roboto",
    ".AppleSystemUIFont",
    "Helvetica Neue",
)

# Registration state: registered family names and the chosen UI family.
_registered: dict[str, int] = {}
_ui_family: str | None = None


def fonts_dir() -> Path:
    override = os.environ.get("HONOURS_FONTS_DIR")
    return Path(override) if override else FONTS_DIR


def bundled_font_paths() -> list[Path]:
    """Paths of the bundled font files that exist, Regular, Bold, Serif Bold."""
    base = fonts_dir()
    return [base / name for name in _BUNDLED_FILES if (base / name).is_file()]


def _require_app() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing fonts")
    return app


def _register_bundled() -> list[str]:
    """Register each bundled file once; return the families now available."""
    for path in bundled_font_paths():
        key = str(path)
        if key in _registered:
            continue
        font_id = QFontDatabase.addApplicationFont(key)
        if font_id < 0:
            log.warning("could not load bundled font %s", path)
        _registered[key] = font_id
    families: list[str] = []
    for font_id in _registered.values():
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in families:
                    families.append(family)
    return families


def _supports_chinese(family: str) -> bool:
    systems = QFontDatabase.writingSystems(family)
    return (
        QFontDatabase.WritingSystem.SimplifiedChinese in systems
        or QFontDatabase.WritingSystem.TraditionalChinese in systems
    )


def _system_cjk_family(installed: set[str]) -> str | None:
    for family in SYSTEM_CJK_FAMILIES:
        if family in installed and _supports_chinese(family):
            return family
    return None


def _choose_family(bundled: list[str], prefer_system: bool) -> str:
    installed = set(QFontDatabase.families())
    wanted = os.environ.get("HONOURS_UI_FONT", "").strip()
    if wanted.lower() == "bundled":
        prefer_system = False
    elif wanted and wanted in installed:
        return wanted
    if prefer_system:
        system = _system_cjk_family(installed)
        if system:
            return system
    if BUNDLED_SANS in bundled:
        return BUNDLED_SANS
    # No bundled font (files missing): a system CJK font is better than nothing.
    system = _system_cjk_family(installed)
    if system:
        return system
    log.warning("no CJK font available: Chinese text may show as boxes")
    return QGuiApplication.font().family()


def _add_substitution(family: str, substitute: str) -> None:
    # Qt stores substitution lists lower-cased.
    current = [s.lower() for s in QFont.substitutes(family)] if family else []
    if family and family.lower() != substitute.lower() and substitute.lower() not in current:
        QFont.insertSubstitution(family, substitute)


def _add_fallbacks(cjk: str, original: str) -> None:
    for family in (*_SUBSTITUTED_FAMILIES, original):
        _add_substitution(family, cjk)
    # (QFontDatabase.addApplicationFallbackFontFamily would be the Qt >= 6.8
    # way, but PySide6 does not bind it: it takes a QChar::Script.)


def install_fonts(*, prefer_system: bool = True) -> str:
    """Register the bundled fonts and make a CJK family the app default.

    Call once after the QApplication exists (later calls return the same
    family and change nothing). Returns the family chosen for the UI.
    """
    global _ui_family
    app = _require_app()
    if _ui_family is not None:
        return _ui_family
    bundled = _register_bundled()
    family = _choose_family(bundled, prefer_system)
    default = QFont(app.font())
    original = default.family()
    if family != original:
        default.setFamilies([family])
        app.setFont(default)  # keeps the platform's point size
    _add_fallbacks(family, original)
    if family not in (BUNDLED_SANS, BUNDLED_SERIF):
        # A system CJK font covers far more than the subsets: let rare
        # characters in text set in the bundled families fall back to it.
        for bundled_family in bundled:
            _add_substitution(bundled_family, family)
    _ui_family = family
    return family


def certificate_families() -> tuple[str, str]:
    """(body family, title family) for printed certificates and PDFs.

    The bundled TrueType families when available ("Honours Sans",
    "Honours Serif" — use it bold), else the UI family for both. Needs the
    QApplication; registers the bundled fonts if install_fonts() has not.
    """
    _require_app()
    bundled = _register_bundled()
    fallback = _ui_family or QGuiApplication.font().family()
    body = BUNDLED_SANS if BUNDLED_SANS in bundled else fallback
    title = BUNDLED_SERIF if BUNDLED_SERIF in bundled else body
    return body, title

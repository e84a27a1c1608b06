"""The fonts printing uses: always the bundled TrueType families (see honours.gui.fonts).

TrueType fonts are embedded by Qt's PDF writer as subsets with a ToUnicode map, so the
Chinese text of a certificate stays selectable and searchable, and a PDF made on one PC
looks the same on every other.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from ..core.errors import HonoursError
from ..core.i18n import Text


def print_families() -> tuple[str, str]:
    """(body family, title family); needs a QGuiApplication (the CLI makes an offscreen one)."""
    if QGuiApplication.instance() is None:
        raise HonoursError(Text("Printing needs the Qt application to be started first."))
    from ..gui.fonts import certificate_families

    return certificate_families()

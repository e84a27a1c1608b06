"""Reading what clerks type into the edit dialog: amounts, quantities, years and dates.

Each reader returns the exact value and the tidy text to show back in the cell
(``50万`` → 50000000 fen shown as ``50万元``; ``2020年2月5日`` → ``2020-02-05``), or raises
EntryError with a message in the UI language. Money and quantities go through the core's
exact parsers (honours.core.amounts), so the dialog and imports agree to the fen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.amounts import AmountError, format_quantity, format_yuan, parse_amount_fen, parse_number
from ..core.dates import FIRST_YEAR, LAST_YEAR, parse_date, parse_year
from .i18n import current_language


class EntryError(ValueError):
    """A typed value that cannot be read; `str(error)` is already in the UI language."""


translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls


def _amount_message(error: AmountError) -> str:
    return error.text.render(current_language())


def read_amount(text: str) -> tuple[int, str]:
    """Fen and the formatted amount: ``50万``, ``10万元``, ``1,000``, ``五十万元`` are exact."""
    try:
        fen = parse_amount_fen(text)
    except AmountError as exc:
        raise EntryError(_amount_message(exc)) from None
    return fen, format_yuan(fen)


def read_quantity(text: str) -> tuple[int, str]:
    """A whole positive quantity (``1万``, ``1,000``, ``两千``) and its compact form (``1万``)."""
    try:
        value = parse_number(text)
    except AmountError as exc:
        raise EntryError(_amount_message(exc)) from None
    if value != value.to_integral_value() or value <= 0:
        message = translate("EntryValues", "A quantity must be a whole number above zero: “%1”")
        raise EntryError(message.replace("%1", text.strip()))
    quantity = int(value)
    return quantity, format_quantity(quantity, "")


def read_year(text: str) -> int:
    """A year as typed (``2020``, ``２０２０年``) in the registry's range (core/dates.py)."""
    year = parse_year(text)
    if year is None:
        message = translate("EntryValues", "“%1” is not a year (write it like 2020; %2–%3)")
        raise EntryError(
            message.replace("%1", text.strip()).replace("%2", str(FIRST_YEAR)).replace("%3", str(LAST_YEAR))
        )
    return year


def read_date(text: str) -> str:
    """An ISO date, month or year: ``2020-2-5``, ``2020.2.5``, ``2020/02/05``,
    ``2020年2月5日`` → ``2020-02-05``; ``2020年2月`` → ``2020-02``; ``2020`` → ``2020``.

    Read by the same reader as sheets and JSON (core/dates.py); reports often give only a
    month or a year, so those are kept as written, not padded to a made-up day.
    """
    parsed = parse_date(text)
    if parsed is None:
        message = translate(
            "EntryValues", "“%1” is not a date (write it like 2020-02-15, 2020-02 or 2020; %2–%3)"
        )
        raise EntryError(
            message.replace("%1", text.strip()).replace("%2", str(FIRST_YEAR)).replace("%3", str(LAST_YEAR))
        )
    return parsed.text


def quantity_text(quantity: int | None) -> str:
    """How a stored quantity is shown for editing (10000 → 1万)."""
    return "" if quantity is None else format_quantity(quantity, "")


def amount_text(fen: int | None) -> str:
    """How a stored amount is shown for editing (50000000 → 50万元)."""
    return "" if fen is None else format_yuan(fen)

"""What the edit dialog's lists hold: honours, deeds, donations and care as cells typed by clerks.

Each model says how a record becomes a row of cells and back. Cells that can be read are
tidied as soon as they are left (``50万`` is shown back as ``50万元``, ``2020年2月5日`` as
``2020-02-05``); cells that cannot be read are kept exactly as typed and marked, so the
dialog can refuse to save and point at them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.records import LEVEL_ORDER, Care, Deed, Donation, Honour, Level
from ..core.titles import title_level
from ..core.vocabulary import CARE_KINDS, CARE_OCCASIONS, DEFAULT_CARE_KIND
from .entry_values import (
    EntryError,
    amount_text,
    quantity_text,
    read_amount,
    read_date,
    read_quantity,
    read_year,
)
from .labels import care_kind_label, level_label
from .list_editors import Column, RecordTableModel


class HonoursModel(RecordTableModel):
    """Title, level, year, date, awarding body, posthumous.

    Typing a title fills its level (衡阳市劳动模范 → 市级, 全国五一劳动奖章 → 国家级; core/titles.py)
    until the user chooses a level for that row themselves, and an empty awarding body for a
    well-known title (全国劳动模范 → 中共中央、国务院). A row loaded with a level other than its
    title's is taken as chosen.
    """

    def make_columns(self) -> list[Column]:
        return [
            Column("title", lambda: self.tr("Title"), placeholder=lambda: self.tr("e.g. 全国劳动模范")),
            Column(
                "level",
                lambda: self.tr("Level"),
                "choice",
                width=6,
                choices=lambda: [(lv.value, level_label(lv.value)) for lv in LEVEL_ORDER],
            ),
            Column("year", lambda: self.tr("Year"), width=4, placeholder=lambda: "2020"),
            Column("date", lambda: self.tr("Date"), width=7, placeholder=lambda: "2020-05-01"),
            Column("awarded_by", lambda: self.tr("Awarded by"), width=10),
            Column("posthumous", lambda: self.tr("Posthumous"), "check", width=5),
            Column(
                "document",
                lambda: self.tr("Document"),
                width=10,
                placeholder=lambda: self.tr("e.g. 湘政发〔2020〕12号"),
            ),
            # 取消称号: the honour stays, marked, and no longer counts (its level, its year)
            Column("revoked", lambda: self.tr("Revoked"), "check", width=5),
            Column("revoked_date", lambda: self.tr("Revoked on"), width=7, placeholder=lambda: "2023-05"),
            Column("revoked_reason", lambda: self.tr("Reason revoked"), width=10),
        ]

    def blank_row(self) -> dict[str, Any]:
        return {**super().blank_row(), "level": Level.OTHER.value, "_level_chosen": False, "_filled_body": ""}

    def row_from_record(self, honour: Honour) -> dict[str, Any]:
        level = honour.level or Level.OTHER.value
        return {
            "title": honour.title,
            "level": level,
            "year": "" if honour.year is None else str(honour.year),
            "date": honour.date or "",
            "awarded_by": honour.awarded_by or "",
            "posthumous": bool(honour.posthumous),
            "document": honour.document or "",
            "revoked": bool(honour.revoked),
            "revoked_date": honour.revoked_date or "",
            "revoked_reason": honour.revoked_reason or "",
            "_level_chosen": level != title_level(honour.title).level,
            "_filled_body": "",
        }

    def cell_edited(self, row: dict[str, Any], key: str) -> None:
        if key == "level":
            row["_level_chosen"] = True
        elif key == "title":
            known = title_level(row["title"]) if row["title"] else None
            if not row["_level_chosen"]:
                row["level"] = known.level if known else Level.OTHER.value
            if row["awarded_by"] in ("", row["_filled_body"]):  # empty, or what the last title filled in
                row["awarded_by"] = row["_filled_body"] = known.awarded_by if known else ""

    def tidy(self, key: str, text: str) -> str:
        text = text.strip()
        try:
            if key == "year" and text:
                return str(read_year(text))
            if key in ("date", "revoked_date") and text:
                return read_date(text)
        except EntryError:
            pass
        return text

    def read_row(self, row: dict[str, Any]) -> tuple[Honour | None, dict[str, str]]:
        extra = (row["document"], row["revoked"], row["revoked_date"], row["revoked_reason"])
        if not any((row["title"], row["year"], row["date"], row["awarded_by"], row["posthumous"], *extra)):
            return None, {}
        problems: dict[str, str] = {}
        if not row["title"]:
            problems["title"] = self.tr("Give the title of the honour.")
        year = None
        if row["year"]:
            try:
                year = read_year(row["year"])
            except EntryError as exc:
                problems["year"] = str(exc)
        for key in ("date", "revoked_date"):
            if row[key]:
                try:
                    read_date(row[key])
                except EntryError as exc:
                    problems[key] = str(exc)
        honour = Honour(
            title=row["title"],
            level=row["level"],
            year=year,
            date=row["date"] or None,
            awarded_by=row["awarded_by"],
            posthumous=bool(row["posthumous"]),
            document=row["document"],
            revoked=bool(row["revoked"]),
            revoked_date=row["revoked_date"] or None,
            revoked_reason=row["revoked_reason"],
        )
        return honour, problems


class DeedsModel(RecordTableModel):
    """Date and text of each deed; the text may run to several paragraphs."""

    def make_columns(self) -> list[Column]:
        return [
            Column("date", lambda: self.tr("Date"), width=7, placeholder=lambda: "2020-02"),
            Column("text", lambda: self.tr("Deed"), "multiline"),
        ]

    def row_from_record(self, deed: Deed) -> dict[str, Any]:
        return {"date": deed.date or "", "text": deed.text}

    def tidy(self, key: str, text: str) -> str:
        text = text.strip()
        if key == "date" and text:
            try:
                return read_date(text)
            except EntryError:
                pass
        return text

    def read_row(self, row: dict[str, Any]) -> tuple[Deed | None, dict[str, str]]:
        if not row["date"] and not row["text"]:
            return None, {}
        problems: dict[str, str] = {}
        if not row["text"]:
            problems["text"] = self.tr("Describe the deed.")
        if row["date"]:
            try:
                read_date(row["date"])
            except EntryError as exc:
                problems["date"] = str(exc)
        return Deed(text=row["text"], date=row["date"] or None), problems


class DonationsModel(RecordTableModel):
    """Money typed as clerks write it (50万, 10万元, 1,000, 五十万元) and/or goods."""

    def make_columns(self) -> list[Column]:
        return [
            Column("amount", lambda: self.tr("Amount"), width=8, placeholder=lambda: self.tr("e.g. 50万")),
            Column("item", lambda: self.tr("Goods"), width=8, placeholder=lambda: self.tr("e.g. 口罩")),
            Column("quantity", lambda: self.tr("Quantity"), width=5, placeholder=lambda: self.tr("e.g. 1万")),
            Column("quantity_unit", lambda: self.tr("Unit"), width=3, placeholder=lambda: self.tr("e.g. 只")),
            Column("recipient", lambda: self.tr("Recipient"), width=10),
            Column("date", lambda: self.tr("Date"), width=7),
            Column("note", lambda: self.tr("Note")),
        ]

    def row_from_record(self, donation: Donation) -> dict[str, Any]:
        return {
            "amount": amount_text(donation.amount_fen),
            "item": donation.item or "",
            "quantity": quantity_text(donation.quantity),
            "quantity_unit": donation.quantity_unit or "",
            "recipient": donation.recipient or "",
            "date": donation.date or "",
            "note": donation.note or "",
        }

    def tidy(self, key: str, text: str) -> str:
        text = text.strip()
        if not text:
            return text
        readers: dict[str, Callable[[str], str]] = {
            "amount": lambda t: read_amount(t)[1],
            "quantity": lambda t: read_quantity(t)[1],
            "date": read_date,
        }
        try:
            return readers[key](text) if key in readers else text
        except EntryError:
            return text  # kept as typed and marked, never "corrected" behind the user's back

    def read_row(self, row: dict[str, Any]) -> tuple[Donation | None, dict[str, str]]:
        if not any(row.values()):
            return None, {}
        problems: dict[str, str] = {}
        fen = quantity = None
        if row["amount"]:
            try:
                fen = read_amount(row["amount"])[0]
            except EntryError as exc:
                problems["amount"] = str(exc)
        if row["quantity"]:
            try:
                quantity = read_quantity(row["quantity"])[0]
            except EntryError as exc:
                problems["quantity"] = str(exc)
        if row["date"]:
            try:
                read_date(row["date"])
            except EntryError as exc:
                problems["date"] = str(exc)
        if not row["amount"] and not row["item"]:
            key = "item" if row["quantity"] else "amount"
            problems[key] = self.tr("Give an amount of money or the goods donated.")
        donation = Donation(
            amount_fen=fen,
            item=row["item"],
            quantity=quantity,
            quantity_unit=row["quantity_unit"],
            recipient=row["recipient"],
            date=row["date"] or None,
            note=row["note"],
        )
        return donation, problems

    def total_fen(self) -> int:
        return sum(d.amount_fen or 0 for d in self.records())


class CareModel(RecordTableModel):
    """Care of model workers (关怀记录): the date, the kind, what for, money typed as clerks write it
    and/or goods, by whom. Only the columns of money and goods are read like a donation's."""

    def make_columns(self) -> list[Column]:
        return [
            Column("date", lambda: self.tr("Date"), width=7, placeholder=lambda: "2027-01-20"),
            Column(
                "kind",
                lambda: self.tr("Kind"),
                "choice",
                width=6,
                choices=lambda: [(key, care_kind_label(key)) for key in CARE_KINDS.keys],
            ),
            Column(
                "occasion",
                lambda: self.tr("Occasion"),
                width=6,
                placeholder=lambda: self.tr("e.g. 春节"),
                suggestions=lambda: list(CARE_OCCASIONS),
            ),
            Column("amount", lambda: self.tr("Amount"), width=7, placeholder=lambda: self.tr("e.g. 500")),
            Column("item", lambda: self.tr("Goods"), width=7, placeholder=lambda: self.tr("e.g. 慰问品")),
            Column("quantity", lambda: self.tr("Quantity"), width=4),
            Column("unit", lambda: self.tr("Unit"), width=3, placeholder=lambda: self.tr("e.g. 份")),
            Column("by", lambda: self.tr("By"), width=8, placeholder=lambda: self.tr("e.g. 市总工会")),
            Column("note", lambda: self.tr("Note")),
        ]

    def blank_row(self) -> dict[str, Any]:
        return {**super().blank_row(), "kind": DEFAULT_CARE_KIND}

    def row_from_record(self, care: Care) -> dict[str, Any]:
        return {
            "date": care.date or "",
            "kind": care.kind or DEFAULT_CARE_KIND,
            "occasion": care.occasion or "",
            "amount": amount_text(care.amount_fen),
            "item": care.item or "",
            "quantity": quantity_text(care.quantity),
            "unit": care.quantity_unit or "",
            "by": care.by or "",
            "note": care.note or "",
        }

    def tidy(self, key: str, text: str) -> str:
        text = text.strip()
        if not text:
            return text
        readers: dict[str, Callable[[str], str]] = {
            "amount": lambda t: read_amount(t)[1],
            "quantity": lambda t: read_quantity(t)[1],
            "date": read_date,
        }
        try:
            return readers[key](text) if key in readers else text
        except EntryError:
            return text  # kept as typed and marked

    def read_row(self, row: dict[str, Any]) -> tuple[Care | None, dict[str, str]]:
        if not any(value for key, value in row.items() if key != "kind" and not key.startswith("_")):
            return None, {}
        problems: dict[str, str] = {}
        fen = quantity = None
        if row["amount"]:
            try:
                fen = read_amount(row["amount"])[0]
            except EntryError as exc:
                problems["amount"] = str(exc)
        if row["quantity"]:
            try:
                quantity = read_quantity(row["quantity"])[0]
            except EntryError as exc:
                problems["quantity"] = str(exc)
        if not row["date"]:
            problems["date"] = self.tr("Give the date of the care (what is due is reckoned from it).")
        else:
            try:
                read_date(row["date"])
            except EntryError as exc:
                problems["date"] = str(exc)
        care = Care(
            date=row["date"] or None,
            kind=row["kind"] or DEFAULT_CARE_KIND,
            occasion=row["occasion"],
            amount_fen=fen,
            item=row["item"],
            quantity=quantity,
            quantity_unit=row["unit"],
            by=row["by"],
            note=row["note"],
        )
        return care, problems

    def total_fen(self) -> int:
        return sum(c.amount_fen or 0 for c in self.records())

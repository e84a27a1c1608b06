"""Plain records of the registry: what an honouree is, with no storage or Qt in sight.

Both the GUI and the command line build and read these dataclasses; the store turns
them into rows. Money is held as integer fen so that 50万元 stays exactly 500000 yuan.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from enum import Enum
from typing import Any


class Level(str, Enum):
    """The level of an honour, highest first."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    COUNTY = "county"
    OTHER = "other"

    @property
    def rank(self) -> int:
        """Smaller is higher; used to find an honouree's highest level."""
        return LEVEL_ORDER.index(self)


LEVEL_ORDER = [Level.NATIONAL, Level.PROVINCIAL, Level.MUNICIPAL, Level.COUNTY, Level.OTHER]


class Status(str, Enum):
    ACTIVE = "active"
    RETIRED = "retired"
    DECEASED = "deceased"


# Categories are free text in storage; these are the ones the roll and the GUI offer.
CATEGORIES = ["medical", "other trades", "model worker", "donor", "collective"]


@dataclass
class Honour:
    title: str
    level: str = Level.OTHER.value
    year: int | None = None
    date: str | None = None  # ISO date when the report gives one
    awarded_by: str = ""
    posthumous: bool = False
    id: int | None = None


@dataclass
class Deed:
    text: str
    date: str | None = None
    id: int | None = None


@dataclass
class Donation:
    """Cash (amount_fen) and/or goods (item, quantity, quantity_unit)."""

    amount_fen: int | None = None
    item: str = ""
    quantity: int | None = None
    quantity_unit: str = ""
    recipient: str = ""
    date: str | None = None
    note: str = ""
    id: int | None = None

    @property
    def amount_yuan(self) -> Decimal | None:
        return None if self.amount_fen is None else Decimal(self.amount_fen) / 100


@dataclass
class Photo:
    """Metadata of a stored photo; the image bytes live in the store, fetched on demand."""

    caption: str = ""
    primary: bool = False
    width: int = 0
    height: int = 0
    mime: str = "image/jpeg"
    original_name: str = ""
    id: int | None = None
    position: int = 0


@dataclass
class Source:
    """Where a record's facts come from: a report and the sentence in it."""

    report: str = ""
    sentence: str = ""


@dataclass
class Honouree:
    name: str
    gender: str = ""  # 男 / 女 / "" when not reported
    birth_date: str = ""  # ISO date, or year, when known
    age: str = ""  # age as reported, e.g. "28岁" or "28"
    ethnicity: str = ""
    unit: str = ""
    position: str = ""
    region: str = ""
    category: str = ""
    status: str = Status.ACTIVE.value
    notes: str = ""
    source: Source = field(default_factory=Source)
    honours: list[Honour] = field(default_factory=list)
    deeds: list[Deed] = field(default_factory=list)
    donations: list[Donation] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    id: int | None = None
    version: int = 0  # bumped on every save; guards against lost updates
    created_at: str = ""
    updated_at: str = ""

    # -- derived facts used by views, printing and search -------------------------
    @property
    def highest_level(self) -> str | None:
        levels = [_level(h.level) for h in self.honours]
        return min(levels, key=lambda lv: lv.rank).value if levels else None

    @property
    def donation_total_fen(self) -> int:
        return sum(d.amount_fen or 0 for d in self.donations)

    @property
    def primary_photo(self) -> Photo | None:
        for photo in self.photos:
            if photo.primary:
                return photo
        return self.photos[0] if self.photos else None

    # -- JSON shape shared by the CLI, export and the seed roll ---------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["honours"] = [asdict(h) for h in self.honours]
        data["donations"] = [_donation_to_dict(d) for d in self.donations]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Honouree:
        """Build from the JSON shape; unknown keys are refused so typos do not vanish.

        Read-only annotations are ignored: derived values (highest_level, donation_total_yuan)
        and report intake's evidence (intake), so `honours intake --json | honours add` works.
        """
        if not isinstance(data, dict):
            raise ValueError("an honouree must be a JSON object")  # noqa: TRY004 - bad input, reported as such
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known - {"highest_level", "donation_total_yuan", "intake"}
        if unknown:
            raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
        if not str(data.get("name") or "").strip():
            raise ValueError("name is required")
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data or data[f.name] is None and f.name in _LIST_FIELDS:
                continue
            kwargs[f.name] = data[f.name]
        kwargs["source"] = _source_from(data.get("source"))
        kwargs["honours"] = [_honour_from(h) for h in data.get("honours") or []]
        kwargs["deeds"] = [_deed_from(d) for d in data.get("deeds") or []]
        kwargs["donations"] = [_donation_from(d) for d in data.get("donations") or []]
        kwargs["photos"] = [_build(Photo, p, "photo") for p in data.get("photos") or []]
        for key in ("name", "gender", "birth_date", "age", "ethnicity", "unit", "position",
                    "region", "category", "status", "notes"):
            if key in kwargs:
                kwargs[key] = "" if kwargs[key] is None else str(kwargs[key]).strip()
        honouree = cls(**kwargs)
        honouree.status = honouree.status or Status.ACTIVE.value
        if honouree.status not in {s.value for s in Status}:
            raise ValueError(f"status must be one of active, retired, deceased: {honouree.status!r}")
        return honouree


_LIST_FIELDS = {"honours", "deeds", "donations", "photos"}


def _level(value: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        return Level.OTHER


def _build(kind: type, data: Any, label: str) -> Any:
    if isinstance(data, str) and kind in (Deed,):
        return kind(text=data)
    if not isinstance(data, dict):
        raise ValueError(f"each {label} must be a JSON object")  # noqa: TRY004 - bad input, reported as such
    known = {f.name for f in fields(kind)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown {label} field(s): {', '.join(sorted(unknown))}")
    return kind(**data)


def _source_from(data: Any) -> Source:
    if data is None:
        return Source()
    if isinstance(data, str):
        return Source(sentence=data)
    return _build(Source, data, "source")


def _honour_from(data: Any) -> Honour:
    if isinstance(data, str):
        return Honour(title=data)
    honour = _build(Honour, data, "honour")
    if not str(honour.title or "").strip():
        raise ValueError("an honour needs a title")
    honour.title = str(honour.title).strip()
    honour.level = honour.level or Level.OTHER.value
    if honour.level not in {lv.value for lv in Level}:
        raise ValueError(
            f"honour level must be one of national, provincial, municipal, county, other: {honour.level!r}"
        )
    if honour.year not in (None, ""):
        try:
            honour.year = int(honour.year)
        except (TypeError, ValueError):
            raise ValueError(f"honour year must be a whole number: {honour.year!r}") from None
    else:
        honour.year = None
    honour.posthumous = bool(honour.posthumous)
    honour.awarded_by = honour.awarded_by or ""
    return honour


def _deed_from(data: Any) -> Deed:
    deed = _build(Deed, data, "deed")
    if not str(deed.text or "").strip():
        raise ValueError("a deed needs text")
    return deed


def _donation_to_dict(donation: Donation) -> dict[str, Any]:
    data = asdict(donation)
    fen = data.pop("amount_fen")
    data["amount_yuan"] = None if fen is None else _yuan_number(fen)
    return data


def _yuan_number(fen: int) -> int | float:
    """JSON number for an amount: an integer when whole, else exact to the fen."""
    return fen // 100 if fen % 100 == 0 else float(Decimal(fen) / 100)


def _donation_from(data: Any) -> Donation:
    if not isinstance(data, dict):
        raise ValueError("each donation must be a JSON object")  # noqa: TRY004 - bad input, reported as such
    data = dict(data)
    if "amount_yuan" in data:
        yuan = data.pop("amount_yuan")
        if "amount_fen" in data:
            raise ValueError("give amount_yuan or amount_fen, not both")
        data["amount_fen"] = yuan_to_fen(yuan)
    donation = _build(Donation, data, "donation")
    if donation.quantity not in (None, ""):
        try:
            donation.quantity = int(donation.quantity)
        except (TypeError, ValueError):
            raise ValueError(f"donation quantity must be a whole number: {donation.quantity!r}") from None
    else:
        donation.quantity = None
    if donation.amount_fen is None and not donation.item:
        raise ValueError("a donation needs an amount or an item")
    return donation


def yuan_to_fen(value: Any) -> int | None:
    """Exact conversion of a JSON/str amount in yuan to integer fen (no float rounding)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("amount_yuan must be a number")  # noqa: TRY004 - bad input, reported as such
    if isinstance(value, str):
        from .amounts import parse_amount_fen

        return parse_amount_fen(value)
    try:
        amount = Decimal(str(value))
    except Exception:  # noqa: BLE001 - decimal raises several kinds
        raise ValueError(f"amount_yuan must be a number: {value!r}") from None
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"amount_yuan has more precision than a fen: {value!r}")
    if fen < 0:
        raise ValueError("amount_yuan cannot be negative")
    return int(fen)

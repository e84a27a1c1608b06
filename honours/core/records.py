"""Plain records of the registry: what an honouree is, with no storage or Qt in sight.

Both the GUI and the command line build and read these dataclasses; the store turns
them into rows. Money is held as integer fen so that 50万元 stays exactly 500000 yuan.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from enum import Enum
from typing import Any

from .archive import ArchiveValueError, read_value, yes_no
from .dates import FIRST_YEAR, LAST_YEAR, parse_date, year_value
from .fields import ARCHIVE_FIELDS, HONOUR, HONOUREE_FIELD, HONOUREE_FIELDS, RECORD_KINDS, SOURCE_ZH
from .i18n import Declared, Joined, Message, Text, Worded, quoted
from .vocabulary import (
    CARE_KINDS,
    DEFAULT_CARE_KIND,
    DEFAULT_LEVEL,
    DEFAULT_STATUS,
    GENDERS,
    LEVELS,
    STATUSES,
    Vocabulary,
)
from .vocabulary import CATEGORIES as CATEGORY_VOCABULARY


class _Level(str, Enum):
    @property
    def rank(self) -> int:
        """Smaller is higher; used to find an honouree's highest level."""
        return LEVELS.rank(self.value)


# The stored values as enums (Level.NATIONAL.value == "national"), made from the one
# vocabulary (vocabulary.py), in its order: levels highest first.
Level = _Level("Level", [(key.upper(), key) for key in LEVELS.keys], module=__name__)
Status = Enum("Status", [(key.upper(), key) for key in STATUSES.keys], type=str, module=__name__)
LEVEL_ORDER = list(Level)

# Categories are free text in storage; these are the ones the roll and the GUI offer.
CATEGORIES = list(CATEGORY_VOCABULARY.keys)


class RecordValueError(Worded, ValueError):
    """A record's JSON that cannot be read: `str()` is English, `.text` the message."""

    def __init__(self, text: Message | str, zh: str | None = None) -> None:
        super().__init__(self._word(text, zh))


@dataclass
class Honour:
    title: str
    level: str = Level.OTHER.value
    year: int | None = None
    date: str | None = None  # ISO date when the report gives one
    awarded_by: str = ""
    posthumous: bool = False
    document: str = ""  # 表彰文件, e.g. 湘政发〔2020〕12号
    revoked: bool = False  # 取消称号: kept in the record, marked, and no longer counted
    revoked_date: str | None = None
    revoked_reason: str = ""
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
class Care:
    """One act of care of model workers (关怀记录): a visit with money and/or goods, a check-up,
    recuperation, hardship aid or an allowance, on a date, by whom (经办)."""

    date: str | None = None
    kind: str = DEFAULT_CARE_KIND  # a key of vocabulary.CARE_KINDS
    occasion: str = ""  # 春节, 中秋, 生日, 住院 … (free text; CARE_OCCASIONS are suggestions)
    amount_fen: int | None = None
    item: str = ""
    quantity: int | None = None
    quantity_unit: str = ""
    by: str = ""
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
    # the archive (档案, fields.ARCHIVE_FIELDS)
    id_number: str = ""  # 18 characters, checked (archive.read_value); shown masked
    political_status: str = ""
    education: str = ""
    native_place: str = ""
    phone: str = ""
    address: str = ""
    work_start_date: str = ""
    retirement_date: str = ""
    death_date: str = ""
    treatment: str = ""
    hardship: bool = False
    hardship_note: str = ""
    source: Source = field(default_factory=Source)
    honours: list[Honour] = field(default_factory=list)
    deeds: list[Deed] = field(default_factory=list)
    donations: list[Donation] = field(default_factory=list)
    care: list[Care] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    id: int | None = None
    version: int = 0  # bumped on every save; guards against lost updates
    created_at: str = ""
    updated_at: str = ""

    # -- derived facts used by views, printing and search -------------------------
    @property
    def highest_level(self) -> str | None:
        levels = [_level(h.level) for h in self.honours if not h.revoked]  # a revoked honour does not count
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
        data["care"] = [_donation_to_dict(c) for c in self.care]  # amount_fen as amount_yuan, the same way
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Honouree:
        """Build from the JSON shape; unknown keys are refused so typos do not vanish.

        Values are read as the sheet and the dialog read them: a level, status, category or
        gender may be any word of its vocabulary (已故, 牺牲, 省级) and is stored under its key;
        dates and years go through the one date reader (dates.py). RecordValueError says
        what is wrong in English and Chinese.

        Read-only annotations are ignored: derived values (highest_level, donation_total_yuan)
        and report intake's evidence (intake), so `honours intake --json | honours add` works.
        """
        if not isinstance(data, dict):
            raise RecordValueError(Text("an honouree must be a JSON object"))
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known - {"highest_level", "donation_total_yuan", "intake"}
        if unknown:
            names = sorted(unknown)
            raise RecordValueError(Text("unknown field(s): {names}", names=Joined(names, "list")))
        if not str(data.get("name") or "").strip():
            raise RecordValueError(Text("name is required"))
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data or data[f.name] is None and f.name in _LIST_FIELDS:
                continue
            kwargs[f.name] = data[f.name]
        for key in _LIST_FIELDS:
            if not isinstance(data.get(key) or [], list):
                raise RecordValueError(Text("{key} must be a JSON list", key=Declared(key, _FIELD_ZH[key])))
        kwargs["source"] = _source_from(data.get("source"))
        kwargs["honours"] = [_honour_from(h) for h in data.get("honours") or []]
        kwargs["deeds"] = [_deed_from(d) for d in data.get("deeds") or []]
        kwargs["donations"] = [_donation_from(d) for d in data.get("donations") or []]
        kwargs["care"] = [care_from(c) for c in data.get("care") or []]
        kwargs["photos"] = [_build(Photo, p, "photo") for p in data.get("photos") or []]
        for key in _OWN_KEYS:
            if key in kwargs:
                kwargs[key] = "" if kwargs[key] is None else str(kwargs[key]).strip()
        for spec in ARCHIVE_FIELDS:
            if spec.key in data:
                try:
                    kwargs[spec.key] = read_value(spec, data[spec.key])
                except ArchiveValueError as exc:
                    raise RecordValueError(exc.text) from None
        honouree = cls(**kwargs)
        honouree.status = _word(STATUSES, honouree.status or DEFAULT_STATUS)
        honouree.gender = _word(GENDERS, honouree.gender) if honouree.gender else ""
        honouree.category = CATEGORY_VOCABULARY.lookup(honouree.category) or honouree.category
        honouree.birth_date = _date(honouree.birth_date, "birth_date")
        return honouree


# From the field spec (fields.py): an honouree's own text fields, its lists and their names.
_OWN_KEYS = tuple(f.key for f in HONOUREE_FIELDS if "." not in f.key and f not in ARCHIVE_FIELDS)
_LIST_FIELDS = {kind.key for kind in RECORD_KINDS}
_FIELD_ZH = {
    **{kind.key: kind.zh for kind in RECORD_KINDS},
    **{kind.name: kind.zh for kind in RECORD_KINDS},
    "source": SOURCE_ZH,
    "birth_date": HONOUREE_FIELD["birth_date"].zh,
    "date": HONOUR.field("date").zh,
    "revoked_date": HONOUR.field("revoked_date").zh,
}


def _word(vocabulary: Vocabulary, word: str) -> str:
    """The stored key for any word of a vocabulary; RecordValueError naming the choices otherwise."""
    key = vocabulary.lookup(word)
    if key is None:
        raise RecordValueError(
            Text(
                "{vocabulary} must be one of {choices}: {word}",
                vocabulary=Declared(vocabulary.en, vocabulary.zh),
                choices=Declared(vocabulary.choices("en"), vocabulary.choices("zh")),
                word=quoted(word),
            )
        )
    return key


def _date(value: Any, key: str) -> str | None:
    """A JSON date (2020-02-05, 2020-02, 2020, 2020年2月 …) in ISO form; "" and None kept."""
    if value in (None, ""):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise RecordValueError(
            Text(
                "{field} {value} is not a date such as 2020-02-05, 2020-02 or 2020 ({first}–{last})",
                field=Declared(key.replace("_", " "), _FIELD_ZH.get(key, key)),
                value=quoted(str(value)),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    return parsed.text


def _level(value: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        return Level.OTHER


def _build(kind: type, data: Any, label: str) -> Any:
    if isinstance(data, str) and kind in (Deed,):
        return kind(text=data)
    what = Declared(label, _FIELD_ZH.get(label, label))
    if not isinstance(data, dict):
        raise RecordValueError(Text("each {what} must be a JSON object", what=what))
    known = {f.name for f in fields(kind)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise RecordValueError(
            Text("unknown {what} field(s): {names}", what=what, names=Joined(unknown, "list"))
        )
    return kind(**data)


def _source_from(data: Any) -> Source:
    if data is None:
        return Source()
    if isinstance(data, str):
        return Source(sentence=data)
    return _build(Source, data, "source")


def _honour_from(data: Any) -> Honour:
    if isinstance(data, str):
        data = {"title": data}
    honour = _build(Honour, data, "honour")
    if not str(honour.title or "").strip():
        raise RecordValueError(Text("an honour needs a title"))
    honour.title = str(honour.title).strip()
    honour.level = _word(LEVELS, str(honour.level)) if honour.level else DEFAULT_LEVEL
    if honour.year not in (None, ""):
        year = year_value(honour.year)
        if year is None:
            raise RecordValueError(
                Text(
                    "honour year must be a year such as 2020 ({FIRST_YEAR}–{LAST_YEAR}): {year}",
                    FIRST_YEAR=FIRST_YEAR,
                    LAST_YEAR=LAST_YEAR,
                    year=quoted(honour.year),
                ),
            )
        honour.year = year
    else:
        honour.year = None
    honour.date = _date(honour.date, "date") or None
    honour.posthumous = bool(honour.posthumous)
    honour.awarded_by = honour.awarded_by or ""
    honour.document = str(honour.document or "").strip()
    try:
        honour.revoked = yes_no(honour.revoked, HONOUR.field("revoked"))
    except ArchiveValueError as exc:
        raise RecordValueError(exc.text) from None
    honour.revoked_date = _date(honour.revoked_date, "revoked_date") or None
    honour.revoked_reason = str(honour.revoked_reason or "").strip()
    return honour


def _deed_from(data: Any) -> Deed:
    deed = _build(Deed, data, "deed")
    if not str(deed.text or "").strip():
        raise RecordValueError(Text("a deed needs text"))
    deed.date = _date(deed.date, "date") or None
    return deed


def care_from(data: Any) -> Care:
    """A care record from its JSON: the kind any word of CARE_KINDS (慰问, 体检, checkup …), the
    date required (what is due is reckoned from it), amount_yuan exact as a donation's."""
    if not isinstance(data, dict):
        raise RecordValueError(Text("each care record must be a JSON object"))
    data = dict(data)
    if "amount_yuan" in data:
        yuan = data.pop("amount_yuan")
        if "amount_fen" in data:
            raise RecordValueError(Text("give amount_yuan or amount_fen, not both"))
        data["amount_fen"] = yuan_to_fen(yuan)
    care = _build(Care, data, "care")
    care.kind = _word(CARE_KINDS, str(care.kind)) if care.kind else DEFAULT_CARE_KIND
    if care.quantity not in (None, ""):
        try:
            care.quantity = int(care.quantity)
        except (TypeError, ValueError):
            raise RecordValueError(
                Text("care quantity must be a whole number: {quantity}", quantity=quoted(care.quantity))
            ) from None
    else:
        care.quantity = None
    care.date = _date(care.date, "date") or None
    if not care.date:
        raise RecordValueError(Text("a care record needs a date"))
    for key in ("occasion", "item", "quantity_unit", "by", "note"):
        setattr(care, key, str(getattr(care, key) or "").strip())
    return care


def _donation_to_dict(donation: Donation | Care) -> dict[str, Any]:
    data = asdict(donation)
    fen = data.pop("amount_fen")
    data["amount_yuan"] = None if fen is None else _yuan_number(fen)
    return data


def _yuan_number(fen: int) -> int | float:
    """JSON number for an amount: an integer when whole, else exact to the fen."""
    return fen // 100 if fen % 100 == 0 else float(Decimal(fen) / 100)


def _donation_from(data: Any) -> Donation:
    if not isinstance(data, dict):
        raise RecordValueError(Text("each donation must be a JSON object"))
    data = dict(data)
    if "amount_yuan" in data:
        yuan = data.pop("amount_yuan")
        if "amount_fen" in data:
            raise RecordValueError(Text("give amount_yuan or amount_fen, not both"))
        data["amount_fen"] = yuan_to_fen(yuan)
    donation = _build(Donation, data, "donation")
    if donation.quantity not in (None, ""):
        try:
            donation.quantity = int(donation.quantity)
        except (TypeError, ValueError):
            raise RecordValueError(
                Text(
                    "donation quantity must be a whole number: {quantity}", quantity=quoted(donation.quantity)
                ),
            ) from None
    else:
        donation.quantity = None
    if donation.amount_fen is None and not donation.item:
        raise RecordValueError(Text("a donation needs an amount or an item"))
    donation.date = _date(donation.date, "date") or None
    return donation


def yuan_to_fen(value: Any) -> int | None:
    """Exact conversion of a JSON/str amount in yuan to integer fen (no float rounding)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RecordValueError(Text("amount_yuan must be a number"))
    if isinstance(value, str):
        from .amounts import parse_amount_fen

        return parse_amount_fen(value)
    try:
        amount = Decimal(str(value))
    except Exception:  # noqa: BLE001 - decimal raises several kinds
        raise RecordValueError(Text("amount_yuan must be a number: {value}", value=quoted(value))) from None
    if not amount.is_finite():
        raise RecordValueError(Text("amount_yuan must be a number: {value}", value=quoted(value)))
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise RecordValueError(
            Text("amount_yuan has more precision than a fen: {value}", value=quoted(value))
        )
    if fen < 0:
        raise RecordValueError(Text("amount_yuan cannot be negative"))
    return int(fen)

"""The fields of an honouree and of its per-person records, declared once.

Each field has the key it is known by (the record's attribute and its JSON key), the column
it is stored in, its type, an English and a Chinese label, the header words a sheet may use
for it, its vocabulary when it has one (vocabulary.py) and what the roll does with it. Made
from here: the store's column lists and SQL (sqlite/rows.py), the history snapshots, the record
checks, the differences between versions and what a merge or a sheet row fills, the sheet
reader's header table and the export's columns, the JSON reader's keys, the CLI's `show`,
the detail pane and the field labels of the history and import dialogs, and the edit
form's loading and reading. So a new scalar field is one entry here, a migration
(schema.py), the attribute on `records.Honouree`, and its row in the edit form with its
translation (a field of the archive group, `group="archive"`, gets its row on the form's 档案 tab
from here, gui/archive_form.py; what is special about the ID number is core/archive.py); a new kind of record is a RecordKind here, a migration, its dataclass and
list in records.py and its class in rows.RECORD_CLASS, then only what is special about it
(how it reads in a difference, its editor tab, its place on paper).

Still written out by hand, for reasons of their own: the search index's text (indexing.py,
kept word for word so files indexed earlier find the same people), report intake, the
certificate and roll (printing/), the edit dialog's list editors (list_models.py).

Record kinds (honour, deed, donation, care, photo) are the lists a person holds: each is a
table of rows under the honouree, in order, with its own fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocabulary import (
    CARE_KINDS,
    CATEGORIES,
    DEFAULT_CARE_KIND,
    DEFAULT_STATUS,
    EDUCATION_LEVELS,
    GENDERS,
    LEVELS,
    POLITICAL_STATUSES,
    STATUSES,
    TREATMENTS,
    Vocabulary,
)

TEXT, DATE, INT, BOOL, FEN = "text", "date", "int", "bool", "fen"


@dataclass(frozen=True)
class FieldSpec:
    """One field of an honouree or of a per-person record."""

    key: str  # the record's attribute and JSON key (dotted for a nested one: source.report)
    en: str  # English label
    zh: str  # Chinese label
    type: str = TEXT  # TEXT, DATE, INT, BOOL or FEN (money in integer fen)
    column: str = ""  # the SQL column; "" means the same as the key
    aliases: tuple[str, ...] = ()  # other header words a sheet may use (besides both labels)
    sheet: str = ""  # its key in the sheet reader's header table; "" means the column
    vocabulary: Vocabulary | None = None
    default: Any = ""  # stored for an empty value
    stripped: bool = False  # spaces around the value are dropped when stored
    # What the roll does with it, as the code does it today (indexing.py, the filter panel's facets,
    # printing/content.py's certificate, export.py's sheet): a record of it for the reader, read by
    # nothing yet, so that a new field says where it is expected to appear.
    searchable: bool = False  # its text is found by a plain search
    filterable: bool = False  # the filter panel offers its values
    printed: bool = False  # on the certificate summary (kinds: in their printed lists)
    exported: bool = True  # a column of the exported sheet
    width: float = 10  # characters wide in an exported sheet
    batch: bool = False  # `edit_many` may set it on several honourees at once
    completed: bool = False  # the form offers the values already in the registry as completions
    checked: bool = True  # the record checks look for control characters in it (texts only)
    masked: bool = False  # personal data: shown masked (id_numbers.mask) unless a person asks to see it
    group: str = ""  # the edit form's group it sits in ("archive": the 档案 tab); "" the basic tab
    # How the statistics (statistics.py) count it: "value" (a dimension of its values), "share"
    # (one also shown among the shares of people), "age" (a date counted in age bands), "unit"
    # (the unit a record's quantity is summed by).
    counted: str = ""

    def __post_init__(self) -> None:
        if not self.column:
            object.__setattr__(self, "column", self.key.replace(".", "_"))
        if not self.sheet:
            object.__setattr__(self, "sheet", self.column)
        if self.type in (INT, BOOL, FEN):
            object.__setattr__(self, "checked", False)  # numbers and yes/no hold no stray characters

    @property
    def name(self) -> str:
        """The key with words spaced, as English messages name it: birth date."""
        return self.key.replace("_", " ")

    def label(self, language: str = "zh") -> str:
        return self.zh if language == "zh" else self.en

    @property
    def sheet_zh(self) -> str:
        return self.zh

    @property
    def words(self) -> tuple[str, ...]:
        """Every header word for it in a sheet: the Chinese label first, then the aliases."""
        return (self.zh, *self.aliases)


@dataclass(frozen=True)
class RecordKind:
    """A list of records a person holds (honours, deeds, donations, photos) and its table."""

    name: str  # singular: honour
    key: str  # the honouree's list attribute and JSON key: honours
    table: str
    en: str  # the list's English label
    zh: str
    fields: tuple[FieldSpec, ...]
    aliases: tuple[str, ...] = ()  # header words for a sheet column that lists them
    sheet: str = ""  # its key in the sheet reader's header table; "" means `key`
    sheet_zh: str = ""  # what a sheet's column of them is called, when not the list's label

    def __post_init__(self) -> None:
        if not self.sheet:
            object.__setattr__(self, "sheet", self.key)
        if not self.sheet_zh:
            object.__setattr__(self, "sheet_zh", self.zh)

    def label(self, language: str = "zh") -> str:
        return self.zh if language == "zh" else self.en

    def field(self, key: str) -> FieldSpec:
        return next(f for f in self.fields if f.key == key)

    @property
    def words(self) -> tuple[str, ...]:
        """Every header word for a sheet column of them: its Chinese name first, then the aliases."""
        return (self.sheet_zh, *self.aliases)


# -- an honouree's own fields, in the order of its columns and of its JSON ------------------

HONOUREE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "name",
        "Name",
        "姓名",
        searchable=True,
        printed=True,
        stripped=True,
        aliases=(
            "名字",
            "人员姓名",
            "获奖人",
            "获奖人姓名",
            "获奖者",
            "受表彰人",
            "集体名称",
            "name",
            "fullname",
            "名稱",
        ),
    ),
    FieldSpec(
        "gender",
        "Gender",
        "性别",
        printed=True,
        width=5,
        vocabulary=GENDERS,
        batch=True,
        aliases=("gender", "sex", "性別"),
        counted="share",
    ),
    FieldSpec(
        "birth_date",
        "Birth date",
        "出生日期",
        printed=True,
        width=11,
        type=DATE,
        aliases=(
            "出生年月",
            "出生年月日",
            "生日",
            "出生时间",
            "birthdate",
            "dateofbirth",
            "birthday",
            "born",
        ),
        counted="age",
    ),
    FieldSpec("age", "Age", "年龄", printed=True, width=5, batch=True, aliases=("age", "年齡")),
    FieldSpec(
        "ethnicity",
        "Ethnicity",
        "民族",
        searchable=True,
        width=6,
        batch=True,
        completed=True,
        aliases=("ethnicity", "ethnic"),
        counted="share",
    ),
    FieldSpec(
        "unit",
        "Unit",
        "工作单位",
        searchable=True,
        printed=True,
        width=28,
        stripped=True,
        batch=True,
        completed=True,
        aliases=(
            "单位",
            "所在单位",
            "单位名称",
            "工作单位及职务",
            "单位及职务",
            "unit",
            "employer",
            "organisation",
            "organization",
            "workplace",
            "company",
            "工作單位",
            "單位",
        ),
        counted="value",
    ),
    FieldSpec(
        "position",
        "Position",
        "职务",
        searchable=True,
        printed=True,
        width=16,
        stripped=True,
        batch=True,
        completed=True,
        aliases=(
            "职位",
            "职称",
            "岗位",
            "职务职称",
            "职务/职称",
            "position",
            "job",
            "post",
            "jobtitle",
            "職務",
            "職位",
        ),
    ),
    FieldSpec(
        "region",
        "Region",
        "地区",
        searchable=True,
        filterable=True,
        width=10,
        stripped=True,
        batch=True,
        completed=True,
        aliases=(
            "所属地区",
            "区域",
            "县市区",
            "所在地区",
            "所在地",
            "地域",
            "region",
            "area",
            "district",
            "county",
            "地區",
        ),
        counted="value",
    ),
    FieldSpec(
        "category",
        "Category",
        "类别",
        searchable=True,
        filterable=True,
        width=10,
        vocabulary=CATEGORIES,
        batch=True,
        completed=True,
        aliases=("类型", "分类", "人员类别", "category", "type", "類別"),
        counted="value",
    ),
    FieldSpec(
        "status",
        "Status",
        "状态",
        searchable=True,
        filterable=True,
        printed=True,
        width=6,
        vocabulary=STATUSES,
        default=DEFAULT_STATUS,
        batch=True,
        checked=False,
        aliases=("在职状态", "人员状态", "status", "狀態"),
        counted="value",
    ),
    FieldSpec(
        "notes",
        "Notes",
        "备注",
        searchable=True,
        width=30,
        batch=True,
        aliases=("说明", "附注", "notes", "note", "remarks", "remark", "comment", "comments", "備註"),
    ),
    # -- the archive (档案): what the model-worker office keeps about a person (issue 15) --
    FieldSpec(
        "id_number",
        "ID number",
        "身份证号",
        width=21,
        masked=True,
        group="archive",
        aliases=(
            "公民身份号码",
            "身份证号码",
            "身份证",
            "居民身份证号码",
            "证件号码",
            "idnumber",
            "idcard",
            "身份證號",
        ),
    ),
    FieldSpec(
        "political_status",
        "Political status",
        "政治面貌",
        width=10,
        vocabulary=POLITICAL_STATUSES,
        batch=True,
        group="archive",
        counted="value",
        aliases=("政治身份", "党派", "politicalstatus", "political"),
    ),
    FieldSpec(
        "education",
        "Education",
        "文化程度",
        width=9,
        vocabulary=EDUCATION_LEVELS,
        batch=True,
        group="archive",
        counted="value",
        aliases=("学历", "最高学历", "文化", "education", "學歷"),
    ),
    FieldSpec(
        "native_place",
        "Native place",
        "籍贯",
        searchable=True,
        width=10,
        stripped=True,
        completed=True,
        group="archive",
        aliases=("祖籍", "原籍", "籍贯（省市县）", "nativeplace", "hometown", "籍貫"),
    ),
    FieldSpec(
        "phone",
        "Phone",
        "联系电话",
        width=14,
        stripped=True,
        group="archive",
        aliases=(
            "电话",
            "手机",
            "手机号",
            "手机号码",
            "联系方式",
            "电话号码",
            "phone",
            "mobile",
            "tel",
            "電話",
        ),
    ),
    FieldSpec(
        "address",
        "Address",
        "住址",
        width=28,
        stripped=True,
        group="archive",
        aliases=("家庭住址", "家庭地址", "现住址", "通讯地址", "地址", "address"),
    ),
    FieldSpec(
        "work_start_date",
        "Work start date",
        "参加工作时间",
        type=DATE,
        width=11,
        group="archive",
        aliases=("参加工作日期", "参工时间", "工作时间", "workstartdate", "workstart"),
    ),
    FieldSpec(
        "retirement_date",
        "Retirement date",
        "退休时间",
        type=DATE,
        width=11,
        group="archive",
        aliases=("退休日期", "退休年月", "retirementdate"),
    ),
    FieldSpec(
        "death_date",
        "Death date",
        "去世时间",
        type=DATE,
        width=11,
        group="archive",
        aliases=("去世日期", "逝世时间", "逝世日期", "死亡日期", "deathdate"),
    ),
    FieldSpec(
        "treatment",
        "Treatment",
        "劳模待遇",
        width=18,
        vocabulary=TREATMENTS,
        batch=True,
        group="archive",
        aliases=("享受待遇", "待遇", "待遇级别", "劳模待遇级别", "treatment"),
    ),
    FieldSpec(
        "hardship",
        "Hardship",
        "困难劳模",
        type=BOOL,
        default=False,
        width=8,
        group="archive",
        aliases=("是否困难劳模", "困难", "困难职工", "hardship"),
    ),
    FieldSpec(
        "hardship_note",
        "Hardship note",
        "困难情况",
        width=24,
        group="archive",
        aliases=("困难情况说明", "困难原因", "致困原因", "hardshipnote"),
    ),
    FieldSpec(
        "source.report",
        "Source report",
        "来源报道",
        width=16,
        aliases=("来源", "资料来源", "source", "report"),
    ),
    FieldSpec(
        "source.sentence", "Source sentence", "出处原文", width=40, aliases=("出处", "原文", "sourcesentence")
    ),
)
HONOUREE_FIELD = {f.key: f for f in HONOUREE_FIELDS}
# The source is one value of the JSON and of the screens: {"report": ..., "sentence": ...}.
SOURCE_EN, SOURCE_ZH = "Source", "出处"
# The fields `edit_many` may set on several honourees at once: a record's own one-line text
# fields and values, not its name, lists, photos or source.
BATCH_FIELDS = tuple(f.key for f in HONOUREE_FIELDS if f.batch)
COMPLETED_FIELDS = tuple(f.key for f in HONOUREE_FIELDS if f.completed)
# An honouree's own fields one by one (the source, one value of two parts, aside).
OWN_FIELDS = tuple(f for f in HONOUREE_FIELDS if "." not in f.key)
# The archive's fields (档案): the edit form's 档案 tab, the detail pane's section.
ARCHIVE_FIELDS = tuple(f for f in OWN_FIELDS if f.group == "archive")
# The archive's short values the results table offers as columns: the ID number (masked), its
# vocabularies and yes/no.
TABLE_ARCHIVE_FIELDS = tuple(
    f for f in ARCHIVE_FIELDS if f.masked or f.vocabulary is not None or f.type == BOOL
)

# -- the per-person record kinds ---------------------------------------------------------------

HONOUR = RecordKind(
    "honour",
    "honours",
    "honour",
    "Honours",
    "荣誉",
    (
        FieldSpec("title", "Title", "称号", searchable=True, printed=True, stripped=True),
        FieldSpec(
            "level",
            "Level",
            "级别",
            searchable=True,
            filterable=True,
            printed=True,
            vocabulary=LEVELS,
            checked=False,
            aliases=("荣誉级别", "表彰级别", "等级", "level", "級別"),
        ),
        FieldSpec(
            "year",
            "Year",
            "年份",
            filterable=True,
            printed=True,
            type=INT,
            default=None,
            aliases=(
                "获奖年份",
                "年度",
                "表彰年度",
                "授予年份",
                "获奖时间",
                "授予时间",
                "授予日期",
                "表彰时间",
                "year",
                "date",
            ),
        ),
        FieldSpec("date", "Date", "日期", printed=True, type=DATE, default=None),
        FieldSpec(
            "awarded_by",
            "Awarded by",
            "授予单位",
            searchable=True,
            printed=True,
            aliases=("授予机关", "表彰单位", "颁发单位", "授予部门", "awardedby", "awardingbody", "授予單位"),
        ),
        FieldSpec(
            "posthumous",
            "Posthumous",
            "追授",
            searchable=True,
            printed=True,
            type=BOOL,
            default=False,
            aliases=("是否追授", "posthumous"),
        ),
        FieldSpec(
            "document",
            "Document",
            "表彰文件",
            searchable=True,
            printed=True,
            aliases=("文号", "表彰文号", "发文文号", "文件", "document"),
        ),
        # 取消称号: the honour stays in the record's history, marked, and no longer counts
        # (highest level, level/year filters, facets: Honouree.highest_level, indexing.derived_values,
        # sqlite/filters.py, Registry.facets).
        FieldSpec(
            "revoked",
            "Revoked",
            "已撤销",
            type=BOOL,
            default=False,
            aliases=("是否撤销", "撤销", "取消称号", "revoked"),
        ),
        FieldSpec(
            "revoked_date",
            "Revoked on",
            "撤销日期",
            type=DATE,
            default=None,
            aliases=("撤销时间", "revokeddate"),
        ),
        FieldSpec("revoked_reason", "Reason revoked", "撤销原因", aliases=("撤销理由", "revokedreason")),
    ),
    aliases=(
        "荣誉",
        "获得荣誉",
        "所获荣誉",
        "荣誉名称",
        "奖项",
        "称号",
        "表彰",
        "获奖情况",
        "表彰奖励",
        "honours",
        "honors",
        "honour",
        "honor",
        "awards",
        "award",
        "榮譽稱號",
        "榮譽",
    ),
    sheet_zh="荣誉称号",
)

DEED = RecordKind(
    "deed",
    "deeds",
    "deed",
    "Deeds",
    "事迹",
    (
        FieldSpec("text", "Text", "内容", searchable=True, printed=True, stripped=True),
        FieldSpec("date", "Date", "日期", printed=True, type=DATE, default=None),
    ),
    aliases=(
        "主要事迹",
        "先进事迹",
        "事迹简介",
        "简要事迹",
        "事迹材料",
        "deeds",
        "deed",
        "achievements",
        "事蹟",
    ),
)

DONATION = RecordKind(
    "donation",
    "donations",
    "donation",
    "Donations",
    "捐赠",
    (
        FieldSpec(
            "amount_fen",
            "Donation amount",
            "捐款金额",
            printed=True,
            type=FEN,
            default=None,
            sheet="donation_amount",
            aliases=("捐款", "捐赠金额", "金额", "捐款金額", "捐款数额", "amount", "donationamount"),
        ),
        FieldSpec("item", "Item", "物品", searchable=True, printed=True),
        FieldSpec("quantity", "Quantity", "数量", printed=True, type=INT, default=None),
        FieldSpec("quantity_unit", "Unit", "单位", printed=True, counted="unit"),
        FieldSpec("recipient", "Recipient", "受赠方", searchable=True),
        FieldSpec("date", "Date", "日期", type=DATE, default=None),
        FieldSpec("note", "Note", "备注", searchable=True),
    ),
    aliases=("捐赠情况", "捐款捐物", "捐赠物资", "捐物", "捐赠内容", "donations", "donation", "捐贈"),
)

PHOTO = RecordKind(
    "photo",
    "photos",
    "photo",
    "Photos",
    "照片",
    (
        FieldSpec("caption", "Caption", "说明"),
        FieldSpec(
            "primary", "Primary", "主照片", type=BOOL, column="is_primary", default=False, checked=False
        ),
        FieldSpec("width", "Width", "宽", type=INT, default=0, checked=False, exported=False),
        FieldSpec("height", "Height", "高", type=INT, default=0, checked=False, exported=False),
        FieldSpec("mime", "Type", "类型", checked=False),
        FieldSpec("original_name", "File name", "文件名", checked=False),
    ),
    aliases=("相片", "照片文件", "照片路径", "图片", "头像", "photo", "photos", "picture", "image"),
    sheet="photo",
)

# Care of model workers (关怀记录): visits with money or goods, check-ups, recuperation, hardship aid
# and allowances, each on a date, exact to the fen like donations.
CARE = RecordKind(
    "care",
    "care",
    "care",
    "Care",
    "关怀记录",
    (
        FieldSpec("date", "Date", "日期", printed=True, type=DATE, default=None),
        FieldSpec(
            "kind",
            "Kind",
            "类别",
            printed=True,
            vocabulary=CARE_KINDS,
            default=DEFAULT_CARE_KIND,
            checked=False,
            aliases=("关怀类别", "关怀类型"),
        ),
        FieldSpec("occasion", "Occasion", "事由", printed=True, stripped=True, aliases=("慰问事由", "节日")),
        FieldSpec(
            "amount_fen",
            "Amount",
            "金额",
            printed=True,
            type=FEN,
            default=None,
            sheet="care_amount",
            aliases=("慰问金", "慰问金额", "发放金额"),
        ),
        FieldSpec("item", "Item", "物品", printed=True),
        FieldSpec("quantity", "Quantity", "数量", printed=True, type=INT, default=None),
        FieldSpec("quantity_unit", "Unit", "单位", printed=True, counted="unit"),
        FieldSpec("by", "By", "经办", column="given_by", aliases=("经办人", "慰问单位", "发放单位")),
        FieldSpec("note", "Note", "备注"),
    ),
    aliases=("关怀", "关怀慰问", "慰问记录", "关怀情况", "care records"),
)

RECORD_KINDS: tuple[RecordKind, ...] = (HONOUR, DEED, DONATION, CARE, PHOTO)
RECORD_KIND = {kind.key: kind for kind in RECORD_KINDS}
# Kinds whose rows are rewritten with the record (photos keep their own rows and bytes).
WRITTEN_KINDS: tuple[RecordKind, ...] = (HONOUR, DEED, DONATION, CARE)


# The columns a sheet may have, in the order the import dialog offers them: an honouree's
# fields, and a column of each kind of record (or of one of its fields).
def _sheet_order() -> list[FieldSpec]:
    """An honouree's own fields as sheets usually have them: the spec's order, but the age before
    the birth date, and the notes after the lists (below)."""
    own = [f for f in OWN_FIELDS if f.key != "notes"]
    age, born = own.index(HONOUREE_FIELD["age"]), own.index(HONOUREE_FIELD["birth_date"])
    own[age], own[born] = own[born], own[age]
    return own


SHEET_COLUMNS: tuple[FieldSpec | RecordKind, ...] = (
    *_sheet_order(),
    HONOUR,
    *(f for f in HONOUR.fields if f.aliases),
    DEED,
    DONATION,
    DONATION.field("amount_fen"),
    CARE,
    HONOUREE_FIELD["notes"],
    PHOTO,
    *(f for f in HONOUREE_FIELDS if f not in OWN_FIELDS),
)
# An honouree's own fields as a record's details list them (its name is the heading), in the
# sheet's order: the CLI's `show` and the GUI's detail pane.
DETAIL_FIELDS = tuple(f for f in SHEET_COLUMNS if f in OWN_FIELDS and f is not HONOUREE_FIELDS[0])


# -- what is derived from the spec ---------------------------------------------------------


def field_label(key: str, language: str = "en") -> str:
    """The label of an honouree's field, of the source or of a list of records, by key."""
    if key in HONOUREE_FIELD:
        return HONOUREE_FIELD[key].label(language)
    if key in RECORD_KIND:
        return RECORD_KIND[key].label(language)
    if key == "source":
        return SOURCE_ZH if language == "zh" else SOURCE_EN
    return key


# The keys of a record's JSON (Honouree.to_dict) that a person edits, in order: what two
# versions are compared by (bookkeeping such as id, version and stamps is not a change).
COMPARED = (
    *(f.key for f in HONOUREE_FIELDS if not f.key.startswith("source.")),
    "source",
    *(kind.key for kind in RECORD_KINDS),
)

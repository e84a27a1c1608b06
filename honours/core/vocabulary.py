"""The registry's vocabularies, declared once: honour levels, statuses, categories and genders.

Each value has the key it is stored under, an English and a Chinese label, and every other
word a person writes for it in either language (a county union's sheet says 牺牲 or 区级,
a clerk types `level:省级` or `status:deceased`). Everything else is derived from here:
the spreadsheet reader's alias maps, the query language's `level:` / `status:` /
`category:` values, the filter panel's and the GUI's labels, the export's values, the
printed texts, the CLI's output and the record checks. A word added here is accepted
everywhere at once; a label changed here changes on screen, in exports and on paper.

`searched` is what a plain text search finds a value by (the words written into the search
index's text for it): kept as it is so that files indexed earlier still find the same people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary."""

    key: str  # as stored in the registry (and written in JSON)
    en: str  # English label
    zh: str  # Chinese label
    aliases: tuple[str, ...] = ()  # every other word for it, in either language
    searched: tuple[str, ...] = ()  # the words a plain text search finds it by (see module doc)

    def label(self, language: str = "zh") -> str:
        return self.zh if language == "zh" else self.en

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that means this value: key, both labels and the aliases."""
        return (self.key, self.en, self.zh, *self.aliases)


def _fold(word: str) -> str:
    """How a word is compared: NFKC (fullwidth letters), case and runs of spaces ignored."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", word)).strip().casefold()


@dataclass(frozen=True)
class Vocabulary:
    """The values of one field, in order (for levels, highest first)."""

    name: str  # the field it fills: level, status, category, gender
    en: str  # the field's English name
    zh: str  # and Chinese
    terms: tuple[Term, ...]
    _by_key: dict[str, Term] = field(init=False, repr=False, compare=False)
    _by_word: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {t.key: t for t in self.terms}
        by_word: dict[str, str] = {}
        for term in self.terms:
            for word in term.words:
                folded = _fold(word)
                if by_word.get(folded, term.key) != term.key:
                    raise ValueError(f"{self.name}: “{word}” means both {by_word[folded]} and {term.key}")
                by_word[folded] = term.key
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_word", by_word)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __len__(self) -> int:
        return len(self.terms)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.terms)

    def term(self, key: str) -> Term:
        return self._by_key[key]

    def lookup(self, word: str) -> str | None:
        """The stored key for any word of the value (key, label or alias, either language), else None."""
        return self._by_word.get(_fold(word)) if word else None

    def label(self, key: str | None, language: str = "zh") -> str:
        """The label of a stored value; an unknown value (a free-text category) as stored."""
        term = self._by_key.get(key or "")
        return term.label(language) if term else (key or "")

    def rank(self, key: str | None) -> int:
        """Position in the declared order (levels: 0 is the highest); unknown values last."""
        term = self._by_key.get(key or "")
        return self.terms.index(term) if term else len(self.terms) - 1

    def choices(self, language: str = "zh") -> str:
        """The labels as a person reads a list of choices: 在职、退休或已故 / active, retired or deceased."""
        if language == "zh":
            words = [t.zh for t in self.terms]
            return "、".join(words[:-1]) + "或" + words[-1] if len(words) > 1 else "".join(words)
        words = [t.key for t in self.terms]
        return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)


LEVELS = Vocabulary(
    "level",
    "honour level",
    "荣誉级别",
    (
        Term(
            "national",
            "National",
            "国家级",
            ("全国", "国家", "国家级荣誉", "全国性", "state", "national level"),
            searched=("国家级", "全国"),
        ),
        Term(
            "provincial",
            "Provincial",
            "省级",
            ("省部级", "省", "省级荣誉", "province", "provincial level"),
            searched=("省级",),
        ),
        Term(
            "municipal",
            "Municipal",
            "市级",
            (
                "地市级",
                "市厅级",
                "地级",
                "市",
                "市级荣誉",
                "city",
                "city level",
                "prefecture",
                "municipal level",
            ),
            searched=("市级",),
        ),
        Term(
            "county",
            "County",
            "县级",
            ("县区级", "区县级", "区级", "县处级", "县", "区", "县级荣誉", "district", "county level"),
            searched=("县级",),
        ),
        Term("other", "Other", "其他", ("其它", "无")),
    ),
)

STATUSES = Vocabulary(
    "status",
    "status",
    "状态",
    (
        Term("active", "Active", "在职", ("在岗", "正常", "在任", "working"), searched=("在职",)),
        Term("retired", "Retired", "退休", ("离休", "离退休", "已退休"), searched=("退休",)),
        Term(
            "deceased",
            "Deceased",
            "已故",
            ("去世", "逝世", "牺牲", "殉职", "因公殉职", "病故", "已逝", "dead", "died"),
            searched=("已故", "去世", "逝世"),
        ),
    ),
)

CATEGORIES = Vocabulary(
    "category",
    "category",
    "类别",
    (
        Term(
            "medical",
            "Medical workers",
            "医务工作者",
            ("医务", "医务人员", "医护", "医护人员", "医疗", "医疗卫生", "medical worker"),
            searched=("医务", "医疗"),
        ),
        Term("other trades", "Other trades", "各行各业", ("其他行业", "other"), searched=("各行各业",)),
        Term("model worker", "Model workers", "劳动模范", ("劳模", "model"), searched=("劳动模范",)),
        Term(
            "donor",
            "Donors",
            "爱心捐赠者",
            ("捐赠", "捐赠者", "捐赠人", "爱心人士", "爱心捐赠"),
            searched=("捐赠",),
        ),
        Term("collective", "Collectives", "集体", ("先进集体",), searched=("集体",)),
    ),
)

# Gender is stored as the reports write it (男 / 女); "" when not reported.
GENDERS = Vocabulary(
    "gender",
    "gender",
    "性别",
    (
        Term("男", "Male", "男", ("男性", "m", "man")),
        Term("女", "Female", "女", ("女性", "f", "woman")),
    ),
)

# Yes / no, as a sheet's 追授 column or the query's `posthumous:` write it.
YES_NO = Vocabulary(
    "answer",
    "yes or no",
    "是或否",
    (
        Term("yes", "Yes", "是", ("y", "true", "1", "是的", "追授", "√", "✓", "✔")),
        Term("no", "No", "否", ("n", "false", "0", "不是", "无", "×")),
    ),
)

# 政治面貌, stored as the Chinese name (the eight democratic parties by their usual short names).
POLITICAL_STATUSES = Vocabulary(
    "political_status",
    "political status",
    "政治面貌",
    (
        Term(
            "中共党员", "CPC member", "中共党员", ("党员", "中国共产党党员", "共产党员", "cpc member", "cpc")
        ),
        Term("中共预备党员", "CPC probationary member", "中共预备党员", ("预备党员",)),
        Term("共青团员", "Communist Youth League member", "共青团员", ("团员", "共青团")),
        Term("民革党员", "RCCK member", "民革党员", ("民革", "中国国民党革命委员会")),
        Term("民盟盟员", "CDL member", "民盟盟员", ("民盟", "中国民主同盟")),
        Term("民建会员", "CNDCA member", "民建会员", ("民建", "中国民主建国会")),
        Term("民进会员", "CAPD member", "民进会员", ("民进", "中国民主促进会")),
        Term("农工党党员", "CPWDP member", "农工党党员", ("农工党", "中国农工民主党")),
        Term("致公党党员", "CZGP member", "致公党党员", ("致公党", "中国致公党")),
        Term("九三学社社员", "Jiusan Society member", "九三学社社员", ("九三学社",)),
        Term("台盟盟员", "TDSL member", "台盟盟员", ("台盟", "台湾民主自治同盟")),
        Term("无党派人士", "Non-partisan", "无党派人士", ("无党派", "无党派民主人士", "non-partisan")),
        Term("群众", "The masses (no party)", "群众", ("普通群众", "masses", "none")),
    ),
)

# 文化程度, highest first.
EDUCATION_LEVELS = Vocabulary(
    "education",
    "education",
    "文化程度",
    (
        Term("博士", "Doctorate", "博士", ("博士研究生", "博士学位", "doctorate", "phd")),
        Term("硕士", "Master's", "硕士", ("硕士研究生", "硕士学位", "master", "masters")),
        Term("研究生", "Postgraduate", "研究生", ("研究生学历", "postgraduate")),
        Term("大学本科", "Bachelor's", "大学本科", ("本科", "大本", "学士", "bachelor", "undergraduate")),
        Term("大学专科", "College (3-year)", "大学专科", ("专科", "大专", "高职", "college")),
        Term("中专", "Secondary vocational", "中专", ("中等专科", "中等专业学校", "中技", "技校", "职高")),
        Term("高中", "Senior high school", "高中", ("高级中学", "high school")),
        Term("初中", "Junior high school", "初中", ("初级中学", "junior high")),
        Term("小学", "Primary school", "小学", ("primary",)),
        Term("其他", "Other", "其他", ("其它", "文盲", "半文盲")),
    ),
)

# 劳模待遇: the level of model-worker treatment a person receives.
TREATMENTS = Vocabulary(
    "treatment",
    "model-worker treatment",
    "劳模待遇",
    (
        Term(
            "享受全国劳模待遇",
            "National model-worker treatment",
            "享受全国劳模待遇",
            ("全国", "全国劳模待遇", "全国劳模", "国家级", "national"),
        ),
        Term(
            "享受省部级劳模待遇",
            "Provincial model-worker treatment",
            "享受省部级劳模待遇",
            ("省部级", "省级", "省部级劳模待遇", "省级劳模待遇", "省部级劳模", "provincial"),
        ),
        Term(
            "享受市级劳模待遇",
            "Municipal model-worker treatment",
            "享受市级劳模待遇",
            ("市级", "地市级", "市级劳模待遇", "市级劳模", "municipal"),
        ),
        Term(
            "享受县级劳模待遇",
            "County model-worker treatment",
            "享受县级劳模待遇",
            ("县级", "县区级", "县级劳模待遇", "县级劳模", "county"),
        ),
    ),
)

# What a care record (关怀记录) is: the office's care of model workers of a model worker.
CARE_KINDS = Vocabulary(
    "kind",
    "care kind",
    "关怀类别",
    (
        Term("visit", "Visit", "慰问", ("走访慰问", "看望", "慰问金", "探望", "节日慰问", "visits")),
        Term("checkup", "Check-up", "体检", ("健康体检", "体检安排", "check-up", "medical check")),
        Term("recuperation", "Recuperation", "疗休养", ("疗养", "休养", "疗休", "recuperate", "rest")),
        Term("aid", "Hardship aid", "困难帮扶", ("帮扶", "困难救助", "救助", "help", "hardship")),
        Term(
            "allowance",
            "Allowance",
            "劳模津贴",
            ("荣誉津贴", "津贴", "补贴", "劳模补助", "生活补助", "allowances"),
        ),
    ),
)
DEFAULT_CARE_KIND = "visit"
# The title of a sign sheet (慰问金发放签领表), a Chinese document whatever the app's language.
SIGN_SHEET_TITLE = "{year}{occasion}慰问金发放签领表"
SIGN_SHEET_YEAR = "{year}年"
# What a visit is for, offered as suggestions (any other text is kept as written).
CARE_OCCASIONS = ("春节", "元旦", "中秋", "五一", "国庆", "生日", "住院", "节日", "夏季送清凉", "冬季送温暖")

# Which honours make a person a model worker (劳模) for the office's care: an honour whose title
# holds one of these words (全国劳动模范, 省劳模, 全国先进工作者 — the title the state gives a model
# worker of a public institution), or the category 劳动模范 (CATEGORIES' "model worker").
MODEL_WORKER_WORDS = ("劳动模范", "劳模", "先进工作者")
MODEL_WORKER_CATEGORY = "model worker"

VOCABULARIES = {
    v.name: v
    for v in (
        LEVELS,
        STATUSES,
        CATEGORIES,
        GENDERS,
        YES_NO,
        POLITICAL_STATUSES,
        EDUCATION_LEVELS,
        TREATMENTS,
        CARE_KINDS,
    )
}

DEFAULT_LEVEL = "other"
DEFAULT_STATUS = "active"

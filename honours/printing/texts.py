"""The words printed on certificates and rolls, in Chinese (default) or English.

A certificate summary is a Chinese document whatever language the app's menus are in,
so these labels are not Qt translations: they follow the document's `language` option.
Kept Qt-free so the wording can be tested without a display.
"""

from __future__ import annotations

from datetime import date

from ..core.vocabulary import DEFAULT_LEVEL, GENDERS, LEVELS, STATUSES

LANGUAGES = ("zh", "en")

_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "certificate_title": "荣誉证书摘要",
        "continued_title": "荣誉证书摘要（续）",
        "serial": "编号",
        "name": "姓名",
        "collective_name": "名称",
        "gender": "性别",
        "age": "年龄",
        "birth": "出生年月",
        "unit": "工作单位",
        "position": "职务",
        "status": "状态",
        "honours": "荣誉称号",
        "no_honours": "暂无荣誉记录",
        "deeds": "先进事迹简介",
        "no_deeds": "暂无事迹记录",
        "donations": "捐赠情况",
        "donation_cash": "捐款",
        "total": "合计",
        "total_cash": "捐款",
        "total_goods": "捐赠物资：",
        "posthumous": "追授",
        "id_number": "身份证号",
        "revoked": "已撤销",
        "seal": "（盖章）",
        "signature": "负责人签名：",
        "continued_next": "（转下页）",
        "page_of": "第 {page} 页 共 {pages} 页",
        "roll_title": "荣誉人物名册",
        "roll_continued": "（续）",
        "roll_by_level": "按荣誉级别分组",
        "roll_by_unit": "按工作单位分组",
        "roll_count": "共 {count} 人",
        "roll_query": "检索条件：{query}",
        "roll_printed": "打印日期：{date}",
        "roll_group_count": "{count} 人",
        "table_title": "荣誉人物一览表",
        "table_everyone": "全部荣誉人物",
        "table_sorted": "按{column}{direction}",
        "table_ascending": "升序",
        "table_descending": "降序",
        "table_unsorted": "按默认顺序",
        "col_no": "序号",
        "col_name": "姓名",
        "col_gender": "性别",
        "col_unit": "工作单位",
        "col_position": "职务",
        "col_honours": "荣誉称号",
        "col_level": "级别",
        "col_donation": "捐赠",
        "no_level": "无荣誉",
        "no_unit": "（未填写单位）",
        "empty_roll": "没有符合条件的荣誉人物。",
        "list_sep": "、",
        "year_suffix": "年",
    },
    "en": {
        "certificate_title": "Certificate of Honour — Summary",
        "continued_title": "Certificate of Honour — Summary (continued)",
        "serial": "No.",
        "name": "Name",
        "collective_name": "Name",
        "gender": "Gender",
        "age": "Age",
        "birth": "Born",
        "unit": "Work unit",
        "position": "Position",
        "status": "Status",
        "honours": "Honours",
        "no_honours": "No honours recorded",
        "deeds": "Deeds",
        "no_deeds": "No deeds recorded",
        "donations": "Donations",
        "donation_cash": "Cash",
        "total": "Total",
        "total_cash": "cash ",
        "total_goods": "goods: ",
        "posthumous": "Posthumous",
        "id_number": "ID number",
        "revoked": "revoked",
        "seal": "(Seal)",
        "signature": "Signature: ",
        "continued_next": "(continued overleaf)",
        "page_of": "Page {page} of {pages}",
        "roll_title": "Roll of Honourees",
        "roll_continued": " (continued)",
        "roll_by_level": "grouped by honour level",
        "roll_by_unit": "grouped by work unit",
        "roll_count": "{count} honourees",
        "roll_query": "Query: {query}",
        "roll_printed": "Printed {date}",
        "roll_group_count": "{count}",
        "table_title": "List of Honourees",
        "table_everyone": "All honourees",
        "table_sorted": "sorted by {column}, {direction}",
        "table_ascending": "ascending",
        "table_descending": "descending",
        "table_unsorted": "in the default order",
        "col_no": "No.",
        "col_name": "Name",
        "col_gender": "Gender",
        "col_unit": "Work unit",
        "col_position": "Position",
        "col_honours": "Honours",
        "col_level": "Level",
        "col_donation": "Donations",
        "no_level": "No honour",
        "no_unit": "(no work unit)",
        "empty_roll": "No honourees match.",
        "list_sep": ", ",
        "year_suffix": "",
    },
}

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not %B: that follows the machine's locale


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}: {language!r}")
    return language


def label(key: str, language: str = "zh", **values: object) -> str:
    text = _LABELS[language][key]
    return text.format(**values) if values else text


def level_name(level: str | None, language: str = "zh") -> str:
    """国家级 … 其他 for a level (vocabulary.py; an unknown one as 其他), 无荣誉 for None
    (an honouree without honours)."""
    if level is None:
        return label("no_level", language)
    return LEVELS.label(level if level in LEVELS else DEFAULT_LEVEL, language)


def status_text(status: str, language: str = "zh") -> str:
    return STATUSES.label(status, language)


def gender_text(gender: str, language: str = "zh") -> str:
    return GENDERS.label(gender, language)


def age_text(age: str, language: str = "zh") -> str:
    """The reported age as printed: '28' and '28岁' both give 28岁 (or '28' in English)."""
    age = (age or "").strip()
    if not age:
        return ""
    number = age.removesuffix("岁")
    if language == "zh":
        return f"{number}岁" if number.isdigit() else age
    return number


def birth_text(birth_date: str, language: str = "zh") -> str:
    """'1980-05-12' → 1980年5月; '1980' → 1980年 (a certificate prints year and month only)."""
    parts = (birth_date or "").strip().split("-")
    if not parts[0].isdigit():
        return (birth_date or "").strip()
    if language != "zh":
        return "-".join(parts[:2])
    year = f"{int(parts[0])}年"
    if len(parts) > 1 and parts[1].isdigit():
        return f"{year}{int(parts[1])}月"
    return year


def date_text(day: date, language: str = "zh") -> str:
    """2026年5月1日 (Arabic numerals, as GB/T 9704 writes dates) or 1 May 2026."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

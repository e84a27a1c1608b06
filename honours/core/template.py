"""The import template (导入模板.xlsx): the headers the sheet reader knows, one example row, and
drop-down lists for every fixed vocabulary, so that a filled-in template imports cleanly.

The columns are the field spec's sheet columns (fields.SHEET_COLUMNS) under their Chinese
names, photos aside (they travel in a zip beside the sheet). A column with a vocabulary
(性别, 状态, 政治面貌, 文化程度, 劳模待遇, 级别 …) offers its Chinese labels in a list kept on
a hidden sheet (选项); yes/no columns offer 是/否. Per-honour columns (级别, 追授, 已撤销) may
hold one value per honour (省级、市级), so their lists only warn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fields import BOOL, HONOUR, PHOTO, SHEET_COLUMNS, FieldSpec, RecordKind
from .id_numbers import check_character
from .transfer import replacing
from .vocabulary import YES_NO

TEMPLATE_NAME = "导入模板.xlsx"
SHEET_TITLE = "荣誉人物"
CHOICES_TITLE = "选项"


def _example_id_number() -> str:
    first17 = "43040219800101123"
    return first17 + check_character(first17)


# The example row, by sheet key: a made-up person whose every value the reader takes.
EXAMPLE: dict[str, Any] = {
    "name": "张示例",
    "gender": "男",
    "birth_date": "1980-01-01",
    "age": "",
    "ethnicity": "汉族",
    "unit": "衡阳市示例有限公司",
    "position": "高级技师",
    "region": "衡阳市",
    "category": "劳动模范",
    "status": "在职",
    "id_number": _example_id_number(),
    "political_status": "中共党员",
    "education": "大学本科",
    "native_place": "湖南衡阳",
    "phone": "13800000000",
    "address": "衡阳市蒸湘区示例路1号",
    "work_start_date": "1998-07",
    "retirement_date": "",
    "death_date": "",
    "treatment": "享受省部级劳模待遇",
    "hardship": "否",
    "hardship_note": "",
    "honours": "湖南省劳动模范",
    "level": "省级",
    "year": 2020,
    "awarded_by": "湖南省人民政府",
    "posthumous": "否",
    "document": "湘政发〔2020〕12号",
    "revoked": "否",
    "revoked_date": "",
    "revoked_reason": "",
    "deeds": "带领班组完成技术革新 12 项",
    "donations": "",
    "donation_amount": "",
    "notes": "示例行：导入前请删除或改写",
    "source_report": "",
    "source_sentence": "",
}


def template_columns() -> list[FieldSpec | RecordKind]:
    """The template's columns: the sheet reader's, photos aside."""
    return [c for c in SHEET_COLUMNS if c is not PHOTO]


def _choices(column: FieldSpec | RecordKind) -> list[str]:
    if isinstance(column, FieldSpec):
        if column.vocabulary is not None:
            return [term.zh for term in column.vocabulary]
        if column.type == BOOL:
            return [term.zh for term in YES_NO]
    return []


def write_template(path: str | Path) -> Path:
    """Write the import template to `path` (an .xlsx); returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    choices = workbook.create_sheet(CHOICES_TITLE)
    choices.sheet_state = "hidden"
    columns = template_columns()
    sheet.append([c.sheet_zh for c in columns])
    sheet.append([EXAMPLE.get(c.sheet, "") for c in columns])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    per_honour = {f.sheet for f in HONOUR.fields}
    lists = 0
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index)
        header.font = bold
        header.fill = fill
        width = column.width if isinstance(column, FieldSpec) else 24
        sheet.column_dimensions[letter].width = max(width, len(column.sheet_zh) * 2 + 2)
        if isinstance(column, FieldSpec) and column.masked:
            sheet.cell(row=2, column=index).number_format = "@"  # text: 18 digits are not a number
            sheet.column_dimensions[letter].number_format = "@"
        words = _choices(column)
        if not words:
            continue
        lists += 1
        list_letter = get_column_letter(lists)
        choices.cell(row=1, column=lists, value=column.sheet_zh)
        for row, word in enumerate(words, 2):
            choices.cell(row=row, column=lists, value=word)
        source = f"{CHOICES_TITLE}!${list_letter}$2:${list_letter}${len(words) + 1}"
        several = column.sheet in per_honour  # 省级、市级: one value per honour, so a list only warns
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning" if several else "stop",
            errorTitle=column.sheet_zh,
            error=("每项荣誉一个值，用“、”分隔" if several else "请从列表中选择") + "：" + "、".join(words),
            promptTitle=column.sheet_zh,
            prompt="、".join(words)[:255],
            showInputMessage=True,
        )
        validation.add(f"{letter}2:{letter}1000")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "B2"
    with replacing(path) as out:
        workbook.save(out)
    return path


__all__ = ["EXAMPLE", "TEMPLATE_NAME", "template_columns", "write_template"]

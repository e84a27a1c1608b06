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


# The example row, by its column's Chinese name (fields.py's sheet_zh): a made-up person whose
# every value the reader takes. Columns not named here are left empty.
EXAMPLE: dict[str, Any] = {
    "姓名": "张示例",
    "性别": "男",
    "出生日期": "1980-01-01",
    "民族": "汉族",
    "工作单位": "衡阳市示例有限公司",
    "职务": "高级技师",
    "地区": "衡阳市",
    "类别": "劳动模范",
    "状态": "在职",
    "身份证号": _example_id_number(),
    "政治面貌": "中共党员",
    "文化程度": "大学本科",
    "籍贯": "湖南衡阳",
    "联系电话": "13800000000",
    "住址": "衡阳市蒸湘区示例路1号",
    "参加工作时间": "1998-07",
    "劳模待遇": "享受省部级劳模待遇",
    "困难劳模": "否",
    "荣誉称号": "湖南省劳动模范",
    "级别": "省级",
    "年份": 2020,
    "授予单位": "湖南省人民政府",
    "追授": "否",
    "表彰文件": "湘政发〔2020〕12号",
    "已撤销": "否",
    "事迹": "带领班组完成技术革新 12 项",
    "备注": "示例行：导入前请删除或改写",
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
    sheet.append([EXAMPLE.get(c.sheet_zh, "") for c in columns])
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

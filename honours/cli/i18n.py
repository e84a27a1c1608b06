"""The command line's parser in the user's language: one catalogue, English source, Chinese here.

argparse words its usage line, help and complaints through gettext (`_('usage: ')`,
`_('the following arguments are required: %s')`). `install(language)` gives argparse this
catalogue as its translation, and the commands' own help texts and placeholders go through
the same `_()`, so `honours --help`, `honours show --help` and every usage error read wholly
in Chinese under a Chinese locale and in English otherwise. Messages printed while a
command runs carry both wordings where they are written (`say(en, zh)`, HonoursError), as
the core's errors do.
"""

from __future__ import annotations

import argparse
import gettext
import unicodedata

# argparse's own words (Python 3.10–3.13)
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "取值 %(value)r 无效（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "取值 %(value)r 无效（应为 %(type)s）",
    "expected one argument": "后面缺少取值",
    "expected at most one argument": "后面最多只能有一个取值",
    "expected at least one argument": "后面至少需要一个取值",
    "expected %s argument": "后面需要 %s 个取值",
    "expected %s arguments": "后面需要 %s 个取值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的取值 %r 被忽略",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "show program's version number and exit": "显示程序版本并退出",
}

# The commands' help and the placeholders in their usage lines
HELP_ZH: dict[str, str] = {
    "COMMAND": "命令",
    "ACTION": "操作",
    "FILE": "文件",
    "NAME": "名称",
    "ZIP": "压缩包",
    "ID": "编号",
    "IN": "备份文件",
    "OUT.pdf": "输出.pdf",
    "Q": "查询",
    "X": "X",
    "N": "条数",
    "TEXT": "文字",
    "YYYY-MM-DD": "年-月-日",
    "id": "编号",
    "query": "查询词",
    "file": "文件",
    "report": "报道",
    "image": "图片",
    "photo_id": "照片编号",
    "out": "备份文件",
    "history_id": "历史编号",
    "Honours (劳模荣誉库): the honours registry from the command line.": "劳模荣誉库：在命令行中使用荣誉库。",
    "registry file (default: $HONOURS_DB or the user-data folder)": "荣誉库文件（默认为 $HONOURS_DB 或用户数据文件夹中的文件）",
    "create a registry file (seeded with the report's roll unless --empty)": "新建荣誉库文件（预置报道中的名单，加 --empty 则为空白）",
    "create a blank registry": "新建空白荣誉库",
    "print machine-readable JSON": "输出 JSON（供程序读取）",
    "list every honouree": "列出全部荣誉人物",
    "search the roll with the search-box query language": "用搜索框的查询语言搜索名单",
    "query terms, e.g. 五一 or level:provincial or level:national,provincial (either) or donation>=100000": "查询词，如 五一、级别:省级、级别:国家级,省级（任一）或 捐赠>=100000",
    "at most this many results (default 200)": "最多显示多少条结果（默认 200）",
    "show one honouree in full": "显示一位荣誉人物的全部信息",
    "honouree ID": "荣誉人物编号",
    "add honourees from JSON (one record or a list) on stdin or --json FILE": "从标准输入或 --json 文件读取 JSON（一条记录或列表），添加荣誉人物",
    "read JSON from FILE instead of stdin": "从文件读取 JSON，而不是从标准输入",
    "change fields of an honouree from JSON on stdin or --json FILE": "按标准输入或 --json 文件中的 JSON 修改荣誉人物的字段",
    "move an honouree to the trash (restorable)": "将荣誉人物移入回收站（可恢复）",
    "propose the honourees named in a news report (.txt or .docx); nothing is saved": "从新闻报道（.txt 或 .docx）中找出荣誉人物并给出建议；不保存任何内容",
    "the report: .txt (UTF-8, GBK/GB18030) or .docx": "报道文件：.txt（UTF-8、GBK/GB18030）或 .docx",
    "print the proposals as JSON records (pipe to `honours add` to save them)": "以 JSON 记录输出建议（可用管道交给 `honours add` 保存）",
    "leave out proposals less certain than X (0 to 1; default 0: show all)": "略去把握低于 X 的建议（0 到 1；默认 0：全部显示）",
    "import honourees from an .xlsx/.csv sheet or an Honours .json/.zip export "
    "(previews, then writes all rows or none; a new --db file starts empty)": "从 .xlsx/.csv 表格或荣誉库的 .json/.zip 导出文件导入荣誉人物（先预览，再全部写入或全不写入；"
    "新的 --db 文件从空白开始）",
    "sheet (.xlsx, .csv) or export (.json, .zip) to import": "要导入的表格（.xlsx、.csv）或导出文件（.json、.zip）",
    "only show what would happen; write nothing": "只显示将会发生什么，不写入任何内容",
    "import the good rows and leave out the rows with errors": "导入无误的行，跳过有错误的行",
    "which sheet of a workbook (default: the one with a 姓名 column)": "工作簿中的哪个工作表（默认：含“姓名”列的那个）",
    "zip of the photos the sheet's 照片 column names (default: a zip beside the sheet)": "表格“照片”列所指照片的压缩包（默认：表格旁的 zip 文件）",
    "export honourees to .xlsx, .csv, .json, or .zip (JSON with every photo, lossless)": "将荣誉人物导出为 .xlsx、.csv、.json 或 .zip（含全部照片的 JSON，无损）",
    "output file; its suffix chooses the format": "输出文件；按扩展名选择格式",
    "export only the honourees this search finds": "只导出此搜索找到的荣誉人物",
    "add, list or remove an honouree's photos": "添加、列出或删除荣誉人物的照片",
    "add an image file as a photo": "将图片文件添加为照片",
    "image file (JPEG, PNG, GIF, BMP, TIFF, WebP)": "图片文件（JPEG、PNG、GIF、BMP、TIFF、WebP）",
    "caption shown under the photo": "照片下方显示的说明",
    "make it the primary photo": "设为主照片",
    "list an honouree's photos": "列出荣誉人物的照片",
    "remove a photo": "删除一张照片",
    "photo ID": "照片编号",
    "the PDF file to write": "要写入的 PDF 文件",
    "paper size (default A4)": "纸张大小（默认 A4）",
    "organisation printed in the header (default: the app's setting, 衡阳市总工会)": "页眉中的单位名称（默认：程序设置中的单位，即衡阳市总工会）",
    "labels in Chinese (default) or English": "标签用中文（默认）或英文",
    "write certificate summaries (荣誉证书摘要), one page per honouree, to a PDF": "将荣誉证书摘要写入 PDF，每位荣誉人物一页",
    "honouree IDs, printed in this order": "荣誉人物编号，按此顺序打印",
    "date of issue (default today); also fixes the serial numbers": "签发日期（默认今天）；也决定证书编号",
    "write the roll (名册) of the whole registry or of a search, grouped, to a PDF": "将整个荣誉库或某次搜索结果的名册分组写入 PDF",
    "only the honourees this search finds": "只含此搜索找到的荣誉人物",
    "group by highest honour level (default) or by work unit": "按最高荣誉级别（默认）或工作单位分组",
    "title printed on the roll (default 荣誉人物名册)": "名册上打印的标题（默认“荣誉人物名册”）",
    "copy the registry, photos included, to a backup file": "将荣誉库（含照片）复制为备份文件",
    "backup file to write (or a folder to write it in)": "要写入的备份文件（或存放它的文件夹）",
    "replace OUT if it already exists": "若备份文件已存在则替换",
    "replace the registry with a backup (verified first; the current file is kept aside)": "用备份替换荣誉库（先校验；当前文件另行保留）",
    "backup file to restore": "要恢复的备份文件",
    "check the registry for damage, orphaned rows, broken photos and search-index gaps": "检查荣誉库有无损坏、孤立记录、损坏的照片和搜索索引缺漏",
    "rebuild the search index first (fixes search-index problems)": "先重建搜索索引（可修复搜索索引问题）",
    "list the trash, restore an honouree from it, or empty it": "列出回收站、从中恢复荣誉人物或清空回收站",
    "bring honouree ID back from the trash": "从回收站恢复该编号的荣誉人物",
    "delete everything in the trash for good (an automatic backup is made first)": "彻底删除回收站中的全部内容（先自动备份）",
    "show every recorded change to an honouree (who, when, what)": "显示荣誉人物的每次修改记录（何人、何时、改了什么）",
    "make the version saved in a history entry current again (see `honours history`)": "把某条历史记录保存的版本恢复为当前版本（见 `honours history`）",
    "history entry ID": "历史记录编号",
    "list pairs of honourees that are probably one person (same name and a similar unit, birth date or ID number), to merge with `honours merge`": "列出疑似同一人的荣誉人物（姓名相同且单位相近、出生日期或身份证号相同），可用 `honours merge` 合并",
    "merge honouree OTHER_ID into KEEP_ID: its honours, deeds, donations and photos move to KEEP_ID, empty fields are filled, differing fields keep KEEP_ID's value (listed); OTHER_ID goes to the trash (`honours trash --restore OTHER_ID` brings it back, without the photos it gave KEEP_ID)": "将荣誉人物 另一编号 合并到 保留的编号：其荣誉、事迹、捐赠和照片移入保留的记录，空白字段被补齐，"
    "不一致的字段保留原值（逐项列出）；另一编号 移入回收站（`honours trash --restore 另一编号` 可恢复，"
    "但已移交的照片不随之恢复）",
    "KEEP_ID": "保留的编号",
    "OTHER_ID": "另一编号",
    "the record to keep": "保留的记录",
    "the record merged into it (moved to the trash)": "并入它的记录（移入回收站）",
    "rows that are probably someone already in the roll (same name, similar unit, same birth date) or an earlier row: merge them into that record (default), add them as new records, or skip them": "疑似名册中已有的人（姓名相同、单位相近、出生日期相同）或与前面某行为同一人的行：合并到该记录（默认）、作为新记录添加，或跳过",
    "write the results table of a search (the app's columns, in the order given) to a landscape PDF": "把一次搜索的结果表（应用中的列，按给定顺序）写成横向 PDF",
    "search terms, as typed in the search box (default: everyone)": "搜索词，与在搜索框中输入的相同（默认：全部人员）",
    "KEY,KEY,…": "列名,列名,…",
    "KEY": "列名",
    "the table's columns in order (default: those the app shows at first, %(default)s; a column it does not know is refused with the list of them)": "按顺序列出表格的列（默认：应用初次显示的列，%(default)s；不认识的列会被拒绝，并列出可用的列）",
    "sort by this column (default: the search's own order)": "按此列排序（默认：搜索本身的顺序）",
    "sort the --sort column descending": "按 --sort 列降序排列",
    "title printed on the table (default 荣誉人物一览表)": "印在表上的标题（默认“荣誉人物一览表”）",
    "paper size, printed landscape (default A4)": "纸张大小，横向打印（默认 A4）",
    "column titles and labels in Chinese (default) or English": "列标题和标签用中文（默认）或英文",
    "set up a shared registry on a PostgreSQL server: its schema and the offices' logins": "在 PostgreSQL 服务器上设置共享荣誉库：数据结构和各单位的登录名",
    "create the shared registry's tables, roles and policies in a database (again: bring them up to date)": "在数据库中创建共享荣誉库的表、角色和权限策略（再次运行则补齐更新）",
    "URL": "地址",
    "the database, as postgresql://user@host:port/database": "数据库地址，如 postgresql://用户@主机:端口/数据库",
    "also create the login of the office that changes every region (e.g. 衡阳市总工会)": "同时创建可修改所有地区人员的单位（如衡阳市总工会）的登录名",
    "LOGIN": "登录名",
    "the office's login (default: the pinyin of its name)": "该单位的登录名（默认：单位名称的拼音）",
    "read the office's password from standard input (default: none; the server's own authentication decides)": "从标准输入读取该单位的密码（默认不设密码，由服务器自身的认证方式决定）",
    "create the login of an office that changes the people of its regions (the server is --db)": "为一个单位创建登录名，它可修改其所辖地区的人员（服务器由 --db 指定）",
    "the office's name, e.g. 耒阳市总工会": "单位名称，如耒阳市总工会",
    "REGION": "地区",
    "a region whose people it changes (repeat for several)": "它可修改其人员的地区（多个地区可重复此项）",
    "it changes people of every region": "它可修改所有地区的人员",
    "list the offices and the regions each changes (the server is --db)": "列出各单位及其可修改的地区（服务器由 --db 指定）",
    "statistics of the roll: counts by level, region, year … as a cross table, donation totals": "统计：按级别、地区、年份等计人数（交叉表），及捐赠合计",
    "count by this (default level)": "按此统计（默认：级别）",
    "and across by this (a cross table)": "再按此交叉统计（交叉表）",
    "count only the honourees this search finds": "只统计此搜索找到的荣誉人物",
    "write the tables to an .xlsx workbook": "把统计表写入 .xlsx 工作簿",
    "print the tables and a chart to an A4 PDF": "把统计表和图表打印成 A4 PDF",
}

ZH = {**ARGPARSE_ZH, **HELP_ZH}


class Catalogue(gettext.NullTranslations):
    """A translation read from a table (English message → translation)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self.table = table

    def gettext(self, message: str) -> str:
        return self.table.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


_current: gettext.NullTranslations = gettext.NullTranslations()


def install(language: str) -> None:
    """Speak `language` ('zh' or 'en') from now on: our help texts and argparse's words.

    argparse took gettext's functions by name when it was imported (`from gettext import
    gettext as _, ngettext`) and looks its words up through them each time it writes, so
    those names are what it is given.
    """
    global _current
    _current = Catalogue(ZH) if language == "zh" else gettext.NullTranslations()
    argparse._ = _current.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _current.ngettext  # type: ignore[attr-defined]


def _(message: str) -> str:
    """`message` (English) in the installed language."""
    return _current.gettext(message)


_ASCII_WORD = "".join(chr(c) for c in range(33, 127))  # printable ASCII but space


def width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, lined up and wrapped by the columns text takes, not its length, so
    Chinese help and placeholders line up; section headings end with a Chinese colon when
    they are Chinese."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [self._format_action_invocation(a) for a in self._iter_indented_subactions(action)]
            columns = max(width(i) for i in invocations) + self._current_indent
            self._action_max_length = max(self._action_max_length, columns)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = width(header) - len(header)
        start = " " * self._current_indent + header
        if extra and text.startswith(start):
            first, newline, rest = text.partition("\n")
            gap = first[len(start) :]
            if gap.strip() and len(gap) - len(gap.lstrip(" ")) >= extra + 2:
                first = start + gap[extra:]  # the help column, counted in columns
            text = first + newline + rest
        return text

    def _split_lines(self, text: str, columns: int) -> list[str]:
        if width(text) == len(text):
            return super()._split_lines(text, columns)
        words = " ".join(text.split())
        lines: list[str] = []
        line = ""
        for ch in words:
            if width(line + ch) <= columns:
                line += ch
                continue
            word = len(line) - len(line.rstrip(_ASCII_WORD)) if ch in _ASCII_WORD else 0
            if 0 < word < min(len(line), columns // 2):  # an English word or number stays whole
                lines.append(line[:-word].rstrip())
                line = line[-word:] + ch
            else:
                lines.append(line.rstrip())
                line = ch.lstrip()
        if line:
            lines.append(line)
        return lines

    def format_help(self) -> str:
        text = super().format_help()
        for heading in (_("positional arguments"), _("options")):
            if not heading.isascii():
                text = text.replace(f"\n{heading}:\n", f"\n{heading}：\n")
        return text

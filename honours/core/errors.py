"""Errors the registry reports to people, each in English and Simplified Chinese.

The core has no Qt and so no `tr()`: every error carries both wordings, and the GUI and
the CLI pick the one for the user's language (`message(lang)`). `str(error)` is English.
"""

from __future__ import annotations

import errno
import json
import locale
import os


def user_language() -> str:
    """'zh' when the environment asks for Chinese, else 'en' (used by the CLI)."""
    for var in ("HONOURS_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith(("zh", "chinese")) else "en"


# Python's json module words its complaints in English only; as a clerk should read them.
_JSON_ZH = {
    "Expecting value": "此处应有一个值",
    "Expecting property name enclosed in double quotes": "此处应有用双引号括起的字段名",
    "Expecting ':' delimiter": "此处应有冒号“:”",
    "Expecting ',' delimiter": "此处应有逗号“,”",
    "Unterminated string starting at": "从此处开始的字符串缺少结尾的双引号",
    "Invalid control character at": "此处有不允许的控制字符",
    "Invalid \\escape": "此处的反斜杠转义无效",
    "Invalid \\uXXXX escape": "此处的 \\u 转义无效",
    "Extra data": "一个 JSON 值之后还有多余的内容",
    "Illegal trailing comma before end of object": "对象结尾前多了一个逗号",
    "Illegal trailing comma before end of array": "数组结尾前多了一个逗号",
}


# The operating system's reasons (strerror is English whatever the locale), as a clerk should read them.
_OS_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘或文件夹为只读",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被占用",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "读写磁盘时出错",
    errno.EINVAL: "文件名或路径无效",
}


def os_reason(error: OSError) -> tuple[str, str]:
    """Why a file could not be read or written, in English and Chinese."""
    en = error.strerror or str(error)
    return en, _OS_ZH.get(error.errno or 0, f"系统错误：{en}")


def json_problem(error: json.JSONDecodeError) -> tuple[str, str]:
    """What is wrong with a JSON text and where, in English and Chinese."""
    zh = _JSON_ZH.get(error.msg, "格式有误")
    return (
        f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})",
        f"不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列：{zh}）",
    )


class HonoursError(Exception):
    """Base of every error meant for a person to read."""

    exit_code = 1

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh

    def message(self, lang: str | None = None) -> str:
        return self.zh if (lang or user_language()) == "zh" else self.en


class NotFoundError(HonoursError):
    def __init__(self, what: str, ident: object) -> None:
        zh_what = {"honouree": "荣誉人物", "photo": "照片", "history": "历史版本"}.get(what, what)
        super().__init__(f"No {what} with ID {ident}.", f"找不到编号为 {ident} 的{zh_what}。")
        self.ident = ident


class InvalidRecordError(HonoursError):
    def __init__(self, en: str, zh: str | None = None) -> None:
        super().__init__(f"Invalid record: {en}", f"记录无效：{zh or en}")


class ConflictError(HonoursError):
    """The record changed on disk since it was opened (another window or PC saved it)."""

    def __init__(self, honouree_id: int, expected: int, actual: int | None, name: str = "") -> None:
        # Staff know records by name; the number is there to tell namesakes apart.
        who_en = f"“{name}” (#{honouree_id})" if name else f"Honouree {honouree_id}"
        who_zh = f"“{name}”（编号 {honouree_id}）" if name else f"编号 {honouree_id} 的记录"
        if actual is None:
            en = f"{who_en} was deleted by someone else while you were editing it."
            zh = f"{who_zh}在您编辑期间已被他人删除。"
        else:
            en = (
                f"{who_en} was changed by someone else while you were editing it "
                f"(version {expected} opened, {actual} now saved)."
            )
            zh = f"{who_zh}在您编辑期间已被他人修改（打开时为第 {expected} 版，现为第 {actual} 版）。"
        super().__init__(en, zh)
        self.honouree_id = honouree_id
        self.expected = expected
        self.actual = actual


class DatabaseFileError(HonoursError):
    """Problems with the registry file itself; carry the path for the GUI's choices."""

    def __init__(self, path: str, en: str, zh: str) -> None:
        super().__init__(en, zh)
        self.path = path


# SQLite's own words for damage, as staff should read them in Chinese.
_DAMAGE_ZH = {
    "file is not a database": "不是数据库文件",
    "database disk image is malformed": "数据库内部结构已损坏",
    "truncated": "文件不完整，已被截断",  # no brackets: the message puts this inside （）
}


class CorruptDatabaseError(DatabaseFileError):
    def __init__(self, path: str, detail: str = "") -> None:
        detail_zh = next((zh for en, zh in _DAMAGE_ZH.items() if detail.startswith(en)), detail)
        super().__init__(
            path,
            f"The registry file {path} is damaged and cannot be opened ({detail}). "
            "It has not been changed. Restore a backup or choose another file.",
            f"荣誉库文件 {path} 已损坏，无法打开（{detail_zh}）。文件未作任何改动。请从备份恢复或选择其他文件。",
        )


class NotARegistryError(DatabaseFileError):
    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            f"{path} is not an Honours registry. It has not been changed.",
            f"{path} 不是荣誉库文件。文件未作任何改动。",
        )


class NewerVersionError(DatabaseFileError):
    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"{path} was written by a newer version of Honours (schema {found}; this version "
            f"understands up to {supported}). Please update the program. The file has not been changed.",
            f"{path} 由更新版本的荣誉库程序创建（结构版本 {found}，本程序最高支持 {supported}）。"
            "请升级程序。文件未作任何改动。",
        )
        self.found = found


class ReadOnlyDatabaseError(DatabaseFileError):
    def __init__(self, path: str, needs_upgrade: bool = False) -> None:
        extra_en = " It needs an upgrade, which cannot be done read-only." if needs_upgrade else ""
        extra_zh = "该文件需要升级，只读方式下无法升级。" if needs_upgrade else ""
        super().__init__(
            path,
            f"{path} cannot be written (read-only file or folder).{extra_en}",
            f"{path} 无法写入（文件或文件夹为只读）。{extra_zh}",
        )
        self.needs_upgrade = needs_upgrade


class DatabaseLockedError(DatabaseFileError):
    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            f"{path} is busy: another window or computer is writing to it. Try again in a moment.",
            f"{path} 正忙：另一个窗口或另一台电脑正在写入。请稍后再试。",
        )


class PhotoError(HonoursError):
    """A file that cannot be stored as a photo; nothing was stored."""


class QueryError(HonoursError):
    """A search query that cannot be understood as written."""


class DatabaseInUseError(DatabaseFileError):
    """Replacing a file another window or PC has open would pull it from under them."""

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            f"{path} is open in another window or on another computer. Close it there first; "
            "nothing has been changed.",
            f"{path} 正在另一个窗口或另一台电脑上打开。请先在那里关闭；未作任何改动。",
        )


class BadBackupError(HonoursError):
    """A backup that fails verification is never restored over the current file."""

    def __init__(self, path: str, reason_en: str, reason_zh: str) -> None:
        super().__init__(
            f"The backup {path} cannot be restored: {reason_en} The current registry has not been changed.",
            f"备份 {path} 无法恢复：{reason_zh}当前荣誉库未作任何改动。",
        )
        self.path = path


class BackupFailedError(HonoursError):
    """Writing a backup failed (disk full, folder not writable); nothing was replaced."""

    def __init__(self, path: str, detail: str, detail_zh: str | None = None) -> None:
        super().__init__(
            f"Could not write the backup {path} ({detail}).",
            f"无法写入备份 {path}（{detail_zh or detail}）。",
        )
        self.path = path


class EmptyDatabaseFileError(DatabaseFileError):
    """An existing 0-byte file is not turned into a new registry: its records may be lost."""

    def __init__(self, path: str) -> None:
        super().__init__(
            path,
            f"{path} is empty (0 bytes): it holds no registry. If it should hold your records, "
            "restore a backup; to start a new registry, choose a new file name. It has not been changed.",
            f"{path} 是空文件（0 字节），其中没有荣誉库。如果它本应保存您的记录，请从备份恢复；"
            "如需新建荣誉库，请选择新的文件名。文件未作任何改动。",
        )


class RegistryFileInUseError(HonoursError):
    """A file the user chose is a registry this program has open (or one of its -wal/-shm).

    Reading or writing it with ordinary file I/O would drop SQLite's locks on it in this
    process (POSIX closes every fcntl lock on a file when any descriptor of it is closed),
    and another program could then delete the write-ahead log under our feet.
    """

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} is a registry file this program has open; choose another file.",
            f"{path} 是本程序正在使用的荣誉库文件，请选择其他文件。",
        )
        self.path = path

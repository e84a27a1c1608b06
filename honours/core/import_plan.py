"""Planning an import before anything is written: every row is an add, an update or an error.

Staff see the plan (the app's preview table, the CLI's summary) and only then apply it, as
one transaction (`Registry.apply_import`): all rows or none. Rules:
- a row whose name and unit match an existing honouree updates that record: filled-in
  cells replace its fields, honours/deeds/donations it lacks are added, photos are added;
- rows of one sheet with the same name and unit are one person (sheets often list one row
  per honour) and are merged into one record;
- a row that cannot be read, whose photo is missing or broken, or whose name and unit match
  several existing records, is an error naming the sheet row; nothing is imported while
  errors remain unless the user chooses to skip those rows.
An Honours export (.json/.zip) is planned the same way, record by record, and an added
record keeps its dates, version and photos exactly (the lossless round trip).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import files
from .errors import HonoursError, InvalidRecordError, PhotoError, os_reason, user_language
from .photos import MAX_FILE_BYTES, NewPhoto, PreparedPhoto, prepare_photo
from .records import Honouree, Status
from .registry import ImportItem, ImportOutcome, Registry, validate_record
from .spreadsheet import (
    ParsedRow,
    RowError,
    RowReader,
    SkippedRow,
    Table,
    gc_paused,
    guess_mapping,
    read_table,
)
from .transfer import ExportFile, ExportFileError

ADD, UPDATE, UNCHANGED, ERROR = "add", "update", "unchanged", "error"
Progress = Callable[[int, int], None]


@dataclass
class PlannedRow:
    """What will happen to one sheet row (or one record of an export file)."""

    row: int
    action: str
    name: str = ""
    unit: str = ""
    reason_en: str = ""
    reason_zh: str = ""
    target_id: int | None = None  # the existing honouree an update changes
    same_as_row: int | None = None  # an earlier row of the same person, merged with it

    def reason(self, lang: str | None = None) -> str:
        return self.reason_zh if (lang or user_language()) == "zh" else self.reason_en


class ImportBlockedError(HonoursError):
    """The plan has rows with errors and the user did not choose to skip them."""

    def __init__(self, errors: list[PlannedRow]) -> None:
        shown = errors[:10]
        more_en = f" and {len(errors) - 10} more" if len(errors) > 10 else ""
        more_zh = f"，另有 {len(errors) - 10} 行" if len(errors) > 10 else ""
        super().__init__(
            f"Nothing was imported: {len(errors)} row(s) have errors ("
            + "; ".join(f"row {e.row}: {e.reason_en}" for e in shown) + more_en
            + "). Correct them, or choose to skip the rows with errors.",
            f"未导入任何记录：{len(errors)} 行有错误（"
            + "；".join(f"第 {e.row} 行：{e.reason_zh}" for e in shown) + more_zh
            + "）。请更正，或选择跳过有错误的行。")
        self.errors = errors


@dataclass
class _Target:
    """One record the import will write: new (existing_id None) or an existing one updated."""

    record: Honouree
    existing_id: int | None
    first_row: int
    photo_refs: list[str] = field(default_factory=list)
    export_photos: list[dict] = field(default_factory=list)
    before: tuple | None = None  # the existing record as read, to tell whether the update changes it
    unchanged: bool = False  # an update that would change nothing (set once the plan is complete)

    def changes_nothing(self) -> bool:
        return (self.existing_id is not None and not self.photo_refs and not self.export_photos
                and _comparable(self.record) == self.before)


def _comparable(record: Honouree) -> tuple:
    """A record's content without ids, stamps and photos (what an update can change); a plain
    tuple because comparing 100,000 `to_dict()`s of a re-imported sheet took minutes."""
    r = record
    return (r.name, r.gender, r.birth_date, str(r.age or ""), r.ethnicity, r.unit, r.position, r.region,
            r.category, r.status, r.notes, r.source.report, r.source.sentence,
            tuple((h.title, h.level, h.year, h.date or None, h.awarded_by or "", bool(h.posthumous))
                  for h in r.honours),
            tuple((d.text, d.date or None) for d in r.deeds),
            tuple((d.amount_fen, d.item or "", d.quantity, d.quantity_unit or "", d.recipient or "",
                   d.date or None, d.note or "") for d in r.donations))


class ImportPlan:
    """The preview of an import; `apply` writes it."""

    def __init__(self, source: Path, *, table: Table | None = None, mapping: list[str | None] | None = None,
                 photos: PhotoFinder | None = None, export: ExportFile | None = None) -> None:
        self.source = source
        self.table = table
        self.mapping = mapping
        self.photos = photos
        self.export = export
        self.rows: list[PlannedRow] = []
        self.notices: list[tuple[str, str]] = []
        self._targets: list[_Target] = []

    @property
    def keep_stamps(self) -> bool:
        return self.export is not None

    @property
    def errors(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == ERROR]

    def counts(self) -> dict[str, int]:
        """Records to add, to update and already up to date, and rows with errors."""
        return {ADD: sum(1 for t in self._targets if t.existing_id is None),
                UPDATE: sum(1 for t in self._targets if t.existing_id is not None and not t.unchanged),
                UNCHANGED: sum(1 for t in self._targets if t.unchanged),
                ERROR: len(self.errors)}

    def summary(self, lang: str | None = None) -> str:
        c = self.counts()
        if (lang or user_language()) == "zh":
            same = f"（{c[UNCHANGED]} 条无变化）" if c[UNCHANGED] else ""
            return f"新增 {c[ADD]} 条，更新 {c[UPDATE]} 条，错误 {c[ERROR]} 行{same}"
        same = f" ({c[UNCHANGED]} unchanged)" if c[UNCHANGED] else ""
        return f"{c[ADD]} add, {c[UPDATE]} update, {c[ERROR]} errors{same}"

    def apply(self, registry: Registry, *, skip_errors: bool = False,
              progress: Progress | None = None) -> ImportOutcome:
        """Write the plan in one transaction; refuses while errors remain unless told to skip them."""
        if self.errors and not skip_errors:
            raise ImportBlockedError(self.errors)
        with gc_paused():  # the lists below are 100,000 new objects too
            # Every row's record passed `_check` when planned; a record added is those rows merged, and
            # an export's record is used as it was checked, so the registry need not check them again.
            # An update of a sheet row holds the stored record too, and is checked as always.
            adds = [ImportItem(t.record, self._photos_of(t), checked=True) for t in self._targets
                    if t.existing_id is None]
            updates = [ImportItem(t.record, self._photos_of(t), checked=self.export is not None)
                       for t in self._targets if t.existing_id is not None and not t.unchanged]
            if not adds and not updates:
                return ImportOutcome()
            return registry.apply_import(adds, updates, keep_stamps=self.keep_stamps, progress=progress)

    def _photos_of(self, target: _Target) -> Iterator[NewPhoto] | tuple[()]:
        """Photos prepared one at a time while the transaction runs (bounded memory)."""
        if target.photo_refs and self.photos is not None:
            finder = self.photos
            return (NewPhoto(prepared=finder.prepare(ref)) for ref in target.photo_refs)
        if target.export_photos and self.export is not None:
            export = self.export
            if target.existing_id is None:
                return (export.kept_photo(p) for p in target.export_photos)
            return (NewPhoto(prepared=export.prepare(p), caption=str(p.get("caption") or ""))
                    for p in target.export_photos)
        return ()

    def close(self) -> None:
        if self.export is not None:
            self.export.close()
        if self.photos is not None:
            self.photos.close()


# -- photos named by a sheet ----------------------------------------------------------------

class PhotoFinder:
    """Finds the photos a sheet names: in a zip beside it (or given), or as paths relative to it."""

    ZIP_NAMES = ("{stem}.zip", "photos.zip", "照片.zip")

    def __init__(self, folder: Path, archive: Path | None = None, stem: str = "") -> None:
        self.folder = Path(folder)
        self.archive_path = archive
        if archive is None:
            for pattern in self.ZIP_NAMES:
                candidate = self.folder / pattern.format(stem=stem)
                if candidate.is_file():
                    self.archive_path = candidate
                    break
        self.archive: zipfile.ZipFile | None = None
        self.members: dict[str, zipfile.ZipInfo] = {}
        if self.archive_path is not None:
            try:
                self.archive = files.open_zip(self.archive_path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise HonoursError(f"The photo archive {self.archive_path.name} cannot be opened ({exc}).",
                                   f"照片压缩包 {self.archive_path.name} 无法打开（{exc}）。") from exc
            for info in self.archive.infolist():
                if info.is_dir():
                    continue
                name = _member_name(info)
                self.members.setdefault(name.lower(), info)
                self.members.setdefault(name.rsplit("/", 1)[-1].lower(), info)
        self._checked: dict[str, RowError | None] = {}

    def _where(self) -> tuple[str, str]:
        if self.archive_path is not None:
            return (f"beside the sheet or in {self.archive_path.name}",
                    f"表格所在文件夹或 {self.archive_path.name} 中")
        return "beside the sheet", "表格所在文件夹中"

    def read(self, ref: str) -> bytes:
        info = self.members.get(ref.replace("\\", "/").lower()) or self.members.get(
            ref.replace("\\", "/").rsplit("/", 1)[-1].lower())
        if info is not None and self.archive is not None:
            if info.file_size > MAX_FILE_BYTES:
                raise RowError(f"photo “{ref}” is larger than 100 MB", f"照片“{ref}”超过 100 MB")
            try:
                return self.archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise RowError(f"photo “{ref}” is damaged in the zip", f"压缩包中的照片“{ref}”已损坏") from exc
        path = Path(ref.replace("\\", "/"))
        path = path if path.is_absolute() else self.folder / path
        if not path.is_file():
            en, zh = self._where()
            raise RowError(f"photo “{ref}” was not found {en}", f"在{zh}找不到照片“{ref}”")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RowError(f"photo “{ref}” is larger than 100 MB", f"照片“{ref}”超过 100 MB")
        try:
            return files.read_bytes(path)
        except OSError as exc:
            reason, reason_zh = os_reason(exc)
            raise RowError(f"photo “{ref}” cannot be read ({reason})", f"无法读取照片“{ref}”（{reason_zh}）") from exc

    def prepare(self, ref: str) -> PreparedPhoto:
        try:
            return prepare_photo(self.read(ref), ref.replace("\\", "/").rsplit("/", 1)[-1])
        except RowError as exc:
            raise PhotoError(exc.en, exc.zh) from exc

    def check(self, ref: str) -> None:
        """RowError if the photo is missing or not an image we accept (results are remembered)."""
        if ref not in self._checked:
            try:
                prepare_photo(self.read(ref), ref)
                self._checked[ref] = None
            except RowError as exc:
                self._checked[ref] = exc
            except PhotoError as exc:
                self._checked[ref] = RowError(f"photo: {exc.en}", f"照片：{exc.zh}")
        error = self._checked[ref]
        if error is not None:
            raise error

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None


def _member_name(info: zipfile.ZipInfo) -> str:
    """Zips made on Chinese Windows store names in GBK without saying so; read them as GBK."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


# -- planning a sheet ---------------------------------------------------------------------------

def plan_import(registry: Registry, path: str | Path, *, sheet: str | None = None,
                mapping: list[str | None] | None = None, photos_zip: str | Path | None = None,
                progress: Progress | None = None) -> ImportPlan:
    """Plan importing a file: an Honours export (.json, .zip) or a sheet (.xlsx, .csv)."""
    path = Path(path)
    if path.suffix.lower() == ".json" or (path.suffix.lower() == ".zip" and not is_workbook(path)):
        return plan_export(registry, path, progress=progress)
    table = read_table(path, sheet)
    return plan_table(registry, table, mapping=mapping, photos_zip=photos_zip, progress=progress)


def is_workbook(path: Path) -> bool:
    """True for an .xlsx (a zip holding xl/workbook.xml), whatever the file is called."""
    try:
        with files.open_zip(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def plan_table(registry: Registry, table: Table, *, mapping: list[str | None] | None = None,
               photos_zip: str | Path | None = None, progress: Progress | None = None) -> ImportPlan:
    """Classify every row of a read sheet as add, update or error."""
    with gc_paused():
        return _plan_table(registry, table, mapping, photos_zip, progress)


def _plan_table(registry: Registry, table: Table, mapping: list[str | None] | None,
                photos_zip: str | Path | None, progress: Progress | None) -> ImportPlan:
    mapping = mapping if mapping is not None else guess_mapping(table.headers)
    reader = RowReader(mapping, table.headers)
    finder = None
    if "photo" in reader.columns or photos_zip is not None:
        finder = PhotoFinder(table.path.parent, Path(photos_zip) if photos_zip else None, table.path.stem)
    plan = ImportPlan(table.path, table=table, mapping=mapping, photos=finder)
    parsed: list[tuple[int, ParsedRow | RowError]] = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, 1):
        try:
            parsed.append((number, reader.read(cells)))
        except RowError as exc:
            parsed.append((number, exc))
        if progress and done % 2000 == 0:
            progress(done, total * 2)
    existing = registry.ids_by_name_and_unit(
        (name, p.record.unit) for _, p in parsed if isinstance(p, ParsedRow)
        for name in (p.record.name, p.written_name) if name)
    cells_by_row = dict(table.rows)
    targets: dict[tuple[str, str], _Target] = {}
    for done, (number, item) in enumerate(parsed, 1):
        if progress and done % 2000 == 0:
            progress(total + done, total * 2)
        if isinstance(item, SkippedRow):
            plan.notices.append((f"Row {number} left out: {item.en}.", f"第 {number} 行未导入：{item.zh}。"))
            continue
        if isinstance(item, RowError):
            name, unit = reader.identity(cells_by_row[number])
            plan.rows.append(PlannedRow(number, ERROR, name, unit, item.en, item.zh))
            continue
        record = item.record
        key = (record.name, record.unit)
        try:
            _check(record)
            for ref in item.photo_refs:
                assert finder is not None
                finder.check(ref)
            # a record stored before names were tidied (贺 彪) is the same person as the row's 贺彪
            matches = existing.get(key) or existing.get((item.written_name, record.unit), [])
            if len(matches) > 1:
                ids = ", ".join(f"#{i}" for i in matches)
                raise RowError(f"{len(matches)} existing honourees have this name and unit ({ids}); "
                               "cannot tell which to update",
                               f"已有 {len(matches)} 位同名同单位的荣誉人物（{ids}），无法确定更新哪一位")
        except RowError as exc:
            plan.rows.append(PlannedRow(number, ERROR, record.name, record.unit, exc.en, exc.zh))
            continue
        target = targets.get(key)
        if target is None:
            if matches:
                base = registry.honouree(matches[0])
                before = _comparable(base)
                merge_into(base, record, item.given)
                base.name = record.name
                target = _Target(base, matches[0], number, before=before)
            else:
                target = _Target(record, None, number)
            targets[key] = target
            plan._targets.append(target)
            same_as = None
        else:
            merge_into(target.record, record, item.given)
            same_as = target.first_row
        target.photo_refs.extend(item.photo_refs)
        note_en, note_zh = ("", "") if same_as is None else (f"same person as row {same_as}",
                                                              f"与第 {same_as} 行为同一人")
        if item.notes:  # what tidying the name did, so that the preview shows it
            note_en = "; ".join(filter(None, [note_en, *(n.en for n in item.notes)]))
            note_zh = "；".join(filter(None, [note_zh, *(n.zh for n in item.notes)]))
        plan.rows.append(PlannedRow(number, UPDATE if target.existing_id else ADD, record.name, record.unit,
                                    note_en, note_zh, target.existing_id, same_as))
    _mark_unchanged(plan)
    if progress:
        progress(total * 2, total * 2)
    return plan


def _mark_unchanged(plan: ImportPlan) -> None:
    """Rows whose existing record already says all they say are shown as such and not written."""
    for target in plan._targets:
        target.unchanged = target.changes_nothing()
    same = {t.existing_id for t in plan._targets if t.unchanged}
    for row in plan.rows:
        if row.action == UPDATE and row.target_id in same:
            row.action = UNCHANGED
            row.reason_en, row.reason_zh = "already up to date", "已是最新，无需更改"


def _check(record: Honouree) -> None:
    """The registry's own checks (e.g. invisible control characters) as a row error."""
    try:
        validate_record(record)
    except InvalidRecordError as exc:
        raise RowError(exc.en.removeprefix("Invalid record: "), exc.zh.removeprefix("记录无效：")) from exc


_SCALARS = ("gender", "age", "birth_date", "ethnicity", "position", "region", "category", "status", "notes")


def merge_into(base: Honouree, incoming: Honouree, given: set[str]) -> None:
    """Fold a sheet row into a record: filled-in cells win; honours, deeds and donations the
    record lacks are added (so importing the same sheet twice changes nothing)."""
    for key in _SCALARS:
        if key in given:
            setattr(base, key, getattr(incoming, key))
    base.status = base.status or Status.ACTIVE.value
    if "source_report" in given:
        base.source.report = incoming.source.report
    if "source_sentence" in given:
        base.source.sentence = incoming.source.sentence
    for honour in incoming.honours:
        same = next((h for h in base.honours if h.title == honour.title
                     and (h.year is None or honour.year is None or h.year == honour.year)), None)
        if same is None:
            base.honours.append(honour)
            continue
        same.year = same.year or honour.year
        same.date = same.date or honour.date
        same.awarded_by = same.awarded_by or honour.awarded_by
        same.posthumous = same.posthumous or honour.posthumous
        if "level" in given:
            same.level = honour.level
    texts = {d.text for d in base.deeds}
    base.deeds.extend(d for d in incoming.deeds if d.text not in texts)
    known = {(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in base.donations}
    base.donations.extend(d for d in incoming.donations
                          if (d.amount_fen, d.item, d.quantity, d.quantity_unit) not in known)


# -- planning an Honours export -------------------------------------------------------------------

def plan_export(registry: Registry, path: str | Path, *, progress: Progress | None = None) -> ImportPlan:
    """Plan importing a .json or .zip made by `honours export`: each record is added (keeping its
    dates and photos exactly) or, when its name and unit exist already, replaces that record."""
    with gc_paused():
        export = ExportFile(Path(path))
    plan = ImportPlan(Path(path), export=export)
    try:
        with gc_paused():
            _plan_export_records(registry, plan, export, progress)
    except BaseException:
        export.close()
        raise
    return plan


def _plan_export_records(registry: Registry, plan: ImportPlan, export: ExportFile,
                         progress: Progress | None) -> None:
    if any(r.photos_without_files for r in export.records):
        plan.notices.append((("A .json export holds no photo files: records are imported without photos. "
                              "Use the .zip export to bring photos along."),
                             ".json 导出文件不含照片文件：记录将不带照片导入。如需照片，请使用 .zip 导出文件。"))
    existing = registry.ids_by_name_and_unit(
        (r.record.name, r.record.unit) for r in export.records if r.record is not None)
    total = len(export.records)
    for done, item in enumerate(export.records, 1):
        if progress and done % 500 == 0:
            progress(done, total)
        record = item.record
        if record is None or item.error:
            en, zh = item.error or ("unreadable record", "无法读取的记录")
            plan.rows.append(PlannedRow(item.number, ERROR, record.name if record else "",
                                        record.unit if record else "", en, zh))
            continue
        matches = existing.get((record.name, record.unit), [])
        try:
            _check(record)
            for photo in item.photos:
                export.prepare(photo)
        except RowError as exc:
            plan.rows.append(PlannedRow(item.number, ERROR, record.name, record.unit, exc.en, exc.zh))
            continue
        except PhotoError as exc:
            plan.rows.append(PlannedRow(item.number, ERROR, record.name, record.unit,
                                        f"photo: {exc.en}", f"照片：{exc.zh}"))
            continue
        if len(matches) > 1:
            ids = ", ".join(f"#{i}" for i in matches)
            plan.rows.append(PlannedRow(
                item.number, ERROR, record.name, record.unit,
                f"{len(matches)} existing honourees have this name and unit ({ids}); cannot tell which to replace",
                f"已有 {len(matches)} 位同名同单位的荣誉人物（{ids}），无法确定替换哪一位"))
            continue
        if matches:
            current = registry.honouree(matches[0])
            record.id, record.version, record.created_at = current.id, current.version, current.created_at
            photos = [p for p in item.photos if not _already_stored(registry, current, export, p)]
            plan._targets.append(_Target(record, current.id, item.number, export_photos=photos,
                                         before=_comparable(current)))
            plan.rows.append(PlannedRow(item.number, UPDATE, record.name, record.unit, target_id=current.id))
        else:
            record.id = None
            plan._targets.append(_Target(record, None, item.number, export_photos=item.photos))
            plan.rows.append(PlannedRow(item.number, ADD, record.name, record.unit))
    _mark_unchanged(plan)
    if progress:
        progress(total, total)


def _already_stored(registry: Registry, current: Honouree, export: ExportFile, photo: dict) -> bool:
    """True when the record already holds a photo with these original bytes (re-importing an export)."""
    data = export.read_member(photo["_files"]["original"])
    return any(registry.photo_bytes(p.id, "original") == data for p in current.photos)


__all__ = [
    "ADD",
    "ERROR",
    "UNCHANGED",
    "UPDATE",
    "ExportFileError",
    "ImportBlockedError",
    "ImportPlan",
    "PhotoFinder",
    "PlannedRow",
    "is_workbook",
    "merge_into",
    "plan_export",
    "plan_import",
    "plan_table",
]

"""Planning an import before anything is written: every row is an add, an update, a merge or an error.

Staff see the plan (the app's preview table, the CLI's summary) and only then apply it, as
one transaction (`Registry.apply_import`): all rows or none. Rules:
- a row whose name and unit match an existing honouree updates that record: filled-in
  cells replace its fields, honours/deeds/donations it lacks are added, photos are added;
- a row that is probably an existing honouree without matching it exactly (same name and a
  similar unit, the same date of birth or ID number: `duplicates.py`) is a possible
  duplicate, never added silently: by default it is merged into that record (what it adds
  is added, empty fields filled, differing fields kept and reported as conflicts:
  `record_merge.combine`); staff may instead add it as a new record or skip it;
- rows of one sheet that are one person (one row per honour, or the same name with a unit
  written two ways) are offered for merging the same way, and become one record;
- a row that cannot be read, whose photo is missing or broken, or whose name and unit match
  several existing records, is an error naming the sheet row with every problem it has;
  nothing is imported while errors remain unless the user chooses to skip those rows;
- a year in the future is questioned (a warning; the row is still imported).
An Honours export (.json/.zip) is planned the same way, record by record, and an added
record keeps its dates, version and photos exactly (the lossless round trip).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import files
from .duplicates import Person, Reason, best_match
from .errors import HonoursError, InvalidRecordError, PhotoError, os_reason_text, user_language
from .fields import OWN_FIELDS, PHOTO, SHEET_COLUMNS, WRITTEN_KINDS
from .i18n import Joined, Message, Text
from .photos import MAX_FILE_BYTES, NewPhoto, PreparedPhoto, prepare_photo
from .record_merge import Conflict, add_care, clone, combine
from .records import Deed, Donation, Honour, Honouree, Source, Status
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
from .sqlite.rows import child_values, stored_values
from .transfer import ExportFile, ExportFileError

ADD, UPDATE, UNCHANGED, ERROR = "add", "update", "unchanged", "error"
MERGE, SKIP = "merge", "skip"  # what becomes of a possible duplicate (or ADD: a record of its own)
DUPLICATE_CHOICES = (MERGE, ADD, SKIP)
Progress = Callable[[int, int], None]


@dataclass
class Match:
    """The existing record (`existing_id`) or earlier sheet row (`row`) a row probably repeats."""

    existing_id: int | None
    row: int | None
    name: str
    unit: str
    position: str
    reasons: list[Reason]
    others: list[int] = field(default_factory=list)  # further existing records it resembles

    def who(self, lang: str) -> str:
        """'#12 张三 (衡阳市中心医院院长)' / '第 3 行 张三（…）'."""
        return self.whom().render(lang)

    def whom(self) -> Message:
        unit = " ".join(p for p in (self.unit, self.position) if p)
        if self.existing_id is not None:
            where: Message = Text("#{ident}", ident=self.existing_id)
        else:
            where = Text("row {number}", number=self.row)
        if unit:
            return Text("{where} {name} ({unit})", where=where, name=self.name, unit=unit)
        return Text("{where} {name}", where=where, name=self.name)

    def said(self) -> Message:
        """Why the rows look alike, every reason."""
        return Joined(self.reasons, "items")

    def reason(self, lang: str) -> str:
        return self.said().render(lang)


@dataclass
class PlannedRow:
    """What will happen to one sheet row (or one record of an export file)."""

    row: int
    action: str
    name: str = ""
    unit: str = ""
    said: Message | None = None  # what becomes of the row and why
    target_id: int | None = None  # the existing honouree an update or merge changes
    same_as_row: int | None = None  # an earlier row of the same person, merged with it
    errors: list[Message] = field(default_factory=list)  # every problem of an error row
    warnings: list[Message] = field(default_factory=list)  # questions that do not block it
    notes: list[Message] = field(default_factory=list)  # what tidying the name did (马红秋(女) → 马红秋)
    record: Honouree | None = None  # what the row says, as it will be written (before any merge)
    photos: list[str] = field(default_factory=list)  # the photos it names
    match: Match | None = None  # set for a possible duplicate
    choice: str = ""  # a possible duplicate's MERGE, ADD or SKIP
    take: set[str] | None = None  # conflicting fields where this row's value wins (None: the default)
    conflicts: list[Conflict] = field(
        default_factory=list
    )  # fields this row and its merge target fill differently

    def __post_init__(self) -> None:
        if self.action == ERROR and not self.errors and self.said is not None:
            self.errors = [self.said]

    def reason(self, lang: str | None = None) -> str:
        return self.said.render(lang or user_language()) if self.said is not None else ""

    @property
    def reason_en(self) -> str:
        return self.reason("en")

    @property
    def reason_zh(self) -> str:
        return self.reason("zh")

    @property
    def is_duplicate(self) -> bool:
        return self.match is not None


class ImportBlockedError(HonoursError):
    """The plan has rows with errors and the user did not choose to skip them."""

    def __init__(self, errors: list[PlannedRow]) -> None:
        shown: list[Message] = [
            Text("row {number}: {reason}", number=e.row, reason=e.said or Joined(e.errors, "items"))
            for e in errors[:10]
        ]
        if len(errors) > 10:
            more = Text("and {count} more", count=len(errors) - 10)
            shown.append(more)
        super().__init__(
            Text(
                "Nothing was imported: {count} row(s) have errors ({rows}). Correct them, or choose to skip"
                " the rows with errors.",
                count=len(errors),
                rows=Joined(shown, "items"),
            )
        )
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
        return (
            self.existing_id is not None
            and not self.photo_refs
            and not self.export_photos
            and _comparable(self.record) == self.before
        )


def _comparable(record: Honouree) -> tuple:
    """A record's content without ids, stamps and photos (what an update can change); a plain
    tuple because comparing 100,000 `to_dict()`s of a re-imported sheet took minutes."""
    return (
        *stored_values(record),
        *(tuple(child_values(kind, x) for x in getattr(record, kind.key)) for kind in WRITTEN_KINDS),
    )


@dataclass
class _Entry:
    """A sheet row that was read: its plan row, what it says, and the record it matches exactly."""

    row: PlannedRow
    parsed: ParsedRow
    exact: int | None = None


class ImportPlan:
    """The preview of an import; `apply` writes it. A possible duplicate's choice (`set_choice`)
    and which side wins a conflict (`set_take`) can be changed before applying."""

    def __init__(
        self,
        source: Path,
        *,
        table: Table | None = None,
        mapping: list[str | None] | None = None,
        photos: PhotoFinder | None = None,
        export: ExportFile | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.source = source
        self.table = table
        self.mapping = mapping
        self.photos = photos
        self.export = export
        self.rows: list[PlannedRow] = []
        self.notices: list[Message] = []
        self._targets: list[_Target] = []
        self._registry = registry
        self._entries: list[_Entry] = []
        self._clusters: dict[tuple[str, int], tuple[tuple, _Target]] = {}
        self._row_targets: dict[int, _Target] = {}

    @property
    def duplicates(self) -> list[PlannedRow]:
        """Rows that are probably an existing honouree or an earlier row (whatever their choice)."""
        return [r for r in self.rows if r.match is not None]

    def duplicate_counts(self) -> dict[str, int]:
        """How many possible duplicates are to be merged, added as new records, or skipped."""
        out = dict.fromkeys(DUPLICATE_CHOICES, 0)
        for row in self.duplicates:
            out[row.choice] += 1
        return out

    def set_choice(self, rows: int | list[int], choice: str) -> None:
        """Merge, add or skip these possible duplicates (sheet row numbers); the plan follows."""
        if choice not in DUPLICATE_CHOICES:
            raise ValueError(f"unknown choice {choice!r}")
        wanted = {rows} if isinstance(rows, int) else set(rows)
        for row in self.rows:
            if row.row in wanted and row.match is not None:
                row.choice = choice
        self._build()

    def set_all_duplicates(self, choice: str) -> None:
        self.set_choice([r.row for r in self.duplicates], choice)

    def set_take(self, row_number: int, field_name: str, taken: bool) -> None:
        """Settle a merged row's conflict on `field_name` with the row's value (taken) or the kept one."""
        for row in self.rows:
            if row.row == row_number:
                take = {c.field for c in row.conflicts if c.taken} if row.take is None else set(row.take)
                (take.add if taken else take.discard)(field_name)
                row.take = take
        self._build()

    def _build(self) -> None:
        """Group the read rows into the records the import writes, by each row's exact match and
        each possible duplicate's choice, and say on every row what becomes of it.

        A record whose rows (and their choices) did not change since the last build is kept as
        it was, so switching one row of a large sheet re-merges only the records it touches."""
        owner: dict[int, tuple[str, int] | None] = {}
        members: dict[tuple[str, int], list[tuple[_Entry, str]]] = {}
        for entry in self._entries:
            row = entry.row
            if entry.exact is not None:
                key, mode = ("id", entry.exact), UPDATE
            elif row.match is None or row.choice == ADD:
                key, mode = ("row", row.row), ADD
            elif row.choice == SKIP:
                owner[row.row] = None
                continue
            elif row.match.existing_id is not None:
                key, mode = ("id", row.match.existing_id), MERGE
            else:
                joined = owner.get(row.match.row) if row.match.row is not None else None
                key, mode = (joined, MERGE) if joined is not None else (("row", row.row), ADD)
            owner[row.row] = key
            members.setdefault(key, []).append((entry, mode))
        clusters: dict[tuple[str, int], tuple[tuple, _Target]] = {}
        row_targets: dict[int, _Target] = {}
        for key, group in members.items():
            signature = tuple(
                (e.row.row, mode, None if e.row.take is None else frozenset(e.row.take)) for e, mode in group
            )
            previous = self._clusters.get(key)
            target = (
                previous[1] if previous is not None and previous[0] == signature else self._target(key, group)
            )
            clusters[key] = (signature, target)
            for entry, _ in group:
                row_targets[entry.row.row] = target
        self._clusters = clusters
        self._row_targets = row_targets
        self._targets = [target for _, target in sorted(clusters.values(), key=lambda c: c[1].first_row)]
        for target in self._targets:
            target.unchanged = target.changes_nothing()
        for entry in self._entries:
            self._describe(entry.row, owner.get(entry.row.row), members)

    def _target(self, key: tuple[str, int], group: list[tuple[_Entry, str]]) -> _Target:
        """The record one person's rows make: an existing record with the rows folded in, or a new one."""
        if key[0] == "id":
            assert self._registry is not None
            base = self._registry.honouree(key[1])
            target = _Target(base, key[1], group[0][0].row.row, before=_comparable(base))
        else:
            target = _Target(group[0][0].parsed.record, None, group[0][0].row.row)
        for entry, mode in group:
            record = entry.parsed.record
            entry.row.conflicts = []
            if record is not target.record:
                if target.existing_id is None and target.record is group[0][0].parsed.record:
                    target.record = clone(target.record)  # the first row's own record stays as read
                if mode == UPDATE:
                    entry.row.conflicts = merge_into(
                        target.record, record, entry.parsed.given, entry.row.take
                    )
                    target.record.name = record.name  # matched as stored before names were tidied (贺 彪)
                else:
                    entry.row.conflicts = combine(target.record, record, entry.row.take)
            target.photo_refs.extend(entry.parsed.photo_refs)
        return target

    def _describe(
        self,
        row: PlannedRow,
        key: tuple[str, int] | None,
        members: dict[tuple[str, int], list[tuple[_Entry, str]]],
    ) -> None:
        """Set a read row's action, target and reason from the build."""
        group = members.get(key, []) if key is not None else []
        if (
            len(group) == 1
            and row.match is None
            and not row.warnings
            and not row.notes
            and group[0][1] == ADD
        ):
            row.action, row.target_id, row.same_as_row, row.said = ADD, None, None, None
            return  # the usual row: a new record of its own
        mode = next((m for e, m in group if e.row is row), SKIP)
        first = group[0][0].row.row if group else row.row
        target = self._row_targets.get(row.row)
        row.target_id = target.existing_id if target is not None else None
        row.same_as_row = first if first != row.row else None
        said: list[Message] = []
        if mode == UPDATE and target is not None and target.unchanged:
            row.action = UNCHANGED
            said.append(Text("already up to date"))
        else:
            row.action = mode
        match = row.match
        if match is not None:
            outcome = {
                MERGE: Text("merged into it") if match.existing_id is not None else Text("merged with it"),
                ADD: Text("added as a new record all the same"),
                SKIP: Text("skipped: not imported"),
            }[mode if mode in (MERGE, SKIP) else ADD]
            if mode == ADD and row.choice == MERGE:  # merged with a row that is itself skipped
                outcome = Text("added as a new record (the row it resembles is skipped)")
            why: Message = match.said()
            if match.others:
                ids = ", ".join(f"#{i}" for i in match.others)
                why = Text("{reasons} (it also resembles {ids})", reasons=why, ids=ids)
            if match.existing_id is not None:
                duplicate = Text(
                    "possible duplicate of {who}: {reasons}; {outcome}",
                    who=match.whom(),
                    reasons=why,
                    outcome=outcome,
                )
            else:
                duplicate = Text(
                    "possible duplicate of {row}: {reasons}; {outcome}",
                    row=match.whom(),
                    reasons=why,
                    outcome=outcome,
                )
            said.append(duplicate)
            if mode == MERGE and target is not None and target.unchanged:
                said.append(Text("it adds nothing new"))
            taken = sum(1 for c in row.conflicts if c.taken)
            if mode == MERGE and row.conflicts:
                said.append(
                    Text(
                        "{count} field(s) differ: {kept} kept as they were, {taken} taken from this row",
                        count=len(row.conflicts),
                        kept=len(row.conflicts) - taken,
                        taken=taken,
                    )
                )
        elif row.same_as_row is not None:
            said.append(Text("same person as row {number}", number=row.same_as_row))
        if mode == UPDATE and row.conflicts:
            kept = sum(1 for c in row.conflicts if not c.taken)
            said.append(
                Text(
                    "{count} field(s) differ: {replaced} replaced from this row, {kept} kept as they were",
                    count=len(row.conflicts),
                    replaced=len(row.conflicts) - kept,
                    kept=kept,
                )
            )
        said.extend(row.warnings + row.notes)
        row.said = Joined(said, "items")

    def conflicts(self) -> list[PlannedRow]:
        """Merged or updating rows whose fields differ from the record they go into."""
        return [r for r in self.rows if r.action in (MERGE, UPDATE) and r.conflicts]

    def merged_record(self, row: PlannedRow) -> Honouree | None:
        """The record a row ends up in (added or updated, merged with the rows of the same person)."""
        target = self._row_targets.get(row.row)
        return target.record if target is not None else None

    @property
    def keep_stamps(self) -> bool:
        return self.export is not None

    @property
    def errors(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == ERROR]

    def counts(self) -> dict[str, int]:
        """Records to add, to update and already up to date, and rows with errors."""
        return {
            ADD: sum(1 for t in self._targets if t.existing_id is None),
            UPDATE: sum(1 for t in self._targets if t.existing_id is not None and not t.unchanged),
            UNCHANGED: sum(1 for t in self._targets if t.unchanged),
            ERROR: len(self.errors),
        }

    def summary(self, lang: str | None = None) -> str:
        c = self.counts()
        d = self.duplicate_counts()
        dupes = len(self.duplicates)
        parts: list[Message] = [
            Text("{add} add, {update} update, {error} errors", add=c[ADD], update=c[UPDATE], error=c[ERROR])
        ]
        if c[UNCHANGED]:
            parts.append(Text(" ({count} unchanged)", count=c[UNCHANGED]))
        if dupes:
            parts.append(
                Text(
                    "; {count} possible duplicate(s): {merge} merge, {add} add as new, {skip} skip",
                    count=dupes,
                    merge=d[MERGE],
                    add=d[ADD],
                    skip=d[SKIP],
                )
            )
        return Joined(parts, "none").render(lang or user_language())

    def apply(
        self, registry: Registry, *, skip_errors: bool = False, progress: Progress | None = None
    ) -> ImportOutcome:
        """Write the plan in one transaction; refuses while errors remain unless told to skip them."""
        if self.errors and not skip_errors:
            raise ImportBlockedError(self.errors)
        with gc_paused():  # the lists below are 100,000 new objects too
            # Every row's record passed `_check` when planned; a record added is those rows merged, and
            # an export's record is used as it was checked, so the registry need not check them again.
            # An update of a sheet row holds the stored record too, and is checked as always.
            adds = [
                ImportItem(t.record, self._photos_of(t), checked=True)
                for t in self._targets
                if t.existing_id is None
            ]
            updates = [
                ImportItem(t.record, self._photos_of(t), checked=self.export is not None)
                for t in self._targets
                if t.existing_id is not None and not t.unchanged
            ]
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
            return (
                NewPhoto(prepared=export.prepare(p), caption=str(p.get("caption") or ""))
                for p in target.export_photos
            )
        return ()

    def close(self) -> None:
        if self.export is not None:
            self.export.close()
        if self.photos is not None:
            self.photos.close()


# -- photos named by a sheet ----------------------------------------------------------------


class PhotoFinder:
    """Finds the photos a sheet names: in a zip beside it (or given), or as paths relative to it."""

    ZIP_NAMES = ("{stem}.zip", f"{PHOTO.key}.zip", f"{PHOTO.zh}.zip")  # …, photos.zip, 照片.zip

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
                raise HonoursError(
                    Text(
                        "The photo archive {name} cannot be opened ({exc}).",
                        name=self.archive_path.name,
                        exc=exc,
                    ),
                ) from exc
            for info in self.archive.infolist():
                if info.is_dir():
                    continue
                name = _member_name(info)
                self.members.setdefault(name.lower(), info)
                self.members.setdefault(name.rsplit("/", 1)[-1].lower(), info)
        self._checked: dict[str, RowError | None] = {}

    def read(self, ref: str) -> bytes:
        info = self.members.get(ref.replace("\\", "/").lower()) or self.members.get(
            ref.replace("\\", "/").rsplit("/", 1)[-1].lower()
        )
        if info is not None and self.archive is not None:
            if info.file_size > MAX_FILE_BYTES:
                raise RowError(Text("photo “{ref}” is larger than 100 MB", ref=ref))
            try:
                return self.archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise RowError(Text("photo “{ref}” is damaged in the zip", ref=ref)) from exc
        path = Path(ref.replace("\\", "/"))
        path = path if path.is_absolute() else self.folder / path
        if not path.is_file():
            if self.archive_path is not None:
                raise RowError(
                    Text(
                        "photo “{ref}” was not found beside the sheet or in {archive}",
                        ref=ref,
                        archive=self.archive_path.name,
                    )
                )
            raise RowError(Text("photo “{ref}” was not found beside the sheet", ref=ref))
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RowError(Text("photo “{ref}” is larger than 100 MB", ref=ref))
        try:
            return files.read_bytes(path)
        except OSError as exc:
            raise RowError(
                Text("photo “{ref}” cannot be read ({reason})", ref=ref, reason=os_reason_text(exc))
            ) from exc

    def prepare(self, ref: str) -> PreparedPhoto:
        try:
            return prepare_photo(self.read(ref), ref.replace("\\", "/").rsplit("/", 1)[-1])
        except RowError as exc:
            raise PhotoError(exc.text) from exc

    def check(self, ref: str) -> None:
        """RowError if the photo is missing or not an image we accept (results are remembered)."""
        if ref not in self._checked:
            try:
                prepare_photo(self.read(ref), ref)
                self._checked[ref] = None
            except RowError as exc:
                self._checked[ref] = exc
            except PhotoError as exc:
                self._checked[ref] = RowError(Text("photo: {reason}", reason=exc.text))
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


def plan_import(
    registry: Registry,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: list[str | None] | None = None,
    photos_zip: str | Path | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
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


def plan_table(
    registry: Registry,
    table: Table,
    *,
    mapping: list[str | None] | None = None,
    photos_zip: str | Path | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Classify every row of a read sheet as add, update or error."""
    with gc_paused():
        return _plan_table(registry, table, mapping, photos_zip, progress)


def _plan_table(
    registry: Registry,
    table: Table,
    mapping: list[str | None] | None,
    photos_zip: str | Path | None,
    progress: Progress | None,
) -> ImportPlan:
    mapping = mapping if mapping is not None else guess_mapping(table.headers)
    reader = RowReader(mapping, table.headers)
    finder = None
    if "photo" in reader.columns or photos_zip is not None:
        finder = PhotoFinder(table.path.parent, Path(photos_zip) if photos_zip else None, table.path.stem)
    plan = ImportPlan(table.path, table=table, mapping=mapping, photos=finder, registry=registry)
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
        (name, p.record.unit)
        for _, p in parsed
        if isinstance(p, ParsedRow)
        for name in (p.record.name, p.written_name)
        if name
    )
    cells_by_row = dict(table.rows)
    this_year = date.today().year
    for done, (number, item) in enumerate(parsed, 1):
        if progress and done % 2000 == 0:
            progress(total + done, total * 2)
        if isinstance(item, SkippedRow):
            plan.notices.append(Text("Row {number} left out: {reason}.", number=number, reason=item.text))
            continue
        if isinstance(item, RowError):
            cells = cells_by_row[number]
            name, unit = reader.identity(cells)
            errors = [e.text for e in reader.all_errors(cells)] or [item.text]
            plan.rows.append(_error_row(number, name, unit, errors))
            continue
        record = item.record
        errors = _problems(record, item.photo_refs, finder)
        # a record stored before names were tidied (贺 彪) is the same person as the row's 贺彪
        matches = existing.get((record.name, record.unit)) or existing.get(
            (item.written_name, record.unit), []
        )
        if len(matches) > 1:
            ids = ", ".join(f"#{i}" for i in matches)
            errors.append(
                Text(
                    "{count} existing honourees have this name and unit ({ids}); cannot tell which to update",
                    count=len(matches),
                    ids=ids,
                )
            )
        if errors:
            plan.rows.append(_error_row(number, record.name, record.unit, errors, record))
            continue
        row = PlannedRow(
            number,
            ADD,
            record.name,
            record.unit,
            warnings=_warnings(record, this_year),
            notes=[n.message for n in item.notes],
            record=record,
            photos=list(item.photo_refs),
        )
        plan.rows.append(row)
        plan._entries.append(_Entry(row, item, matches[0] if matches else None))
    _find_duplicates(registry, plan._entries)
    plan._build()
    if progress:
        progress(total * 2, total * 2)
    return plan


def _error_row(
    number: int, name: str, unit: str, errors: list[Message], record: Honouree | None = None
) -> PlannedRow:
    """A row with every problem it has; the reason names them all."""
    return PlannedRow(number, ERROR, name, unit, Joined(errors, "items"), errors=errors, record=record)


def _problems(record: Honouree, photo_refs: list[str], finder: PhotoFinder | None) -> list[Message]:
    """What keeps a read row from being stored: the registry's own checks, missing or broken photos."""
    problems = []
    try:
        _check(record)
    except RowError as exc:
        problems.append(exc.text)
    for ref in photo_refs:
        assert finder is not None
        try:
            finder.check(ref)
        except RowError as exc:
            problems.append(exc.text)
    return problems


def _warnings(record: Honouree, this_year: int) -> list[Message]:
    """Questions about a row that do not stop it: years in the future."""
    out: list[Message] = []
    for honour in record.honours:
        if honour.year is not None and honour.year > this_year:
            out.append(
                Text("the year {year} of “{title}” is in the future", year=honour.year, title=honour.title)
            )
    born = (record.birth_date or "")[:4]
    if born.isdigit() and int(born) > this_year:
        out.append(Text("the date of birth {date} is in the future", date=record.birth_date))
    return out


def _find_duplicates(registry: Registry, entries: list[_Entry]) -> None:
    """Mark rows that are probably an existing honouree, or an earlier row of the sheet, without
    matching its name and unit exactly (those update it, as always)."""
    loose = [e for e in entries if e.exact is None]
    if not loose:
        return
    people = {id(e): _person(e) for e in entries}
    names = {n for e in loose for n in (e.parsed.record.name, people[id(e)].key)}
    numbers = {e.parsed.record.id_number for e in loose if e.parsed.record.id_number}
    candidates: dict[str, list[Person]] = {}
    seen: set[int] = set()
    for fields in registry.match_fields(names, numbers):
        if fields.id in seen:
            continue
        seen.add(fields.id)
        person = Person.of(fields)
        candidates.setdefault(person.key, []).append(person)
        if person.id_number:  # one person's number: found under another name too (issue 15)
            candidates.setdefault(_BY_NUMBER + person.id_number, []).append(person)
    earlier: dict[str, list[_Entry]] = {}
    for entry in entries:
        person = people[id(entry)]
        if entry.exact is None:
            existing = (
                candidates.get(person.key, [])
                + [c for c in candidates.get(_BY_NUMBER + person.id_number, []) if c.key != person.key]
                if person.id_number
                else candidates.get(person.key)
            )
            found = best_match(person, existing) if existing else None
            if found is not None:
                best, reasons, others = found
                entry.row.match = Match(
                    best.ref, None, best.name, best.unit, best.position, reasons, [o.ref for o in others]
                )
            elif person.key in earlier:
                found = best_match(person, (people[id(e)] for e in earlier[person.key]))
                if found is not None:
                    best, reasons, _ = found
                    entry.row.match = Match(None, best.ref, best.name, best.unit, best.position, reasons)
            if entry.row.match is not None:
                entry.row.choice = MERGE
        earlier.setdefault(person.key, []).append(entry)


_BY_NUMBER = "\x00id:"  # candidates by ID number, apart from the names (which never hold a NUL)


def _person(entry: _Entry) -> Person:
    r = entry.parsed.record
    return Person(entry.row.row, r.name, r.unit, r.position, r.birth_date, r.notes, r.id_number)


def _mark_unchanged(plan: ImportPlan) -> None:
    """Rows whose existing record already says all they say are shown as such and not written."""
    for target in plan._targets:
        target.unchanged = target.changes_nothing()
    same = {t.existing_id for t in plan._targets if t.unchanged}
    for row in plan.rows:
        if row.action == UPDATE and row.target_id in same:
            row.action = UNCHANGED
            row.said = Text("already up to date")


def _check(record: Honouree) -> None:
    """The registry's own checks (e.g. invisible control characters) as a row error."""
    try:
        validate_record(record)
    except InvalidRecordError as exc:
        raise RowError(exc.detail) from exc


# The fields a row fills in the record it updates: its own (in the sheet's order) but the name
# and unit it was matched by, and the source (below).
_SCALARS = tuple(f.key for f in SHEET_COLUMNS if f in OWN_FIELDS and f.key not in ("name", "unit"))


def merge_into(
    base: Honouree, incoming: Honouree, given: set[str], take: set[str] | None = None
) -> list[Conflict]:
    """Fold a sheet row into the record it updates (same name and unit): filled-in cells win, unless
    a person chose to keep the record's value (a field left out of `take`; None: every cell wins);
    honours, deeds and donations the record lacks are added, as copies (so importing the same sheet
    twice changes nothing). Returns the fields the row and the record fill differently."""
    conflicts = []
    fields = [key for key in _SCALARS if key in given]
    if "source_report" in given or "source_sentence" in given:
        fields.append("source")
    theirs_source = base.source
    for key in fields:
        if key == "source":
            mine = " — ".join(p for p in (base.source.report, base.source.sentence) if p)
            theirs_source = Source(
                incoming.source.report if "source_report" in given else base.source.report,
                incoming.source.sentence if "source_sentence" in given else base.source.sentence,
            )
            theirs = " — ".join(p for p in (theirs_source.report, theirs_source.sentence) if p)
        else:
            mine, theirs = str(getattr(base, key) or ""), str(getattr(incoming, key) or "")
        if mine == theirs:
            continue
        if mine.strip() and not (
            key == "status" and mine == Status.ACTIVE.value
        ):  # the record says otherwise
            taken = take is None or key in take
            conflicts.append(Conflict(key, mine, theirs, taken))
            if not taken:
                continue
        if key == "source":
            base.source = theirs_source
        else:
            setattr(base, key, getattr(incoming, key))
    base.status = base.status or Status.ACTIVE.value
    for honour in incoming.honours:
        same = next(
            (
                h
                for h in base.honours
                if h.title == honour.title
                and (h.year is None or honour.year is None or h.year == honour.year)
            ),
            None,
        )
        if same is None:
            base.honours.append(
                Honour(
                    honour.title, honour.level, honour.year, honour.date, honour.awarded_by, honour.posthumous
                )
            )
            continue
        same.year = same.year or honour.year
        same.date = same.date or honour.date
        same.awarded_by = same.awarded_by or honour.awarded_by
        same.posthumous = same.posthumous or honour.posthumous
        if "level" in given:
            same.level = honour.level
    texts = {d.text for d in base.deeds}
    base.deeds.extend(Deed(d.text, d.date) for d in incoming.deeds if d.text not in texts)
    known = {(d.amount_fen, d.item, d.quantity, d.quantity_unit) for d in base.donations}
    base.donations.extend(
        Donation(d.amount_fen, d.item, d.quantity, d.quantity_unit, d.recipient, d.date, d.note)
        for d in incoming.donations
        if (d.amount_fen, d.item, d.quantity, d.quantity_unit) not in known
    )
    add_care(base, incoming)
    return conflicts


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


def _plan_export_records(
    registry: Registry, plan: ImportPlan, export: ExportFile, progress: Progress | None
) -> None:
    if any(r.photos_without_files for r in export.records):
        plan.notices.append(
            Text(
                "A .json export holds no photo files: records are imported without photos. "
                "Use the .zip export to bring photos along."
            )
        )
    existing = registry.ids_by_name_and_unit(
        (r.record.name, r.record.unit) for r in export.records if r.record is not None
    )
    total = len(export.records)
    for done, item in enumerate(export.records, 1):
        if progress and done % 500 == 0:
            progress(done, total)
        record = item.record
        if record is None or item.error:
            unreadable = Text("unreadable record")
            error = item.error or unreadable
            plan.rows.append(
                PlannedRow(
                    item.number, ERROR, record.name if record else "", record.unit if record else "", error
                )
            )
            continue
        matches = existing.get((record.name, record.unit), [])
        try:
            _check(record)
            for photo in item.photos:
                export.prepare(photo)
        except RowError as exc:
            plan.rows.append(PlannedRow(item.number, ERROR, record.name, record.unit, exc.text))
            continue
        except PhotoError as exc:
            plan.rows.append(
                PlannedRow(
                    item.number, ERROR, record.name, record.unit, Text("photo: {reason}", reason=exc.text)
                )
            )
            continue
        if len(matches) > 1:
            ids = ", ".join(f"#{i}" for i in matches)
            plan.rows.append(
                PlannedRow(
                    item.number,
                    ERROR,
                    record.name,
                    record.unit,
                    Text(
                        "{count} existing honourees have this name and unit ({ids}); cannot tell which to replace",
                        count=len(matches),
                        ids=ids,
                    ),
                )
            )
            continue
        if matches:
            current = registry.honouree(matches[0])
            record.id, record.version, record.created_at = current.id, current.version, current.created_at
            photos = [p for p in item.photos if not _already_stored(registry, current, export, p)]
            plan._targets.append(
                _Target(record, current.id, item.number, export_photos=photos, before=_comparable(current))
            )
            plan.rows.append(
                PlannedRow(item.number, UPDATE, record.name, record.unit, target_id=current.id, record=record)
            )
        else:
            record.id = None
            plan._targets.append(_Target(record, None, item.number, export_photos=item.photos))
            plan.rows.append(PlannedRow(item.number, ADD, record.name, record.unit, record=record))
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

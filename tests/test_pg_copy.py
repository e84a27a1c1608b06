"""`honours copy` between a registry file and a shared registry on a real server, and `honours
backup` of a shared registry: nothing lost either way (records with their ids, versions and
dates, the trash, the history, photo bytes), the copy all or nothing, a target that is not
new or empty refused."""

from __future__ import annotations

import io
import itertools
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import as_login
from PIL import Image

from honours.core.copying import CopyError, copy_registry, snapshot_to_file
from honours.core.photos import NewPhoto, prepare_photo
from honours.core.postgres.registry import OfficeRefusedError, ServerRegistry
from honours.core.postgres.server import init_server
from honours.core.records import Care, Deed, Donation, Honour, Honouree
from honours.core.registry import Registry

ROOT = Path(__file__).resolve().parents[1]
_logins = itertools.count(1)
# Every table a file keeps records in (the search tables are derived, rebuilt by the target).
TABLES = ("honouree", "honour", "deed", "donation", "care", "photo", "photo_data", "history")


def _jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (120, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def _everything(path: Path) -> dict[str, list[tuple]]:
    """Every row of every record table of a closed registry file, in id order."""
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def _filled_file(path: Path) -> Registry:
    """A file with a bit of everything: honours, deeds, donations, photos (one turned), edits
    in the history, a record in the trash and one purged for good."""
    reg = Registry.open(path)
    a = reg.add(
        Honouree(
            name="谷井文",
            unit="耒阳市第一中学",
            region="耒阳市",
            honours=[
                Honour("全国劳动模范", "national", year=2020),
                Honour("湖南省劳动模范", "provincial", year=2015),
            ],
            deeds=[Deed(text="扎根山区三十年", date="2019-05")],
            donations=[Donation(amount_fen=123456, recipient="耒阳市慈善总会", date="2021-01-02")],
        ),
        new_photos=[
            NewPhoto(prepare_photo(_jpeg((200, 0, 0)), "a.jpg"), caption="颁奖", primary=True),
            NewPhoto(prepare_photo(_jpeg((0, 0, 200), (60, 90)), "b.jpg")),
        ],
    )
    a = reg.edit(a.id, {"position": "校长"})
    reg.update(a, rotations={a.photos[1].id: 90})  # a turned photo's display copy is its own
    b = reg.add(
        Honouree(name="罗玉芳", region="南岳区", honours=[Honour("湖南好人", "provincial", posthumous=True)])
    )
    c = reg.add(Honouree(name="李小平", region="常宁市"))
    gone = reg.add(Honouree(name="王五", region="衡东县"))
    reg.delete(gone.id)
    reg.empty_trash()  # purged: only its history stays
    reg.delete(c.id)  # in the trash
    reg.add_care(
        [a.id, b.id], Care(date="2026-01-20", kind="visit", occasion="春节", amount_fen=50000, by="工会")
    )
    reg.delete(b.id)
    reg.restore(b.id)
    return reg


@pytest.fixture
def server(pg_url):
    """(city office URL, administrator URL) of a new, empty shared registry."""
    n = f"{os.getpid()}_{next(_logins)}"
    init_server(pg_url, city_office=f"衡阳市总工会{n}", city_login=f"copy_city_{n}")
    return as_login(pg_url, f"copy_city_{n}"), pg_url


def test_a_file_copied_to_the_server_and_back_loses_nothing(tmp_path, server):
    city_url, _ = server
    source = tmp_path / "单机.sqlite"
    reg = _filled_file(source)
    trash_before = reg.trash()
    reg.close()
    before = _everything(source)
    assert len(trash_before) == 1 and len(before["photo_data"]) == 2 and len(before["history"]) > 8

    to_server = copy_registry(source, city_url)
    assert (to_server.honourees, to_server.in_trash, to_server.photos) == (2, 1, 2)
    assert to_server.history == len(before["history"])

    with ServerRegistry.open(city_url) as shared:  # the server's own verbs see what the file had
        found = shared.search("谷井文")
        assert [h.name for h in shared.honourees(found.ids(0, 10))] == ["谷井文"]
        assert [h.name for h in shared.honourees(shared.search("gjw").ids(0, 10))] == ["谷井文"]
        assert shared.trash() == trash_before
        person = shared.honouree(found.ids(0, 1)[0])
        assert person.position == "校长" and person.version == 4 and len(person.photos) == 2
        assert shared.photo_bytes(person.photos[0].id, "original") == before["photo_data"][0][1]
        newcomer = shared.add(Honouree(name="新人", region="耒阳市"))  # ids go on after the copied ones
        assert newcomer.id > max(r[0] for r in before["honouree"])
        shared.edit(newcomer.id, {"position": "工人"})

    # the newcomer and its two history entries are the server's own; the rest came from the file
    back = tmp_path / "回来.sqlite"
    copy_registry(city_url, back)
    after = _everything(back)
    for table in TABLES:
        last = max((r[0] for r in before[table]), default=0)
        assert [r for r in after[table] if r[0] <= last] == before[table], table
    assert [r[1] for r in after["honouree"] if r[0] == newcomer.id] == ["新人"]
    theirs = [r for r in after["history"] if r not in before["history"]]
    assert [r[4] for r in theirs] == ["create", "update"]  # (id, honouree_id, at, os_user, action, ...)
    assert all(
        r[3].endswith(")") and "(copy_city_" in r[3] for r in theirs
    )  # the office login kept beside the OS user
    with Registry.open(back, create=False) as reopened:  # a file that opens and searches as any
        assert [h.name for h in reopened.honourees(reopened.search("扎根").ids(0, 10))] == ["谷井文"]


def test_a_copy_goes_only_into_a_new_file_or_an_empty_server_and_is_all_or_nothing(tmp_path, server):
    city_url, _ = server
    source = tmp_path / "a.sqlite"
    _filled_file(source).close()
    existing = tmp_path / "b.sqlite"
    existing.write_bytes(b"")
    with pytest.raises(CopyError) as refused:
        copy_registry(source, existing)
    assert "already exists" in str(refused.value) and refused.value.zh
    assert existing.read_bytes() == b""
    with pytest.raises(CopyError):
        copy_registry(tmp_path / "none.sqlite", city_url)
    copy_registry(source, city_url)
    with pytest.raises(CopyError) as full:
        copy_registry(source, city_url)  # a second copy would mix two rolls
    assert "already holds records" in str(full.value)
    with ServerRegistry.open(city_url) as shared:
        assert len(shared.all_ids()) == 2  # unchanged by the refused copy


def test_an_office_of_some_regions_cannot_copy_other_regions_in_and_nothing_is_written(tmp_path, server):
    from honours.core.postgres.server import add_office

    city_url, admin_url = server
    n = f"{os.getpid()}_{next(_logins)}"
    add_office(admin_url, f"耒阳市总工会{n}", ["耒阳市"], login=f"copy_ly_{n}")
    source = tmp_path / "a.sqlite"
    _filled_file(source).close()
    with pytest.raises(OfficeRefusedError) as refused:
        copy_registry(source, as_login(admin_url, f"copy_ly_{n}"))
    assert "may change only people of 耒阳市" in str(refused.value)
    with ServerRegistry.open(city_url) as shared:
        assert shared.all_ids() == [] and shared.trash() == []


def _cli(*args: str, db: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HONOURS_LANG": "en"}
    env.pop("HONOURS_DB", None)
    command = [sys.executable, "-m", "honours", *(["--db", db] if db else []), *args]
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=180, check=False
    )


def test_the_command_line_copies_both_ways_and_backs_up_a_server_into_a_verified_file(tmp_path, server):
    city_url, _ = server
    source = tmp_path / "a.sqlite"
    _filled_file(source).close()
    done = _cli("copy", str(source), city_url)
    assert done.returncode == 0, done.stderr
    assert "Copied 2 honourees (1 more in the trash), 2 photos" in done.stdout + done.stderr
    snapshot = _cli("backup", str(tmp_path), db=city_url)
    assert snapshot.returncode == 0, snapshot.stderr
    files = [p for p in tmp_path.iterdir() if p.name not in ("a.sqlite",) and p.suffix == ".sqlite"]
    assert len(files) == 1 and "Backed up 2 honourees and 2 photos" in snapshot.stdout + snapshot.stderr
    assert _everything(files[0]) == _everything(source)
    again = _cli("backup", str(files[0]), db=city_url)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    back = _cli("copy", city_url, str(tmp_path / "c.sqlite"))
    assert back.returncode == 0, back.stderr
    assert _everything(tmp_path / "c.sqlite") == _everything(source)


def test_snapshot_to_file_names_a_new_file_in_a_folder(tmp_path, server):
    city_url, _ = server
    source = tmp_path / "a.sqlite"
    _filled_file(source).close()
    copy_registry(source, city_url)
    folder = tmp_path / "backups"
    folder.mkdir()
    written = snapshot_to_file(city_url, folder)
    assert written.parent == folder and written.suffix == ".sqlite"
    assert _everything(written) == _everything(source)


def test_a_column_the_target_cannot_store_refuses_the_copy_rather_than_dropping_it(tmp_path, server):
    city_url, _ = server
    source = tmp_path / "newer.sqlite"
    _filled_file(source).close()
    conn = sqlite3.connect(source)  # as a newer version of Honours might have it
    conn.execute("ALTER TABLE honouree ADD COLUMN nickname TEXT NOT NULL DEFAULT ''")
    conn.commit()
    conn.close()
    with pytest.raises(CopyError) as refused:
        copy_registry(source, city_url)
    assert "nickname" in str(refused.value) and "nothing was copied" in str(refused.value)
    assert "nickname" in refused.value.zh
    with ServerRegistry.open(city_url) as shared:
        assert shared.all_ids() == [] and shared.trash() == []

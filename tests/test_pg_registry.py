"""The shared registry on a real PostgreSQL server, where it differs from a file: offices and
their regions, two programs saving one person, other offices' saves arriving, a lost
connection, and the command line against the server (tests/pg_server.py starts it).

Everything else a registry does is tested on both backends through the `storage` fixture.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time

import psycopg
import pytest
from conftest import as_login

from honours.core.changes import Change
from honours.core.errors import ConflictError, HonoursError
from honours.core.postgres.connection import ServerUnreachableError
from honours.core.postgres.registry import OfficeRefusedError, ServerRegistry
from honours.core.postgres.server import add_office, init_server
from honours.core.records import Honour, Honouree

_logins = itertools.count(1)


@pytest.fixture
def offices(pg_url):
    """(city URL, 耒阳市 office URL, 耒阳市 office name): a shared registry with two offices."""
    n = f"{os.getpid()}_{next(_logins)}"
    init_server(pg_url, city_office=f"衡阳市总工会{n}", city_login=f"city_{n}")
    add_office(pg_url, f"耒阳市总工会{n}", ["耒阳市"], login=f"leiyang_{n}")
    return as_login(pg_url, f"city_{n}"), as_login(pg_url, f"leiyang_{n}"), f"耒阳市总工会{n}"


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG")
    return out.getvalue()


def test_an_office_changing_another_regions_person_is_refused_plainly_and_nothing_changes(offices):
    city_url, leiyang_url, leiyang_name = offices
    with ServerRegistry.open(city_url) as city, ServerRegistry.open(leiyang_url) as leiyang:
        nanyue = city.add(Honouree(name="罗玉芳", region="南岳区", honours=[Honour(title="湖南好人")]))
        ours = city.add(Honouree(name="谷井文", region="耒阳市"))
        assert leiyang.office == leiyang_name and not leiyang.readonly
        before = leiyang.honouree(nanyue.id)  # everyone reads the whole roll
        history = len(city.history(nanyue.id))

        before.unit = "南岳区卫健局"
        with pytest.raises(OfficeRefusedError) as refused:
            leiyang.update(before)
        message = refused.value
        assert f"#{nanyue.id} 罗玉芳 belongs to 南岳区" in str(message)
        assert f"your office {leiyang_name} may change only people of 耒阳市" in str(message)
        assert message.zh == f"{nanyue.id} 号罗玉芳属于南岳区；贵单位{leiyang_name}只能修改耒阳市的人员。"
        assert not isinstance(message, ConflictError)  # told apart from a version conflict

        for attempt in (
            lambda: leiyang.delete(nanyue.id),
            lambda: leiyang.edit(nanyue.id, {"position": "主任"}),
            lambda: leiyang.edit_many({nanyue.id: {"status": "retired"}}),
            lambda: leiyang.add_photo(nanyue.id, _jpeg()),
            lambda: leiyang.add(Honouree(name="李小平", region="南岳区")),
            lambda: leiyang.edit(ours.id, {"region": "南岳区"}),  # moving their own person away
        ):
            with pytest.raises(OfficeRefusedError):
                attempt()
        stored = city.honouree(nanyue.id)
        assert (stored.unit, stored.version, stored.photos) == ("", nanyue.version, [])
        assert len(city.history(nanyue.id)) == history and city.count() == 2

        mine = leiyang.edit(ours.id, {"position": "主任"})  # their own region: saved
        assert mine.position == "主任" and mine.version == ours.version + 1
        with psycopg.connect(city_url) as conn:  # the history says which office saved it
            offices_seen = [
                r[0]
                for r in conn.execute(
                    "SELECT office FROM history WHERE honouree_id = %s ORDER BY id", (ours.id,)
                )
            ]
        assert offices_seen[-1].startswith("leiyang_") and offices_seen[0].startswith("city_")

        city.delete(nanyue.id)
        city.delete(ours.id)
        assert leiyang.empty_trash() == 1  # only their own region's person goes for good
        assert [t[0] for t in city.trash()] == [nanyue.id]


def test_two_programs_saving_one_person_at_once_get_exactly_one_conflict_and_lose_nothing(offices):
    city_url, _, _ = offices
    with ServerRegistry.open(city_url) as city:
        person = city.add(Honouree(name="蒋亚华", region="耒阳市"))
    rounds = 8
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    from pg_save_worker import save_rounds

    workers = [
        spawn.Process(target=save_rounds, args=(city_url, person.id, label, rounds, barrier, results))
        for label in ("甲", "乙")
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * rounds)]
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    by_round: dict[int, list[tuple]] = {}
    for number, label, what, version in outcomes:
        by_round.setdefault(number, []).append((what, label, version))
    winners = []
    for number in range(rounds):
        kinds = sorted(what for what, _, _ in by_round[number])
        assert kinds == ["conflict", "saved"], (number, by_round[number])
        winners.append(next(label for what, label, _ in by_round[number] if what == "saved"))
    with ServerRegistry.open(city_url) as city:
        stored = city.honouree(person.id)
        assert stored.version == person.version + rounds  # every save counted, none overwritten
        assert stored.unit == f"{winners[-1]}{rounds - 1}"
        updates = [e for e in city.history(person.id) if e.action == "update"]
        assert len(updates) == rounds
        assert [e.after["unit"] for e in reversed(updates)] == [f"{w}{n}" for n, w in enumerate(winners)]


def test_another_offices_save_reaches_subscribers_within_a_second(offices):
    city_url, leiyang_url, _ = offices
    with ServerRegistry.open(city_url) as watching, ServerRegistry.open(leiyang_url) as other:
        heard: list[Change] = []
        arrived = threading.Event()

        def listener(change: Change) -> None:
            heard.append(change)
            arrived.set()

        watching.subscribe(listener)
        assert watching.changed_elsewhere() is False
        own = watching.add(Honouree(name="白云", region="常宁市"))
        assert [c.kind for c in heard] == ["added"]  # its own save, told once by the verb
        heard.clear()
        arrived.clear()
        time.sleep(0.5)  # its own save's notice is not heard again as someone else's
        assert heard == [] and watching.changed_elsewhere() is False

        started = time.perf_counter()
        added = other.add(Honouree(name="谷井文", region="耒阳市"))
        assert arrived.wait(1.0), "another office's save did not arrive within a second"
        assert time.perf_counter() - started < 1.0
        assert heard[0] == Change("reset", [added.id])
        assert watching.changed_elsewhere() is True and watching.changed_elsewhere() is False
        assert watching.honouree(added.id).name == "谷井文"  # read through the policies
        assert own.id != added.id


def test_a_connection_lost_mid_session_is_said_plainly_and_the_next_verb_connects_again(offices, pg_server):
    city_url, _, _ = offices
    with ServerRegistry.open(city_url) as city:
        person = city.add(Honouree(name="贺彪", region="耒阳市"))
        with psycopg.connect(pg_server.url(), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (city_url.split("//")[1].split("@")[0],),
            )
        person.unit = "耒阳市人民医院"
        with pytest.raises(ServerUnreachableError) as lost:
            city.update(person)
        assert "连接已断开" in lost.value.zh and "Nothing of the interrupted change was saved" in str(
            lost.value
        )
        again = city.honouree(person.id)  # connected again
        assert again.unit == "" and again.version == person.version
        saved = city.update(person)
        assert saved.unit == "耒阳市人民医院"


def test_a_database_that_is_no_shared_registry_is_refused_with_the_command_to_set_it_up(pg_url):
    with pytest.raises(HonoursError) as refused:
        ServerRegistry.open(pg_url)
    assert "honours server init" in str(refused.value) and "还不是共享荣誉库" in refused.value.zh


def _cli(url: str, *args: str, stdin: str | None = None, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "HONOURS_LANG": lang}
    env.pop("HONOURS_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "honours", "--db", url, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_the_command_line_adds_lists_searches_shows_and_edits_on_the_server(offices, tmp_path):
    city_url, leiyang_url, _ = offices
    added = _cli(
        city_url,
        "add",
        stdin=json.dumps(
            [
                {
                    "name": "张三",
                    "unit": "耒阳市第一中学",
                    "region": "耒阳市",
                    "honours": [{"title": "全国劳动模范", "level": "national", "year": 2020}],
                },
                {"name": "李四", "unit": "南岳区卫健局", "region": "南岳区"},
            ]
        ),
    )
    assert added.returncode == 0, added.stderr
    first, second = (int(line.split()[0]) for line in added.stdout.splitlines()[:2])
    listed = _cli(leiyang_url, "list")
    assert listed.returncode == 0 and "张三" in listed.stdout and "李四" in listed.stdout
    found = json.loads(_cli(leiyang_url, "search", "第一中学", "--json").stdout)
    assert [r["name"] for r in found] == ["张三"]
    assert _cli(leiyang_url, "edit", str(first), stdin='{"position": "校长"}').returncode == 0
    shown = json.loads(_cli(city_url, "show", str(first), "--json").stdout)
    assert shown["position"] == "校长" and shown["honours"][0]["title"] == "全国劳动模范"
    refused = _cli(leiyang_url, "edit", str(second), stdin='{"position": "主任"}', lang="zh")
    assert refused.returncode == 1 and "只能修改耒阳市的人员" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert json.loads(_cli(city_url, "show", str(second), "--json").stdout)["position"] == ""
    assert list(tmp_path.iterdir()) == []  # no file made of the URL


def test_an_open_window_follows_another_programs_save_on_the_server(qtbot, offices, tmp_path):
    from honours.app import create_window
    from honours.gui.roll_model import COLUMN_INDEX

    city_url, leiyang_url, _ = offices
    with ServerRegistry.open(city_url) as city:
        city.add(Honouree(name="罗玉芳", region="南岳区"))
    window = create_window(leiyang_url, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    added = _cli(
        city_url, "add", stdin=json.dumps({"name": "别处添加的人", "region": "耒阳市"})
    )  # another process
    assert added.returncode == 0, added.stderr
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    names = [window.model.data(window.model.index(r, COLUMN_INDEX["name"])) for r in range(2)]
    assert "别处添加的人" in names and window.store.total() == 2
    window.close()


def test_a_save_waiting_too_long_for_another_offices_lock_is_told_the_registry_is_busy(offices, monkeypatch):
    from honours.core.postgres import registry as server_registry

    city_url, _, _ = offices
    monkeypatch.setattr(server_registry, "LOCK_TIMEOUT_MS", 300)
    with ServerRegistry.open(city_url) as city:
        person = city.add(Honouree(name="蒋亚华", region="耒阳市"))
        with psycopg.connect(city_url) as other:  # another office's long transaction holds the row
            other.execute("SELECT 1 FROM honouree WHERE id = %s FOR UPDATE", (person.id,))
            person.unit = "耒阳市总工会"
            with pytest.raises(HonoursError) as busy:
                city.update(person)
            assert "正忙" in busy.value.zh and "Nothing was saved" in str(busy.value)
        assert city.honouree(person.id).unit == ""
        assert city.update(person).unit == "耒阳市总工会"  # once it is let go


def test_a_login_that_is_no_office_reads_the_roll_and_is_refused_every_change(offices, pg_server):
    city_url, _, _ = offices
    viewer = f"viewer_{os.getpid()}_{next(_logins)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {viewer} LOGIN IN ROLE honours_office")
    with ServerRegistry.open(city_url) as city:
        person = city.add(Honouree(name="白云", region="常宁市"))
    with ServerRegistry.open(as_login(city_url, viewer)) as reading:
        assert reading.readonly and reading.office == ""
        assert reading.honouree(person.id).name == "白云"
        with pytest.raises(OfficeRefusedError) as refused:
            reading.edit(person.id, {"unit": "常宁市总工会"})
        assert "is no office" in str(refused.value) and "add-office" in refused.value.zh

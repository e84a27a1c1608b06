"""Setting up a shared registry on a real PostgreSQL server: schema, offices, who may change what,
and change notices (the server is the throwaway one of tests/pg_server.py)."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from honours.core.postgres.connection import ServerUnreachableError, connect, is_server_url, shown_url
from honours.core.postgres.schema import CHANGES_CHANNEL, OWNER_ROLE, SCHEMA_VERSION
from honours.core.postgres.server import ServerSetupError, add_office, init_server, login_for, offices

_logins = itertools.count(1)

ROOT = str(Path(__file__).resolve().parents[1])  # this checkout, not whichever one the venv installed


def as_login(url: str, login: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{login}@{parts.hostname}:{parts.port}"))


@pytest.fixture
def shared(pg_url):
    """A shared registry with a city office (all regions) and the 耒阳市 office."""
    n = next(_logins)
    init_server(pg_url, city_office=f"衡阳市总工会{n}", city_login=f"city{n}")
    add_office(pg_url, f"耒阳市总工会{n}", ["耒阳市"], login=f"leiyang{n}")
    return pg_url, f"city{n}", f"leiyang{n}"


def add_person(conn, name: str, region: str) -> int:
    return conn.execute(
        "INSERT INTO honouree (name, region, created_at, updated_at) VALUES (%s, %s, '', '') RETURNING id",
        (name, region),
    ).fetchone()[0]


def test_init_creates_the_schema_once_and_owns_it_by_a_role_that_never_logs_in(shared):
    url, _, _ = shared
    assert init_server(url) == SCHEMA_VERSION  # again: nothing to do, nothing broken
    with psycopg.connect(url) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        assert meta["schema_version"] == str(SCHEMA_VERSION) and meta["tokenizer_version"]
        owners = {
            owner
            for (owner,) in conn.execute(
                "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                " AND relkind = 'r'"
            )
        }
        assert owners == {OWNER_ROLE}
        assert conn.execute(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (OWNER_ROLE,)
        ).fetchone() == (False,)
        unprotected = conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
            " AND NOT relrowsecurity AND relname NOT IN ('meta', 'office')"
        ).fetchall()
        assert unprotected == []


def test_offices_are_listed_and_named_logins_are_checked(shared):
    url, city, leiyang = shared
    listed = {o.login: o for o in offices(url)}
    assert listed[city].all_regions and listed[leiyang].regions == ("耒阳市",)
    assert "耒阳市" in listed[leiyang].describe("zh") and "全部地区" in listed[city].describe("zh")
    assert login_for("耒阳市总工会") == "leiyangshizonggonghui"
    with pytest.raises(ServerSetupError, match="--region"):
        add_office(url, "南岳区总工会", [])
    with pytest.raises(ServerSetupError) as refused:
        add_office(url, "南岳区总工会", ["南岳区"], login="Nan Yue!")
    assert "登录名" in refused.value.zh


def test_an_office_reads_everyone_but_changes_only_people_of_its_regions(shared):
    url, city, leiyang = shared
    with psycopg.connect(as_login(url, city), autocommit=True) as conn:
        nanyue = add_person(conn, "罗玉芳", "南岳区")
        add_person(conn, "谷井文", "耒阳市")
    with psycopg.connect(as_login(url, leiyang), autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM honouree").fetchone()[0] == 2  # reads the whole roll
        mine = add_person(conn, "蒋亚华", "耒阳市")
        conn.execute("INSERT INTO honour (honouree_id, title) VALUES (%s, '衡阳市劳动模范')", (mine,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            add_person(conn, "李小平", "南岳区")
        changed = conn.execute("UPDATE honouree SET unit = 'x' WHERE id = %s", (nanyue,)).rowcount
        assert changed == 0  # not theirs: the row is invisible to the change
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO honour (honouree_id, title) VALUES (%s, '湖南好人')", (nanyue,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # moving their person out of their regions
            conn.execute("UPDATE honouree SET region = '南岳区' WHERE id = %s", (mine,))
        assert conn.execute("SELECT * FROM honours_current_office()").fetchone()[1] == ["耒阳市"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM office")
    with psycopg.connect(as_login(url, city), autocommit=True) as conn:
        assert (
            conn.execute("UPDATE honouree SET unit = '南岳区卫健局' WHERE id = %s", (nanyue,)).rowcount == 1
        )


def test_a_save_is_announced_by_id_to_every_listener(shared):
    url, city, _ = shared
    with (
        psycopg.connect(as_login(url, city), autocommit=True) as listener,
        psycopg.connect(as_login(url, city), autocommit=True) as writer,
    ):
        listener.execute(f"LISTEN {CHANGES_CHANNEL}")
        new_id = add_person(writer, "白云", "常宁市")
        writer.execute("UPDATE honouree SET unit = '市融媒体中心' WHERE id = %s", (new_id,))
        payloads = [n.payload for n in itertools.islice(listener.notifies(timeout=2), 2)]
    assert payloads == [str(new_id), str(new_id)]


def test_an_unreachable_server_is_said_plainly(pg_server):
    url = f"postgresql://nobody@127.0.0.1:{pg_server.port + 1}/none"
    assert is_server_url(url) and not is_server_url("roll.sqlite")
    with pytest.raises(ServerUnreachableError) as failed:
        connect(url)
    assert "无法连接共享荣誉库 postgresql://nobody@127.0.0.1" in failed.value.zh
    assert shown_url("postgresql://a:secret@h:5/db") == "postgresql://a@h:5/db"


def test_the_command_line_sets_up_a_server(pg_url):
    def honours(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "honours", *args],
            capture_output=True,
            text=True,
            env={"LANG": "zh_CN.UTF-8", "PATH": "/usr/bin:/bin", "PYTHONPATH": ROOT},
            timeout=60,
            check=False,
        )

    done = honours("server", "init", pg_url, "--city-office", "衡阳市总工会", "--login", "hengyang_cli")
    assert done.returncode == 0, done.stderr
    assert "hengyang_cli" in done.stdout + done.stderr
    done = honours(
        "--db", pg_url, "server", "add-office", "南岳区总工会", "--region", "南岳区", "--login", "nanyue_cli"
    )
    assert done.returncode == 0, done.stderr
    done = honours("--db", pg_url, "server", "offices")
    assert done.returncode == 0 and "南岳区总工会（登录名 nanyue_cli）：南岳区" in done.stdout
    done = honours("--db", pg_url, "server", "add-office", "珠晖区总工会")
    assert done.returncode == 1 and "--region" in done.stderr


def test_a_server_url_in_honours_db_is_kept_and_its_roll_is_not_mistaken_for_a_file(pg_url, tmp_path):
    env = {
        "LANG": "zh_CN.UTF-8",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": ROOT,
        "HONOURS_DB": pg_url,
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "honours", "list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and "还不是共享荣誉库" in done.stderr and "honours server init" in done.stderr
    assert list(tmp_path.iterdir()) == []  # no file named after the URL
    init_server(pg_url)
    done = subprocess.run(
        [sys.executable, "-m", "honours", "list"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "", done.stderr  # an empty roll, never seeded
    assert list(tmp_path.iterdir()) == []
    done = subprocess.run(
        [sys.executable, "-m", "honours", "server", "offices"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_server_registry_that_cannot_be_reached_is_said_plainly_for_every_front_end(
    pg_server, tmp_path, monkeypatch
):
    from honours.core.session import location, open_registry

    monkeypatch.chdir(tmp_path)
    url = f"postgresql://clerk@127.0.0.1:{pg_server.port + 1}/honours"
    assert location(url) == url and location("roll.sqlite").name == "roll.sqlite"
    with pytest.raises(ServerUnreachableError) as refused:
        open_registry(location(url))
    assert "无法连接共享荣誉库" in refused.value.zh and "Cannot reach" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_the_archive_columns_match_the_field_spec_and_a_version_1_server_gains_them(pg_url):
    """Migration 2 (issue 15): the shared registry has a column for every field of the spec, the
    archive's included, and a registry set up at version 1 is brought to them by `init_server`."""
    from honours.core.fields import HONOUREE_FIELDS, WRITTEN_KINDS
    from honours.core.postgres.schema import MIGRATIONS

    init_server(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:  # back to a registry set up before the archive
        conn.execute("DROP INDEX honouree_id_number, honouree_hardship")
        conn.execute("ALTER TABLE honouree DROP COLUMN id_number, DROP COLUMN hardship")
        conn.execute("ALTER TABLE honour DROP COLUMN revoked")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        conn.execute("DROP TABLE care")  # migration 3 (care records) comes after the archive
        conn.execute("DROP INDEX honouree_political, honouree_education, honouree_treatment")
        conn.execute(
            "ALTER TABLE honouree DROP COLUMN political_status, DROP COLUMN education, DROP COLUMN treatment"
        )
        conn.execute(
            "ALTER TABLE honouree DROP COLUMN native_place, DROP COLUMN phone, DROP COLUMN address,"
            " DROP COLUMN work_start_date, DROP COLUMN retirement_date, DROP COLUMN death_date,"
            " DROP COLUMN hardship_note"
        )
        conn.execute(
            "ALTER TABLE honour DROP COLUMN document, DROP COLUMN revoked_date, DROP COLUMN revoked_reason"
        )
        conn.execute(
            # (their partial versions went with the revoked column)
            "CREATE INDEX honour_level ON honour (level, honouree_id); CREATE INDEX honour_year ON honour (year, honouree_id)"
        )
    assert MIGRATIONS[1].description == "archive fields"
    assert init_server(pg_url) == SCHEMA_VERSION == 4
    with psycopg.connect(pg_url) as conn:

        def columns(table: str) -> set[str]:
            rows = conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,)
            )
            return {r[0] for r in rows}

        assert {f.column for f in HONOUREE_FIELDS} <= columns("honouree")
        for kind in WRITTEN_KINDS:
            assert {f.column for f in kind.fields} <= columns(kind.table), kind.table
        kinds = dict(
            conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'honouree'"
            ).fetchall()
        )
        assert kinds["hardship"] == "boolean" and kinds["id_number"] == "text"


def test_care_records_are_changed_only_by_the_office_of_the_persons_region(shared):
    """Migration 3: the care table has the same row-level security as the other lists of a person."""
    url, city, leiyang = shared
    with psycopg.connect(as_login(url, city), autocommit=True) as conn:
        nanyue = add_person(conn, "罗玉芳", "南岳区")
        conn.execute(
            "INSERT INTO care (honouree_id, date, kind, occasion, amount_fen) VALUES (%s, '2027-01-20', 'visit', '春节', 50000)",
            (nanyue,),
        )
    with psycopg.connect(as_login(url, leiyang), autocommit=True) as conn:
        mine = add_person(conn, "蒋亚华", "耒阳市")
        conn.execute(
            "INSERT INTO care (honouree_id, date, kind) VALUES (%s, '2027-03-01', 'checkup')", (mine,)
        )
        assert conn.execute("SELECT count(*) FROM care").fetchone()[0] == 2  # reads every care record
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO care (honouree_id, date, kind) VALUES (%s, '2027-03-01', 'aid')", (nanyue,)
            )
        assert conn.execute("DELETE FROM care WHERE honouree_id = %s", (nanyue,)).rowcount == 0
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                "INSERT INTO care (honouree_id, date, kind) VALUES (%s, '2027-03-01', 'party')", (mine,)
            )


def test_migration_4_keeps_the_rechecked_vectors_in_the_row_and_finds_what_it_found(shared):
    """Migration 4 (speed only): a version-3 registry's search rows are rewritten with the vectors a
    search rechecks kept in the row and `tokens` and `field_tokens` out of line; every search finds the same people in
    the same order before and after, and a save after it is found too."""
    from honours.core.postgres.registry import ServerRegistry
    from honours.core.records import Deed, Honour, Honouree

    url, city, _ = shared
    texts = ["劳动模范", "南岳", "医院 护士", "luo", "status:retired 护士", "deed:抗洪"]
    with ServerRegistry.open(as_login(url, city)) as registry:
        for n in range(12):
            registry.add(
                Honouree(
                    name=f"罗玉{'芳英杰'[n % 3]}",
                    unit=f"衡阳市第{n}人民医院" * (1 + n),  # some rows far over the 2 kB TOAST threshold
                    position="护士" if n % 2 else "医生",
                    region="南岳区",
                    status="retired" if n % 3 else "active",
                    honours=[Honour(title="全国劳动模范", level="national", year=2000 + n)],
                    deeds=[Deed(text="参加抗洪抢险，" * (1 + 20 * n))],
                )
            )
        before = {text: registry.search(text).ids(0, 200) for text in texts}
    assert all(before.values())
    with psycopg.connect(url, autocommit=True) as conn:  # back to version 3's layout
        conn.execute(
            "ALTER TABLE honouree_search ALTER main_tokens TYPE tsvector USING main_tokens || ''::tsvector,"
            " ALTER tokens SET STORAGE EXTENDED, ALTER name_tokens SET STORAGE EXTENDED,"
            " ALTER field_tokens SET STORAGE EXTENDED"
        )
        conn.execute("ALTER TABLE honouree RESET (parallel_workers)")
        conn.execute("ALTER INDEX honouree_search_main RESET (gin_pending_list_limit)")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    assert init_server(url) == SCHEMA_VERSION
    with psycopg.connect(url, autocommit=True) as conn:
        storage = dict(
            conn.execute(
                "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'honouree_search'::regclass"
                " AND attname LIKE '%%tokens'"
            ).fetchall()
        )
        assert storage == {"tokens": "e", "main_tokens": "m", "name_tokens": "m", "field_tokens": "e"}
        assert conn.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'honouree_search'::regclass"
            " AND attname = 'main_tokens'"
        ).fetchone() == (400,)
        assert (
            "parallel_workers=0"
            in conn.execute(
                "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'honouree'"
            ).fetchone()[0]
        )
        pending = conn.execute(
            "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'honouree_search_main'"
        ).fetchone()
        assert pending == ("gin_pending_list_limit=512",)
    with ServerRegistry.open(as_login(url, city)) as registry:
        assert {text: registry.search(text).ids(0, 200) for text in texts} == before
        person = registry.honouree(before["luo"][0])
        person.position = "护士长"
        registry.update(person)
        assert person.id in registry.search("护士长").ids(0, 200)

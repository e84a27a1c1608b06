"""A window on a shared registry counts off the UI thread on its one working connection: the
first page at once with "200+", the exact count and the filter panel's counts a moment later,
and still two connections per window (working and listening)."""

from __future__ import annotations

import itertools
import os
from urllib.parse import urlsplit

import psycopg
import pytest
from conftest import as_login
from PySide6.QtWidgets import QLabel

from honours.core.postgres.registry import ServerRegistry
from honours.core.postgres.server import init_server
from honours.core.records import Honour, Honouree
from honours.gui.roll_model import PAGE_SIZE

_logins = itertools.count(1)
MANY = PAGE_SIZE + 57


@pytest.fixture
def crowded(pg_url):
    """(office URL, admin URL): a shared registry with more model workers than one page."""
    n = f"{os.getpid()}_{next(_logins)}"
    login = f"counts_{n}"
    init_server(pg_url, city_office=f"衡阳市总工会{n}", city_login=login)
    office = as_login(pg_url, login)
    with ServerRegistry.open(office) as city:
        city.add_many(
            [
                Honouree(
                    name=f"劳模{i:03d}",
                    region="耒阳市" if i % 3 else "南岳区",
                    honours=[Honour(title="湖南省劳动模范", level="provincial", year=2020)],
                )
                for i in range(MANY)
            ]
        )
        city.add(Honouree(name="谷井文", region="耒阳市"))
    return office, pg_url


def _connections(admin_url: str, login: str) -> int:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        row = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", (login,)).fetchone()
        return row[0]


def test_a_large_result_shows_its_first_page_at_once_and_its_count_when_ready(qtbot, crowded, tmp_path):
    from honours.app import create_window

    office, admin = crowded
    window = create_window(office, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    label = window.findChild(QLabel, "resultCount")
    qtbot.waitUntil(lambda: window.model.total_is_exact() and window.model.total() == MANY + 1, timeout=5000)

    window.search_now("劳动模范")  # synchronous: what the keystroke path gives before any count
    assert window.model.rowCount() == PAGE_SIZE
    assert not window.model.total_is_exact()
    assert f"{PAGE_SIZE}+ " in label.text()
    qtbot.waitUntil(lambda: window.model.total_is_exact(), timeout=5000)
    assert window.model.total() == MANY
    assert f"{MANY} " in label.text() and "+" not in label.text()
    qtbot.waitUntil(
        lambda: dict(window.filter_panel.facets().get("region", [])).get("南岳区") == 86, timeout=5000
    )

    window.search_now("谷井文")  # one page holds it all: exact at once, nothing to count
    assert window.model.total_is_exact() and window.model.total() == 1
    # the counts ran on the window's own connection: still one working and one listening
    assert _connections(admin, urlsplit(office).username) == 2
    window.close()


def test_scrolling_past_the_first_page_before_the_count_arrives_keeps_every_row(qtbot, crowded, tmp_path):
    from honours.app import create_window

    office, _ = crowded
    window = create_window(office, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.search_now("劳动模范")
    assert window.model.canFetchMore()
    window.model.fetchMore()  # before the worker's answer is delivered
    assert window.model.rowCount() == MANY
    assert window.model.total() >= MANY
    qtbot.waitUntil(lambda: window.model.total_is_exact(), timeout=5000)
    assert window.model.total() == MANY and not window.model.canFetchMore()
    window.close()

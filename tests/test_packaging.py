"""The packaged app's groundwork, checked from source: where data is found when frozen, and the
windowed app's --self-check report (which packaging/smoke_test.py reads from the built bundle)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from honours.core import paths

ROOT = Path(__file__).resolve().parents[1]


def test_from_source_the_assets_are_the_source_trees():
    assert paths.app_root() == ROOT
    assert (paths.assets_dir() / "default_roll.json").is_file()
    assert (paths.assets_dir() / "fonts" / "HonoursSans-Regular.ttf").is_file()


def test_frozen_the_assets_are_in_the_bundles_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.assets_dir() == tmp_path / "_internal" / "assets"


def test_the_apps_self_check_reports_what_the_window_shows(tmp_path):
    report = tmp_path / "report.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HONOURS_LANG": "zh"}
    env.pop("HONOURS_DB", None)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(tmp_path / "r.sqlite"),
            "--settings",
            str(tmp_path / "s.ini"),
            "--self-check",
            str(report),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    state = json.loads(report.read_text(encoding="utf-8"))
    assert state["title"].startswith("劳模荣誉库")
    assert state["menus"][0] == "文件(&F)" and len(state["menus"]) >= 5
    assert state["language"] == "zh" and state["font"] == "Honours Sans"
    assert state["rows"] == 14 and state["failed_features"] == [] and state["frozen"] is False
    assert Path(state["screenshot"]).stat().st_size > 10_000


@pytest.mark.skipif(
    not (shutil.which("makensis") and shutil.which("osslsigncode") and shutil.which("openssl")),
    reason="makensis/osslsigncode not installed (apt-get install nsis osslsigncode; `make installer-check`)",
)
def test_the_windows_installer_compiles_and_is_signed():
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "windows" / "check_installer.sh")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "signature verifies" in done.stdout

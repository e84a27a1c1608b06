"""Smoke test of the packaged app (`make package-test`), run as a clerk would run it.

    python packaging/smoke_test.py dist/Honours-<version>-linux-x86_64.tar.gz   # or dist/Honours

The bundle is unpacked (or copied) into an empty temporary folder far from the source tree,
and every program is started with a clean environment: only PATH, HOME (a fresh one, so the
registry lands in the per-user data folder), QT_QPA_PLATFORM=offscreen and LANG=zh_CN.UTF-8.
Nothing of the source tree or the virtual environment can leak in. Checked:

- `honours-cli init` creates the registry in the user-data folder, seeded with the default roll;
- `honours-cli search` finds by Chinese and by pinyin initials (pypinyin's data is bundled);
- `honours-cli certificate --pdf` writes a PDF whose fonts are all embedded (pdffonts, else pypdf);
- `honours-cli import` of a 20,000-row .xlsx made by openpyxl indexes in two spawn workers (children
  of honours-cli started as honours-cli --multiprocessing-fork, each alive for ≥ 30% of the import:
  without freeze_support() they re-ran the command line and died of a usage error in about 2 s,
  which this check catches), starts no windowed program, and `check` passes after;
- `Honours --self-check` (the windowed app, offscreen) shows Chinese: its title and menus,
  the bundled font, every feature module installed, the default roll's 14 rows, a screenshot.

The checks need the source tree's Python (openpyxl, pypdf, Pillow), not the bundle's.
Exit status 0 when everything passed; otherwise the first failure is printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CJK = re.compile(r"[\u4e00-\u9fff]")
ROWS = 20_000


class SmokeFailure(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    print(f"  ok  {what}")


def unpack(bundle: Path, into: Path) -> Path:
    """The Honours folder of `bundle` (a .tar.gz or a folder), placed under `into`."""
    if bundle.is_dir():
        return Path(shutil.copytree(bundle, into / "Honours", symlinks=True))
    with tarfile.open(bundle) as archive:
        archive.extractall(into, filter="tar")
    return into / "Honours"


WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""


def clean_env(home: Path) -> dict[str, str]:
    """Only what a program needs to start; on Windows also the folders Windows itself needs,
    and HONOURS_LANG (Qt takes the UI language from Windows' settings, not from LANG)."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "zh_CN.UTF-8",
    }
    if WINDOWS:
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env.update(
            PATH=rf"{system_root}\system32;{system_root}",
            SYSTEMROOT=system_root,
            TEMP=os.environ.get("TEMP", str(home)),
            TMP=os.environ.get("TMP", str(home)),
            USERPROFILE=os.environ.get("USERPROFILE", str(home)),
            LOCALAPPDATA=os.environ.get("LOCALAPPDATA", str(home)),
            APPDATA=os.environ.get("APPDATA", str(home)),
            HONOURS_LANG="zh",
        )
    return env


def user_registry(home: Path) -> Path:
    """Where a clean start puts the registry: the per-user data folder (platformdirs)."""
    if WINDOWS:  # platformdirs asks Windows for the folder, whatever the environment says
        from platformdirs import user_data_dir

        return Path(user_data_dir("Honours", appauthor=False)) / "honours.sqlite"
    return home / ".local/share/Honours/honours.sqlite"


def run(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    done = subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise SmokeFailure(
            f"{' '.join(map(str, args))} exited {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
        )
    return done


def fonts_embedded(pdf: Path) -> tuple[bool, str]:
    """(every font embedded, what was seen), by pdffonts when poppler is installed, else pypdf."""
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        # columns: name type encoding emb sub uni object ID; emb is the 4th from the right
        embedded = [row.split()[-5] == "yes" for row in rows]
        return bool(rows) and all(embedded), out.strip()
    from pypdf import PdfReader

    fonts: dict[str, bool] = {}
    for page in PdfReader(str(pdf)).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font.get("/BaseFont"))] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return bool(fonts) and all(fonts.values()), repr(fonts)


def children_of(pid: int) -> list[tuple[int, str, str]]:
    """(pid, executable, command line) of the live children of `pid`: psutil where it is
    installed (the Windows runner), else Linux's /proc."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        found = []
        try:
            children = psutil.Process(pid).children()
        except psutil.Error:
            return []
        for child in children:
            try:
                found.append((child.pid, child.exe(), " ".join(child.cmdline())))
            except psutil.Error:
                continue
        return found
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append((int(entry.name), os.readlink(entry / "exe"), command))
        except (OSError, ValueError, IndexError):
            continue
    return found


def watched_import(cli: Path, sheet: Path, db: Path, env: dict[str, str], cwd: Path) -> dict:
    """Run the import, noting every child process and how long each was seen alive."""
    process = subprocess.Popen(
        [str(cli), "--db", str(db), "import", str(sheet)],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    seen: dict[int, dict] = {}
    start = time.monotonic()
    while process.poll() is None:
        now = time.monotonic()
        for pid, exe, command in children_of(process.pid):
            entry = seen.setdefault(pid, {"exe": exe, "command": command, "first": now})
            entry["last"] = now
            if command and not entry["command"]:
                # a child first sampled between fork and exec shows no command line yet
                entry["exe"], entry["command"] = exe, command
        time.sleep(0.05)
    out, err = process.communicate()
    return {
        "returncode": process.returncode,
        "seconds": time.monotonic() - start,
        "children": seen,
        "stdout": out,
        "stderr": err,
    }


def smoke(bundle: Path) -> None:
    from benchmarks.bench_import import make_sheet

    sheet_source = make_sheet(ROWS)  # openpyxl, cached under benchmarks/.data
    with tempfile.TemporaryDirectory(prefix="honours-smoke-") as tmp:
        tmp = Path(tmp)
        app_dir = unpack(bundle, tmp / "apps")
        home = tmp / "home"
        work = tmp / "work"
        home.mkdir()
        work.mkdir()
        env = clean_env(home)
        cli = app_dir / f"honours-cli{EXE}"
        gui = app_dir / f"Honours{EXE}"
        print(f"bundle unpacked to {app_dir}; environment {env}")

        done = run([str(cli), "--help"], env, work)
        check(
            bool(CJK.search(done.stdout)) and "certificate" in done.stdout,
            "honours-cli --help in Chinese, every command",
        )

        done = run([str(cli), "init"], env, work)
        registry = user_registry(home)
        check(registry.is_file(), f"init created the registry in the user-data folder ({registry})")

        done = run([str(cli), "search", "五一", "--json"], env, work)
        found = json.loads(done.stdout)
        check(
            len(found) == 2 and all(CJK.search(r["name"]) for r in found), "search 五一 finds the two workers"
        )
        done = run([str(cli), "search", "syj", "--json"], env, work)
        check(
            [r["name"] for r in json.loads(done.stdout)] == ["宋英杰"],
            "search syj (pinyin initials) finds 宋英杰",
        )

        pdf = work / "certificate.pdf"
        run(
            [str(cli), "certificate", str(found[0]["id"]), "--pdf", str(pdf), "--date", "2026-01-01"],
            env,
            work,
        )
        embedded, seen = fonts_embedded(pdf)
        check(
            pdf.is_file() and pdf.stat().st_size > 1000 and embedded,
            "certificate PDF written, every font embedded",
        )
        print("      " + seen.replace("\n", "\n      "))

        sheet = work / "名单.xlsx"
        shutil.copyfile(sheet_source, sheet)
        big = work / "big.sqlite"
        result = watched_import(cli, sheet, big, env, work)
        if result["returncode"] != 0:
            raise SmokeFailure(
                f"import exited {result['returncode']}\n{result['stdout']}\n{result['stderr']}"
            )
        # spawn workers get --multiprocessing-fork (multiprocessing's resource tracker, also a child, does not)
        workers = [
            c
            for c in result["children"].values()
            if Path(c["exe"]).resolve() == cli.resolve() and "--multiprocessing-fork" in c["command"]
        ]
        # A worker that re-ran the command line (no freeze_support) dies of a usage error within
        # about 2 s, and the import silently goes on in one process; real workers index for most
        # of the import.
        lasting = [c for c in workers if c["last"] - c["first"] >= 0.3 * result["seconds"]]
        others = [c["exe"] for c in result["children"].values() if Path(c["exe"]).name == gui.name]
        print(
            f"      import of {ROWS} rows: {result['seconds']:.1f} s; children seen: "
            + ", ".join(
                f"{Path(c['exe']).name} ({'worker' if '--multiprocessing-fork' in c['command'] else c['command'][:60]})"
                f" {c['last'] - c['first']:.1f} s"
                for c in result["children"].values()
            )
        )
        check(f"{ROWS}" in result["stdout"] + result["stderr"], f"import read {ROWS} rows")
        check(
            len(lasting) == len(workers) == 2,
            "import ran in two worker processes (honours-cli --multiprocessing-fork, each busy ≥ 30% of it)",
        )
        check(not others, "import started no windowed program")
        usage = ("usage:" in result["stderr"].lower()) or ("用法" in result["stderr"])
        check(not usage, "no worker died of a usage error")
        done = run([str(cli), "--db", str(big), "search", "--json", "--limit", "5", "工会"], env, work)
        check(len(json.loads(done.stdout)) == 5, "the imported roll is searchable")
        done = run([str(cli), "--db", str(big), "check"], env, work)
        check(done.returncode == 0, "check passes on the imported registry")
        done = run([str(cli), "check"], env, work)
        check(done.returncode == 0, "check passes on the default registry")

        report = work / "self-check.json"
        run([str(gui), "--self-check", str(report)], env, work, timeout=120)
        state = json.loads(report.read_text(encoding="utf-8"))
        print(f"      {state}")
        check(state["frozen"] and state["language"] == "zh", "the app runs frozen, in Chinese")
        check(bool(CJK.search(state["title"])), f"window title in Chinese: {state['title']}")
        check(all(CJK.search(m) for m in state["menus"]) and len(state["menus"]) >= 5, "menus in Chinese")
        check(state["font"] == "Honours Sans", "the bundled font is the UI font")
        check(state["failed_features"] == [], "every feature module installed")
        check(state["rows"] == 14, "the default roll's 14 honourees shown")
        from PIL import Image

        with Image.open(state["screenshot"]) as picture:
            colours = picture.convert("L").getcolors(maxcolors=1 << 16)
        check(colours is None or len(colours) > 16, "the screenshot shows a painted window")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    if not bundle.exists():
        print(f"no such bundle: {bundle} (run `make package`)", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        smoke(bundle)
    except (SmokeFailure, subprocess.TimeoutExpired) as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

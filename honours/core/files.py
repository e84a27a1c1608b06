"""The one place where Honours reads or writes files with Python's own file I/O.

Why it matters: on POSIX, closing *any* descriptor of a file drops *every* fcntl lock the
process holds on that file (SQLite's "How To Corrupt An SQLite Database File", 2.2). If this
process has a registry open and some code `open()`s and closes that file (or its -wal/-shm),
SQLite's shared lock silently disappears; another program then believes it is the last
connection, checkpoints and deletes the write-ahead log under our live connection, and
every save after that is lost.

So every registry this process opens is noted here (`note_opened` / `note_closed`, called by
`opening.open_database` and `Registry.close`), and every read or write of a file the user
chose (a sheet, a photo, a report, a JSON file, a backup, an export target) goes through the
functions below, which refuse a registry file that is open in this process with
`RegistryFileInUseError`. SQLite itself may open the registry as often as it likes: it keeps
one descriptor per file and defers closing others while locks are held. A test
(`tests/test_architecture.py`) keeps Python file I/O out of every other module.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import threading
import zipfile
from collections import Counter
from pathlib import Path
from typing import BinaryIO

from .errors import RegistryFileInUseError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

_lock = threading.Lock()
_open_names: Counter[str] = Counter()  # normalised path of each open registry -> connections
_open_inodes: Counter[tuple[int, int]] = Counter()  # (st_dev, st_ino) -> connections


def _name(path: str | Path) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def _inode(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def note_opened(path: str | Path) -> None:
    """A connection to the registry at `path` was opened in this process."""
    name, inode = _name(path), _inode(path)
    with _lock:
        _open_names[name] += 1
        if inode:
            _open_inodes[inode] += 1


def note_closed(path: str | Path) -> None:
    """A connection noted by `note_opened` was closed."""
    name, inode = _name(path), _inode(path)
    with _lock:
        _forget(_open_names, name)
        if inode:
            _forget(_open_inodes, inode)


def _forget(counter: Counter, key: object) -> None:
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]


def is_open_registry(path: str | Path) -> bool:
    """Whether `path` is (or is the -wal/-shm/-journal of) a registry open in this process."""
    name = _name(path)
    with _lock:
        if not _open_names and not _open_inodes:
            return False
        if name in _open_names:
            return True
        for suffix in SIDE_SUFFIXES:
            if name.endswith(os.path.normcase(suffix)) and name[: -len(suffix)] in _open_names:
                return True
        inode = _inode(path)
        return inode is not None and inode in _open_inodes


def refuse_open_registry(path: str | Path) -> None:
    """Raise RegistryFileInUseError if `path` must not be touched with Python file I/O."""
    if is_open_registry(path):
        raise RegistryFileInUseError(str(path))


# -- the only Python file I/O in the package ---------------------------------------------


def read_bytes(path: str | Path) -> bytes:
    refuse_open_registry(path)
    return Path(path).read_bytes()


def read_text(path: str | Path, encoding: str = "utf-8") -> str:
    refuse_open_registry(path)
    return Path(path).read_text(encoding=encoding)


def open_for_reading(path: str | Path) -> BinaryIO:
    """A binary file object (for readers such as openpyxl that take one)."""
    refuse_open_registry(path)
    return open(path, "rb")


def write_bytes(path: str | Path, data: bytes) -> None:
    refuse_open_registry(path)
    Path(path).write_bytes(data)


def append_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    refuse_open_registry(path)
    with open(path, "a", encoding=encoding) as out:
        out.write(text)


def copy_file(source: str | Path, target: str | Path) -> None:
    refuse_open_registry(source)
    refuse_open_registry(target)
    shutil.copyfile(source, target)


def fsync(path: str | Path) -> None:
    """Flush a file we have just written (never an open registry: that is SQLite's to flush)."""
    refuse_open_registry(path)
    try:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
    except OSError:
        pass


def fdopen_for_writing(fd: int) -> BinaryIO:
    """Wrap a descriptor from `tempfile.mkstemp` (a new private file, never a registry)."""
    return os.fdopen(fd, "wb")


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)


def new_file_beside(path: str | Path) -> tuple[BinaryIO, Path]:
    """A new, uniquely named hidden file in `path`'s folder, open for writing, and its path.

    Created with mode 0666, so the umask decides its permissions as for any file a program
    makes (0644 under the usual 022), not tempfile's private 0600: what is written here (an
    export) is for other people to open. Never a registry: the name is new.
    """
    path = Path(path)
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            return os.fdopen(os.open(temp, _NEW_FILE, 0o666), "wb"), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def open_zip(path: str | Path) -> zipfile.ZipFile:
    """A zip file (an .xlsx, a photo archive, an export) the user chose, for reading."""
    refuse_open_registry(path)
    return zipfile.ZipFile(path)


def head(path: str | Path, size: int) -> bytes:
    """The first `size` bytes (to recognise a file's kind by its signature)."""
    refuse_open_registry(path)
    with open(path, "rb") as handle:
        return handle.read(size)


def is_zipfile(path: str | Path) -> bool:
    refuse_open_registry(path)
    return zipfile.is_zipfile(path)


# -- where a file lives ----------------------------------------------------------------------

# File systems that reach another computer over the network. SQLite's locking is not reliable
# on them (https://www.sqlite.org/useovernet.html): a registry there can be damaged or lose saves
# when two PCs use it at once.
NETWORK_FILE_SYSTEMS = {
    "cifs",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afs",
    "ncpfs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "davfs",
    "fuse.sshfs",
    "fuse.davfs2",
    "fuse.glusterfs",
    "fuse.gvfsd-fuse",
    "fuse.rclone",
    "fuse.smbnetfs",
}


def network_share(path: str | Path, mounts: str | None = None) -> str | None:
    """What kind of network share holds `path` ("SMB", "nfs4", "network drive"...), or None
    for a local disk (or when it cannot be told). `mounts` is /proc/mounts' text (for tests)."""
    text = os.fspath(path)
    if text.startswith(("\\\\", "//")):
        return "SMB"  # a UNC path: \\server\share\roll.sqlite
    if os.name == "nt":
        return _windows_network_drive(text)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    where = os.path.realpath(text)
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    if kind in NETWORK_FILE_SYSTEMS:
        return "SMB" if kind in {"cifs", "smb3", "smbfs", "fuse.smbnetfs"} else kind
    return None


def _windows_network_drive(text: str) -> str | None:
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return None
    try:
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return "network drive" if kind == 4 else None  # DRIVE_REMOTE

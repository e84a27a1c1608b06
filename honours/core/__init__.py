"""The registry core: records, storage, migrations and search, with no Qt.

Used alike by the desktop app (`honours.gui`) and the command line (`honours.cli`).
"""

from .errors import (
    ConflictError,
    CorruptDatabaseError,
    DatabaseFileError,
    HonoursError,
    InvalidRecordError,
    NewerVersionError,
    NotARegistryError,
    NotFoundError,
    PhotoError,
    ReadOnlyDatabaseError,
)
from .records import Care, Deed, Donation, Honour, Honouree, Level, Photo, Source, Status
from .registry import Change, Registry, Summary

__all__ = [
    "Care",
    "Change",
    "ConflictError",
    "CorruptDatabaseError",
    "DatabaseFileError",
    "Deed",
    "Donation",
    "Honour",
    "Honouree",
    "HonoursError",
    "InvalidRecordError",
    "Level",
    "NewerVersionError",
    "NotARegistryError",
    "NotFoundError",
    "Photo",
    "PhotoError",
    "ReadOnlyDatabaseError",
    "Registry",
    "Source",
    "Status",
    "Summary",
]

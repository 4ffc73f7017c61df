"""Unpack a .zip of submissions (a whole class, or one student's) without trusting it.

A zip is the student's, or came through an LMS: it may name files outside the folder it is
unpacked into (``../x``, ``/etc/x``), hold links, or be a bomb (a few kilobytes that unpack to
gigabytes, or to a million files). Each is refused with a reason before anything is written
outside the target, and sizes are counted as bytes are written, not as the zip declares them.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath

MAX_BYTES = 256 << 20
MAX_FILES = 20_000
CHUNK = 1 << 16

NOT_A_ZIP = "{name} is not a zip file it can read: {reason}"
ABSOLUTE = "{name} holds a file with an absolute path, {entry!r}: refused"
OUTSIDE = "{name} holds a file that would land outside the folder it unpacks to, {entry!r}: refused"
LINK = "{name} holds a symbolic link, {entry!r}: refused"
TOO_MANY = "{name} holds more than {most:,} files: refused (a zip bomb?)"
TOO_BIG = "{name} unpacks to more than {most} MB: refused (a zip bomb?)"
ENCRYPTED = "{name} holds an encrypted file, {entry!r}: refused"


class UnsafeZip(Exception):
    """Why a zip was not unpacked; the message names the zip as the user gave it."""


def extract(archive: Path, target: Path, name: str, max_bytes: int = MAX_BYTES, max_files: int = MAX_FILES) -> None:
    """Unpack ``archive`` into the empty folder ``target``; on any refusal ``target`` is left
    empty and UnsafeZip is raised, naming the zip as ``name``."""
    try:
        with zipfile.ZipFile(archive) as opened:
            entries = opened.infolist()
            _refuse_unsafe_entries(entries, name, max_bytes, max_files)
            try:
                _write(opened, entries, target, name, max_bytes)
            except BaseException:
                _empty(target)
                raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise UnsafeZip(NOT_A_ZIP.format(name=name, reason=error)) from error


def _refuse_unsafe_entries(entries: list[zipfile.ZipInfo], name: str, max_bytes: int, max_files: int) -> None:
    if len(entries) > max_files:
        raise UnsafeZip(TOO_MANY.format(name=name, most=max_files))
    if sum(entry.file_size for entry in entries) > max_bytes:  # an honest bomb, refused before any write
        raise UnsafeZip(TOO_BIG.format(name=name, most=max_bytes >> 20))
    for entry in entries:
        path = PurePosixPath(entry.filename.replace("\\", "/"))
        if path.is_absolute() or (path.parts and path.parts[0].endswith(":")):
            raise UnsafeZip(ABSOLUTE.format(name=name, entry=entry.filename))
        if ".." in path.parts:
            raise UnsafeZip(OUTSIDE.format(name=name, entry=entry.filename))
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise UnsafeZip(LINK.format(name=name, entry=entry.filename))
        if entry.flag_bits & 0x1:
            raise UnsafeZip(ENCRYPTED.format(name=name, entry=entry.filename))


def _write(opened: zipfile.ZipFile, entries: list[zipfile.ZipInfo], target: Path, name: str, max_bytes: int) -> None:
    written = 0
    for entry in entries:
        path = target.joinpath(*PurePosixPath(entry.filename.replace("\\", "/")).parts)
        if entry.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        # The declared size may lie: count what really comes out.
        with opened.open(entry) as source, path.open("xb") as sink:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > max_bytes:
                    raise UnsafeZip(TOO_BIG.format(name=name, most=max_bytes >> 20))
                sink.write(chunk)


def _empty(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)

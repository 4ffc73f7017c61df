"""Confine the forked sandbox child that runs student code, and end everything it leaves behind.

The supervisor (``grade``, the judge) and its sandbox child share this protocol::

    protect_supervisor()                          # once, early in the supervisor
    tree = ProcessTree(confinement.processes)     # BEFORE the fork: makes the child's cgroup
    pid = os.fork()
    if pid == 0:                                  # the child
        try:
            protections = confine(confinement, tree)  # joins the cgroup, then confines itself
            ...                                   # run student code; report protections.items
        finally:
            os._exit(status)
    tree.started(pid)                             # the supervisor
    ...                                           # wait (bounded) for the child to exit
    tree.end()                                    # SIGKILL whatever it left, remove its cgroup
    os.waitpid(pid, 0)                            # reap the child (after end(): see its docstring)

Where it can, the supervisor moves itself into a cgroup of its own, once, and each child is
born there (moving a process costs an RCU grace period, 10-25 ms); ``end()`` then kills every
member but the supervisor, and between trees the cgroup has no limit. Where the supervisor
can't move, the child moves itself into a cgroup, first thing in ``confine``, so nothing it
starts can be born outside (if the supervisor moved it after the fork, the child could fork
before that), and no go-ahead pipe is needed. ``end_supervising()`` moves the supervisor back.

Only the child is confined: nothing here restricts the process that calls ``ProcessTree`` or
``protect_supervisor``. Everything degrades: where a protection is missing (no Landlock, no
writable cgroup, not Linux) the run goes on and ``Protections`` says what was off and why.
"""

from __future__ import annotations

import atexit
import ctypes
import errno
import functools
import itertools
import os
import shutil
import signal
import stat
import struct
import sys
import sysconfig
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

# Names of the protections, as the JSON report shows them.
PROCESS_GROUP = "process group"
MEMORY = "memory"
CPU_TIME = "cpu time"
FILE_SIZE = "file size"
OPEN_FILES = "open files"
CORE_DUMPS = "core dumps"
PROCESSES = "processes"
CAPABILITIES = "capabilities"
NO_NEW_PRIVILEGES = "no new privileges"
FILE_SYSTEM = "file system"
NETWORK = "network"
SIGNALS = "signals"
ABSTRACT_SOCKETS = "abstract unix sockets"
ENVIRONMENT = "environment"

ON = "on"
OFF = "off"
ON_DETAIL = "on ({detail})"
OFF_REASON = "off: {reason}"

OWN_SESSION = "own session and process group"
LIMIT_SET = "{resource} {value}"
PIDS_CGROUP = "cgroup v{version} pids: {processes} tasks besides the grader's own"
# No counts of the moment in it: how a submission was isolated reads the same on every run.
NPROC_SET = "RLIMIT_NPROC: {processes} more than the tasks this user already runs"
CAPABILITIES_DROPPED = "all dropped, bounding set cleared, securebits locked"
CAPABILITIES_CLEARED = "all dropped; bounding set kept (no CAP_SETPCAP), no new privileges stops their return"
NO_CAPABILITIES = "none held"
FILE_SYSTEM_ON = "Landlock ABI {abi}: writes only in the workdir; reads the Python installation and system files"
NETWORK_ON = "Landlock ABI {abi}: TCP bind and connect denied (UDP is not covered)"
SIGNALS_ON = "Landlock ABI {abi}: no signals to processes outside the sandbox"
SOCKETS_ON = "Landlock ABI {abi}: no abstract unix sockets outside the sandbox"
ENVIRONMENT_ON = "allow-list: {names}"

NOT_LINUX = "not Linux"
NO_SETSID = "this system has no os.setsid"
SETSID_FAILED = "os.setsid failed: {error}"
NO_RESOURCE = "this system has no {resource}"
LIMIT_FAILED = "{resource} could not be set: {error}"
NPROC_ROOT = "RLIMIT_NPROC does not apply to root and no writable cgroup has a pids controller"
NPROC_UNCOUNTED = "no writable cgroup with a pids controller, and this user's tasks could not be counted: {error}"
CAPABILITIES_FAILED = "dropping capabilities failed: {error}"
PRCTL_FAILED = "prctl failed: {error}"
NO_LANDLOCK = "Landlock is not available: {error}"
UNKNOWN_MACHINE = "no Landlock system call numbers known for {machine}"
LANDLOCK_FAILED = "Landlock failed: {error}"
NEEDS_ABI = "needs Landlock ABI {needed}, this kernel has ABI {abi}"
TOO_MANY_THREADS = "confine() must run in a process with one thread (a freshly forked child); this one has {count}"

CGROUP_PREFIX = "asyncio-grader"
# end() gives up after this long: a process stuck in the kernel must not hang the grader.
END_TIMEOUT = 2.0
_POLL = 0.002

_LINUX = sys.platform.startswith("linux")
_ALLOWED_VARIABLES = ("PATH", "LANG", "TZ", "PYTHONHASHSEED", "PYTHONIOENCODING", "PYTHONUTF8")
_WINDOWS_VARIABLES = ("SYSTEMROOT", "COMSPEC")
_WORKDIR_VARIABLES = ("HOME", "TMPDIR", "TMP", "TEMP")

# prctl(2) options and capability constants (linux/prctl.h, linux/capability.h, linux/securebits.h).
_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4
_PR_CAPBSET_READ = 23
_PR_CAPBSET_DROP = 24
_PR_SET_SECUREBITS = 28
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_NO_NEW_PRIVS = 38
_CAP_SETPCAP = 8
_CAPABILITY_VERSION_3 = 0x20080522
# NOROOT, NO_SETUID_FIXUP and NO_CAP_AMBIENT_RAISE set, and every bit locked (KEEP_CAPS locked off):
# an exec'd program, even a set-user-ID root one, gets no capability back.
_LOCKED_SECUREBITS = 0b11101111

# Landlock (linux/landlock.h). The three system calls share one number everywhere but alpha.
_LANDLOCK_SYSCALLS = {"x86_64": 444, "aarch64": 444, "arm64": 444}
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_FS_EXECUTE = 1 << 0
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_ABI_1 = (1 << 13) - 1  # EXECUTE .. MAKE_SYM
_FS_REFER = 1 << 13  # ABI 2
_FS_TRUNCATE = 1 << 14  # ABI 3
_FS_IOCTL_DEV = 1 << 15  # ABI 5
_NET_TCP = (1 << 0) | (1 << 1)  # ABI 4: BIND_TCP, CONNECT_TCP
_SCOPES = (1 << 0) | (1 << 1)  # ABI 6: ABSTRACT_UNIX_SOCKET, SIGNAL
_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV
_READ_EXECUTE = _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR
_READ_WRITE_DEVICE = _FS_READ_FILE | _FS_WRITE_FILE | _FS_TRUNCATE
_SYSTEM_READABLE = ("/usr", "/bin", "/etc/localtime", "/etc/ld.so.cache", "/dev/urandom", "/dev/random", "/dev/zero")
_SYSTEM_WRITABLE = ("/dev/null",)


def _now() -> float:
    # Not time.monotonic: the judge runs inside the virtual world, where freezegun has frozen it.
    return time.clock_gettime(time.CLOCK_MONOTONIC) if hasattr(time, "clock_gettime") else time.perf_counter()


def _load_libc() -> ctypes.CDLL | None:
    if not _LINUX:
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    libc.syscall.restype = ctypes.c_long
    return libc


_libc = _load_libc()


@dataclass(frozen=True)
class Confinement:
    """What the sandbox child may do: where it may read and write, and how much it may use."""

    workdir: Path  # private temporary folder: the only place the child may write; its cwd, HOME and TMPDIR
    readable: tuple[Path, ...] = ()  # extra folders or files the child may read, besides the Python installation
    hidden: tuple[Path, ...] = ()  # never readable, even inside the Python installation or `readable` (hidden wins)
    memory: int = 1 << 30  # RLIMIT_AS, bytes
    cpu_seconds: int = 60  # RLIMIT_CPU
    processes: int = 64  # processes and threads of the child's whole tree (cgroup pids.max, else RLIMIT_NPROC)
    file_size: int = 64 << 20  # RLIMIT_FSIZE, bytes
    open_files: int = 256  # RLIMIT_NOFILE


@dataclass(frozen=True)
class Protections:
    """What ``confine`` actually applied, in order: (name, "on", "on (detail)" or "off: reason")."""

    items: tuple[tuple[str, str], ...]

    def off(self) -> list[str]:
        """The protections that are off, each as "name: reason"."""
        return [f"{name}: {_reason(status)}" for name, status in self.items if status.startswith(OFF)]

    def as_dict(self) -> dict[str, str]:
        """Name -> status, for the JSON report."""
        return dict(self.items)


def _on(detail: str = "") -> str:
    return ON_DETAIL.format(detail=detail) if detail else ON


def _off(reason: str) -> str:
    return OFF_REASON.format(reason=reason)


def _reason(status: str) -> str:
    return status.split(": ", 1)[1] if ": " in status else status


# --- Environment, files --------------------------------------------------------------------


def allowed_environment(environ: Mapping[str, str], workdir: Path) -> dict[str, str]:
    """An allow-list of ``environ`` (locale, PATH, TZ, Python's I/O settings) with HOME and the
    temporary folders pointing at ``workdir``: no tokens, no PYTHONPATH, no PYTEST_ADDOPTS."""
    names = _ALLOWED_VARIABLES + (_WINDOWS_VARIABLES if os.name == "nt" else ())
    kept = {name: value for name, value in environ.items() if name in names or name.startswith("LC_")}
    kept.update(dict.fromkeys(_WORKDIR_VARIABLES, str(workdir)))
    return kept


def private_copy(files: Iterable[Path], workdir: Path) -> list[Path]:
    """Copy the submission's regular files into ``workdir``, readable by the child; a symlink, a
    folder or anything else where a file should be is skipped, never followed. Returns the copies."""
    copies = []
    for source in files:
        target = workdir / source.name
        if _copy_regular_file(source, target):
            copies.append(target)
    return copies


def _copy_regular_file(source: Path, target: Path) -> bool:
    if not stat.S_ISREG(source.lstat().st_mode):
        return False
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        # O_NOFOLLOW and fstat: the file may have been swapped for a symlink or a FIFO since lstat.
        fd = os.open(source, os.O_RDONLY | nofollow | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EMLINK):
            return False
        raise
    with os.fdopen(fd, "rb") as reader:
        if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
            return False
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | nofollow | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(target, flags, 0o644), "wb") as writer:
            shutil.copyfileobj(reader, writer)
    return True


# --- System calls ------------------------------------------------------------------------


def _check(result: int) -> int:
    if result == -1:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))
    return result


def _prctl(option: int, argument: int = 0) -> int:
    if _libc is None:
        raise OSError(errno.ENOSYS, NOT_LINUX)
    zero = ctypes.c_ulong(0)
    return _check(_libc.prctl(ctypes.c_int(option), ctypes.c_ulong(argument), zero, zero, zero))


def _syscall(number: int, *arguments: object) -> int:
    if _libc is None:
        raise OSError(errno.ENOSYS, NOT_LINUX)
    # syscall() reads every argument as a long: pass full-width values, never bare ints.
    return _check(_libc.syscall(ctypes.c_long(number), *arguments))


def die_with_parent(parent: int) -> bool:
    """On Linux, have the kernel SIGKILL this process when its parent dies (even by SIGKILL); False
    if the parent is already gone, or the kernel can't."""
    if not _LINUX:
        return True
    try:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        return False
    return os.getppid() == parent  # the parent may have died before the line above


def end_supervising() -> None:
    """Move the supervisor back to its own cgroup and remove those made for its trees."""
    _Cgroup.remove_spares()


def protect_supervisor() -> None:
    """Make the calling supervisor unreadable to same-uid processes and the reaper of orphans.

    PR_SET_DUMPABLE 0: no same-uid process can open its /proc/<pid>/mem or /proc/<pid>/fd/*.
    PR_SET_CHILD_SUBREAPER 1: descendants whose parent dies (double-forked daemons) become its
    children, so ``ProcessTree.end`` can find and end them. A no-op off Linux.
    """
    if not _LINUX:
        return
    _prctl(_PR_SET_DUMPABLE, 0)
    _prctl(_PR_SET_CHILD_SUBREAPER, 1)


# --- /proc and cgroups -------------------------------------------------------------------


@dataclass(frozen=True)
class _Stat:
    pid: int
    ppid: int
    session: int


def _stat(pid: int) -> _Stat | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name, in parentheses, may hold spaces and parentheses itself.
    fields = text[text.rindex(")") + 2 :].split()
    return _Stat(pid, int(fields[1]), int(fields[3]))


def _all_processes() -> Iterator[_Stat]:
    try:
        names = os.listdir("/proc")
    except OSError:
        return
    for name in names:
        if name.isdigit():
            found = _stat(int(name))
            if found is not None:
                yield found


def children() -> set[int]:
    """This process's children, from /proc (none where there is no /proc)."""
    me = os.getpid()
    return {process.pid for process in _all_processes() if process.ppid == me}


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:  # gone already, or never ours to signal
        pass


def _reap(pids: Iterable[int], deadline: float) -> None:
    """Wait for the children among ``pids`` to exit (they were killed), until ``deadline``."""
    waiting = set(pids)
    while waiting:
        for pid in list(waiting):
            try:
                if os.waitpid(pid, os.WNOHANG)[0]:
                    waiting.discard(pid)
            except ChildProcessError:  # not our child, or reaped elsewhere
                waiting.discard(pid)
        if not waiting or _now() > deadline:
            return
        time.sleep(_POLL)


def _own_cgroups() -> dict[str, str]:
    """Controller -> our cgroup's path in that hierarchy; "" is the cgroup v2 hierarchy."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return {}
    own = {}
    for line in lines:
        _, controllers, path = line.split(":", 2)
        for controller in controllers.split(",") if controllers else [""]:
            own[controller] = path
    return own


def _cgroup_mounts() -> Iterator[tuple[str, str, str, list[str]]]:
    """(mount point, mounted cgroup, file system type, super options) of each cgroup mount."""
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return
    for line in lines:
        left, _, right = line.partition(" - ")
        fields, kind = left.split(), right.split()
        if len(fields) > 4 and len(kind) > 2 and kind[0] in ("cgroup", "cgroup2"):
            yield fields[4], fields[3], kind[0], kind[2].split(",")


def _inside(mount_point: str, mounted: str, path: str) -> Path | None:
    if mounted == "/":
        return Path(mount_point, path.lstrip("/"))
    if path == mounted or path.startswith(mounted + "/"):
        return Path(mount_point, path[len(mounted) :].lstrip("/"))
    return None


def _hierarchies() -> list[tuple[int, Path]]:
    """(version, our own cgroup's folder) where a sandbox cgroup could go; v1 pids first, since
    a v2 cgroup usually can't get the pids controller while the supervisor sits in its parent."""
    own = _own_cgroups()
    found = []
    for mount_point, mounted, kind, options in _cgroup_mounts():
        version, key = (1, "pids") if kind == "cgroup" else (2, "")
        if (version == 2 or "pids" in options) and key in own:
            folder = _inside(mount_point, mounted, own[key])
            if folder is not None and (version, folder) not in found:
                found.append((version, folder))
    return sorted(found)


class _Cgroup:
    _serial: ClassVar[itertools.count] = itertools.count()

    def __init__(self, path: Path, version: int, limited: bool) -> None:
        self.path = path
        self.version = version
        self.limited = limited

    _spare: ClassVar[dict[int, list[_Cgroup]]] = {}
    # The cgroup this supervisor itself sits in, while it does: (its pid, the cgroup).
    _hosting: ClassVar[tuple[int, _Cgroup] | None] = None

    @property
    def host(self) -> int | None:
        """The supervisor's pid when it sits in this cgroup itself (its children are born inside)."""
        hosting = type(self)._hosting
        return hosting[0] if hosting is not None and hosting[1] is self else None

    @classmethod
    def take(cls, processes: int) -> _Cgroup | None:
        """An empty cgroup for ``processes``: one an ended tree gave back, else a new one (making
        and removing one costs milliseconds, and a grading session starts hundreds of trees)."""
        spare = cls._spare.get(processes)
        if spare:
            return spare.pop()
        made = cls.create(processes)
        cls._clean_up_at_exit()
        if made is not None:
            cls._spare.setdefault(processes, [])
        return made

    @classmethod
    def hosting(cls, processes: int) -> _Cgroup | None:
        """A cgroup the supervisor sits in itself, limited to its own tasks plus ``processes``, or
        None if it can't move there. Moving a process between cgroups waits for the kernel's RCU
        grace period (10-25 ms, more than the rest of a run's confinement): the supervisor moves
        once, and each sandbox child is born inside instead of moving there itself."""
        me = os.getpid()
        if cls._hosting is None or cls._hosting[0] != me:  # none yet, or a forked parent's
            cls._hosting = None
            made = cls.create(processes)
            cls._clean_up_at_exit()
            if made is None:
                return None
            try:
                made.add(me)
            except OSError:
                made.remove(_now() + END_TIMEOUT)
                return None
            cls._hosting = (me, made)
        cgroup = cls._hosting[1]
        cgroup.limited = _limit_pids(cgroup.path, cgroup.version, processes, above=cgroup.tasks())
        return cgroup

    @classmethod
    def leave(cls) -> None:
        """Move the supervisor back where it was and remove the cgroup it sat in."""
        hosting, cls._hosting = cls._hosting, None
        if hosting is None or hosting[0] != os.getpid():
            return
        cgroup = hosting[1]
        try:
            cgroup.path.parent.joinpath("cgroup.procs").write_text(str(os.getpid()))
        except OSError:
            return
        cgroup.kill(_now() + END_TIMEOUT)
        cgroup.remove(_now() + END_TIMEOUT)

    def give_back(self, processes: int, deadline: float) -> None:
        if self.host is not None:  # stays the supervisor's, unlimited between trees
            _limit_pids(self.path, self.version, processes, above=None)
        elif self.members():
            self.remove(deadline)
        else:
            type(self)._spare.setdefault(processes, []).append(self)

    # The process that registered the clean-up at exit: a forked child registers its own.
    _cleaning_up: ClassVar[int | None] = None

    @classmethod
    def _clean_up_at_exit(cls) -> None:
        if cls._cleaning_up != os.getpid():
            cls._cleaning_up = os.getpid()
            atexit.register(cls.remove_spares)

    @classmethod
    def remove_spares(cls) -> None:
        """Remove every cgroup kept for later trees, and leave the one the supervisor sits in (last:
        spares made while it sat there are inside it)."""
        deadline = _now() + END_TIMEOUT
        for cgroups in cls._spare.values():
            for cgroup in cgroups:
                cgroup.remove(deadline)
        cls._spare.clear()
        cls.leave()

    @classmethod
    def create(cls, processes: int) -> _Cgroup | None:
        """A new cgroup next to ours with pids.max = ``processes`` if it can have one; None where
        no cgroup is writable (a normal user without delegation)."""
        name = f"{CGROUP_PREFIX}-{os.getpid()}-{next(cls._serial)}"
        for version, parent in _hierarchies():
            _remove_stale(parent)
            try:
                (parent / name).mkdir()
            except OSError:
                continue
            return cls(parent / name, version, _limit_pids(parent / name, version, processes))
        return None

    def add(self, pid: int) -> None:
        (self.path / "cgroup.procs").write_text(str(pid))

    def members(self) -> set[int]:
        """Its processes, the supervisor excepted when it sits there itself."""
        try:
            found = {int(line) for line in (self.path / "cgroup.procs").read_text().split()}
        except OSError:
            return set()
        return found - {self.host}

    def tasks(self) -> int:
        """How many tasks (threads included) it holds now: what pids.max counts."""
        try:
            return int((self.path / "pids.current").read_text())
        except (OSError, ValueError):
            return len((self.path / "tasks").read_text().split()) if (self.path / "tasks").exists() else 0

    def kill(self, deadline: float) -> None:
        """SIGKILL every member until none is left; members forking meanwhile are caught next round."""
        if self.version == 2 and self.host is None:  # cgroup.kill would end the supervisor too
            try:
                (self.path / "cgroup.kill").write_text("1")
            except OSError:  # before Linux 5.14
                pass
        while (members := self.members()) and _now() < deadline:
            for pid in members:
                _kill(pid)
            time.sleep(_POLL)

    def remove(self, deadline: float) -> None:
        while True:
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:  # EBUSY while the last members finish exiting
                if _now() > deadline:
                    return
                time.sleep(_POLL)


@functools.cache
def _remove_stale(parent: Path) -> None:
    """Once per hierarchy and process: remove empty cgroups left by graders that died (a crash
    skips the clean-up), recognised by the pid in their name being gone."""
    try:
        entries = list(parent.glob(f"{CGROUP_PREFIX}-*"))
    except OSError:
        return
    for entry in entries:
        owner = entry.name.removeprefix(f"{CGROUP_PREFIX}-").split("-", 1)[0]
        if owner.isdigit() and not Path(f"/proc/{owner}").exists():
            try:
                entry.rmdir()
            except OSError:  # not empty, or not ours to remove
                pass


def _limit_pids(path: Path, version: int, processes: int, above: int | None = 0) -> bool:
    """pids.max = ``above`` (tasks already there) + ``processes``; no limit if ``above`` is None."""
    if version == 2 and not _has_pids_controller(path):
        try:
            (path.parent / "cgroup.subtree_control").write_text("+pids")
        except OSError:  # EBUSY: the parent holds processes (ours), so no controller can be enabled
            return False
    try:
        (path / "pids.max").write_text("max" if above is None else str(above + processes))
    except OSError:
        return False
    return True


def _has_pids_controller(path: Path) -> bool:
    try:
        return "pids" in (path / "cgroup.controllers").read_text().split()
    except OSError:
        return False


class ProcessTree:
    """Every process one sandbox child starts, and the means to end them all.

    Create it in the supervisor before the fork, pass it to ``confine`` in the child (which
    moves itself into the tree's cgroup), call ``started(pid)`` in the supervisor after the fork,
    and ``end()`` when the run is over.
    """

    _live: ClassVar[list[ProcessTree]] = []

    def __init__(self, processes: int = 64) -> None:
        self.processes = processes
        self.pid: int | None = None
        self._ended = False
        self.cgroup = self._cgroup(processes) if _LINUX else None
        # Without a cgroup, orphans are found by their parent: note the supervisor's own first,
        # never to be touched. A cgroup holds every descendant: no need to look through /proc.
        self._before = children() if _LINUX and self.cgroup is None else set()
        ProcessTree._live.append(self)

    @staticmethod
    def _cgroup(processes: int) -> _Cgroup | None:
        # The supervisor's own cgroup serves one tree at a time: its end() kills all but the supervisor.
        if not any(tree.cgroup is not None and tree.cgroup.host is not None for tree in ProcessTree._live):
            hosting = _Cgroup.hosting(processes)
            if hosting is not None:
                return hosting
        return _Cgroup.take(processes)

    @property
    def limited(self) -> bool:
        """Whether a cgroup caps how many processes and threads the tree may have."""
        return self.cgroup is not None and self.cgroup.limited

    def started(self, pid: int) -> None:
        """Record the sandbox child's pid (in the supervisor, right after the fork)."""
        self.pid = pid

    def enter(self) -> bool:
        """Move the calling process into the tree's cgroup (``confine`` calls this in the child);
        True when the cgroup limits processes."""
        if self.cgroup is None:
            return False
        if self.cgroup.host is not None:  # born inside: the supervisor sits there
            return self.cgroup.limited
        try:
            self.cgroup.add(os.getpid())
        except OSError:
            return False
        return self.cgroup.limited

    def end(self) -> None:
        """SIGKILL everything the child left: its process group, its cgroup, and orphans reparented
        to this (subreaper) supervisor; reap those, never the child itself (the caller reaps it to
        learn its status). Bounded: gives up after END_TIMEOUT. Only the first call acts.

        Best called once the child has exited but before it is reaped (wait on a pidfd, or
        ``os.waitid`` with ``WNOWAIT``): until then its pid, the group's id, cannot be reused.
        """
        if self._ended:
            return
        self._ended = True
        deadline = _now() + END_TIMEOUT
        if self.pid is not None and hasattr(os, "killpg"):
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
        if self.cgroup is not None:
            members = self.cgroup.members() - {self.pid}
            self.cgroup.kill(deadline)
            # Those the subreaper inherited are this process's children now: reap them.
            _reap(members, deadline)
            self.cgroup.give_back(self.processes, deadline)
        elif _LINUX:
            self._end_orphans(deadline)
        if self in ProcessTree._live:
            ProcessTree._live.remove(self)

    def __enter__(self) -> ProcessTree:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.end()

    def _end_orphans(self, deadline: float) -> None:
        # Killing an orphan can orphan its own children: go round until no orphan is left.
        while (orphans := self._orphans()) and _now() <= deadline:
            for pid in orphans:
                _kill(pid)
            _reap(orphans, deadline)

    def _orphans(self) -> set[int]:
        """Children of ours that this tree's child left: not the supervisor's own (they were there
        before, or live in its session: a sandbox process can never join that session), and not
        another live tree's."""
        me, own_session = os.getpid(), os.getsid(0)
        others = [tree for tree in ProcessTree._live if tree is not self]
        foreign = {tree.pid for tree in others if tree.pid is not None}
        for tree in others:
            foreign |= tree.cgroup.members() if tree.cgroup is not None else set()
        return {
            process.pid
            for process in _all_processes()
            if process.ppid == me
            and process.pid != self.pid
            and process.pid not in self._before
            and process.pid not in foreign
            and process.session != own_session
            and process.session not in foreign
        }


# --- Limits and privileges ---------------------------------------------------------------


def _new_session() -> str:
    if not hasattr(os, "setsid"):
        return _off(NO_SETSID)
    try:
        os.setsid()
    except OSError as error:
        return _off(SETSID_FAILED.format(error=error))
    return _on(OWN_SESSION)


def _hard_limit(name: str, value: int) -> str:
    number = getattr(resource, name, None) if resource is not None else None
    if number is None:
        return _off(NO_RESOURCE.format(resource=name))
    try:
        _, hard = resource.getrlimit(number)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)  # a hard limit already lower stays lower
        resource.setrlimit(number, (value, value))
    except (OSError, ValueError) as error:
        return _off(LIMIT_FAILED.format(resource=name, error=error))
    return _on(LIMIT_SET.format(resource=name, value=value))


def _resource_limits(c: Confinement) -> list[tuple[str, str]]:
    return [
        (MEMORY, _hard_limit("RLIMIT_AS", c.memory)),
        (CPU_TIME, _hard_limit("RLIMIT_CPU", c.cpu_seconds)),
        (FILE_SIZE, _hard_limit("RLIMIT_FSIZE", c.file_size)),
        (OPEN_FILES, _hard_limit("RLIMIT_NOFILE", c.open_files)),
        (CORE_DUMPS, _hard_limit("RLIMIT_CORE", 0)),
    ]


def _tasks_of(uid: int) -> int:
    """How many tasks (threads) processes of real user ``uid`` run: what RLIMIT_NPROC counts."""
    count = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{name}/status").read_text().splitlines())
        except (OSError, ValueError):
            continue
        if int(fields["Uid"].split()[0]) == uid:
            count += int(fields["Threads"])
    return count


def _process_limit(c: Confinement, tree: ProcessTree | None) -> str:
    if not _LINUX:
        return _off(NOT_LINUX)
    if tree is not None and tree.enter():
        return _on(PIDS_CGROUP.format(version=tree.cgroup.version, processes=tree.processes))
    if os.getuid() == 0:
        return _off(NPROC_ROOT)
    # RLIMIT_NPROC counts every task of this user, not just the child's: allow that many more.
    try:
        count = _tasks_of(os.getuid())
    except OSError as error:
        return _off(NPROC_UNCOUNTED.format(error=error))
    status = _hard_limit("RLIMIT_NPROC", count + c.processes)
    if status.startswith(OFF):
        return status
    return _on(NPROC_SET.format(processes=c.processes))


def _capabilities() -> tuple[int, int, int]:
    """(effective, permitted, inheritable) capability sets of this thread."""
    header = ctypes.create_string_buffer(struct.pack("=Ii", _CAPABILITY_VERSION_3, 0), 8)
    data = ctypes.create_string_buffer(24)
    _check(_libc.capget(header, data))
    effective0, permitted0, inheritable0, effective1, permitted1, inheritable1 = struct.unpack("=6I", data.raw)
    return effective0 | effective1 << 32, permitted0 | permitted1 << 32, inheritable0 | inheritable1 << 32


def _clear_capabilities() -> None:
    header = ctypes.create_string_buffer(struct.pack("=Ii", _CAPABILITY_VERSION_3, 0), 8)
    _check(_libc.capset(header, ctypes.create_string_buffer(24)))


def _bounding_set() -> list[int]:
    held = []
    for capability in range(64):
        try:
            if _prctl(_PR_CAPBSET_READ, capability):
                held.append(capability)
        except OSError:  # EINVAL past the kernel's last capability
            break
    return held


def _drop_capabilities() -> str:
    """Drop every capability for good, so the hard limits stay hard (root holds CAP_SYS_RESOURCE)."""
    if _libc is None:
        return _off(NOT_LINUX)
    try:
        effective, permitted, inheritable = _capabilities()
        if not (effective or permitted or inheritable):
            return _on(NO_CAPABILITIES)
        can_lock = bool(effective & (1 << _CAP_SETPCAP))
        if can_lock:
            for capability in _bounding_set():
                _prctl(_PR_CAPBSET_DROP, capability)
            _prctl(_PR_SET_SECUREBITS, _LOCKED_SECUREBITS)
        _clear_capabilities()  # last: the steps above need CAP_SETPCAP
    except (OSError, AttributeError) as error:
        return _off(CAPABILITIES_FAILED.format(error=error))
    return _on(CAPABILITIES_DROPPED if can_lock else CAPABILITIES_CLEARED)


def _no_new_privileges() -> str:
    if not _LINUX:
        return _off(NOT_LINUX)
    try:
        _prctl(_PR_SET_NO_NEW_PRIVS, 1)
    except OSError as error:
        return _off(PRCTL_FAILED.format(error=error))
    return ON


# --- Landlock ----------------------------------------------------------------------------


def _landlock_syscall() -> int:
    if not _LINUX:
        raise OSError(errno.ENOSYS, NOT_LINUX)
    machine = os.uname().machine
    if machine not in _LANDLOCK_SYSCALLS:
        raise OSError(errno.ENOSYS, UNKNOWN_MACHINE.format(machine=machine))
    return _LANDLOCK_SYSCALLS[machine]


def _landlock_version() -> int:
    """The kernel's Landlock ABI; OSError (ENOSYS, EOPNOTSUPP) where it is missing or disabled."""
    flags = ctypes.c_long(_LANDLOCK_CREATE_RULESET_VERSION)
    return _syscall(_landlock_syscall(), ctypes.c_void_p(None), ctypes.c_long(0), flags)


def landlock_abi() -> int:
    """The running kernel's Landlock ABI version; 0 where Landlock is unavailable."""
    try:
        return _landlock_version()
    except OSError:
        return 0


def _handled_fs(abi: int) -> int:
    # Only the rights this ABI knows: create_ruleset rejects the rest (the kernel docs' fallthrough).
    rights = _FS_ABI_1
    if abi >= 2:
        rights |= _FS_REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _beneath(path: str, hidden: Sequence[str], access: int) -> Iterator[tuple[str, int]]:
    """Rules granting ``access`` beneath ``path`` except under ``hidden``. Landlock only allows,
    so a folder holding a hidden one is opened up child by child; it keeps only READ_DIR, which
    lets imports list it (the names inside a hidden folder stay listable, its files unreadable)."""
    if any(_within(path, folder) for folder in hidden):
        return
    if not any(_within(folder, path) for folder in hidden):
        yield path, access
        return
    yield path, _FS_READ_DIR & access
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for entry in entries:
        # A symlink grants nothing beneath the folder: Landlock judges the path it resolves to.
        if not entry.is_symlink():
            yield from _beneath(entry.path, hidden, access)


def _python_installation() -> list[str]:
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        paths.add(sysconfig.get_path(name))
    paths.add(os.path.join(sysconfig.get_path("platstdlib"), "lib-dynload"))
    try:
        import site

        paths.update(site.getsitepackages())
        if site.getusersitepackages() in sys.path:
            paths.add(site.getusersitepackages())
    except (ImportError, AttributeError):  # an old virtualenv's site module
        pass
    return sorted(paths)


def _system_files() -> list[str]:
    libraries = [os.path.join("/", name) for name in os.listdir("/") if name.startswith("lib")]
    return [*_SYSTEM_READABLE, *libraries]


def _rules(c: Confinement, workdir: Path, handled: int) -> dict[str, int]:
    """Path -> access rights, every path resolved, hidden folders carved out."""
    rules = dict(_lasting_rules(tuple(map(str, c.readable)), tuple(map(str, c.hidden)), handled))
    for path, granted in _beneath(os.path.realpath(workdir), [os.path.realpath(p) for p in c.hidden], handled):
        rules[path] = rules.get(path, 0) | granted
    return rules


@functools.lru_cache(maxsize=16)
def _lasting_rules(
    readable: tuple[str, ...], hidden_paths: tuple[str, ...], handled: int
) -> tuple[tuple[str, int], ...]:
    """The rules every child of a session shares (all but its own workdir): worked out once, in
    the supervisor (see :func:`prepare`), since listing the installation costs milliseconds."""
    hidden = [os.path.realpath(path) for path in hidden_paths]
    grants = [(path, _READ_EXECUTE) for path in [*_python_installation(), *_system_files(), *readable]]
    grants += [(path, _READ_WRITE_DEVICE) for path in _SYSTEM_WRITABLE]
    rules: dict[str, int] = {}
    for root, access in grants:
        for path, granted in _beneath(os.path.realpath(root), hidden, access & handled):
            rules[path] = rules.get(path, 0) | granted
    return tuple(rules.items())


def prepare(c: Confinement) -> None:
    """In the supervisor, before forking: work out what every child's ``confine(c)`` will need."""
    abi = landlock_abi()
    if abi:
        _lasting_rules(tuple(map(str, c.readable)), tuple(map(str, c.hidden)), _handled_fs(abi))


def _add_rule(ruleset: int, path: str, access: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:  # missing here (/lib32, say) or out of reach: nothing to allow
        return
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            access &= _FILE_RIGHTS
        if access:
            attribute = ctypes.create_string_buffer(struct.pack("=Qi", access, fd), 12)
            base = _landlock_syscall()
            _syscall(
                base + 1,
                ctypes.c_long(ruleset),
                ctypes.c_long(_LANDLOCK_RULE_PATH_BENEATH),
                attribute,
                ctypes.c_long(0),
            )
    finally:
        os.close(fd)


def _restrict(abi: int, c: Confinement, workdir: Path) -> None:
    handled = _handled_fs(abi)
    net = _NET_TCP if abi >= 4 else 0  # handled with no rule: every TCP bind and connect is denied
    scoped = _SCOPES if abi >= 6 else 0
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8  # the struct as this ABI knows it
    attribute = ctypes.create_string_buffer(struct.pack("=QQQ", handled, net, scoped)[:size], size)
    base = _landlock_syscall()
    ruleset = _syscall(base, attribute, ctypes.c_long(size), ctypes.c_long(0))
    try:
        for path, access in _rules(c, workdir, handled).items():
            _add_rule(ruleset, path, access)
        _syscall(base + 2, ctypes.c_long(ruleset), ctypes.c_long(0))
    finally:
        os.close(ruleset)


def _needs(abi: int, needed: int, detail: str) -> str:
    if abi >= needed:
        return _on(detail.format(abi=abi))
    return _off(NEEDS_ABI.format(needed=needed, abi=abi))


def _landlock(c: Confinement, workdir: Path) -> list[tuple[str, str]]:
    names = (FILE_SYSTEM, NETWORK, SIGNALS, ABSTRACT_SOCKETS)
    try:
        abi = _landlock_version()
    except OSError as error:
        return [(name, _off(NO_LANDLOCK.format(error=error.strerror or error))) for name in names]
    try:
        _restrict(abi, c, workdir)
    except OSError as error:
        return [(name, _off(LANDLOCK_FAILED.format(error=error))) for name in names]
    return [
        (FILE_SYSTEM, _on(FILE_SYSTEM_ON.format(abi=abi))),
        (NETWORK, _needs(abi, 4, NETWORK_ON)),
        (SIGNALS, _needs(abi, 6, SIGNALS_ON)),
        (ABSTRACT_SOCKETS, _needs(abi, 6, SOCKETS_ON)),
    ]


# --- confine -----------------------------------------------------------------------------


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))  # also counts threads started from C
    except OSError:
        return threading.active_count()


def _use_workdir(workdir: Path) -> str:
    allowed = allowed_environment(os.environ, workdir)
    os.environ.clear()
    os.environ.update(allowed)
    # tempfile caches the folder it found first (the supervisor's /tmp, say): point it here.
    if "tempfile" in sys.modules:
        sys.modules["tempfile"].tempdir = str(workdir)
    os.chdir(workdir)
    return _on(ENVIRONMENT_ON.format(names=", ".join(sorted(allowed))))


def confine(c: Confinement, tree: ProcessTree | None = None) -> Protections:
    """Confine the calling process, a freshly forked sandbox child, for good.

    Call it after everything the child needs is imported or opened (open files stay usable)
    and before any student code runs. With a ``tree`` (made before the fork) the child first
    moves itself into the tree's cgroup. Raises RuntimeError if the process runs other threads:
    they would stay unconfined.
    """
    workdir = c.workdir.resolve(strict=True)
    threads = _thread_count()
    if threads > 1:
        raise RuntimeError(TOO_MANY_THREADS.format(count=threads))
    items = [(PROCESS_GROUP, _new_session())]
    items.append((PROCESSES, _process_limit(c, tree)))  # before anything could fork
    items += _resource_limits(c)
    items.append((CAPABILITIES, _drop_capabilities()))  # after the limits: they then stay
    items.append((NO_NEW_PRIVILEGES, _no_new_privileges()))  # Landlock requires it
    items.append((ENVIRONMENT, _use_workdir(workdir)))
    items += _landlock(c, workdir)
    return Protections(tuple(items))

"""The sandbox child's confinement, tested on real forked children.

Each test forks a child that calls ``confine`` and then tries something; the child sends one
JSON line back through a pipe ({"protections": ..., "result": ...} or {"error": ...}). A line,
not EOF: a grandchild the test started may hold the pipe open for ever.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import select
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import _pytest
import pytest

import grader
from grader import confine as confine_module
from grader.confine import (
    Confinement,
    ProcessTree,
    Protections,
    allowed_environment,
    confine,
    landlock_abi,
    private_copy,
    protect_supervisor,
)

LINUX = sys.platform.startswith("linux")
ABI = landlock_abi()
WAIT = 5.0
SECRETS = {
    "GITHUB_TOKEN": "ghp_secret",
    "AWS_SECRET_ACCESS_KEY": "aws-secret",
    "PYTHONPATH": "/somewhere",
    "PYTEST_ADDOPTS": "-p evil",
}
STANDARD_MODULES = ["fractions", "colorsys", "netrc", "shlex", "wave"]
EXTENSION_MODULES = ["mmap", "termios", "_csv", "_bisect", "_heapq"]

pytestmark = [
    pytest.mark.skipif(not LINUX, reason="the sandbox child is confined on Linux only"),
    # pytest-timeout's timer thread runs in this process; the children only run confine and a few calls.
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]
needs_landlock = pytest.mark.skipif(ABI < 1, reason="Landlock is not available on this kernel")
needs_network_rules = pytest.mark.skipif(ABI < 4, reason="Landlock network rules need ABI 4")
needs_scopes = pytest.mark.skipif(ABI < 6, reason="Landlock signal scoping needs ABI 6")
needs_root = pytest.mark.skipif(not LINUX or os.geteuid() != 0, reason="only root holds capabilities to drop")


# --- Forking helpers ---------------------------------------------------------------------


def attempt(action: Callable[[], object]) -> str:
    """ "ok", or the name of the exception ``action`` raised."""
    try:
        action()
    except BaseException as error:
        return type(error).__name__
    return "ok"


def wait_forever() -> None:
    select.select([], [], [])


def _child(
    write_end: int,
    confinement: Confinement,
    action: Callable[[], Any],
    tree: ProcessTree | None,
    before: Callable[[], object] | None,
    afterwards: Callable[[], object] | None,
) -> None:
    status = 1
    try:
        if before is not None:
            before()
        protections = confine(confinement, tree)
        report = {"protections": protections.as_dict(), "result": action()}
        status = 0
    except BaseException as error:
        report = {"error": f"{type(error).__name__}: {error}"}
    try:
        os.write(write_end, json.dumps(report).encode() + b"\n")
        if afterwards is not None:
            afterwards()
    finally:
        os._exit(status)


def _read_line(fd: int) -> bytes:
    deadline = time.monotonic() + WAIT
    data = b""
    while b"\n" not in data and time.monotonic() < deadline:
        if not select.select([fd], [], [], deadline - time.monotonic())[0]:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def wait_for_exit(pid: int) -> int:
    """The child's exit code (minus the signal's number if a signal ended it); SIGKILLs it after WAIT."""
    pidfd = os.pidfd_open(pid)
    try:
        exited = select.select([pidfd], [], [], WAIT)[0]
    finally:
        os.close(pidfd)
    if not exited:
        os.kill(pid, signal.SIGKILL)
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    assert exited, f"the child did not exit within {WAIT} s"
    return code


def start_confined(
    confinement: Confinement,
    action: Callable[[], Any],
    tree: ProcessTree | None = None,
    before: Callable[[], object] | None = None,
    afterwards: Callable[[], object] | None = None,
) -> tuple[int, dict[str, Any]]:
    """Fork a child that confines itself and runs ``action``: its pid and its report ({} if none)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(write_end, confinement, action, tree, before, afterwards)
    os.close(write_end)
    if tree is not None:
        tree.started(pid)
    try:
        line = _read_line(read_end)
    finally:
        os.close(read_end)
    return pid, json.loads(line) if line else {}


def run_confined(confinement: Confinement, action: Callable[[], Any], **options: Any) -> dict[str, Any]:
    """``start_confined``, then wait for the child: its report, with its exit code as "exit"."""
    pid, report = start_confined(confinement, action, **options)
    report["exit"] = wait_for_exit(pid)
    return report


def result_of(report: dict[str, Any]) -> Any:
    assert "error" not in report, report["error"]
    return report["result"]


def state(pid: int) -> str:
    """The process's state letter ("Z" for a zombie), or "" once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return text[text.rindex(")") + 2]


def alive(pid: int) -> bool:
    return state(pid) not in ("", "Z")


def not_imported(candidates: list[str]) -> str:
    return next(name for name in candidates if name not in sys.modules and importlib.util.find_spec(name))


def start_orphan(new_session: bool = True) -> int:
    """In the sandbox: double-fork a process whose parent then exits; its pid. With
    ``new_session`` it is a daemon that escaped the sandbox's session and process group."""
    read_end, write_end = os.pipe()
    middle = os.fork()
    if middle == 0:
        try:
            if os.fork() == 0:
                if new_session:
                    os.setsid()
                os.write(write_end, str(os.getpid()).encode())
                wait_forever()
        finally:
            os._exit(0)
    os.close(write_end)
    orphan = int(os.read(read_end, 32))
    os.waitpid(middle, 0)
    return orphan


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


@pytest.fixture
def confinement(workdir: Path) -> Confinement:
    return Confinement(workdir=workdir)


@pytest.fixture(autouse=True)
def back_in_its_own_cgroup() -> Iterator[None]:
    """This test process never stays in a cgroup a test's trees made it sit in."""
    yield
    confine_module.end_supervising()


@pytest.fixture
def supervisor():
    """This test process as a supervisor (subreaper, not dumpable), for the test only."""
    protect_supervisor()
    yield
    confine_module._prctl(confine_module._PR_SET_CHILD_SUBREAPER, 0)
    confine_module._prctl(confine_module._PR_SET_DUMPABLE, 1)


@pytest.fixture(params=["cgroup v1", "cgroup v2", "no cgroup"])
def hierarchy(request, monkeypatch) -> Iterator[str]:
    """Make ProcessTree use only one kind of cgroup, or none (a normal user's lot)."""
    version = {"cgroup v1": 1, "cgroup v2": 2, "no cgroup": None}[request.param]
    found = [found for found in confine_module._hierarchies() if found[0] == version]
    if version is not None and not found:
        pytest.skip(f"no {request.param} hierarchy here")
    monkeypatch.setattr(confine_module, "_hierarchies", lambda: found)
    confine_module._Cgroup.remove_spares()  # a spare from another hierarchy would be taken first
    yield request.param
    confine_module._Cgroup.remove_spares()


def new_tree(hierarchy: str, processes: int = 8) -> ProcessTree:
    tree = ProcessTree(processes)
    if hierarchy != "no cgroup" and tree.cgroup is None:
        tree.end()
        pytest.skip(f"no writable {hierarchy} here")
    return tree


# --- The file system ---------------------------------------------------------------------


@needs_landlock
def test_a_child_cannot_read_files_outside_the_allowed_paths(tmp_path, confinement):
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "exercise1.py").write_text("ANSWER = 42\n")

    report = run_confined(
        confinement,
        lambda: {
            "solution": attempt((solutions / "exercise1.py").read_text),
            "listing": attempt(lambda: os.listdir(solutions)),
            "passwd": attempt(Path("/etc/passwd").read_text),
            "own environ": attempt(Path("/proc/self/environ").read_bytes),
            "parent environ": attempt(Path(f"/proc/{os.getppid()}/environ").read_bytes),
        },
    )

    assert set(result_of(report).values()) == {"PermissionError"}
    assert report["protections"]["file system"].startswith("on (Landlock")


@needs_landlock
def test_a_child_cannot_read_a_hidden_folder_inside_a_readable_one(tmp_path, workdir):
    site = tmp_path / "site"
    (site / "visible_helpers").mkdir(parents=True)
    (site / "visible_helpers" / "__init__.py").write_text("VALUE = 1\n")
    (site / "hidden_checks").mkdir()
    (site / "hidden_checks" / "__init__.py").write_text("")
    (site / "hidden_checks" / "test_secret.py").write_text("EXPECTED = 42\n")

    def try_both():
        sys.path.insert(0, str(site))
        importlib.invalidate_caches()
        return {
            "import visible": attempt(lambda: importlib.import_module("visible_helpers")),
            "import hidden": attempt(lambda: importlib.import_module("hidden_checks")),
            "read hidden": attempt((site / "hidden_checks" / "test_secret.py").read_text),
        }

    confinement = Confinement(workdir=workdir, readable=(site,), hidden=(site / "hidden_checks",))
    result = result_of(run_confined(confinement, try_both))

    assert result == {"import visible": "ok", "import hidden": "PermissionError", "read hidden": "PermissionError"}


@needs_landlock
def test_a_child_can_import_a_standard_module_it_had_not_imported(confinement):
    standard, extension = not_imported(STANDARD_MODULES), not_imported(EXTENSION_MODULES)

    result = result_of(
        run_confined(
            confinement,
            lambda: [attempt(lambda n=name: importlib.import_module(n)) for name in (standard, extension)],
        )
    )

    assert result == ["ok", "ok"]


@needs_landlock
def test_hiding_packages_inside_the_installation_leaves_the_rest_importable(workdir):
    hidden = (Path(grader.__file__).parent, Path(_pytest.__file__).parent)
    standard, extension = not_imported(STANDARD_MODULES), not_imported(EXTENSION_MODULES)
    confinement = Confinement(workdir=workdir, hidden=hidden)

    result = result_of(
        run_confined(
            confinement,
            lambda: {
                "grader": attempt((hidden[0] / "__init__.py").read_text),
                "_pytest": attempt((hidden[1] / "__init__.py").read_text),
                "pluggy": attempt(Path(sys.modules["pluggy"].__file__).read_text),
                standard: attempt(lambda: importlib.import_module(standard)),
                extension: attempt(lambda: importlib.import_module(extension)),
            },
        )
    )

    assert result == {
        "grader": "PermissionError",
        "_pytest": "PermissionError",
        "pluggy": "ok",
        standard: "ok",
        extension: "ok",
    }


@needs_landlock
def test_a_child_cannot_write_outside_its_workdir(tmp_path, workdir):
    fake_site = tmp_path / "site-packages"
    fake_site.mkdir()
    targets = [Path(f"/dev/shm/confine-test-{os.getpid()}"), tmp_path / "escape.txt", fake_site / "evil.py"]
    confinement = Confinement(workdir=workdir, readable=(fake_site,))

    try:
        result = result_of(run_confined(confinement, lambda: [attempt(lambda t=t: t.write_text("x")) for t in targets]))
    finally:
        leaked = [target for target in targets if target.exists()]
        for target in leaked:
            target.unlink()

    assert result == ["PermissionError"] * len(targets)
    assert leaked == []


@needs_landlock
def test_a_child_can_write_rename_and_remove_in_its_workdir(confinement, workdir):
    tempfile.gettempdir()  # the supervisor has found its own temporary folder before the fork

    def work():
        Path("notes.txt").write_text("hello")
        Path("sub").mkdir()
        Path("notes.txt").rename("sub/notes.txt")
        with tempfile.NamedTemporaryFile() as scratch:
            scratch.write(b"x")
            scratch_folder = os.path.dirname(scratch.name)
        Path("/dev/null").write_text("discarded")
        Path("sub/notes.txt").unlink()
        Path("sub").rmdir()
        return {"cwd": os.getcwd(), "home": os.environ["HOME"], "scratch": scratch_folder}

    result = result_of(run_confined(confinement, work))

    assert result == {"cwd": str(workdir), "home": str(workdir), "scratch": str(workdir)}
    assert list(workdir.iterdir()) == []


# --- Limits, capabilities, signals, processes --------------------------------------------


def test_a_child_cannot_raise_a_hard_limit(confinement):
    names = ["RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_NOFILE"]

    def try_raising():
        limits = {name: resource.getrlimit(getattr(resource, name)) for name in names}
        raised = {
            name: attempt(lambda n=name, hard=hard: resource.setrlimit(getattr(resource, n), (hard, hard + 1)))
            for name, (_, hard) in limits.items()
        }
        return {"limits": limits, "raised": raised}

    result = result_of(run_confined(confinement, try_raising))

    expected = [confinement.memory, confinement.cpu_seconds, confinement.file_size, confinement.open_files]
    for name, wanted in zip(names, expected, strict=True):
        hard = resource.getrlimit(getattr(resource, name))[1]
        value = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        assert result["limits"][name] == [value, value]
    assert set(result["raised"].values()) == {"ValueError"}


@needs_root
def test_a_child_of_root_holds_no_capability_and_cannot_regain_one(confinement):
    def capabilities():
        return {
            "sets": confine_module._capabilities(),
            "bounding": confine_module._bounding_set(),
            "securebits": confine_module._prctl(27),  # PR_GET_SECUREBITS
        }

    report = run_confined(confinement, capabilities)

    assert result_of(report) == {"sets": [0, 0, 0], "bounding": [], "securebits": confine_module._LOCKED_SECUREBITS}
    assert report["protections"]["capabilities"] == "on (all dropped, bounding set cleared, securebits locked)"


@needs_scopes
def test_a_child_cannot_signal_its_parent(confinement):
    result = result_of(
        run_confined(
            confinement,
            lambda: {
                "parent": attempt(lambda: os.kill(os.getppid(), 0)),
                "self": attempt(lambda: os.kill(os.getpid(), 0)),
            },
        )
    )

    assert result == {"parent": "PermissionError", "self": "ok"}


def test_killpg_0_in_a_child_kills_only_its_own_group(confinement):
    def kill_own_group():
        if os.getpgrp() != os.getpid():  # still in the test's group: killpg(0) would end pytest
            return "not a group leader"
        os.killpg(0, signal.SIGKILL)

    report = run_confined(confinement, kill_own_group)

    assert report == {"exit": -signal.SIGKILL}


@needs_network_rules
def test_a_child_cannot_connect_to_or_listen_on_tcp(confinement):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        result = result_of(
            run_confined(
                confinement,
                lambda: {
                    "connect": attempt(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close()),
                    "listen": attempt(lambda: socket.create_server(("127.0.0.1", 0)).close()),
                },
            )
        )

    assert result == {"connect": "PermissionError", "listen": "PermissionError"}


def test_a_child_cannot_start_more_processes_than_its_limit(workdir, supervisor):
    tree = ProcessTree(8)

    def fork_until_refused():
        for started in range(50):
            try:
                pid = os.fork()
            except OSError:
                return started
            if pid == 0:
                try:
                    wait_forever()
                finally:
                    os._exit(0)
        return 50

    try:
        if not tree.limited:
            pytest.skip("no writable cgroup with a pids controller here")
        report = run_confined(Confinement(workdir=workdir, processes=8), fork_until_refused, tree=tree)
    finally:
        tree.end()

    assert result_of(report) == 7  # the child itself is the eighth
    assert report["protections"]["processes"].startswith("on (cgroup")


def test_end_kills_a_double_forked_daemon_that_escaped_the_group(hierarchy, supervisor, confinement):
    tree = new_tree(hierarchy)
    try:
        report = run_confined(confinement, start_orphan, tree=tree)
        daemon = result_of(report)
        escaped = alive(daemon) and os.getpgid(daemon) != tree.pid
    finally:
        tree.end()

    assert escaped
    assert state(daemon) == ""  # killed and reaped
    # Its cgroup is gone, or empty and kept for the next tree.
    assert tree.cgroup is None or not tree.cgroup.path.exists() or not tree.cgroup.members()


@pytest.mark.parametrize("hierarchy", ["cgroup v1", "cgroup v2"], indirect=True)
def test_with_a_cgroup_end_kills_a_daemon_even_when_the_supervisor_is_no_subreaper(hierarchy, confinement):
    tree = new_tree(hierarchy)
    try:
        daemon = result_of(run_confined(confinement, start_orphan, tree=tree))
        escaped = alive(daemon) and os.getppid() != daemon
    finally:
        tree.end()

    assert escaped
    assert not alive(daemon)  # a zombie until this machine's init reaps it


def test_end_leaves_the_supervisors_other_processes_alone(hierarchy, supervisor, confinement):
    bystander = os.fork()  # started before the tree, in a session of its own like start_new_session=True
    if bystander == 0:
        try:
            os.setsid()
            wait_forever()
        finally:
            os._exit(0)
    tree = new_tree(hierarchy)
    neighbour_tree = new_tree(hierarchy)
    # The neighbour leaves an orphan in its own session after `tree` started: reparented to this
    # process, yet not `tree`'s to end.
    neighbour, report = start_confined(
        confinement, lambda: start_orphan(new_session=False), tree=neighbour_tree, afterwards=wait_forever
    )
    neighbours_orphan = result_of(report)
    try:
        daemon = result_of(run_confined(confinement, start_orphan, tree=tree))
        tree.end()
        survivors = {pid: alive(pid) for pid in (bystander, neighbour, neighbours_orphan, daemon)}
    finally:
        tree.end()
        neighbour_tree.end()
        os.kill(bystander, signal.SIGKILL)
        wait_for_exit(bystander)
        wait_for_exit(neighbour)

    assert survivors == {bystander: True, neighbour: True, neighbours_orphan: True, daemon: False}
    assert not alive(neighbours_orphan)


@pytest.mark.parametrize("hierarchy", ["cgroup v1", "cgroup v2"], indirect=True)
def test_the_supervisor_moves_into_a_cgroup_once_and_each_child_is_born_there(hierarchy, confinement):
    seen: dict[str, str] = {}  # in the child, before it confines itself (Landlock hides /proc then)

    def born_in() -> None:
        seen["cgroup"] = Path("/proc/self/cgroup").read_text()

    trees = [new_tree(hierarchy), None]
    try:
        first = run_confined(confinement, lambda: seen["cgroup"], tree=trees[0], before=born_in)
        trees[0].end()
        trees[1] = new_tree(hierarchy)
        second = run_confined(confinement, lambda: seen["cgroup"], tree=trees[1], before=born_in)
        supervisor_in = Path("/proc/self/cgroup").read_text()
        host = trees[1].cgroup.host
    finally:
        for tree in trees:
            if tree is not None:
                tree.end()
        confine_module.end_supervising()

    assert trees[0].cgroup is trees[1].cgroup and host == os.getpid()
    assert result_of(first) == result_of(second) == supervisor_in
    assert trees[0].cgroup.path.name in supervisor_in
    assert not trees[0].cgroup.path.exists()  # removed once the supervisor left


def test_the_supervisor_itself_stays_unconfined(tmp_path, confinement):
    cgroups_before = Path("/proc/self/cgroup").read_text()
    limits_before = resource.getrlimit(resource.RLIMIT_NOFILE)

    with ProcessTree(8) as tree:
        run_confined(confinement, lambda: None, tree=tree)
    # Between trees, the cgroup the supervisor may sit in limits nothing.
    limit_between = (tree.cgroup.path / "pids.max").read_text().strip() if tree.cgroup is not None else "max"
    confine_module.end_supervising()

    assert limit_between == "max"
    assert Path("/proc/self/cgroup").read_text() == cgroups_before
    assert resource.getrlimit(resource.RLIMIT_NOFILE) == limits_before
    (tmp_path / "still-writable").write_text("yes")
    assert os.environ.get("PATH")


# --- Environment, degradation ------------------------------------------------------------


def test_a_child_sees_none_of_the_secret_environment_variables(monkeypatch, confinement, workdir):
    for name, value in {**SECRETS, "LC_ALL": "C.UTF-8", "TZ": "UTC"}.items():
        monkeypatch.setenv(name, value)

    environment = result_of(run_confined(confinement, lambda: dict(os.environ)))

    assert not set(SECRETS) & set(environment)
    assert environment["LC_ALL"] == "C.UTF-8" and environment["TZ"] == "UTC"
    assert environment["HOME"] == environment["TMPDIR"] == str(workdir)


def test_allowed_environment_keeps_only_the_allow_list_and_points_home_at_the_workdir(tmp_path):
    environ = {**SECRETS, "PATH": "/usr/bin", "LANG": "C.UTF-8", "LC_TIME": "C", "HOME": "/root", "USER": "me"}

    allowed = allowed_environment(environ, tmp_path)

    assert allowed == {
        "PATH": "/usr/bin",
        "LANG": "C.UTF-8",
        "LC_TIME": "C",
        "HOME": str(tmp_path),
        "TMPDIR": str(tmp_path),
        "TMP": str(tmp_path),
        "TEMP": str(tmp_path),
    }


def test_without_landlock_confine_keeps_going_and_says_why(monkeypatch, confinement):
    def missing() -> int:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(confine_module, "_landlock_version", missing)

    report = run_confined(confinement, lambda: "ran")

    assert result_of(report) == "ran"
    assert report["protections"]["file system"] == "off: Landlock is not available: Function not implemented"
    assert report["protections"]["memory"].startswith("on")


def test_off_linux_confine_turns_the_linux_protections_off_without_crashing(monkeypatch, confinement):
    monkeypatch.setattr(confine_module, "_LINUX", False)
    monkeypatch.setattr(confine_module, "_libc", None)

    report = run_confined(confinement, lambda: "ran")

    assert result_of(report) == "ran"
    protections = Protections(tuple(report["protections"].items()))
    off = {line.split(":")[0] for line in protections.off()}
    assert {"capabilities", "no new privileges", "file system", "network", "signals"} <= off
    assert report["protections"]["process group"].startswith("on")


def test_confine_refuses_a_process_running_other_threads(confinement):
    stop = threading.Event()

    report = run_confined(confinement, lambda: "ran", before=lambda: threading.Thread(target=stop.wait).start())

    assert report["error"].startswith("RuntimeError: confine() must run in a process with one thread")


def test_protections_name_what_is_off_with_its_reason():
    protections = Protections((("process group", "on"), ("processes", "off: no cgroup"), ("memory", "on (1 GiB)")))

    assert protections.off() == ["processes: no cgroup"]
    assert protections.as_dict()["memory"] == "on (1 GiB)"


# --- private_copy ------------------------------------------------------------------------


def test_private_copy_copies_regular_files_and_skips_symlinks_and_folders(tmp_path, workdir):
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "exercise1.py").write_text("print('hi')\n")
    (tmp_path / "secret.py").write_text("TOKEN = 1\n")
    (submission / "link.py").symlink_to(tmp_path / "secret.py")
    (submission / "folder.py").mkdir()

    copies = private_copy(sorted(submission.iterdir()), workdir)

    assert copies == [workdir / "exercise1.py"]
    assert sorted(path.name for path in workdir.iterdir()) == ["exercise1.py"]
    assert (workdir / "exercise1.py").read_text() == "print('hi')\n"
    assert (workdir / "exercise1.py").stat().st_mode & 0o444 == 0o444

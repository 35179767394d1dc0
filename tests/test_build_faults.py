"""A build that is killed, interrupted or run twice at once leaves nothing behind;
two at once, cold, give the site one build gives, byte for byte.

Each build runs in a copy of the sources, in its own session (as a terminal
runs it), with a marker in its environment that every process it starts
inherits (workers, the notebook's kernel), and a private TMPDIR.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import project_copy, project_env

pytestmark = pytest.mark.build  # tests/kinds.py

LINGER_S = 10.0  # a worker dies with its build (PR_SET_PDEATHSIG): at once, even under load


def processes_marked(marker: str) -> list[str]:
    """The command lines of the live processes whose environment holds ``marker``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if marker.encode() in (proc / "environ").read_bytes():
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return found


@pytest.fixture(autouse=True)
def _no_build_outlives_its_test():
    yield
    for build in STARTED:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    STARTED.clear()


STARTED: list[subprocess.Popen] = []


#: MkDocs, started as a terminal starts a job in the foreground: with Ctrl-C's default
#: action. A background job of a script ignores SIGINT, and passes that on to all it
#: starts: so run, these tests would start builds that Ctrl-C cannot stop.
AS_IN_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, '-m', 'mkdocs', *sys.argv[1:]])"
)


def start_build(project: Path, site: str = "site") -> tuple[subprocess.Popen, str, Path]:
    marker = f"GDLESSON_TEST_{uuid.uuid4().hex}"
    tmp = project / f"tmp-{marker[-6:]}"
    tmp.mkdir()
    # PYTHONFAULTHANDLER: a build that hangs, sent SIGABRT, prints every thread's stack.
    env = project_env(project) | {marker: "1", "TMPDIR": str(tmp), "PYTHONFAULTHANDLER": "1"}
    # Into a file, not a pipe that nobody reads until the end: a build (its workers,
    # its kernel) that printed more than a pipe holds would wait for a reader.
    with (project / f"stderr-{marker[-6:]}.txt").open("w") as log:
        build = subprocess.Popen(
            [sys.executable, "-c", AS_IN_A_TERMINAL, "build", "--strict", "-d", site],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
    build.log = Path(log.name)
    STARTED.append(build)
    return build, marker, tmp


def printed(build: subprocess.Popen) -> str:
    """What ``build`` printed on its standard error so far."""
    return build.log.read_text(errors="replace")


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


SHM = Path("/dev/shm")  # where named semaphores live (multiprocessing's among them)


#: What Chromium keeps there for a moment: the browser tests may run beside these
#: (scripts/test runs test files in parallel).
BROWSERS_OWN = ".org.chromium."


def shared_memory() -> set[str]:
    names = os.listdir(SHM) if SHM.is_dir() else []
    return {name for name in names if not name.startswith(BROWSERS_OWN)}


def assert_nothing_left(marker: str, tmp: Path, shm_before: set[str]) -> None:
    gone = wait_until(lambda: not processes_marked(marker), LINGER_S)
    assert gone, f"still running after {LINGER_S} s: {processes_marked(marker)}"
    assert list(tmp.iterdir()) == [], "files left in TMPDIR"
    assert shared_memory() <= shm_before, "left in /dev/shm"


def kernel_running(marker: str) -> bool:
    return any("ipykernel" in cmd for cmd in processes_marked(marker))


def workers_running(marker: str) -> bool:
    return any("gdlesson.workers" in cmd for cmd in processes_marked(marker))


@pytest.mark.parametrize("whom", ["the build", "its whole group"])
@pytest.mark.parametrize("when", ["workers running", "kernel running"])
def test_a_killed_build_leaves_no_process_and_no_file(tmp_path, when, whom):
    # Cold, the build starts its workers at once; warm but for the notebook, it goes
    # straight to the kernel (a cold one would start it only after the lesson's facts).
    project = project_copy(tmp_path, warm=when == "kernel running")
    for notebook in project.glob(".cache/gdlesson/*/try-it.ipynb"):
        notebook.unlink()
    shm_before = shared_memory()
    build, marker, tmp = start_build(project)
    running = kernel_running if when == "kernel running" else workers_running
    assert wait_until(lambda: running(marker), 60), f"never {when}"
    if whom == "the build":
        os.kill(build.pid, signal.SIGKILL)
    else:  # the terminal's kill of a job, or an out-of-memory killer's cgroup
        os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert_nothing_left(marker, tmp, shm_before)


def test_ctrl_c_stops_a_build_within_two_seconds(tmp_path):
    project = project_copy(tmp_path, package=True, warm=False)
    workbook = project / "gdlesson" / "reader" / "try_it.py"
    workbook.write_text(workbook.read_text() + "\n# %%\nimport time\ntime.sleep(30)\n")
    shm_before = shared_memory()
    build, marker, tmp = start_build(project)
    assert wait_until(lambda: kernel_running(marker), 60), "the notebook never ran"
    pressed = time.monotonic()
    os.killpg(build.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole group
    try:
        build.wait(timeout=30)
    except subprocess.TimeoutExpired:  # say where it hung
        os.kill(build.pid, signal.SIGABRT)
        build.wait()
        pytest.fail(f"still running 30 s after Ctrl-C:\n{printed(build)[-6000:]}")
    assert time.monotonic() - pressed < 2.0
    assert build.returncode != 0
    assert "AttributeError" not in printed(build)
    assert_nothing_left(marker, tmp, shm_before)


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def first_difference(a: bytes, b: bytes) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at byte {i}: {a[max(0, i - 60) : i + 60]!r} vs {b[max(0, i - 60) : i + 60]!r}"


def test_two_cold_builds_at_once_both_succeed_and_give_the_sites_bytes(site, tmp_path):
    """The build is reproducible, and safe to run twice at once. In a copy of the
    sources, its cache empty (the figures rendered, the notebook executed anew), two
    builds run at once in one checkout; both succeed, and the site they leave is
    ``site``'s (built in the repository, with whatever cache it has) byte for byte,
    sitemap, notebook page and figures included (the date: tests/test_source_date.py)."""
    project = project_copy(tmp_path, warm=False)
    first, marker_1, _ = start_build(project)
    assert wait_until(lambda: workers_running(marker_1), 60), "no worker"
    second, marker_2, _ = start_build(project)
    assert first.wait(timeout=300) == 0, printed(first)
    assert second.wait(timeout=300) == 0, printed(second)
    a, b = tree(site), tree(project / "site")
    assert sorted(a) == sorted(b)
    assert "sitemap.xml" in a and "try-it/index.html" in a
    assert any(name.startswith("figures/") for name in a)
    differing = {name: first_difference(a[name], b[name]) for name in a if a[name] != b[name]}
    assert differing == {}


# Imported by every Python the build starts (PYTHONPATH is the project): a worker
# says it started, then is slow to start, as on a loaded machine.
SLOW_WORKERS = """
import os, sys, time
if "gdlesson.workers" in sys.orig_argv:
    open(os.path.join(os.path.dirname(__file__), "started", str(os.getpid())), "w").close()
    time.sleep(1)
"""


def test_a_build_killed_as_its_workers_start_leaves_nothing(tmp_path):
    """Killed while its workers start, before they run any code of the build: a
    worker is told which process is its build, it does not look it up too late."""
    project = project_copy(tmp_path, warm=False)
    (project / "sitecustomize.py").write_text(SLOW_WORKERS)
    (project / "started").mkdir()
    shm_before = shared_memory()
    build, marker, tmp = start_build(project)
    assert wait_until(lambda: any((project / "started").iterdir()), 60), "no worker"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert_nothing_left(marker, tmp, shm_before)


def run_build(project: Path, *args: str, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=project,
        env=project_env(project),
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=preexec_fn,
        timeout=300,
    )


def assert_fails_in_one_line(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    for word in words:
        assert word in errors[0], result.stderr


def partial_files(project: Path) -> list[Path]:
    return [p for p in (project / ".cache").rglob("*") if p.name.endswith(".partial")]


def test_a_build_that_cannot_write_its_cache_stops_in_one_line(tmp_path):
    """Under ``ulimit -f`` (as on a full disk): the path and the cause, no partial file."""
    import resource

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000))

    project = project_copy(tmp_path, warm=False)
    result = run_build(project, preexec_fn=small_files)
    assert_fails_in_one_line(result, str(project / ".cache" / "gdlesson"), "File too large")
    assert partial_files(project) == []


def read_only(project: Path, *command: str) -> subprocess.CompletedProcess:
    """``command`` run in ``project`` made read-only: by a read-only mount in a user
    namespace as root (whom file modes do not stop), by file modes otherwise."""
    if os.geteuid() != 0:
        for path in [project, *project.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & ~0o222)
        try:
            return subprocess.run(
                command, cwd=project, env=project_env(project), capture_output=True, text=True
            )
        finally:
            for path in [project, *project.rglob("*")]:
                if not path.is_symlink():
                    path.chmod(path.stat().st_mode | 0o200)
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    wrapped = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "-"]
    result = subprocess.run(
        [*wrapped, str(project), *command],
        cwd=project,
        env=project_env(project),
        capture_output=True,
        text=True,
        check=False,
    )
    if "mount:" in result.stderr or "unshare:" in result.stderr:
        pytest.skip(f"no read-only mount here: {result.stderr.strip()}")
    return result


def test_a_read_only_checkout_builds_warm_and_says_why_not_cold(tmp_path):
    site = tmp_path / "site"
    warm = project_copy(tmp_path / "warm")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = read_only(warm, *mkdocs, "-d", str(site))
    assert result.returncode == 0, result.stderr
    assert (site / "try-it" / "index.html").is_file()

    cold = project_copy(tmp_path / "cold", warm=False)
    result = read_only(cold, *mkdocs, "-d", str(site))
    cause = "Read-only file system" if os.geteuid() == 0 else "Permission denied"
    assert_fails_in_one_line(result, str(cold / ".cache"), cause)


# Imported by every Python a worker starts: the notebook's kernel says it started,
# with its id, then is slow to go on (to write its connection file), as under load.
SLOW_KERNEL = """
import os, sys, time
if "ipykernel_launcher" in " ".join(sys.orig_argv):
    with open(os.path.join(os.path.dirname(__file__), "kernel"), "w") as file:
        file.write(str(os.getpid()))
    time.sleep(60)
"""


def running(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in "ZX"


def test_a_kernel_still_starting_ends_with_its_worker(tmp_path, monkeypatch):
    """A build stopped (a false claim, Ctrl-C) while its kernel starts leaves no kernel
    to write its connection file, later, into the folder the build removed."""
    import nbformat

    from gdlesson.workers import Workers

    (tmp_path / "sitecustomize.py").write_text(SLOW_KERNEL)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    workers = Workers(1)
    notebook = nbformat.writes(nbformat.v4.new_notebook())
    workers.submit("gdlesson.notebook:execute", notebook, str(tmp_path), str(tmp_path / "rt"))
    assert wait_until((tmp_path / "kernel").is_file, 60), "the kernel never started"
    wait_until(lambda: (tmp_path / "kernel").read_text(), 5)  # written, then closed
    kernel = int((tmp_path / "kernel").read_text())
    workers.terminate()
    try:
        assert wait_until(lambda: not running(kernel), LINGER_S), "the kernel outlived its worker"
    finally:
        if running(kernel):
            os.kill(kernel, signal.SIGKILL)

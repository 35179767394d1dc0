"""The build's worker processes, without :mod:`multiprocessing`.

Each worker is a fresh ``python -m gdlesson.workers <build's pid>``: it imports
gdlesson as it is on disk now (serve sees edits) and takes jobs, pickled, on its
standard input; it answers on what was its standard output (what a job prints
goes to standard error). Nothing is shared but two pipes: no named semaphore in
``/dev/shm`` and no resource tracker, so a build killed at any moment, its whole
group with it, leaves nothing behind. A worker exits when its build is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
import traceback
from concurrent.futures import Future
from pathlib import Path

#: prctl's option that has a process killed when its parent ends (<linux/prctl.h>).
PR_SET_PDEATHSIG = 1
try:  # found now, not in a child just forked (as preexec_fn), where loading may hang
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):
    _prctl = None
#: The folder that holds the package: the workers import it from there.
SOURCES = Path(__file__).resolve().parent.parent


class WorkerStopped(Exception):
    """A worker ended before it answered (the build was stopped, or it was killed)."""


class RemoteTraceback(Exception):
    """Where a job failed, in its worker: given as the cause of the job's error."""


class Workers:
    """``count`` workers; :meth:`submit` queues a job, the first free worker runs it."""

    def __init__(self, count: int) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._processes = [self._start() for _ in range(count)]
        self._threads = [
            threading.Thread(target=self._feed, args=(process,), daemon=True)
            for process in self._processes
        ]
        for thread in self._threads:
            thread.start()

    @staticmethod
    def _start() -> subprocess.Popen:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCES), env.get("PYTHONPATH")]))
        return subprocess.Popen(
            [sys.executable, "-m", "gdlesson.workers", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )

    def submit(self, target: str, *args) -> Future:
        """Run ``module:function(*args)`` in a worker; its result, or its error."""
        future: Future = Future()
        self._jobs.put((future, (target, args)))
        return future

    def _feed(self, process: subprocess.Popen) -> None:
        alive = True
        while (job := self._jobs.get()) is not None:
            future, request = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if not alive:
                    raise EOFError
                pickle.dump(request, process.stdin)
                process.stdin.flush()
                ok, value, where = pickle.load(process.stdout)
            except (OSError, EOFError, ValueError, pickle.UnpicklingError):
                # Its worker gone, this feeder fails the jobs it takes: none waits forever.
                alive = False
                future.set_exception(WorkerStopped(f"worker {process.pid} stopped"))
                continue
            if ok:
                future.set_result(value)
            else:
                value.__cause__ = RemoteTraceback(where)
                future.set_exception(value)

    def terminate(self) -> None:
        """End every worker now; a job not answered fails with :class:`WorkerStopped`."""
        for process in self._processes:
            process.kill()  # a worker ignores Ctrl-C and holds nothing to clean up
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()  # each fails what it takes until its None
        for process in self._processes:
            process.wait()
            with contextlib.suppress(OSError):  # a flush into a dead worker
                process.stdin.close()
            process.stdout.close()


def call(target: str, *args):
    """``module:function`` called with ``args``, imported here: as it is on disk now."""
    module, function = target.split(":")
    return getattr(importlib.import_module(module), function)(*args)


def die_with_parent() -> None:
    """Ask Linux to kill this process the moment the thread that started it ends
    (prctl's PR_SET_PDEATHSIG): a worker deep in a long job goes with its build, a
    kernel still starting goes with its worker. Elsewhere it does nothing."""
    if _prctl is not None:  # elsewhere the polls alone
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _exit_when_gone(build: int) -> None:
    while os.getppid() == build:
        time.sleep(0.2)
    os._exit(1)


def serve(build: int) -> None:
    """Answer jobs until the build closes the pipe or is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the build stops its workers
    die_with_parent()
    # Told its build's id, not reading it: the build may be gone before this line.
    threading.Thread(target=_exit_when_gone, args=(build,), daemon=True).start()
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what a job prints is not mistaken for an answer
    requests = sys.stdin.buffer
    while True:
        try:
            target, args = pickle.load(requests)
        except EOFError:
            return
        try:
            answer = pickle.dumps((True, call(target, *args), ""))
        except Exception as error:  # noqa: BLE001 - the build re-raises it
            where = traceback.format_exc()
            try:
                answer = pickle.dumps((False, error, where))
                pickle.loads(answer)  # it must arrive, too
            except Exception:  # noqa: BLE001 - an error that cannot travel
                answer = pickle.dumps((False, RuntimeError(repr(error)), where))
        answers.write(answer)
        answers.flush()


if __name__ == "__main__":
    serve(int(sys.argv[1]))

"""A computation done in a forked child process while the caller goes on: a large command's use of the second core.

igraph holds the GIL while it computes, and so does Python code, so threads cannot run two such
computations at once; a forked child can, and it reads the parent's data without copying it. The
network statistics measure the membership graph this way beside the network graph, and an export
audits its networks while it writes the rest of the file.

A child is worth its fork only beside the caller: with one core (the process's affinity, as a
container sets it) the function runs in the caller.

The child sends its result back pickled through a pipe and leaves with ``os._exit``, running none
of the parent's clean-up. Where ``fork`` is missing, or the child fails in any way (killed, out of
memory, an exception), the function runs in the caller instead: the result is the same either way.

>>> Forked(lambda: sum(range(10))).result()
45
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


def _second_core() -> bool:
    """Can a child run beside this process: has it more than one core to run on?"""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores > 1


class Forked(Generic[T]):
    """``function()`` computed in a forked child from now on; :meth:`result` waits for it. Without ``fork`` (work
    too small to be worth a process), or a second core, it is computed by :meth:`result` in the caller."""

    def __init__(self, function: Callable[[], T], fork: bool = True) -> None:
        self._function = function
        self._pid, self._pipe = 0, -1
        if not fork or not hasattr(os, "fork") or not _second_core():
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: computed in the caller
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, leave without running anything of the parent's
            try:
                gc.disable()  # a collection would touch every shared object and so copy the parent's memory
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    out.write(pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL))
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._pipe = pid, read

    @property
    def running(self) -> bool:
        """Is a child computing the result now (so that :meth:`result` waits for it)?"""
        return self._pid != 0

    def result(self) -> T:
        """The child's result, or the function run here when there is none."""
        if not self._pid:
            return self._function()
        try:
            with os.fdopen(self._pipe, "rb") as received:
                data = received.read()
        finally:
            os.waitpid(self._pid, 0)
            self._pid = 0
        try:
            return pickle.loads(data)
        except Exception:  # nothing sent (the function failed there: it fails here again, reported) or cut short
            return self._function()

    def cancel(self) -> None:
        """The child stopped (its result no longer wanted: the caller failed or went another way) and reaped."""
        if self._pid:
            pid, self._pid = self._pid, 0
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            os.close(self._pipe)
            os.waitpid(pid, 0)

    def __del__(self) -> None:  # never waited for (the caller failed first): the result is not wanted, no child left
        try:
            self.cancel()
        except OSError:
            pass

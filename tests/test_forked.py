"""Work done in a forked child (:mod:`om_graph.forked`): the membership graph and the network graph's betweenness
measured there give the same statistics as in one process, whatever a child does; a result never waited for stops it."""

from __future__ import annotations

import os
import time

import pytest

from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.network import stats
from om_graph.forked import Forked
from om_graph.synth.landscape import generate_landscape

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform: everything runs in one process")


def test_the_child_computes_the_result() -> None:
    parent = os.getpid()
    assert Forked(os.getpid).result() != parent  # computed over there


def test_a_child_that_sends_nothing_leaves_the_work_to_the_caller() -> None:
    parent = os.getpid()

    def dies_in_the_child() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return 7

    assert Forked(dies_in_the_child).result() == 7


def test_a_failure_in_the_child_is_raised_here() -> None:
    def fails() -> int:
        raise ValueError("no membership graph")

    with pytest.raises(ValueError, match="no membership graph"):
        Forked(fails).result()


def test_with_one_core_it_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child beside the caller on one core only adds its fork to the same work."""
    import om_graph.forked as forking

    monkeypatch.setattr(forking.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(forking.os, "cpu_count", lambda: 1)
    job = Forked(os.getpid)
    assert not job.running and job.result() == os.getpid()
    monkeypatch.setattr(forking.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(forking.os, "cpu_count", lambda: 2)
    job = Forked(os.getpid)
    assert job.running and job.result() != os.getpid()


def test_not_forked_it_runs_when_asked_for() -> None:
    calls = []
    job = Forked(lambda: calls.append(os.getpid()) or len(calls), fork=False)
    assert calls == [] and job.result() == 1 and calls == [os.getpid()]


@pytest.mark.parametrize("seed", [1, 2])
def test_statistics_are_the_same_measured_in_a_child_or_here(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = EmbeddedEngine(generate_landscape(1, seed))
    forked = []
    real = Forked.__init__

    def spy(self: Forked, function, fork: bool = True) -> None:  # type: ignore[no-untyped-def]
        forked.append(fork)
        real(self, function, fork)

    monkeypatch.setattr(Forked, "__init__", spy)
    monkeypatch.setattr(stats, "FORK_WORK", 0)
    in_a_child = stats.network_stats(engine)
    monkeypatch.setattr(stats, "FORK_WORK", 10**18)
    here = stats.network_stats(engine)
    assert forked == [True, True, False, False]  # the membership graph, then the network graph's betweenness
    assert in_a_child == here and in_a_child.organisations


def test_a_result_never_waited_for_stops_the_child_and_leaves_none() -> None:
    """The caller failed first (an export before its networks were written): it does not wait for the child."""
    job = Forked(lambda: time.sleep(60))
    pid = job._pid
    started = time.monotonic()
    del job
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)

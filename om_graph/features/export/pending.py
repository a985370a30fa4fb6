"""The export's audit computed in a forked child while the parent writes: the second core's share of an export.

An embedded export needs the audit for the networks' nodes only. At scale 100 building the
audit's graph and running the network rules take about 3 s, and writing the rest of the file as
long: a child forked once the rows are made reads them without copying and does the audit,
while the parent writes every node and relationship that does not wait for it
(:func:`~om_graph.features.export.xml` spools what follows the networks and copies it in after
them). Where ``fork`` is missing, or the child fails in any way, the work is done in the caller
when first needed (:class:`~om_graph.forked.Forked`): the result, and so the file, is the same either way.

>>> sorted(Pending(lambda: {"n1": {"stage": 2}}))
['n1']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Iterator

from om_graph.forked import Forked

#: Nodes and relationships a graph needs before its audit is worth a process of its own (a fork and
#: a pipe cost a few milliseconds; the example dataset's audit takes less than that).
FORK_ELEMENTS = 20_000


def worth_forking(elements: int) -> bool:
    """Is a graph of ``elements`` nodes and relationships large enough for its audit to be worth a child?"""
    return elements >= FORK_ELEMENTS


class Pending(Mapping[str, Any]):
    """The mapping ``work()`` returns, computed in a forked child from now on (``fork``) or here when first read.

    :attr:`computing` tells whether a child is at work, so that a writer puts off what needs the value.
    A value never read is not waited for: the child is stopped.
    """

    def __init__(self, work: Callable[[], Mapping[str, Any]], fork: bool = True) -> None:
        self._job = Forked(lambda: dict(work()), fork)
        self._value: Mapping[str, Any] | None = None

    @property
    def computing(self) -> bool:
        """Whether a child computes the value now (reading it waits for the child)."""
        return self._job.running

    def value(self) -> Mapping[str, Any]:
        """The child's result, or the work done here when there is none."""
        if self._value is None:
            self._value = self._job.result()
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self.value()[key]

    def __contains__(self, key: object) -> bool:
        return key in self.value()

    def __iter__(self) -> Iterator[str]:
        return iter(self.value())

    def __len__(self) -> int:
        return len(self.value())

"""The membership graph measured while the dataset is still being read and checked: the statistics' head start.

Reading and checking a large landscape takes about two seconds on one core (scale 100) before the
statistics can begin, and the longest of them, the membership graph's betweenness, needs only who
is a member where. So for a folder of CSV files a forked child reads the ids of ``networks.csv``
and the two id columns of ``memberships.csv`` as written (:func:`_from_files`) and measures the
membership graph on the second core meanwhile.

Its result is used only if the memberships it read, as codes (:func:`~om_graph.features.network.reads.membership_codes`),
are exactly those of the validated dataset; otherwise (a file in another layout, German column
names, a dataset that fails its checks) it is dropped and the graph is measured as without it. The
statistics are the same either way: the child's metrics are computed by the same function from
the same codes. A child whose result is not wanted is stopped (:meth:`Forked.cancel`).
"""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterator

from om_graph.dataset.io.csv_folder import detect_delimiter
from om_graph.dataset.io.text import decode_table
from om_graph.forked import Forked
from om_graph.features.network.reads import Reads, membership_codes
from om_graph.features.network.stats import Memberships, OrganisationGraphMetrics, organisation_graph_metrics

#: Size of ``memberships.csv`` from which a child starts early (about 25,000 memberships): below, the membership
#: graph is measured in a few tens of milliseconds and a process would cost more than it saves.
EARLY_BYTES = 1 << 20

#: What the child read (the number of networks, the member ids, each membership's codes) and the metrics of it.
Found = tuple[tuple[int, list[str], Any, Any], OrganisationGraphMetrics]


class Early:
    """The membership graph's metrics from a child started before the dataset was read (:func:`measured_early`)."""

    def __init__(self, job: Forked[Found | None]) -> None:
        self._job = job

    def measured(self, reads: Reads, otherwise: Callable[[], Any]) -> "_Checked":
        """Something to ask for the membership graph's metrics of ``reads`` (``result()``): the child's if it read
        exactly these memberships, else ``otherwise().result()`` (the metrics measured as without a head start)."""
        return _Checked(self, reads, otherwise)

    def metrics(self, reads: Reads) -> OrganisationGraphMetrics | None:
        """The child's metrics if what it read is coded exactly as ``reads``, else None."""
        import numpy as np

        found = self._job.result()
        if found is None:
            return None
        (networks, organisations, organisation, network), metrics = found
        same = (networks == len(reads.networks) and organisations == reads.organisations
                and np.array_equal(organisation, reads.organisation) and np.array_equal(network, reads.network))
        return metrics if same else None

    def cancel(self) -> None:
        self._job.cancel()


class _Checked:
    """The membership graph's metrics as :meth:`Early.measured` promises them, checked when asked for."""

    def __init__(self, early: Early, reads: Reads, otherwise: Callable[[], Any]) -> None:
        self._early, self._reads, self._otherwise = early, reads, otherwise

    def result(self) -> OrganisationGraphMetrics:
        found = self._early.metrics(self._reads)
        return found if found is not None else self._otherwise().result()


@contextmanager
def measured_early(path: Path | str | None) -> Iterator[Early | None]:
    """A child measuring the membership graph of the CSV folder ``path`` while the caller reads it (None: not worth
    it, or not a folder of CSV files); stopped when the block ends without having used it."""
    early = None
    if path is not None:
        folder = Path(path)
        networks, memberships = folder / "networks.csv", folder / "memberships.csv"
        try:
            worth = folder.is_dir() and networks.is_file() and memberships.stat().st_size >= EARLY_BYTES
        except OSError:
            worth = False
        if worth:
            import numpy  # noqa: F401  (imported once, before the fork, for both processes)

            job = Forked(partial(_from_files, networks, memberships))
            early = Early(job) if job.running else None  # not forked (one core): no head start, nothing read twice
    try:
        yield early
    finally:
        if early is not None:
            early.cancel()


def _from_files(networks_csv: Path, memberships_csv: Path) -> Found | None:
    """The memberships of the two files as codes, and the membership graph's metrics; None where the files are not
    as plainly written as expected (they are read and checked properly anyway, and this is then not used)."""
    try:
        [network_ids] = _columns(networks_csv, ("id",))
        organisation_ids, member_network_ids = _columns(memberships_csv, ("organisation_id", "network_id"))
        index = {network_id: i for i, network_id in enumerate(sorted(network_ids))}
        if len(index) != len(network_ids):
            return None
        organisations, organisation, network = membership_codes(index, organisation_ids, member_network_ids)
    except Exception:  # anything unexpected: the dataset's own reading reports it, if it is a problem at all
        return None
    members = Memberships(organisations, organisation.tolist(), network.tolist())
    return (len(index), organisations, organisation, network), organisation_graph_metrics(len(index), members)


def _columns(file: Path, names: tuple[str, ...]) -> list[list[str]]:
    """The columns ``names`` of a CSV file, each cell stripped, as the dataset's reader decodes and splits it."""
    delimiter, text = detect_delimiter(decode_table(file.read_bytes()))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = [cell.strip() for cell in next(rows)]
    positions = [header.index(name) for name in names]
    found: list[list[str]] = [[] for _ in names]
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        for column, position in zip(found, positions):
            column.append(row[position].strip())
    return found

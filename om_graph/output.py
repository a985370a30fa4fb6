"""Writing output, all or nothing: a failed run never leaves a half-written file or dataset.

Everything is written next to its destination first (same file system, so the final move
is a rename) and moved into place only when complete. Temporary files are private (0600);
what is published gets the permissions an ordinary write would give (the umask's).
Every command writes through here: :func:`emit` for reports, :func:`atomic_file` and
:func:`atomic_folder` for workbooks and datasets.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from om_graph.errors import OmGraphError


class OutputError(OmGraphError):
    """The output could not be written (nothing was changed)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish_mode(path: Path, directory: bool = False) -> None:
    """Temporary files are private (0600); give output the permissions a normal write would."""
    path.chmod((0o777 if directory else 0o666) & ~_umask())


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; it replaces ``path`` only if the block succeeds."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _publish_mode(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_folder(path: Path, owned: Iterable[str]) -> Iterator[Path]:
    """Yield a temporary folder to fill; on success its files replace those in ``path``.

    ``owned`` names the files this writer is responsible for: one not written this time
    is removed from ``path`` (a stale ``networks.csv`` would otherwise be read back),
    and files with other names in an existing folder are left alone.
    """
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file; give a folder for CSV output")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        yield tmp
        for file in tmp.iterdir():
            _publish_mode(file)
        if not path.exists():
            _publish_mode(tmp, directory=True)
            os.replace(tmp, path)
            return
        for name in owned:
            if (tmp / name).exists():
                os.replace(tmp / name, path / name)
            else:
                (path / name).unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` all or nothing."""
    with atomic_file(Path(path)) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)

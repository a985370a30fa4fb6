"""Text written ahead of its place in a file: held in a spool beside it, copied in when the block ends.

An export writes what follows the networks while their audit is still computed
(:mod:`.pending`). Held in memory that text would be most of the file (200 MB at scale 100),
so a file's spool is an unnamed temporary file in the same folder, copied in by the kernel
(``os.copy_file_range``, without passing through Python); an in-memory output (``io.StringIO``)
gets an in-memory spool. Nothing is copied when the block fails, and the spool is always removed.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from typing import Iterator, TextIO

#: Bytes the spool gathers before each write to disk (as the export's own file).
BUFFER = 1 << 20


@contextmanager
def spooled(out: TextIO) -> Iterator[TextIO]:
    """A text file to write now what ``out`` gets only at the end of the block (after what the block writes to ``out``)."""
    folder = _folder(out)
    if folder is None:
        memory = io.StringIO()
        yield memory
        out.write(memory.getvalue())
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", buffering=BUFFER, dir=folder) as spool:
        yield spool
        spool.flush()
        out.flush()
        _copy(spool.fileno(), out)


def _folder(out: TextIO) -> str | None:
    """The folder of the file ``out`` writes to, or None when it is not a seekable UTF-8 file on disk."""
    try:
        if not out.seekable():
            return None
        out.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError and a ValueError
        return None
    name = getattr(out, "name", None)
    if not isinstance(name, str) or (getattr(out, "encoding", "") or "").lower().replace("-", "") != "utf8":
        return None
    return os.path.dirname(os.path.abspath(name))


def _copy(source: int, out: TextIO) -> None:
    """The spool's bytes appended to ``out`` (flushed), by the kernel where it can."""
    size = os.fstat(source).st_size
    os.lseek(source, 0, os.SEEK_SET)
    target = out.fileno()
    copied = 0
    try:
        while copied < size:
            step = os.copy_file_range(source, target, size - copied)
            if step == 0:
                break
            copied += step
    except (AttributeError, OSError):  # no copy_file_range here, or not between these files
        pass
    if copied < size:
        os.lseek(source, copied, os.SEEK_SET)
        with open(source, "rb", closefd=False) as rest:
            shutil.copyfileobj(rest, out.buffer, BUFFER)
        out.buffer.flush()
    out.seek(0, os.SEEK_END)  # the text layer takes up after the copied bytes

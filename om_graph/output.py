"""Writing output, all or nothing: a failed run never leaves a half-written file or dataset.

Everything is written next to its destination first (same file system, so the final move
is a rename) and moved into place only when complete. Temporary files are private (0600);
what is published gets the permissions an ordinary write would give (the umask's), and a
file that already exists keeps its own (a 0600 report stays 0600).
Every command writes through here: :func:`emit` for reports, :func:`atomic_file` and
:func:`atomic_folder` for workbooks and datasets, :func:`write_new` for archives that never overwrite.

Where a path leads decides how it is written, as a shell's ``>`` would: a link to a file is
followed (the file it names is replaced, the link stays a link); a character device or a named
pipe (``/dev/stdout``, ``/dev/null``, ``mkfifo``) is written through once the output is complete.
A folder, a link to nothing and other special files are refused. Any failure of the file system
(no permission, disk full, a parent that is a file, a name too long) is one :class:`OutputError`.

Values that reach a spreadsheet or a terminal pass through :func:`spreadsheet_safe`,
:func:`looks_like_formula` and :func:`terminal_safe`, so that a name is shown, never run.
Every CSV, a dataset's sheets and a report alike, is spelled by one :class:`CsvDialect` per format
(:data:`CSV_DIALECTS`: ``csv`` for programs, ``csv-de`` for German Excel).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from om_graph.errors import OmGraphError


class OutputError(OmGraphError):
    """The output could not be written (nothing was changed)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish_mode(path: Path, directory: bool = False, keep: int | None = None) -> None:
    """Temporary files are private (0600); give output the mode of the file it replaces, or an ordinary write's."""
    path.chmod(keep if keep is not None else (0o777 if directory else 0o666) & ~_umask())


def _cannot_write(path: Path, error: OSError) -> OutputError:
    reason = error.strerror or str(error)
    return OutputError(f"{path}: cannot write ({reason})")


def _temporary_prefix(path: Path) -> str:
    """A hidden name beside ``path``, short enough that a name near the limit still gets its temporary."""
    return f".{path.name[:64]}."


def _make_parent(path: Path) -> None:
    """Create the folders above ``path``; a file where a folder must be is named, not reported as 'exists'."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"{path}: cannot write ({parent} is a file, not a folder)")
    path.parent.mkdir(parents=True, exist_ok=True)


def _destination(path: Path) -> tuple[Path, bool, int | None]:
    """Where ``path`` leads: (the file to replace, write through?, the mode to keep)."""
    if path == Path("."):
        raise OutputError("no file name given (the output path is empty or '.')")
    try:
        found = path.stat()  # follows links
    except (FileNotFoundError, NotADirectoryError):  # a new file (a parent that is a file is named later)
        if path.is_symlink():
            raise OutputError(f"{path}: is a link to {os.readlink(path)}, which does not exist; give a file") from None
        return path, False, None
    if stat.S_ISDIR(found.st_mode):
        raise OutputError(f"{path}: is a folder; give a file name")
    if stat.S_ISREG(found.st_mode):
        return Path(os.path.realpath(path)), False, stat.S_IMODE(found.st_mode)
    if stat.S_ISCHR(found.st_mode) or stat.S_ISFIFO(found.st_mode):
        return path, True, None
    raise OutputError(f"{path}: is a special file (not a file, device or pipe); give a file name")


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; it replaces ``path`` (see the module) only if the block succeeds."""
    path = Path(path)
    try:
        target, through, mode = _destination(path)
        if through:
            yield from _written_through(path)
            return
        _make_parent(target)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=_temporary_prefix(target), suffix=".tmp")
        os.close(fd)
        tmp = Path(name)
        try:
            yield tmp
            _publish_mode(tmp, keep=mode)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as error:
        raise _cannot_write(path, error) from None


def _written_through(device: Path) -> Iterator[Path]:
    """Collect the output in a private temporary file, then copy it to ``device`` in one go."""
    fd, name = tempfile.mkstemp(prefix=".om-graph.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb") as data, open(device, "wb") as out:
            shutil.copyfileobj(data, out)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_folder(path: Path, owned: Iterable[str]) -> Iterator[Path]:
    """Yield a temporary folder to fill; on success its files replace those in ``path``.

    ``owned`` names the files this writer is responsible for: one not written this time
    is removed from ``path`` (a stale ``networks.csv`` would otherwise be read back),
    and files with other names in an existing folder are left alone; replaced files keep their mode.
    """
    path = Path(path)
    try:
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path}: is a file; give a folder for CSV output")
        if path.is_symlink() and not path.exists():
            raise OutputError(f"{path}: is a link to {os.readlink(path)}, which does not exist; give a folder")
        _make_parent(path)
        tmp = Path(tempfile.mkdtemp(dir=path.absolute().parent, prefix=_temporary_prefix(path.absolute()), suffix=".tmp"))
        try:
            yield tmp
            if not path.exists():
                for file in tmp.iterdir():
                    _publish_mode(file)
                _publish_mode(tmp, directory=True)
                os.replace(tmp, path)
                return
            for name in owned:
                old, new = path / name, tmp / name
                if new.exists():
                    _publish_mode(new, keep=stat.S_IMODE(old.stat().st_mode) if old.is_file() else None)
                    os.replace(new, old)
                else:
                    old.unlink(missing_ok=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError as error:
        raise _cannot_write(path, error) from None


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` all or nothing."""
    with atomic_file(Path(path)) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def write_new(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` all or nothing, never over an existing file (an archive keeps every entry).

    The complete temporary file is hard-linked to ``path``, which fails if the name is taken,
    so two writers racing for one name cannot overwrite each other.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        _publish_mode(tmp)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise OutputError(f"{path}: exists already; it is kept, not overwritten") from None
    finally:
        tmp.unlink(missing_ok=True)


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


# -- values people open in a spreadsheet or read in a terminal --------------------------------------
#: What makes a spreadsheet read a cell as a formula (OWASP "CSV injection"), tab and CR included.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A plain number is a value, not a formula: "-5", "+49", "-0,5" stay as they are.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def looks_like_formula(value: Any) -> bool:
    """Would Excel or LibreOffice take this text for a formula?

    >>> looks_like_formula('=HYPERLINK("http://x")'), looks_like_formula("@SUM(A1)"), looks_like_formula("-5")
    (True, True, False)
    """
    return isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value)


def spreadsheet_safe(value: Any) -> Any:
    """A value for a CSV cell a person opens: text a spreadsheet would run gets a leading ``'``.

    The apostrophe is how a spreadsheet marks text, so the cell shows the name and never runs it;
    JSON keeps values verbatim and workbooks mark such cells as text instead (:func:`looks_like_formula`).

    >>> spreadsheet_safe("=1+1"), spreadsheet_safe("OM Nord"), spreadsheet_safe(3)
    ("'=1+1", 'OM Nord', 3)
    """
    return "'" + value if looks_like_formula(value) else value


#: Control characters a terminal acts on (escape sequences, carriage return, C1 codes) and
#: the invisible marks that reorder text; line feeds and tabs are layout and stay.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    r"""``text`` with every control character shown as an escape, so a name cannot drive the terminal.

    >>> terminal_safe("OM\x1b[2J Nord\n")
    'OM\\x1b[2J Nord\n'
    """
    return _TERMINAL_CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


# -- CSV, for programs and for German Excel: one dialect per format, datasets and reports alike ----------
@dataclass(frozen=True)
class CsvDialect:
    """How a CSV format spells its values and lays out its lines.

    ``csv`` is for programs: comma, UTF-8, ISO dates, ``true``/``false``, shares as fractions,
    English column keys. ``csv-de`` is what German Excel opens on a double click: semicolon,
    UTF-8 with a byte order mark (without it Excel reads the umlauts as Windows-1252), decimal
    comma, dates as ``30.06.2025``, ``ja``/``nein``, shares as ``75,9 %``, German headers.
    om-graph's own dataset reader reads both (:mod:`om_graph.dataset.io.csv_folder`).
    """

    name: str
    delimiter: str
    #: ``utf-8-sig`` writes the byte order mark.
    encoding: str
    lineterminator: str
    decimal: str
    true: str
    false: str
    #: Language of the headers and of words in cells; machine CSV keeps the English keys.
    lang: str
    #: Shares (0.759) as percentages people read (``75,9 %``) rather than fractions.
    percent: bool

    def format_date(self, day: dt.date) -> str:
        return day.isoformat() if self.decimal == "." else f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


CSV_DIALECTS: dict[str, CsvDialect] = {
    "csv": CsvDialect("csv", ",", "utf-8", "\n", ".", "true", "false", "en", percent=False),
    "csv-de": CsvDialect("csv-de", ";", "utf-8-sig", "\r\n", ",", "ja", "nein", "de", percent=True),
}


def csv_value(value: Any, dialect: CsvDialect, kind: str = "auto") -> str:
    """One cell as ``dialect`` spells it; ``kind`` ``percent`` marks a share, ``date`` an ISO date string.

    >>> de = CSV_DIALECTS["csv-de"]
    >>> csv_value(0.5, de), csv_value(0.759, de, "percent"), csv_value("2025-06-30", de, "date"), csv_value(True, de)
    ('0,5', '75,9 %', '30.06.2025', 'ja')
    >>> csv_value(0.759, CSV_DIALECTS["csv"], "percent"), csv_value(["a", "b"], CSV_DIALECTS["csv"])
    ('0.759', 'a; b')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return dialect.true if value else dialect.false
    if isinstance(value, (list, tuple)):
        return "; ".join(csv_value(v, dialect) for v in value)
    if kind == "date" and isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.isoformat() if dialect.decimal == "." else f"{dialect.format_date(value.date())} {value:%H:%M:%S}"
    if isinstance(value, dt.date):
        return dialect.format_date(value)
    if isinstance(value, float) and kind == "percent" and dialect.percent:
        return f"{value * 100:.1f}".replace(".", dialect.decimal) + " %"
    if isinstance(value, float):
        return repr(value).replace(".", dialect.decimal)
    return str(value)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], dialect: CsvDialect, kinds: Sequence[str] = ()) -> str:
    """A CSV document in ``dialect``; ``kinds`` name each column's kind (see :func:`csv_value`).

    Every cell passes :func:`spreadsheet_safe`, so a name is shown and never run. A ``utf-8-sig``
    dialect's text starts with the byte order mark, which :func:`write_atomic` writes as UTF-8.

    >>> csv_text(["Name", "Anteil"], [["Müller", 0.5]], CSV_DIALECTS["csv-de"], ["text", "percent"])
    '\\ufeffName;Anteil\\r\\nMüller;50,0 %\\r\\n'
    """
    out = io.StringIO()
    if dialect.encoding == "utf-8-sig":
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator=dialect.lineterminator)
    writer.writerow([spreadsheet_safe(h) for h in header])
    for row in rows:
        writer.writerow(
            [spreadsheet_safe(csv_value(v, dialect, kinds[i] if i < len(kinds) else "auto")) for i, v in enumerate(row)]
        )
    return out.getvalue()

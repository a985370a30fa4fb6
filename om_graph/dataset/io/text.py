"""Bytes to text, decided per file on evidence, never by guessing silently.

A CSV file is UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 as German Excel
saves it. One Windows-1252 byte in an otherwise UTF-8 file is not a reason to read the whole
file as Windows-1252 (every umlaut would turn into ``MÃ¼nchen``): it is a mistake in one cell,
reported with its line. Files that are neither (UTF-16 without BOM, a binary file) are said to
be so. YAML, JSON, profiles and Cypher files are UTF-8 (or UTF-16 with BOM) only.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from om_graph.errors import InputError

#: UTF-8 sequences of the letters and punctuation German text holds (Ä-ÿ, Latin Extended-A, „“–€):
#: their presence is evidence the file was meant as UTF-8. Windows-1252 text rarely forms them.
_UTF8_EVIDENCE = re.compile(rb"[\xc3\xc4\xc5][\x80-\xbf]|\xe2[\x80-\x82][\x80-\xbf]")
#: Text has few NUL bytes if any (a stray one is a cell's problem, reported by validation);
#: UTF-16 without byte-order mark or a binary file is full of them.
_NUL_SHARE = 10


class NotText(ValueError):
    """Bytes that are not text in an encoding om-graph reads; ``line`` is where the evidence is."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _by_bom(data: bytes) -> str | None:
    """Text of a file with a byte-order mark (strict: a broken byte is reported), else None."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(codec)
            except UnicodeDecodeError as error:
                where = _line_of(body, error.start) if codec == "utf-8" else None
                raise NotText(f"starts as {codec.upper()} (byte-order mark) but is not {codec.upper()} further on", where or 1) from None
    return None


def decode_table(data: bytes) -> str:
    """A CSV file's text: by BOM, else UTF-8, else Windows-1252 when nothing says otherwise.

    Raises :class:`NotText` for UTF-8 with stray Windows-1252 bytes, and for bytes that are
    neither encoding (a NUL byte, an undefined Windows-1252 byte).

    >>> decode_table("Jörg".encode()), decode_table("Jörg".encode("cp1252"))
    ('Jörg', 'Jörg')
    """
    text = _by_bom(data)
    if text is not None:
        return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad, line = data[error.start], _line_of(data, error.start)
        if _UTF8_EVIDENCE.search(data):
            seen = bytes([bad]).decode("cp1252", errors="replace")
            raise NotText(
                f"byte 0x{bad:02X} is not UTF-8, though the rest of the file is (in Windows-1252 it would be {seen!r}); "
                "save the file as UTF-8 again",
                line,
            ) from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as cp_error:
            bad = data[cp_error.start]
            raise NotText(
                f"byte 0x{bad:02X} is neither UTF-8 nor Windows-1252 text; save the file as CSV UTF-8",
                _line_of(data, cp_error.start),
            ) from None
    if data.count(b"\x00") * _NUL_SHARE > len(data):
        raise NotText(
            "is full of NUL bytes: UTF-16 without byte-order mark, or not a CSV file at all; save it as CSV UTF-8",
            _line_of(data, data.index(b"\x00")),
        )
    return text


def decode_utf8(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped; UTF-16 with BOM is read too), or :class:`NotText` saying where it is not."""
    text = _by_bom(data)
    if text is not None:
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start]
        hint = bytes([bad]).decode("cp1252", errors="replace")
        raise NotText(
            f"not UTF-8 text: byte 0x{bad:02X} (Windows-1252 {hint!r}?); save the file as UTF-8",
            _line_of(data, error.start),
        ) from None


def read_utf8(path: Path, what: str = "file") -> str:
    """The UTF-8 text of ``path``; unreadable or not UTF-8 is one :class:`InputError` naming the line."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read {what} ({error.strerror or error})") from None
    try:
        return decode_utf8(data)
    except NotText as error:
        raise InputError(f"{path}:{error.line}: {error}") from None

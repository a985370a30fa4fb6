"""Excel workbooks the office can open and filter at once: one writer for every report's ``--format xlsx``.

Every sheet has the same shape: a title row, a row with the as-of date, profile and data
source, a blank row, then a table whose header is frozen and filtered, styled as an Excel
table, with widths fitted to the content. Values are real cells: numbers stay numbers,
shares are percentages, dates are date cells shown ``30.06.2025`` under ``--lang de`` and
``2025-06-30`` otherwise. Text is always stored as a text cell, so a name that begins with
``=``, ``+``, ``-`` or ``@`` shows as written and never runs as a formula (openpyxl would
otherwise store it as one).

The same :class:`Sheet` is what ``--format csv-de`` writes (:func:`sheet_csv`): a report defines
its table once, for the workbook and for German Excel's CSV alike. :func:`caption` words the line
every report's sheets carry: as-of date, profile and data source.

>>> sheet = Sheet("Networks", [Column("id", "Id"), Column("partners", "Partners", "int")],
...               [{"id": "n1", "partners": 3}])
>>> data = workbook_bytes([sheet], Caption("Audit", "as of 2025-06-30"), "en")
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Sequence

Kind = Literal["text", "int", "float", "percent", "date", "bool", "auto"]

#: Excel number formats per kind; dates depend on the language.
NUMBER_FORMATS = {"int": "#,##0", "float": "#,##0.00", "percent": "0.0%"}
#: German writes a space before the percent sign (75,9 %); Excel's separators follow the reader's locale.
PERCENT_FORMATS = {"de": "0.0 %"}
DATE_FORMATS = {"de": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
HEADER_ROW = 4
MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    """One column: the row key it shows, its header as people read it, and the kind of its cells.

    ``auto`` keeps numbers as numbers, dates as dates and everything else as text (a column of mixed values).
    """

    key: str
    header: str
    kind: Kind = "text"


@dataclass(frozen=True)
class Sheet:
    """A table of rows (dicts) under a title; the sheet's name is cut to Excel's 31 characters."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[dict[str, Any]]
    title: str | None = None


@dataclass(frozen=True)
class Caption:
    """What every sheet says above its table: the report's title and its as-of line."""

    title: str
    subtitle: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def caption(title: str, lang: str, *, as_of: dt.date | None = None, profile: str | None = None,
            source: str | None = None, notes: Sequence[str] = ()) -> Caption:
    """The title and the line under it that every sheet of a report shows: as-of date, profile, data source.

    >>> caption("Prüfung", "de", as_of=dt.date(2025, 6, 30), profile="default", source="om.xlsx").subtitle
    'Stand 30.06.2025 · Profil default · Daten: om.xlsx'
    """
    from om_graph.i18n import format_date, t

    parts = [
        t("tabular.as_of", lang, date=format_date(as_of, lang)) if as_of else "",
        t("tabular.profile", lang, profile=profile) if profile else "",
        t("workbook.source", lang, source=source) if source else "",
    ]
    return Caption(title, " · ".join(p for p in parts if p), tuple(notes))


def sheet_csv(sheet: Sheet, fmt: str) -> str:
    """The sheet's table as CSV in ``fmt``'s dialect (``csv-de``: German Excel): its headers, its kinds of cells."""
    from om_graph.output import CSV_DIALECTS, csv_text

    columns = list(sheet.columns)
    rows = ([row.get(c.key) for c in columns] for row in sheet.rows)
    return csv_text([c.header for c in columns], rows, CSV_DIALECTS[fmt], [c.kind for c in columns])


def workbook_bytes(sheets: Sequence[Sheet], caption: Caption, lang: str) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for sheet in sheets:
        _write_sheet(book, sheet, caption, lang, used)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_sheet(book: Any, sheet: Sheet, caption: Caption, lang: str, used: set[str]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    ws = book.create_sheet(_sheet_name(sheet.name, used))
    _text(ws.cell(row=1, column=1), sheet.title or caption.title).font = Font(bold=True, size=14)
    _text(ws.cell(row=2, column=1), " · ".join(x for x in (caption.subtitle, *caption.notes) if x))
    headers = _unique([c.header for c in sheet.columns])
    widths = [len(h) for h in headers]
    for i, header in enumerate(headers, start=1):
        _text(ws.cell(row=HEADER_ROW, column=i), header).font = Font(bold=True)
    last_row = HEADER_ROW
    for last_row, row in enumerate(sheet.rows, start=HEADER_ROW + 1):
        for i, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=last_row, column=i)
            value = _value(row.get(column.key), column.kind)
            if isinstance(value, str):
                _text(cell, value)
            else:
                cell.value = value
            if column.kind == "date" or isinstance(value, dt.date):
                cell.number_format = DATE_FORMATS.get(lang, DATE_FORMATS["en"])
            elif column.kind == "percent":
                cell.number_format = PERCENT_FORMATS.get(lang, NUMBER_FORMATS["percent"])
            elif column.kind in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column.kind]
            widths[i - 1] = max(widths[i - 1], _shown_width(cell.value, column.kind))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, width + 2)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    if sheet.columns:
        ref = f"A{HEADER_ROW}:{get_column_letter(len(sheet.columns))}{max(last_row, HEADER_ROW + 1)}"
        if last_row == HEADER_ROW:  # an Excel table needs a data row; an empty one shows "no rows"
            ws.cell(row=HEADER_ROW + 1, column=1, value=None)
        table = Table(displayName=f"T{len(used)}", ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)


def _text(cell: Any, value: str) -> Any:
    """Store ``value`` as a text cell: what a person typed, never a formula, also once the cell is edited."""
    from om_graph.output import looks_like_formula

    cell.value = value
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True  # Excel's own mark for text that starts like a formula
    return cell


def _unique(headers: list[str]) -> list[str]:
    """Excel repairs a table whose headers repeat: number the repeats."""
    seen: dict[str, int] = {}
    out = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        out.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return out


def _value(value: Any, kind: Kind) -> Any:
    """A cell value of the column's kind; lists become one line of text."""
    if value is None:
        return None
    if kind == "date":
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if kind in ("int", "float", "percent") or (kind == "auto" and isinstance(value, (int, float, dt.date))):
        return value
    if kind == "bool":
        return bool(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _shown_width(value: Any, kind: Kind) -> int:
    if value is None:
        return 0
    if kind == "date" or isinstance(value, dt.date):
        return 10
    if kind == "percent":
        return 7
    return max(len(line) for line in str(value).splitlines() or [""])


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's sheet names: at most 31 characters, none of ``[]:*?/\\``, unique in the book."""
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate.lower() in {u.lower() for u in used}:
        suffix = f" ({n})"
        candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate

"""The library's most common error messages worded in the user's language, at the one place errors are printed.

The library raises its errors in English (a log and a bug report read the same everywhere);
:func:`worded_error` rewords those a user meets most (a missing file, a bad date, a bad
``--add``, an output that would replace the input) from the catalogue's ``cli.error.*``
entries, whose English text is the pattern's English. Others stay English (see the report of
issue 13); ``tests/test_german_everywhere.py`` shows which are worded.
"""

from __future__ import annotations

import re

from om_graph.i18n import FALLBACK, t

#: (English message as a pattern, catalogue key under ``cli.error.``); the first match words the message.
MESSAGES = [
    (r"(?P<path>.+): no such file or folder", "no_file"),
    (r"(?P<path>.+): holds no dataset \(no sheet with a row\); see docs/data-format\.md, or om-graph example to start "
     r"from one", "no_dataset"),
    (r"--as-of: not a date: (?P<value>.+) \(use 2025-12-31 or 31\.12\.2025\)", "not_a_date"),
    (r"--as-of: (?P<value>\S+) is outside (?P<start>\S+) to (?P<end>\S+)", "date_range"),
    (r"give a PATH or --example, not both", "path_and_example"),
    (r"no input: give a PATH \(file or folder\) or --example for the bundled example", "no_input"),
    (r"--add K is required: how many new ambassadors to place", "add_required"),
    (r"--add: not a whole number: (?P<value>.+)", "add_not_a_number"),
    (r"--add: need at least 1 new ambassador, got (?P<value>.+)", "add_too_small"),
    (r"(?P<path>.+): is a folder; give a file name", "output_is_folder"),
    (r"(?P<path>.+): cannot write \((?P<parent>.+) is a file, not a folder\)", "parent_is_file"),
    (r"(?P<output>.+): is the input (?P<source>.+); writing the report there would replace your data "
     r"\(give another file, or --force\)", "output_is_input"),
    (r"--format xlsx writes a workbook: give --output FILE\.xlsx", "xlsx_needs_output"),
    (r"--merge and --replace contradict each other: choose one", "merge_replace"),
]
_COMPILED = [(re.compile(pattern), key) for pattern, key in MESSAGES]


def worded_error(message: str, lang: str) -> str:
    """``message`` in ``lang`` where the catalogue words it, else as the library wrote it."""
    if lang == FALLBACK:
        return message
    for pattern, key in _COMPILED:
        if match := pattern.fullmatch(message):
            return t(f"cli.error.{key}", lang, **match.groupdict())
    return message

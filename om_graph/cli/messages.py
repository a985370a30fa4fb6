"""The library's most common error messages worded in the user's language, at the one place errors are printed.

The library raises its errors in English (a log and a bug report read the same everywhere);
:func:`worded_error` rewords those a user meets most (a missing file, a bad date, a bad
``--add``, an output that would replace the input, a dataset's problems) from the catalogue's
``cli.error.*`` entries, whose English text is the pattern's English. A dataset's problem lines go through
:func:`worded_problem`: the place in German (file, row and field named as they are), the message
by the same table. Messages from outside om-graph (the operating system's, a parser's) stay as
they are; ``tests/test_german_errors.py`` runs every bad input in German.
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
    # a dataset's problems (om_graph/dataset/io): cells, columns, checks across rows, files that cannot be read
    (r"not a date \(use 2025-12-31 or 31\.12\.2025\)", "cell_date"),
    (r"not a yes/no value \(use true/false, ja/nein, yes/no, 1/0 or x\)", "cell_bool"),
    (r"not a whole number", "cell_int"),
    (r"not a number \(use 0\.5 or 0,5\)", "cell_float"),
    (r"too large a number \(at most (?P<limit>.+)\)", "cell_too_large"),
    (r"must be one of: (?P<allowed>.+)", "cell_choice"),
    (r"contains the control character (?P<char>\S+); remove it", "cell_control"),
    (r"expected a single value, not a mapping", "cell_mapping"),
    (r"expected a single value, not a list", "cell_list"),
    (r"expected a list or ;-separated text, not a mapping", "cell_list_mapping"),
    (r"required", "required"),
    (r"required column missing", "column_missing"),
    (r"unknown column; expected one of: (?P<columns>.+)", "column_unknown"),
    (r"duplicate column \(first in column (?P<column>\S+)\)", "column_twice"),
    (r"column (?P<column>\S+) has values but no header", "column_no_header"),
    (r"(?P<count>\S+) columns have values but no header \((?P<columns>.+), \.\.\.\)", "columns_no_header"),
    (r"unknown sheet '(?P<sheet>.+)'; expected one of: (?P<sheets>.+)", "sheet_unknown"),
    (r"sheet '(?P<sheet>.+)' given twice \(also (?P<other>.+)\)", "sheet_twice"),
    (r"the (?P<sheet>\S+) sheet holds (?P<most>\S+) row; this is another", "sheet_one_row"),
    (r"(?P<count>\S+) more problems not shown \(the first (?P<shown>\S+) are\)", "more_problems"),
    (r"duplicate id '(?P<id>.*)' \(first at row (?P<first>\S+)\)", "duplicate_id_row"),
    (r"duplicate id '(?P<id>.*)' \(first at item (?P<first>\S+)\)", "duplicate_id_item"),
    (r"duplicate of row (?P<first>\S+) \((?P<same>.+)\)", "duplicate_row"),
    (r"duplicate of item (?P<first>\S+) \((?P<same>.+)\)", "duplicate_item"),
    (r"give (?P<either>[a-z_, ]+)", "give_either"),
    (r"no (?P<noun>[a-z ]+) with id '(?P<id>.*)'", "no_such_id"),
    (r"(?P<noun>[a-z ]+) cycle (?P<path>.+)", "cycle"),
    (r"no check items of version '(?P<version>.*)' \(versions: (?P<known>.*)\)", "catalogue_version"),
    (r"region '(?P<id>.*)' cannot border itself", "borders_itself"),
    (r"network '(?P<id>.*)' cannot cooperate with itself", "cooperates_with_itself"),
    (r"line (?P<line>\S+): (?P<message>.+)", "at_line"),
    (r'a quote opens this cell and closes before its end; inside a quoted cell write a quote twice \(""\)', "quote_early"),
    (r"a quote opens this cell and is never closed; the rest of the file would be read into it", "quote_open"),
    (r"a cell longer than (?P<most>\S+) characters \(the most om-graph reads\)", "cell_too_long"),
    (r"not readable as CSV \((?P<error>.+)\)", "not_csv"),
    (r"byte (?P<byte>\S+) is not UTF-8, though the rest of the file is \(in Windows-1252 it would be (?P<seen>.+)\); "
     r"save the file as UTF-8 again", "byte_not_utf8"),
    (r"byte (?P<byte>\S+) is neither UTF-8 nor Windows-1252 text; save the file as CSV UTF-8", "byte_not_text"),
    (r"is full of NUL bytes: UTF-16 without byte-order mark, or not a CSV file at all; save it as CSV UTF-8", "nul_bytes"),
    (r"starts as (?P<codec>\S+) \(byte-order mark\) but is not (?P<again>\S+) further on", "bom_then_not"),
    (r"a link to (?P<target>.+), which does not exist", "dangling_sheet"),
    (r"key '(?P<key>.*)' given twice in one mapping \(first on line (?P<first>\S+)\); the second would replace the first",
     "yaml_key_twice"),
    (r"key '(?P<key>.*)' appears twice in one object; the second would replace the first", "json_key_twice"),
    (r"expected a mapping of sheet names to lists of rows", "expected_sheets"),
    (r"expected a list of rows", "expected_rows"),
    (r"expected a mapping of field: value", "expected_fields"),
    (r"cell (?P<cell>\S+) holds a formula without a saved value; open the workbook in Excel and save it again", "formula"),
    (r"cell (?P<cell>\S+) holds the Excel error (?P<error>.+)", "excel_error"),
    (r"(?P<path>.+): nested too deeply to be a dataset \(thousands of levels of lists or mappings\)", "too_deep"),
    (r"(?P<path>.+): not valid YAML \(the character (?P<char>\S+) is not allowed\)", "yaml_character"),
    (r"(?P<path>.+): not valid YAML \((?P<reason>.+)\)", "not_yaml"),
    (r"(?P<path>.+): not valid JSON \((?P<reason>.+)\)", "not_json"),
    (r"(?P<path>.+): not UTF-8 text: byte (?P<byte>\S+) \(Windows-1252 (?P<hint>.+)\?\); save the file as UTF-8", "not_utf8"),
    (r"(?P<path>.+): not a readable Excel workbook \(\.xlsx\): (?P<message>.+)", "not_workbook"),
    (r"not an \.xlsx file \((?P<error>.+)\)", "not_xlsx"),
    (r"damaged XML inside \((?P<error>.+)\)", "damaged_xml"),
    (r"a part is missing \((?P<error>.+)\)", "part_missing"),
    (r"a cell refers to a text the workbook does not hold \(damaged shared strings\)", "shared_strings"),
    (r"a cell beyond Excel's last one \((?P<last>\S+)\) in row (?P<row>\S+)", "beyond_last_cell"),
    # profiles, the configuration file, Neo4j, outputs
    (r"(?P<path>.+): no such configuration file \(set by OM_GRAPH_CONFIG\)", "no_config"),
    (r"(?P<path>.+): cannot read: (?P<reason>.+)", "config_unreadable"),
    (r"(?P<path>.+): not TOML: (?P<reason>.+)", "config_not_toml"),
    (r"(?P<path>.+): (?P<key>\S+): a password never goes in the file; set NEO4J_PASSWORD or use --password", "config_password"),
    (r"(?P<path>.+): (?P<key>\S+): unknown setting; known: (?P<known>.+)", "config_unknown"),
    (r"(?P<path>.+): lang: expected en or de, got (?P<value>.+)", "config_lang"),
    (r"(?P<path>.+): (?P<key>\S+): expected text, got (?P<value>.+)", "config_text"),
    (r"(?P<path>.+): cannot read profile \((?P<reason>.+)\)", "profile_unreadable"),
    (r"(?P<path>.+): cannot read query file \((?P<reason>.+)\)", "cypher_unreadable"),
    (r"(?P<path>.+): nested too deeply to be a profile", "profile_too_deep"),
    (r"(?P<path>.+): not valid YAML", "profile_not_yaml"),
    (r"(?P<path>.+): unknown rule code", "profile_rule"),
    (r"(?P<path>.+): (?P<code>\S+) is about no network, so it has no scope", "profile_scope"),
    (r"(?P<path>.+): unknown parameter \(known: (?P<known>.+)\)", "profile_parameter"),
    (r"(?P<path>.+): expected (?P<kind>\S+), got (?P<value>.+)", "profile_type"),
    (r"(?P<path>.+): (?P<value>\S+) is out of range \((?P<low>\S+) to (?P<high>\S+)\)", "profile_range"),
    (r"(?P<path>.+): (?P<value>.+) is not one of: (?P<choices>.+)", "profile_choice"),
    (r"(?P<path>.+): Input should be a finite number", "finite"),
    (r"(?P<path>.+): Input should be greater than or equal to (?P<low>\S+)", "at_least"),
    (r"(?P<path>.+): Input should be less than or equal to (?P<high>\S+)", "at_most"),
    (r"Neo4j at (?P<uri>\S+) refused user (?P<user>.+): check --user/--password or NEO4J_PASSWORD", "neo4j_auth"),
    (r"Neo4j at (?P<uri>\S+) has no database (?P<database>.+): choose one with --database or NEO4J_DATABASE \(SHOW DATABASES lists them\)", "neo4j_no_database"),
    (r"cannot reach Neo4j at (?P<uri>\S+): (?P<reason>.*)", "neo4j_unreachable"),
    (r"lost the connection to Neo4j at (?P<uri>\S+): (?P<reason>.*)", "neo4j_lost"),
    (r"Neo4j at (?P<uri>\S+) stopped the work after --timeout (?P<seconds>\S+) s", "neo4j_stopped"),
    (r"Neo4j at (?P<uri>\S+) gave no answer within (?P<seconds>\S+) s \(is the server frozen\?\)", "neo4j_frozen"),
    (r"Neo4j at (?P<uri>\S+) gave no answer within (?P<seconds>\S+) s \(--timeout (?P<timeout>\S+)\)", "neo4j_no_answer"),
    (r"Neo4j at (?P<uri>\S+) ran out of memory for this transaction: (?P<reason>.*)", "neo4j_memory"),
    (r"Neo4j at (?P<uri>\S+) refused: (?P<reason>.*)", "neo4j_refused"),
    (r"Neo4j database (?P<database>.+) at (?P<where>\S+) holds no om-graph data: load a dataset first with om-graph load PATH", "neo4j_not_loaded"),
    (r"Neo4j database (?P<database>.+) at (?P<where>\S+) holds no om-graph data, but its :Network nodes seem to come from an earlier om-graph \(before it marked its data\): one om-graph load PATH of the same dataset adopts them", "neo4j_earlier"),
    (r"no Neo4j URI: give --uri or set NEO4J_URI \(start one with scripts/neo4j start\)", "neo4j_no_uri"),
    (r"with --neo4j the command reads what om-graph load put in the database: leave out PATH", "neo4j_leave_out_path"),
    (r"no file name given \(the output path is empty or '\.'\)", "no_output_name"),
    (r"(?P<path>.+): cannot write \((?P<reason>.+)\)", "cannot_write"),
    (r"(?P<path>.+): is a link to (?P<target>.+), which does not exist; give a file", "dangling_output"),
    (r"(?P<path>.+): is a link to (?P<target>.+), which does not exist; give a folder", "dangling_folder"),
    (r"(?P<path>.+): is a special file \(not a file, device or pipe\); give a file name", "special_file"),
    (r"(?P<path>.+): is a file; give a folder for CSV output", "csv_needs_folder"),
    (r"(?P<output>.+): is in the input folder (?P<source>.+), where it would be read as a sheet next time \(give another folder, or --force\)", "sheet_in_input"),
    (r"(?P<path>.+) holds a dataset \((?P<files>.+)\); writing would replace it \(give another name, or --force\)", "holds_dataset"),
    (r"(?P<path>.+) exists; writing would replace it \(give another name, or --force\)", "exists"),
    (r"(?P<output>.+): a (?P<suffix>\S+) file cannot hold --format (?P<format>\S+); give --format (?P<implied>\S+), or a file name that matches", "suffix_format"),
    (r"(?P<output>.+): a (?P<suffix>\S+) file cannot hold the default format \((?P<format>\S+)\); give --format (?P<implied>\S+), or a file name that matches", "suffix_default"),
    (r"(?P<output>.+): a (?P<suffix>\S+) file cannot hold --format (?P<format>\S+); the formats here are (?P<choices>.+), or a file name that matches", "suffix_format_choices"),
    (r"(?P<output>.+): a (?P<suffix>\S+) file cannot hold the default format \((?P<format>\S+)\); the formats here are (?P<choices>.+), or a file name that matches", "suffix_default_choices"),
    (r"(?P<path>.+): a CSV dataset is a folder of files, one per sheet; give a folder name", "csv_dataset_file"),
    (r"--region (?P<region>.+): no region with this id in the data \(ids as in the regions sheet, e\.g\. DE-BY\)", "no_region"),
    (r"--scale (?P<scale>\S+): at most (?P<most>\S+) \(scale 1000 needs about 5 GB of memory; memory grows with the scale\)", "scale_too_large"),
    (r"scale must be a positive number, not (?P<scale>.+)", "scale_positive"),
    (r"(?P<path>.+): cannot read \((?P<reason>.+)\)", "cannot_read"),
]
_COMPILED = [(re.compile(pattern), key) for pattern, key in MESSAGES]

#: The sheets a reference or a cycle names, as ``no {noun} with id`` and ``{noun} cycle`` write them.
NOUNS = ("network", "organisation", "person", "region", "check item", "self declaration")


def worded_error(message: str, lang: str) -> str:
    """``message`` in ``lang`` where the catalogue words it, else as the library wrote it."""
    if lang == FALLBACK:
        return message
    for pattern, key in _COMPILED:
        if match := pattern.fullmatch(message):
            return t(f"cli.error.{key}", lang, **_worded_parts(match.groupdict(), lang))
    return message


def _worded_parts(parts: dict[str, str], lang: str) -> dict[str, str]:
    """A message inside a message (``line 3: ...``) worded too; a sheet's noun and ``a or b`` in ``lang``."""
    worded = dict(parts)
    if "message" in worded:
        worded["message"] = worded_error(worded["message"], lang)
    if worded.get("noun") in NOUNS:
        worded["noun"] = t(f"cli.error.noun.{worded['noun'].replace(' ', '_')}", lang)
    if "either" in worded:
        worded["either"] = worded["either"].replace(" or ", t("cli.error.or", lang))
    return worded


#: A problem line of a dataset: ``source[:row[:field]]: message`` (om_graph.dataset.io.raw.Problem).
_PROBLEM = re.compile(r"(?P<source>.+?)(?::(?P<row>\d+))?(?::(?P<field>[^:\s]+))?: (?P<message>.+)")
#: Sources whose rows are the items of a list (YAML, JSON), not lines.
_ITEMS = re.compile(r".+\.(?:ya?ml|json)\[.*\]", re.IGNORECASE)


def worded_problem(line: str, lang: str) -> str:
    """A dataset's problem line in ``lang``: the place (file, row, field named as they are) and the message."""
    if lang == FALLBACK or not (match := _PROBLEM.fullmatch(line)):
        return line
    parts = match.groupdict()
    message = worded_error(parts["message"], lang)
    if parts["row"] is None:
        return f"{parts['source']}: {message}"
    unit = "item" if _ITEMS.fullmatch(parts["source"]) else "row"
    key = f"cli.error.at.{unit}_field" if parts["field"] is not None else f"cli.error.at.{unit}"
    fields = {"field": parts["field"]} if parts["field"] is not None else {}
    return t(key, lang, source=parts["source"], row=parts["row"], message=message, **fields)

"""The loader's anchor: Neo4j's own ``LOAD CSV`` of a generated dataset, in one transaction, building om-graph's graph.

    python scripts/bench_loadcsv.py anchor scale-10     # time it (CSV folder relative to the server's import folder)
    python scripts/bench_loadcsv.py fingerprint         # nodes and relationships, counted and hashed
    python scripts/bench_loadcsv.py empty               # delete everything (between loads)
    python scripts/bench_loadcsv.py version

Run by scripts/benchmark.py as a child process on its own server (NEO4J_URI etc. in the
environment); each prints one JSON object. The statements are made from the graph model
(:mod:`om_graph.dataset.graph`): a node per row of each node sheet, a relationship per row with
both ends, cells typed as om-graph types them (text trimmed, blanks absent, dates, yes/no, lists
split at ``;``, the model's defaults, an organisation's resolved ``intermediary`` and
``om_partner``). That covers what ``om-graph generate`` writes; the benchmark compares the
fingerprints of both loads, so a graph that differs is reported, not silently timed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

SCRIPTS = Path(__file__).resolve().parent
if str(SCRIPTS.parent) not in sys.path:
    sys.path.insert(0, str(SCRIPTS.parent))

from om_graph.dataset.graph import LABEL_BY_SHEET, MARKER, NODES, RELATIONSHIPS, RelSpec  # noqa: E402
from om_graph.dataset.model import RECORD_BY_SHEET, references  # noqa: E402


def _base(annotation: Any) -> Any:
    """``X | None`` -> ``X``; ``Annotated[X, ...]`` -> ``X``."""
    while get_origin(annotation) is not None and hasattr(annotation, "__metadata__"):
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, type(int | None)):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    return annotation


def _blank(cell: str) -> str:
    return f"trim(coalesce({cell}, '')) = ''"


def cell_expression(sheet: str, field: str) -> str:
    """The Cypher value of ``row.field`` as om-graph reads it (null when blank, the model's default where it has one)."""
    info = RECORD_BY_SHEET[sheet].model_fields[field]
    kind, cell = _base(info.annotation), f"row.{field}"
    if kind is bool:
        low = f"toLower(trim(coalesce({cell}, '')))"
        value = f"CASE WHEN {low} IN $yes THEN true WHEN {low} IN $no THEN false END"
    elif kind is dt.date:
        value = f"CASE WHEN {_blank(cell)} THEN null ELSE date(trim({cell})) END"
    elif get_origin(kind) is list:
        value = f"CASE WHEN {_blank(cell)} THEN null ELSE [x IN split({cell}, ';') WHERE trim(x) <> '' | trim(x)] END"
    else:  # text and the model's words (enums)
        value = f"CASE WHEN {_blank(cell)} THEN null ELSE trim({cell}) END"
    if info.default is not None and not info.is_required():
        value = f"coalesce({value}, $defaults.{sheet}_{field})"
    return value


def defaults() -> dict[str, Any]:
    """Every field default other than None, as ``$defaults.<sheet>_<field>``."""
    out = {}
    for sheet, record in RECORD_BY_SHEET.items():
        for name, info in record.model_fields.items():
            if info.default is not None and not info.is_required():
                value = info.default
                out[f"{sheet}_{name}"] = value.value if isinstance(value, Enum) else value
    return out


def _node_id(sheet: str) -> str:
    """A row's id; rows without one (activities, criticisms) get ``<sheet>#<position>`` as om-graph gives them."""
    own = cell_expression(sheet, "id")
    if RECORD_BY_SHEET[sheet].model_fields["id"].is_required():
        return own
    return f"coalesce({own}, '{sheet}#' + toString(linenumber() - 1))"


def node_statement(sheet: str, label: str) -> str:
    record = RECORD_BY_SHEET[sheet]
    refs = references(record)
    cells = {f: (_node_id(sheet) if f == "id" else cell_expression(sheet, f)) for f in record.model_fields if f not in refs}
    if sheet == "organisations":
        kind = cell_expression(sheet, "kind")
        cells["intermediary"] = f"coalesce({cells['intermediary']}, {kind} IN $intermediary)"
        cells["om_partner"] = (f"coalesce({cells['om_partner']}, "
                               f"{cell_expression(sheet, 'partner_since')} IS NOT NULL OR NOT {kind} IN $not_partner)")
    props = ", ".join(f"{name}: {value}" for name, value in cells.items())
    return f"LOAD CSV WITH HEADERS FROM $url AS row CREATE (n:{label}:{MARKER} {{{props}}})"


def relationship_statement(spec: RelSpec) -> str:
    def end(field: str) -> str:
        return _node_id(spec.sheet) if field == "id" else cell_expression(spec.sheet, field)

    start = f"LOAD CSV WITH HEADERS FROM $url AS row WITH row, {end(spec.start)} AS s, {end(spec.end)} AS e "
    if spec.match:  # the end names a row by id or name, ignoring case; an id wins over a name
        start += (f"WHERE s IS NOT NULL AND e IS NOT NULL "
                  f"WITH row, s, COLLECT {{ MATCH (t:{spec.end_label}:{MARKER}) WHERE toLower(t.id) = toLower(e) RETURN t }} AS byid, "
                  f"COLLECT {{ MATCH (t:{spec.end_label}:{MARKER}) WHERE toLower(t.name) = toLower(e) RETURN t }} AS byname "
                  f"WITH row, s, coalesce(head(byid), last(byname)) AS b WHERE b IS NOT NULL "
                  f"MATCH (a:{spec.start_label}:{MARKER} {{id: s}}) ")
    else:
        start += (f"WHERE s IS NOT NULL AND e IS NOT NULL "
                  f"MATCH (a:{spec.start_label}:{MARKER} {{id: s}}) MATCH (b:{spec.end_label}:{MARKER} {{id: e}}) ")
    record = RECORD_BY_SHEET[spec.sheet]
    props = [] if spec.sheet in LABEL_BY_SHEET else [f for f in record.model_fields if f not in references(record)]
    inline = " {" + ", ".join(f"{f}: {cell_expression(spec.sheet, f)}" for f in props) + "}" if props else ""
    return start + f"CREATE (a)-[r:{spec.type}{inline}]->(b)"


def plan(folder: Path) -> list[tuple[str, str, str]]:
    """(sheet, file name, statement) for every sheet of the graph whose CSV file is in ``folder``: nodes first."""
    out = [(n.sheet, f"{n.sheet}.csv", node_statement(n.sheet, n.label)) for n in NODES]
    out += [(r.sheet, f"{r.sheet}.csv", relationship_statement(r)) for r in RELATIONSHIPS]
    return [entry for entry in out if (folder / entry[1]).is_file()]


def parameters() -> dict[str, Any]:
    from om_graph.dataset.io.cells import FALSE_WORDS, TRUE_WORDS
    from om_graph.dataset.vocab import INTERMEDIARY_KINDS, NOT_PARTNER_BY_DEFAULT

    return {"yes": sorted(TRUE_WORDS), "no": sorted(FALSE_WORDS), "defaults": defaults(),
            "intermediary": sorted(k.value for k in INTERMEDIARY_KINDS),
            "not_partner": sorted(k.value for k in NOT_PARTNER_BY_DEFAULT)}


# ------------------------------------------------------------------------------------------
# Against the server (child process of the benchmark)
# ------------------------------------------------------------------------------------------


def _driver() -> Any:
    import neo4j

    return neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"],
                                      auth=(os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"]),
                                      notifications_min_severity="OFF")


def _database() -> str:
    return os.environ.get("NEO4J_DATABASE", "neo4j")


def anchor(relative: str, import_root: Path) -> dict[str, Any]:
    """om-graph's indexes (not timed), then every statement in one transaction: seconds from begin to commit."""
    from om_graph.engines.cypher import read_query, statements

    folder = import_root / relative
    steps, params = plan(folder), parameters()
    with _driver() as driver, driver.session(database=_database()) as session:
        for statement in statements(read_query("schema.cypher")):
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
        nodes = relationships = 0
        started = time.perf_counter()
        with session.begin_transaction() as tx:
            for _, name, statement in steps:
                counters = tx.run(statement, url=f"file:///{relative}/{name}", **params).consume().counters
                nodes += counters.nodes_created
                relationships += counters.relationships_created
            tx.commit()
        seconds = time.perf_counter() - started
    return {"tx_seconds": seconds, "nodes": nodes, "relationships": relationships, "statements": len(steps)}


def _digest(values: Any) -> int:
    return int.from_bytes(hashlib.blake2b(repr(values).encode(), digest_size=8).digest(), "big")


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return value.iso_format() if hasattr(value, "iso_format") else value


def fingerprint() -> dict[str, list[int]]:
    """Per label and relationship pattern: how many, and an order-free hash of their ids and properties."""
    out: dict[str, list[int]] = {}
    queries = {spec.label: f"MATCH (n:{spec.label}:{MARKER}) RETURN n.id AS a, null AS b, properties(n) AS p" for spec in NODES}
    for spec in RELATIONSHIPS:
        name = f"{spec.start_label}-{spec.type}-{spec.end_label}"
        queries[name] = (f"MATCH (x:{spec.start_label}:{MARKER})-[r:{spec.type}]->(y:{spec.end_label}:{MARKER}) "
                         f"RETURN x.id AS a, y.id AS b, properties(r) AS p")
    with _driver() as driver, driver.session(database=_database()) as session:
        for name, query in queries.items():
            count = total = 0
            for record in session.run(query):
                count += 1
                total += _digest((record["a"], record["b"], sorted((k, _plain(v)) for k, v in record["p"].items())))
            out[name] = [count, total % 2**64]
    return out


def empty() -> dict[str, Any]:
    """Delete every node and relationship, in batches (the benchmark's own server holds nothing else)."""
    with _driver() as driver, driver.session(database=_database()) as session:
        summary = session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    return {"deleted": summary.counters.nodes_deleted}


def version() -> dict[str, Any]:
    with _driver() as driver, driver.session(database=_database()) as session:
        record = session.run("CALL dbms.components() YIELD name, versions, edition RETURN *").single()
    return {"version": f"{record['name']} {record['versions'][0]} {record['edition']}"}


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else ""
    if mode == "anchor" and len(argv) == 3:
        result = anchor(argv[1], Path(argv[2]))
    elif mode in ("fingerprint", "empty", "version") and len(argv) == 1:
        result = {"fingerprint": fingerprint()} if mode == "fingerprint" else empty() if mode == "empty" else version()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

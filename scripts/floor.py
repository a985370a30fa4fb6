#!/usr/bin/env python3
"""The dict floor: what reading a CSV folder costs at the least, to hold the embedded audit against.

    python scripts/floor.py /tmp/s100          # prints seconds and peak memory of the floor

The floor reads every sheet's CSV file into plain dicts of the dataset's layout (one list of
dicts per sheet, each with every field of the sheet's model as a record holds them, None where
the cell is blank; dates, yes/no, numbers and ``;``-lists typed as the model types them) with the standard library only and the cyclic garbage collector off: no validation,
no graph, no rules. An audit cannot be much cheaper than this, so ``audit / floor`` says how much
om-graph adds on top of holding the data at all.

Method: a fresh Python process (standard library only) does the reading; the time is
that process's wall clock from start to exit (interpreter start included, as a command is timed)
and the memory its peak resident set size (``ru_maxrss`` from ``wait4``), in bytes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

_WORDS = {"true": True, "yes": True, "ja": True, "wahr": True, "1": True, "x": True,
          "false": False, "no": False, "nein": False, "falsch": False, "0": False}


def column_kinds() -> dict[str, dict[str, str]]:
    """Each sheet's columns and how the model types them (``str`` for text and choices)."""
    import types
    from typing import Union, get_args, get_origin

    from om_graph.dataset.model import RECORD_TYPES

    def kind(annotation: object) -> str:
        if get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
        if get_origin(annotation) is list:
            return "list"
        return {dt.date: "date", bool: "bool", int: "int", float: "float"}.get(annotation, "str")  # type: ignore[arg-type]

    return {r.sheet: {name: kind(f.annotation) for name, f in r.model_fields.items()} for r in RECORD_TYPES}


def read_plain(folder: Path, kinds: dict[str, dict[str, str]]) -> dict[str, list[dict[str, object]]]:
    """Every sheet's rows as typed dicts (standard library only): the floor's work."""
    def convert(kind: str, text: str) -> object:
        if kind == "date":
            return dt.date.fromisoformat(text)
        if kind == "bool":
            return _WORDS[text.lower()]
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text.replace(",", "."))
        if kind == "list":
            return [part.strip() for part in text.split(";") if part.strip()]
        return text

    sheets: dict[str, list[dict[str, object]]] = {}
    for file in sorted(folder.glob("*.csv")):
        columns = kinds.get(file.stem, {})
        with open(file, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            plan = [(name, columns.get(name, "str")) for name in header]
            empty = dict.fromkeys(columns or header)  # every field of the model, as a record holds it
            rows = []
            for record in reader:
                row = empty.copy()
                for (name, kind), cell in zip(plan, record):
                    cell = cell.strip()
                    if cell:
                        row[name] = cell if kind == "str" else convert(kind, cell)
                rows.append(row)
        sheets[file.stem] = rows
    return sheets


def measure_floor(dataset_dir: Path | str) -> tuple[float, int]:
    """(seconds, peak bytes of max RSS) of reading ``dataset_dir`` into plain dicts in a fresh process."""
    seconds, _, peak = run_floor(dataset_dir)
    return seconds, peak


def run_floor(dataset_dir: Path | str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak bytes of max RSS) of the floor's fresh process.

    CPU seconds (user + system) say more than wall time on a machine others load.
    """
    kinds = json.dumps(column_kinds())
    command = [sys.executable, __file__, "--child", str(Path(dataset_dir).resolve())]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.PIPE)
    child.stdin.write(kinds.encode())  # type: ignore[union-attr]
    child.stdin.close()  # type: ignore[union-attr]
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"the floor's reader failed on {dataset_dir} (exit {child.returncode})")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # Linux: KiB


def _child(folder: str) -> None:
    gc.disable()
    sheets = read_plain(Path(folder), json.loads(sys.stdin.read()))
    if not any(sheets.values()):
        sys.exit(f"{folder}: no CSV rows")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="a folder of CSV files (om-graph generate writes one)")
    args = parser.parse_args()
    seconds, cpu, peak = run_floor(args.dataset)
    load = os.getloadavg()
    print(f"floor {args.dataset}: {seconds:.2f} s ({cpu:.2f} s CPU), {peak / 2**20:.0f} MB max RSS "
          f"(load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")


if __name__ == "__main__":
    main()

"""Load the rule cases in ``tests/rule_cases/<CODE>.yml`` for any engine's tests.

A case file holds a ``base`` dataset shared by its cases and a list of named ``cases``.
Each case adds sheets to the base (rows are appended), may set ``as_of`` and ``params``,
and lists the findings it ``expect`` s: ``subject`` (id) and, where given, the exact
``evidence``. An empty ``expect`` is a passing case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from om_graph.dataset.model import Dataset

CASES_DIR = Path(__file__).parent / "rule_cases"
DEFAULT_AS_OF = dt.date(2025, 6, 30)


@dataclass
class RuleCase:
    code: str
    name: str
    dataset: Dataset
    as_of: dt.date
    params: dict[str, Any]
    expect: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.code}_{self.name}"


def merge(base: dict[str, list], extra: dict[str, list]) -> dict[str, list]:
    merged = {k: list(v) for k, v in (base or {}).items()}
    for sheet, rows in (extra or {}).items():
        merged.setdefault(sheet, []).extend(rows)
    return merged


def load_cases(path: Path) -> list[RuleCase]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    code = doc["rule"]
    file_as_of = doc.get("as_of", DEFAULT_AS_OF)
    cases = []
    for case in doc["cases"]:
        cases.append(
            RuleCase(
                code=code,
                name=case["name"],
                dataset=Dataset.model_validate(merge(doc.get("base"), case.get("data"))),
                as_of=case.get("as_of", file_as_of),
                params=case.get("params", {}),
                expect=case.get("expect") or [],
            )
        )
    return cases


def all_cases() -> list[RuleCase]:
    return [c for path in sorted(CASES_DIR.glob("*.yml")) for c in load_cases(path)]

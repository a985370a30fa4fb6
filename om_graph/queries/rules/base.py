"""What a rule is: a small self-describing unit with its metadata beside its check.

A rule's ``check`` reads the embedded graph and yields :class:`Hit` s: the subject and
the evidence. The message a person reads is made from the evidence by the rule's
template, in English or German, so the Neo4j engine (whose Cypher returns the same
evidence) produces word-for-word the same findings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, ClassVar, Iterable, Iterator, Mapping

from om_graph.dataset.dates import months_before
from om_graph.engines.contract import Query, Row
from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.i18n import format_date, format_number, format_percent, has, t


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Scope(StrEnum):
    """The kinds of network a rule's clause names (a profile may change it)."""

    regional = "regional"
    thematic = "thematic"
    both = "both"

    @property
    def kinds(self) -> list[str]:
        """The network kinds the rule audits: the value of its ``kinds`` parameter."""
        return ["regional", "thematic"] if self is Scope.both else [self.value]


#: The evidence flag of a row whose criterion OM cannot judge: the facts are not on record.
NOT_ON_RECORD = "not_on_record"


@dataclass(frozen=True)
class Param:
    """A threshold a profile may change; ``default`` comes from the cited source."""

    default: Any
    description: str


@dataclass(frozen=True)
class Hit:
    """One finding before it is worded: which node, and the facts that show it."""

    subject: Node
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleContext:
    """What a check may depend on besides the graph: the audit date and its parameters."""

    as_of: dt.date
    params: dict[str, Any]

    def within_months(self, day: dt.date | None, months: int) -> bool:
        """Is ``day`` in the window of ``months`` months ending on the audit date (start exclusive)?"""
        return day is not None and months_before(self.as_of, months) < day <= self.as_of

    def in_scope(self, graph: EmbeddedGraph, network: Node) -> bool:
        """Is the network of a kind the rule audits (its ``kinds`` parameter)?"""
        return graph.props(network).get("kind") in self.params["kinds"]

    def networks(self, graph: EmbeddedGraph) -> list[Node]:
        """The OM networks the rule audits: status applied or recognised, of a kind in its scope."""
        return [n for n in graph.om_networks() if self.in_scope(graph, n)]


def networks_without_recent(
    graph: EmbeddedGraph, ctx: RuleContext, kind: str, evidence_key: str
) -> Iterable[Hit]:
    """OM networks with no activity of ``kind`` in the window; evidence: the last one up to the audit date.

    Shared by the rules that ask "has the network done X in the last N months" (OM103, OM107, OM108).
    """
    window = ctx.params["window_months"]
    for network in ctx.networks(graph):
        dates = [a["date"] for a in graph.activities(network, kind)]
        if not any(ctx.within_months(day, window) for day in dates):
            past = [day for day in dates if day <= ctx.as_of]
            yield Hit(network, {evidence_key: max(past, default=None)})


class Rule:
    """Base class: subclasses set the metadata and implement :meth:`check`.

    The docstring of a subclass is its documentation: first line = what a finding means,
    then why it matters with the clause, then a failing and a passing example.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    subject_kind: ClassVar[str] = "network"
    source: ClassVar[str]
    title: ClassVar[dict[str, str]]
    message: ClassVar[dict[str, str]]
    params: ClassVar[dict[str, Param]] = {}
    #: The kinds of network the rule's clause names, and the clause that says so; None for rules
    #: about regions, organisations and self-declarations. A profile may change the scope.
    scope: ClassVar[Scope | None] = None
    scope_source: ClassVar[str] = ""
    #: The message of a row flagged ``not_on_record``: the facts to judge the criterion are not on
    #: record. Its words start "not on record: please check"; its severity is the profile's.
    not_on_record_message: ClassVar[dict[str, str]] = {}
    #: Evidence fields that hold person ids (one, or a list): the rule's query declares them
    #: (:attr:`~om_graph.engines.contract.Query.persons`), so ``--redact-persons`` pseudonymises them.
    person_evidence: ClassVar[tuple[str, ...]] = ()
    #: Evidence fields that hold ids of networks, organisations or people (one, or a list), by the
    #: kind of thing (``network``, ``organisation``, ``person``): a message names them "Name (id)".
    named_evidence: ClassVar[dict[str, str]] = {}
    #: The weaknesses the landscape generator (:mod:`om_graph.synth`) plants so that the rule
    #: fires: defect name -> share of the OM networks that get it (of the self-declarations
    #: for the rules on self-declarations, OM501-OM504). The names are the generator's
    #: (:mod:`om_graph.synth.defects` lists them and how each is planted); a name it does not
    #: know makes it fail, so a rule needing a new kind of defect comes with its planter. Empty
    #: for rules that fire from the landscape's shape alone (OM112, OM401-OM404). Weaknesses
    #: that show first in an implementation stage (no contacts, criticism, quiet) are the
    #: generator's own.
    planted: ClassVar[dict[str, float]] = {}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterable[Hit]:
        raise NotImplementedError

    @classmethod
    def query(cls) -> Query:
        """The rule as a query: rows of ``subject_id``, ``subject_name`` and ``evidence``.

        Its name is its module's path under ``queries/rules`` without the group, so its Cypher
        file is ``cypher/rules/<CODE>_<name>.cypher``; its parameters are the audit date and
        the thresholds of :attr:`params`.
        """
        return _rule_query(cls)

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def word(
        cls, lang: str, evidence: dict[str, Any], params: dict[str, Any], names: Names | None = None
    ) -> str:
        """The finding's message in ``lang``, filled from evidence and parameters.

        Values read as ``lang`` writes them: dates and shares through Babel, enumerated words
        (``recognised``, ``application_goals``) from the catalogue's ``value.*`` keys, and the ids of
        :attr:`named_evidence` as "Name (id)" where ``names`` (kind -> id -> name) knows them.
        """
        names = names or {}
        values = {k: _plain(v, lang) for k, v in params.items()}
        for key, value in evidence.items():
            kind = cls.named_evidence.get(key)
            values[key] = _plain(value, lang, names.get(kind, {}) if kind else None)
        template = cls.not_on_record_message if is_not_on_record(evidence) else cls.message
        return template.get(lang, template["en"]).format(**values)


def is_not_on_record(evidence: dict[str, Any] | None) -> bool:
    """Does a row say that the facts to judge its criterion are not on record?"""
    return bool(evidence) and evidence.get(NOT_ON_RECORD) is True


#: The columns of every rule's rows, on both engines.
RULE_COLUMNS = ("subject_id", "subject_name", "evidence")


@cache
def _rule_query(rule: type[Rule]) -> Query:
    def run(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[Row]:
        ctx = RuleContext(as_of=params["as_of"], params={k: v for k, v in params.items() if k != "as_of"})
        for hit in rule().check(graph, ctx):
            yield {"subject_id": hit.subject[1], "subject_name": graph.name(hit.subject), "evidence": hit.evidence}

    defaults = {"as_of": None, **{name: param.default for name, param in rule.params.items()}}
    if rule.scope is not None:
        defaults["kinds"] = rule.scope.kinds
    name = f"rules/{rule.__module__.rsplit('.', 1)[1]}"
    persons = {f"evidence.{key}": "id" for key in rule.person_evidence}
    return Query(name, RULE_COLUMNS, run, rule.summary(), defaults, persons)


#: Names by kind of thing (``network``, ``organisation``, ``person``), then by id.
Names = Mapping[str, Mapping[str, str]]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


#: Values whose words depend on the value and language alone: worded once each (a landscape's
#: findings repeat a few thousand dates, shares and words tens of thousands of times).
_CACHED = frozenset({str, bool, int, float, dt.date, type(None)})


def _plain(value: Any, lang: str = "en", names: Mapping[str, str] | None = None) -> Any:
    """One evidence value or parameter as a reader of ``lang`` writes it (see :meth:`Rule.word`)."""
    if value.__class__ in _CACHED and (names is None or value.__class__ is not str):
        return _plain_cached(value, lang)
    return _plain_worded(value, lang, names)


@lru_cache(maxsize=1 << 16, typed=True)
def _plain_cached(value: Any, lang: str) -> Any:
    return _plain_worded(value, lang, None)


def _plain_worded(value: Any, lang: str, names: Mapping[str, str] | None) -> Any:
    if value is None:
        return "-"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_plain(v, lang, names)) for v in value) if value else "-"
    if isinstance(value, bool):
        return t("word.yes", lang) if value else t("word.no", lang)
    if isinstance(value, float):
        return format_percent(value, lang, decimals=0) if 0 <= value <= 1 else format_number(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, str):
        if names is not None:
            return f"{names[value]} ({value})" if names.get(value) and names[value] != value else value
        if _ISO_DATE.fullmatch(value):  # a date read back from a saved audit's JSON
            return format_date(dt.date.fromisoformat(value), lang)
        if has(f"value.{value}"):
            return t(f"value.{value}", lang)
    return value

"""After a load: fresh index statistics and no cached plans, so the next query is planned on the data it reads.

Neo4j plans a query from index statistics (sampled, not live) and caches the plan. After a
load into an empty or much smaller database the statistics still describe the old contents,
and a plan chosen on them stays cached: OM109 was once planned as a scan of the
Network(status) index inside an Apply, 255M db hits instead of 731k. So every load ends by
resampling om-graph's indexes (``db.resampleIndex``, which waits for the sample) and
dropping the cached plans (``db.clearQueryCaches``). A server that does not let the user
call them (a managed service may not) is loaded all the same.
"""

from __future__ import annotations

import re
from typing import Any

from om_graph.engines.cypher import read_query, statements

_RANGE_INDEX = re.compile(r"^CREATE INDEX (\w+) ", re.IGNORECASE)


def own_indexes() -> tuple[str, ...]:
    """The names of the range indexes cypher/schema.cypher creates (fulltext indexes keep no samples)."""
    found = (_RANGE_INDEX.match(statement) for statement in statements(read_query("schema.cypher")))
    return tuple(match.group(1) for match in found if match)


def refresh_plans(driver: Any, database: str) -> bool:
    """Resample om-graph's indexes and clear the plan cache; False when the server did not allow it.

    An index the server cannot resample (still populating, or not allowed) keeps its statistics;
    the plans are dropped all the same, so the next ones are made on what is there.
    """
    from neo4j.exceptions import ClientError

    with driver.session(database=database) as session:
        for name in own_indexes():
            try:
                session.run("CALL db.resampleIndex($name)", name=name).consume()
            except ClientError:
                continue
        try:
            session.run("CALL db.clearQueryCaches()").consume()
        except ClientError:  # not allowed, or no such procedure: plans as before
            return False
    return True

"""Connecting to Neo4j the way Neo4j's own tools do: options, or NEO4J_* environment variables.

Schemes ``bolt://``, ``neo4j://`` (routing, clusters, Aura) and their ``+s``/``+ssc`` TLS
variants are handled by the official driver. The password is never printed or logged.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from om_graph.errors import DatabaseAuthError, DatabaseUnavailable, UsageError


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str = "neo4j"

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ) -> "Neo4jSettings":
        """Options win over NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise UsageError("no Neo4j URI: give --uri or set NEO4J_URI (start one with scripts/neo4j start)")
        return cls(
            uri=uri,
            user=user or os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j",
            password=password if password is not None else os.environ.get("NEO4J_PASSWORD", ""),
            database=database or os.environ.get("NEO4J_DATABASE") or "neo4j",
        )


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator["object"]:
    """A verified driver; unreachable servers and refused credentials become one-line errors."""
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            # Analysts' warnings (e.g. "unknown relationship type" on an empty database) are noise here.
            notifications_min_severity="OFF",
        )
    except (ValueError, ConfigurationError) as exc:
        raise UsageError(f"not a Neo4j URI: {settings.uri} ({exc})") from None
    try:
        try:
            driver.verify_connectivity()
        except AuthError:
            raise DatabaseAuthError(
                f"Neo4j at {settings.uri} refused user {settings.user!r}: check --user/--password or NEO4J_PASSWORD"
            ) from None
        except (ServiceUnavailable, OSError) as exc:
            raise DatabaseUnavailable(f"cannot reach Neo4j at {settings.uri}: {_first_line(exc)}") from None
        yield driver
    finally:
        driver.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]

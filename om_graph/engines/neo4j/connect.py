"""Connecting to Neo4j the way Neo4j's own tools do, and the one place driver errors become om-graph's.

Settings come from options or the NEO4J_* environment variables. Schemes ``bolt://``,
``neo4j://`` (routing, clusters, Aura) and their ``+s``/``+ssc`` TLS variants are handled by
the official driver; anything else is refused before the driver sees it. The password is
never printed or logged.

Every failure becomes one line and an exit code (:mod:`om_graph.errors`): an unreachable,
lost, frozen or overloaded server exit 3, refused credentials 4, an unknown database 2. Nothing
waits long: connecting gives up after :data:`CONNECT_TIMEOUT` seconds, a managed transaction
retries for :data:`RETRY_SECONDS` (the driver's default is 30 s), and every query or load runs
under a deadline (``--timeout``): the server rolls a transaction back at the deadline, and a
server that does not answer at all (frozen) is given up on a little later (:func:`bounded`).
"""

from __future__ import annotations

import logging
import os
import re
import socket
import ssl
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, TypeVar
from urllib.parse import urlsplit

from om_graph.errors import (
    DatabaseAuthError,
    DatabaseFailed,
    DatabaseOutOfMemory,
    DatabaseTimeout,
    DatabaseUnavailable,
    OmGraphError,
    UsageError,
)

T = TypeVar("T")

#: URI schemes the Bolt driver speaks.
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: Seconds a query or a load may take unless ``--timeout`` says otherwise.
DEFAULT_TIMEOUT = 300.0
#: Seconds to open a connection (at most; less when the timeout is shorter).
CONNECT_TIMEOUT = 15.0
#: Seconds a managed read transaction is retried after a transient failure (driver default 30).
RETRY_SECONDS = 3.0


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str = "neo4j"
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        scheme = urlsplit(self.uri).scheme.lower() if "://" in self.uri else ""
        if scheme not in SCHEMES:
            raise UsageError(
                f"not a Neo4j URI: {self.uri} (use bolt://host:7687 or neo4j://host:7687, "
                "bolt+s:// or neo4j+s:// for TLS; Neo4j's HTTP port is not supported)"
            )
        if not self.timeout > 0:
            raise UsageError(f"--timeout: must be a positive number of seconds, not {self.timeout:g}")

    @classmethod
    def from_env(
        cls,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        timeout: float | None = None,
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
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        )

    @property
    def connect_timeout(self) -> float:
        return min(self.timeout, CONNECT_TIMEOUT)


def patience(timeout: float) -> float:
    """How long to wait for an answer to work the server was given ``timeout`` for.

    A little longer than the server's own deadline, so a live server reports its timeout
    itself; only a server that does not answer at all is given up on by the client.
    """
    return timeout * 1.1 + 2


def bounded(seconds: float, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``work(*args, **kwargs)``, or :class:`DatabaseTimeout` if it has not returned after ``seconds``.

    The driver has no client-side read timeout, so a frozen server (its process stopped, its
    socket still open) would block a read forever. The work runs in a daemon thread instead;
    when the caller gives up, closing the driver shuts its sockets down and ends the thread.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work(*args, **kwargs)
        except BaseException as exc:  # handed to the caller
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="om-graph-neo4j", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise DatabaseTimeout(f"gave no answer within {seconds:.0f} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[Any]:
    """A verified driver; every driver error, here or in the ``with`` block, becomes a one-line error."""
    import neo4j
    from neo4j.exceptions import ConfigurationError

    # The driver logs failures it also raises; without a handler Python would print them to stderr.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            # Analysts' warnings (e.g. "unknown relationship type" on an empty database) are noise here;
            # `cypher run` asks for them per session.
            notifications_min_severity="OFF",
            connection_timeout=settings.connect_timeout,
            connection_acquisition_timeout=settings.connect_timeout * 2,
            max_transaction_retry_time=RETRY_SECONDS,
        )
    except (ValueError, ConfigurationError) as exc:
        raise UsageError(f"not a Neo4j URI: {settings.uri} ({_first_line(exc)})") from None
    try:
        try:
            bounded(patience(settings.connect_timeout), driver.verify_connectivity)
        except DatabaseTimeout as exc:
            raise DatabaseTimeout(f"Neo4j at {settings.uri} {exc} (is the server frozen?)") from None
        except Exception as exc:
            raise translated(exc, settings, connecting=True) from None
        try:
            yield driver
        except DatabaseTimeout as exc:
            raise DatabaseTimeout(f"Neo4j at {settings.uri} {exc} (--timeout {settings.timeout:g})") from None
        except OmGraphError:
            raise
        except Exception as exc:
            error = translated(exc, settings, connecting=False)
            if error is exc:
                raise
            raise error from None
    finally:
        driver.close()


def translated(exc: BaseException, settings: Neo4jSettings, connecting: bool) -> BaseException:
    """The om-graph error for a driver error (``exc`` itself when it is not one)."""
    from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

    uri, message = settings.uri, _first_line(exc)
    if isinstance(exc, AuthError):
        return DatabaseAuthError(
            f"Neo4j at {uri} refused user {settings.user!r}: check --user/--password or NEO4J_PASSWORD"
        )
    code = getattr(exc, "code", None) or ""
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return UsageError(
            f"Neo4j at {uri} has no database {settings.database!r}: choose one with --database or NEO4J_DATABASE "
            "(SHOW DATABASES lists them)"
        )
    if "TransactionTimedOut" in code or "TransactionTimeout" in code:
        return DatabaseTimeout(f"Neo4j at {uri} stopped the work after --timeout {settings.timeout:g} s")
    if "Memory" in code:
        return DatabaseOutOfMemory(f"Neo4j at {uri} ran out of memory for this transaction: {_gql_message(exc)}")
    if tls := _tls_problem(exc) or (connecting and _handshake_problem(settings)):
        return DatabaseUnavailable(
            f"TLS with Neo4j at {uri} failed ({tls}): a server without TLS needs bolt:// or neo4j://, "
            "one with a self-signed certificate bolt+ssc:// or neo4j+ssc://"
        )
    if isinstance(exc, (ServiceUnavailable, SessionExpired, OSError)):
        verb = "cannot reach" if connecting else "lost the connection to"
        return DatabaseUnavailable(f"{verb} Neo4j at {uri}: {message}")
    if isinstance(exc, Neo4jError):
        return DatabaseFailed(f"Neo4j at {uri} refused: {_gql_message(exc)}")
    if isinstance(exc, DriverError):
        return DatabaseUnavailable(f"Neo4j at {uri}: {message}")
    return exc


def _tls_problem(exc: BaseException) -> str | None:
    """The TLS error behind ``exc`` (the driver words it on a later line, or in a cause), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return type(current).__name__
        if found := re.search(r"\[(SSL\w*|CERTIFICATE\w*)\]|\b(SSL\w*Error)\b", str(current)):
            return found.group(1) or found.group(2)
        current = current.__cause__ or current.__context__
    return None


def _handshake_problem(settings: Neo4jSettings) -> str | None:
    """For a TLS scheme whose connection failed: does the server answer a TLS handshake at all?

    The routing driver (``neo4j+s://``) reports only "Unable to retrieve routing information";
    one handshake of our own tells a server without TLS from one that is down.
    """
    parts = urlsplit(settings.uri)
    if not parts.scheme.endswith(("+s", "+ssc")) or not parts.hostname:
        return None
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # only whether TLS is spoken; the driver checks certificates
    try:
        with socket.create_connection((parts.hostname, parts.port or 7687), timeout=settings.connect_timeout) as raw:
            with context.wrap_socket(raw, server_hostname=parts.hostname):
                return None
    except ssl.SSLError as exc:
        return type(exc).__name__
    except OSError:
        return None


def _gql_message(exc: BaseException) -> str:
    return _first_line_of(getattr(exc, "message", None) or str(exc))


def _first_line(exc: BaseException) -> str:
    return _first_line_of(str(exc).strip() or type(exc).__name__)


def _first_line_of(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""

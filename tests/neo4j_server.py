"""Throw-away Neo4j servers for tests, started with scripts/neo4j the way .ci/run starts one.

Each server has its own ``OM_NEO4J_HOME``, so stopping, freezing or killing it disturbs no
other server. Needs Java 17 and Maven (once, to fetch the jars into ~/.m2).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j"


def missing_tools() -> str | None:
    """Why this machine cannot start a server (None when it can)."""
    for tool in ("java", "mvn"):
        if not shutil.which(tool):
            return f"{tool} not found: Neo4j tests need Java 17 and Maven (or NEO4J_URI of a running server)"
    return None


@dataclass
class Server:
    home: Path
    password: str

    def script(self, *args: str, **extra: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "OM_NEO4J_HOME": str(self.home), "NEO4J_PASSWORD": self.password, **extra}
        return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=600)

    def start(self, **extra: str) -> None:
        started = self.script("start", **extra)
        if started.returncode != 0:
            raise RuntimeError(f"scripts/neo4j start failed: {started.stderr.strip()[-2000:]}")

    def stop(self) -> None:
        self.script("stop")

    @property
    def env(self) -> dict[str, str]:
        """NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE of the running server."""
        values = {}
        for line in (self.home / "env").read_text().splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            values[key] = value
        return values

    @property
    def uri(self) -> str:
        return self.env["NEO4J_URI"]

    @property
    def pid(self) -> int:
        """The java process of the server."""
        return int((self.home / "neo4j.pid").read_text().strip())

"""Running things as a user runs them, and measuring them: child processes, our own Neo4j, the machine.

Every measurement is one child process: wall-clock time from its start to its exit (interpreter
start and imports included, as a user waits for them) and its peak resident set size from
``os.wait4`` (the child's own ``ru_maxrss``, not the benchmark's).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j"
#: Variables that would point the children at another server or configuration than the benchmark's.
FOREIGN = ("NEO4J_", "OM_GRAPH_", "OM_NEO4J_")


def log(message: str) -> None:
    """Progress, on stderr."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def om_graph() -> list[str]:
    """The om-graph command of this environment (the console script beside this Python)."""
    script = Path(sys.executable).with_name("om-graph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "om_graph"]


def clean_env(workdir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every child: no foreign server or configuration, an empty om-graph.toml."""
    config = workdir / "om-graph.toml"
    config.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(FOREIGN)}
    return {**env, "OM_GRAPH_CONFIG": str(config), "COLUMNS": "100", **(extra or {})}


def size_of(path: Path) -> int | None:
    """Bytes of a file, or of every file under a folder; None when nothing is there."""
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return None


class Child:
    """The child running now, so that Ctrl-C can end it (by its pid) before the server is stopped."""

    current: subprocess.Popen | None = None

    @classmethod
    def end(cls) -> None:
        child = cls.current
        if child is not None and child.returncode is None:
            child.kill()
            try:
                os.waitpid(child.pid, 0)
            except ChildProcessError:
                pass
            child.returncode = -9


def measure(argv: list[str], env: dict[str, str], cwd: Path, stdout: Path, output: Path | None = None,
            timeout: float = 3600) -> dict[str, Any]:
    """Run ``argv`` to its end: seconds, peak MB, exit code, bytes written (``output``, else stdout)."""
    stderr = stdout.with_suffix(".stderr")
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        Child.current = child
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        Child.current = None
    result: dict[str, Any] = {
        "seconds": seconds,
        "max_rss_mb": usage.ru_maxrss / 1024,  # Linux: KiB
        "exit": child.returncode,
        "output_bytes": size_of(output) if output is not None else size_of(stdout),
    }
    if child.returncode != 0:
        lines = [line.strip() for line in stderr.read_text(encoding="utf-8", errors="replace").splitlines()]
        last = ([line for line in lines if any(c.isalpha() for c in line)] or ["no message"])[-1]
        reason = f"stopped after {timeout:.0f} s" if seconds >= timeout else last
        result["note"] = f"exit {child.returncode}: {reason}"[:200]
    return result


def json_child(argv: list[str], env: dict[str, str], cwd: Path, timeout: float = 3600) -> dict[str, Any]:
    """:func:`measure` for a helper that prints one JSON object as its last line; the object joins the result."""
    stdout = cwd / "helper.out"
    result = measure(argv, env, cwd, stdout, timeout=timeout)
    result.pop("output_bytes", None)
    if result["exit"] == 0:
        lines = stdout.read_text(encoding="utf-8").strip().splitlines()
        result.update(json.loads(lines[-1]))
    return result


class Neo4jServer:
    """The benchmark's own server (scripts/neo4j, its own OM_NEO4J_HOME), stopped on exit and on Ctrl-C."""

    def __init__(self, home: Path, sized_for: Path, import_dir: Path, heap: str | None = None) -> None:
        self.home, self.sized_for, self.import_dir, self.heap = home, sized_for, import_dir, heap
        self.env: dict[str, str] = {}
        self.started = False

    def _script_env(self) -> dict[str, str]:
        kept = ("OM_NEO4J_PAGECACHE", "OM_NEO4J_SETTINGS", "NEO4J_PASSWORD")
        env = {k: v for k, v in os.environ.items() if not k.startswith(FOREIGN) or k in kept}
        settings = f"{env.get('OM_NEO4J_SETTINGS', '')} server.directories.import={self.import_dir}".strip()
        return {**env, "OM_NEO4J_HOME": str(self.home), "OM_NEO4J_SETTINGS": settings, "OM_PYTHON": sys.executable}

    def __enter__(self) -> "Neo4jServer":
        env = self._script_env()
        sizing = ["--for", str(self.sized_for)] if self.heap is None else []
        if self.heap is not None:
            env["OM_NEO4J_HEAP"] = self.heap
        log(f"starting our own Neo4j (OM_NEO4J_HOME={self.home}, heap {self.heap or 'for ' + self.sized_for.name})")
        self.started = True  # from here on, stop it whatever happens
        subprocess.run([str(NEO4J_SCRIPT), "start", *sizing], env=env, check=True, stdout=sys.stderr, stdin=subprocess.DEVNULL)
        text = subprocess.run([str(NEO4J_SCRIPT), "env"], env=env, check=True, capture_output=True, text=True).stdout
        for line in text.splitlines():
            name, _, value = line.removeprefix("export ").partition("=")
            self.env[name] = value.strip("'\"")
        return self

    def __exit__(self, *exc: Any) -> None:
        Child.end()  # a command still talking to the server goes first
        if self.started:
            log("stopping our Neo4j")
            subprocess.run([str(NEO4J_SCRIPT), "stop"], env=self._script_env(), check=False, stdout=sys.stderr,
                           stdin=subprocess.DEVNULL)
            self.started = False

    def facts(self) -> dict[str, Any]:
        """Heap and page cache as started (from its launcher's command line), store size, peak RSS."""
        out: dict[str, Any] = {"home": str(self.home)}
        pid_file = self.home / "neo4j.pid"
        try:
            pid = pid_file.read_text().strip()
            args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
            out["heap"] = next((a[4:] for a in args if a.startswith("-Xmx")), None)
            out["pagecache"] = args[args.index("--pagecache") + 1] if "--pagecache" in args else None
            status = Path(f"/proc/{pid}/status").read_text()
            hwm = next(line for line in status.splitlines() if line.startswith("VmHWM"))
            out["server_peak_rss_mb"] = int(hwm.split()[1]) / 1024
        except (OSError, ValueError, StopIteration):
            pass
        out["store_mb"] = (size_of(self.home / "home" / "data" / "databases" / "neo4j") or 0) / 1e6
        return out


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine_facts() -> dict[str, Any]:
    cpu, ram_gb = platform.processor() or "unknown", None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
        with open("/proc/meminfo", encoding="ascii") as info:
            ram_gb = round(int(next(line for line in info if line.startswith("MemTotal")).split()[1]) / 2**20, 1)
    except OSError:
        pass
    try:
        import neo4j

        driver = neo4j.__version__
    except ImportError:
        driver = None
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": ram_gb, "os": platform.platform(),
            "python": platform.python_version(), "neo4j_driver": driver, "java": _java()}


def _java() -> str | None:
    java = shutil.which("java")
    if not java:
        return None
    done = subprocess.run([java, "-version"], capture_output=True, text=True)
    return (done.stderr.strip().splitlines() or [None])[0]

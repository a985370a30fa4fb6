"""What a command shows on stderr while it works and when it is done: spinners, progress bars, ``wrote FILE``.

Spinners and bars appear only on a terminal, so pipes, files and tests see nothing of them;
stdout carries the report alone.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import typer

T = TypeVar("T")


@contextmanager
def spinner(text: str | None) -> Iterator[None]:
    """A spinner with ``text`` while the block runs, on a terminal (nothing with ``text`` None)."""
    if text is None or not sys.stderr.isatty():
        yield
        return
    from om_graph.cli.language import ui_lang, worded

    with _stderr_console().status(worded(text, ui_lang(), "progress")):
        yield


def with_progress(work: Callable[[Callable[..., None] | None], T], total: int, label: str) -> T:
    """Run ``work(advance)`` with a progress bar on stderr when it is a terminal.

    ``advance(n)`` moves the bar by ``n`` steps; ``work`` gets ``None`` when nobody watches.
    """
    if not sys.stderr.isatty():
        return work(None)
    from rich.progress import Progress

    from om_graph.cli.language import ui_lang, worded

    with Progress(transient=True, console=_stderr_console()) as bar:
        task = bar.add_task(worded(label, ui_lang(), "progress"), total=total)
        return work(lambda n=1: bar.update(task, advance=n))


def wrote(path: Path, detail: str | None = None, lang: str | None = None) -> None:
    """The line ``wrote FILE`` (``wrote FILE: detail``; ``geschrieben: FILE``) on stderr, after a file was written."""
    from om_graph.cli.language import ui_lang
    from om_graph.i18n import t
    from om_graph.output import terminal_safe

    lang = lang or ui_lang()
    line = t("progress.wrote_detail", lang, path=path, detail=detail) if detail else t("progress.wrote", lang, path=path)
    typer.echo(terminal_safe(line), err=True)


def deliver(data: str | bytes, output: Path | None, detail: str | None = None, lang: str = "en") -> None:
    """A command's result: text on stdout, or ``output`` written all or nothing and said so on stderr.

    How ``output`` is written (links followed, devices and pipes written through, an existing
    file's mode kept, any failure one :class:`~om_graph.output.OutputError`) is
    :func:`om_graph.output.atomic_file`'s; its format, and that it is not the input, were
    checked before the command ran (:mod:`om_graph.cli.target`).
    """
    from om_graph.output import emit, write_atomic

    if output is None:
        if isinstance(data, bytes):  # a workbook is binary: writing it to a terminal helps nobody
            from om_graph.errors import UsageError
            from om_graph.i18n import t

            raise UsageError(t("output.binary_to_stdout", lang))
        emit(data, None)
        return
    write_atomic(output, data)
    wrote(output, detail)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)

"""The briefing printed to PDF by headless Chromium, through the page's own print stylesheet (A4).

Chromium is the renderer because it is well kept, packaged by Debian (``apt-get install
chromium``) and prints exactly what a reader's browser prints. om-graph starts it once per PDF,
offline (the page loads nothing, and Chromium's own background traffic is switched off), with
a private profile folder, and reads the PDF back. ``$OM_CHROMIUM`` names another binary.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from om_graph.errors import UsageError
from om_graph.i18n import t

#: Seconds Chromium may take to print (a scale-100 annex runs to hundreds of pages).
PRINT_TIMEOUT = 600
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
)


def chromium() -> str | None:
    """The Chromium to print with: ``$OM_CHROMIUM``, else ``chromium`` or ``chromium-browser`` on PATH."""
    return os.environ.get("OM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def html_to_pdf(html: str, lang: str = "en") -> bytes:
    """The PDF of ``html`` as Chromium prints it; a clear error when there is no Chromium or it fails."""
    binary = chromium()
    if binary is None:
        raise UsageError(t("briefing.pdf.no_chromium", lang))
    with tempfile.TemporaryDirectory(prefix="om-graph-pdf-") as folder:
        page, pdf, profile = Path(folder) / "briefing.html", Path(folder) / "briefing.pdf", Path(folder) / "profile"
        page.write_text(html, encoding="utf-8")
        command = [binary, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UsageError(t("briefing.pdf.failed", lang, detail=f"no PDF after {PRINT_TIMEOUT} s")) from None
        except OSError as exc:
            raise UsageError(t("briefing.pdf.failed", lang, detail=exc.strerror or str(exc))) from None
        if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
            detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            raise UsageError(t("briefing.pdf.failed", lang, detail=detail[:200]))
        return pdf.read_bytes()

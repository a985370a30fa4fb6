"""Building millions of small objects at once: without the cyclic garbage collector.

Reading, validating and graphing a large landscape creates millions of dicts, tuples and
records with no reference cycles among them. Each of the collector's full passes rescans
all of them, again and again as they pile up: at scale 100 that was 40 % of the time to
read and audit. :func:`paused_gc` switches it off for such a step; reference counting still
frees everything as usual, and the collector runs again afterwards.

A step that leaves more than :data:`FREEZE_ABOVE` new objects alive (a large landscape's records
or graph) also freezes them (:func:`gc.freeze`): otherwise the collector's next passes would
still walk all of them once or twice (1.1 s of an audit at scale 100). Frozen objects are freed
by reference counting as before; only a reference cycle among them would outlive its use, and
these steps make none. Small datasets (every test's) stay below the limit and are not frozen.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


#: New objects alive after a paused step above which they are frozen (reading a landscape of scale 10 leaves 130,000).
FREEZE_ABOVE = 200_000


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nestable; restores what it found)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > FREEZE_ABOVE:
            gc.freeze()
        if enabled:
            gc.enable()

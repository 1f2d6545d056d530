"""How long one run takes, measured the same way in every benchmark."""

from __future__ import annotations

import gc
import time


def timed(fn) -> float:
    """Seconds one call of ``fn`` takes, with the garbage collector paused: its pauses over 10,000
    objects vary a lot."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()

"""Rep Planner's desktop app: Qt views over the headless core in ``planner``."""

import sys


def _keep_singletons_alive() -> None:
    """PySide6 6.12's wheels drop a reference to None on every Qt call that returns nothing (and
    to True on every ``Signal.emit``), as if they were immortal, which they are from Python 3.12
    on. On 3.11 the app aborts ("none_dealloc", "bool_dealloc") once a few thousand calls have
    used up the references the interpreter holds. None, True and False are never freed anyway:
    giving them references they cannot run out of does on 3.11 what 3.12 does for every object
    of the kind, and changes nothing once PySide keeps its count right."""
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_keep_singletons_alive()

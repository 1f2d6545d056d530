"""Rep Planner's core: plans sales reps' weeks across time zones, headless.

Nothing here imports Qt; the desktop app in ``ui/`` is a thin layer over it.
"""

__version__ = "0.1.0"

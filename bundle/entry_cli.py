"""The bundle's ``rep-planner``: the same entry point as the installed one (planner.cli:main)."""

import sys

from planner.cli import main

sys.exit(main())

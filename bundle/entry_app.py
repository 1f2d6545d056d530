"""The bundle's ``rep-planner-app``: the same entry point as the installed one (ui.app:main)."""

import sys

from ui.app import main

sys.exit(main())

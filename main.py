"""Start Rep Planner: ``python main.py`` (see ``--help``)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())

"""Start the desktop app: ``python main.py [--db PATH] [--screenshot PNG --view NAME]``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="rep-planner-app", description="Rep Planner desktop app")
    parser.add_argument("--db", help="database file (default: in your user data folder, seeded with the demo)")
    parser.add_argument("--screenshot", metavar="PNG", help="render the window offscreen to PNG and exit")
    parser.add_argument("--view", default="team", choices=("team", "markets", "territories"),
                        help="the view to show first")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.errors import PlannerError
    from planner.storage import open_store

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Rep Planner")
    app.setOrganizationName("Rep Planner")
    try:
        store = open_store(args.db)
        window = MainWindow(store, dt.date.today())
    except PlannerError as exc:
        if args.screenshot:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, "Rep Planner", str(exc))
        return 2
    window.show_view(args.view)
    window.show()
    if args.screenshot:
        app.processEvents()
        if not window.grab().save(args.screenshot):
            print(f"error: cannot write {args.screenshot}", file=sys.stderr)
            return 2
        return 0
    return app.exec()

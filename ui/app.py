"""Start the desktop app: ``python main.py [--db PATH] [--screenshot PNG] [--view NAME] [--lang fr]``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
ICON = RESOURCES / "icons" / "rep-planner.svg"
# Only the bundle carries fonts (bundle/build.sh puts DejaVu Sans here): an installed app uses the system's.
FONTS = RESOURCES / "fonts"
VIEWS = ("team", "markets", "territories", "week", "workload", "quarter")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="rep-planner-app", description="Rep Planner desktop app")
    parser.add_argument("--db", help="database file (default: in your user data folder, the demo on the first "
                                     "start); a new path starts a new, empty plan")
    parser.add_argument("--screenshot", metavar="PNG", help="render the window offscreen to PNG and exit")
    parser.add_argument("--view", default="team", choices=VIEWS, help="the view to show first")
    parser.add_argument("--week", help="ISO week to show, e.g. 2027-W11 (default: this week)")
    parser.add_argument("--lang", help="language code (default: the system's), e.g. fr")
    return parser.parse_args(argv)


def install_translator(app, language: str | None):
    """French (or another shipped language) when the system or ``--lang`` asks for it."""
    from PySide6.QtCore import QLocale, QTranslator

    translator = QTranslator(app)
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)  # dates and numbers in that language too
    if translator.load(locale, "rep_planner", "_", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None


def use_language(app, language: str | None):
    """One choice of language for the whole window: Qt's catalogue for its chrome (menus, titles) and
    planner.i18n's for the core's sentences it shows (flags, reasons, explanations), with ``--lang`` or
    else the system's locale (LANG, as Qt reads it). Returns the Qt translator (None: English)."""
    from PySide6.QtCore import QLocale

    from planner import i18n

    translator = install_translator(app, language)
    i18n.use(i18n.Translator(language or QLocale.system().name()))
    return translator


def use_bundled_fonts(app, folder: Path = FONTS) -> str | None:
    """Register the fonts in ``folder`` (the bundle's); on a machine with no fonts of its own, make
    the first one the app's font, at the system's size, so that text is not drawn as empty boxes.
    Returns the family the app now uses, or None when the system's fonts are kept."""
    from PySide6.QtGui import QFontDatabase

    files = sorted(folder.glob("*.ttf")) if folder.is_dir() else []
    if not files:
        return None
    system_families = QFontDatabase.families()
    families = []
    for file in files:
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if system_families or not families:
        return None
    font = app.font()
    font.setFamilies([families[0]])
    app.setFont(font)
    return families[0]


def first_store(db: str | None):
    """The database the app starts on. The default one gets the demo the first time; a ``--db``
    path with no database yet gets a new plan of its own (as File > New makes)."""
    from planner.storage import Store, open_store

    if db is None:
        return open_store(None, source="app")
    store = Store(db, source="app")
    if store.is_empty:
        from .main_window import new_plan

        store.save(new_plan(), text="New plan")
    return store


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qt_widgets = sys.modules.get("PySide6.QtWidgets")
    if qt_widgets is None or qt_widgets.QApplication.instance() is None:
        # Before Qt loads: a missing system library or no display gets one message naming the
        # packages to install (and exit code 2), instead of Qt's abort.
        from .platform_check import ensure_startable

        code = ensure_startable()
        if code is not None:
            return code
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.errors import PlannerError
    from planner.timezones import parse_week, week_monday

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Rep Planner")
    app.setOrganizationName("Rep Planner")
    from PySide6.QtGui import QIcon
    app.setWindowIcon(QIcon(str(ICON)))  # SVG: sharp at any screen scale
    use_bundled_fonts(app)
    use_language(app, args.lang)
    today = dt.date.today()
    try:
        if args.week:
            today = week_monday(*parse_week(args.week)) + dt.timedelta(days=2)
        store = first_store(args.db)
        settings = QSettings(QSettings.IniFormat, QSettings.UserScope, "Rep Planner", "screenshot") \
            if args.screenshot else None
        window = MainWindow(store, today, now=lambda: dt.datetime.now(dt.timezone.utc), settings=settings)
    except PlannerError as exc:
        if args.screenshot:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, "Rep Planner", str(exc))
        return 2
    window.show_view(args.view)
    if args.screenshot:
        window.resize(1280, 800)
    window.show()
    if args.screenshot:
        app.processEvents()
        _wait_for_figures(app, window.session.figures)
        _wait_for_figures(app, window.session.quarter)
        if not window.grab().save(args.screenshot):
            print(f"error: cannot write {args.screenshot}", file=sys.stderr)
            return 2
        return 0
    return app.exec()


def _wait_for_figures(app, figures, timeout_ms: int = 300_000) -> None:
    """A screenshot shows the figures, not the progress bar: wait until the worker is idle (at most 5 min)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if not figures.busy:
        return
    loop = QEventLoop()
    figures.idle.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if figures.busy:
        loop.exec()
    app.processEvents()

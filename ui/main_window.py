"""The main window: six views over one session, menus, and the open file in the status bar."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QMessageBox, QTabWidget

from planner import backups, commands, scenario_file
from planner.calendars import import_busy
from planner.errors import PlannerError
from planner.model import Scenario
from planner.storage import Store, new_scenario, open_store

from .alternatives_bar import PlanPicker
from .backups_dialog import RestoreDialog
from .dialogs import ExportDialog, SpreadsheetImportDialog, export_sheet
from .history_panel import HistoryPanel
from .markets_view import MarketsView
from .quarter_view import QuarterView
from .session import Session
from .team_live import LiveUpdates
from .team_plan import TeamPlanDialog, show_member
from .team_view import TeamView
from .territories_view import TerritoriesView
from .undo_keys import PlanUndoThroughFields
from .view_parts import give_tabs_room
from .week_page import WeekView
from .workload_view import WorkloadView

MAX_RECENT = 8


def new_plan() -> Scenario:
    """A new database's plan (planner.storage.new_scenario), named in the reader's language."""
    def tr(text):
        return QCoreApplication.translate("", text)
    return new_scenario(tr("New scenario"), (tr("Demo"), tr("Call"), tr("Follow-up")))


class MainWindow(QMainWindow):
    VIEWS = ("team", "markets", "territories", "week", "workload", "quarter")

    def __init__(self, store: Store, today: dt.date, now=None, settings: QSettings | None = None):
        super().__init__()
        self.today, self.now = today, now
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("Rep Planner"))
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        give_tabs_room(self.tabs)
        self.setCentralWidget(self.tabs)
        self.history_panel = HistoryPanel(self)
        self.addDockWidget(Qt.RightDockWidgetArea, self.history_panel)
        self.history_panel.hide()  # until asked for: View > History (Ctrl+H)
        self.resizeDocks([self.history_panel], [460], Qt.Horizontal)  # room for what changed, first time
        self.session: Session | None = None
        self.plan_picker = PlanPicker(self)
        self.addToolBar(self.plan_picker)
        self._menus()
        self.live = LiveUpdates(self)  # a team's plan: others' changes as they land, the server lost or back
        self._open(store)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")  # the History panel, shown or not, and where
        if state is not None:
            self.restoreState(state)

    # --- building ---
    def _open(self, store: Store) -> None:
        current = self.tabs.currentIndex()
        if self.session is not None:
            self.session.close()  # its figures' work stops with it
        self.session = Session(store, self.today, self)
        self.session.failed.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.session.changed.connect(lambda _: self._status())
        self.tabs.clear()
        self.team = TeamView(self.session)
        self.markets = MarketsView(self.session)
        self.territories = TerritoriesView(self.session)
        self.week = WeekView(self.session, now=self.now)
        self.workload = WorkloadView(self.session)
        self.quarter = QuarterView(self.session)
        self.quarter.open_week.connect(self.open_week)
        for widget, title in ((self.team, self.tr("Team")), (self.markets, self.tr("Markets")),
                              (self.territories, self.tr("Territories")), (self.week, self.tr("Week")),
                              (self.workload, self.tr("Workload")), (self.quarter, self.tr("Quarter"))):
            self.tabs.addTab(widget, title)
        self.tabs.setCurrentIndex(max(0, current))
        self.history_panel.attach(self.session)
        self._wire_undo()
        self.plan_picker.set_session(self.session)
        self.live.follow(self.session)
        self._remember(store.path)
        self._status()
        show_member(self)

    def _status(self) -> None:
        s = self.session
        self.statusBar().showMessage(self.tr("{name}  \u2014  {path}  \u2014  {week}").format(
            name=s.scenario.name, path=s.store.path, week=s.week_name))
        self.setWindowTitle(self.tr("{name} \u2014 Rep Planner").format(name=s.scenario.name))

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&New..."), self.new_database, QKeySequence.New)
        self._action(file, self.tr("&Open..."), self.open_database, QKeySequence.Open)
        self._action(file, self.tr("Open &team plan..."), lambda: TeamPlanDialog.ask(self), "Ctrl+Shift+O")
        self._action(file, self.tr("Save &As..."), self.save_as, QKeySequence.SaveAs)
        self._action(file, self.tr("&Restore backup..."), self.restore_dialog)
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        file.addSeparator()
        self._action(file, self.tr("&Import scenario (JSON)..."), self.import_scenario, "Ctrl+I")
        self._action(file, self.tr("Import reps (CSV or Excel)..."), lambda: self.import_sheet("reps"))
        self._action(file, self.tr("Import markets (CSV or Excel)..."), lambda: self.import_sheet("markets"))
        self._action(file, self.tr("Import &busy times (.ics)..."), self.import_busy)
        self._action(file, self.tr("&Export calendar (.ics)..."), self.export_calendar, "Ctrl+E")
        self._action(file, self.tr("&Publish to calendar server..."), self.publish_dialog, "Ctrl+Shift+E")
        self._action(file, self.tr("Export &scenario (JSON)..."), self.export_scenario)
        self._action(file, self.tr("Export reps (CSV)..."), lambda: export_sheet(self, "reps", "csv"))
        self._action(file, self.tr("Export markets (CSV)..."), lambda: export_sheet(self, "markets", "csv"))
        self._action(file, self.tr("Export reps (Excel)..."), lambda: export_sheet(self, "reps", "xlsx"))
        self._action(file, self.tr("Export markets (Excel)..."), lambda: export_sheet(self, "markets", "xlsx"))
        self._action(file, self.tr("Export report (P&DF)..."), self.export_report, "Ctrl+P")
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        # One group: the actions follow the open database's undo stack.
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        # Every Redo key of the platform, and both usual ones everywhere: setShortcut kept only the
        # first binding, so Ctrl+Shift+Z did nothing on Windows and Ctrl+Y nothing on Linux.
        redo = QKeySequence.keyBindings(QKeySequence.Redo)
        self.redo_action.setShortcuts(redo + [k for k in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))
                                              if k not in redo])
        self.undo_through_fields = PlanUndoThroughFields(self.undo_action, self.redo_action, self)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        view = bar.addMenu(self.tr("&View"))
        names = (self.tr("&Team"), self.tr("&Markets"), self.tr("T&erritories"), self.tr("&Week"),
                 self.tr("W&orkload"), self.tr("&Quarter"))
        for i, name in enumerate(names):
            self._action(view, name, lambda _=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
        view.addSeparator()
        history_action = self.history_panel.toggleViewAction()
        history_action.setText(self.tr("&History"))
        history_action.setShortcut(QKeySequence("Ctrl+H"))
        view.addAction(history_action)
        view.addSeparator()
        self._action(view, self.tr("Previous week"), lambda: self.session.move_week(-1), "Alt+PgUp")
        self._action(view, self.tr("Next week"), lambda: self.session.move_week(1), "Alt+PgDown")
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About Rep Planner"), self.about)

    def _wire_undo(self) -> None:
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        for field in self.tabs.findChildren(QLineEdit):  # the views' filters
            field.installEventFilter(self.undo_through_fields)

    def _remember(self, path: str) -> None:
        if path == ":memory:":
            return
        recent = [p for p in (self.settings.value("recent", []) or []) if p != path]
        recent = [path] + recent[: MAX_RECENT - 1]
        self.settings.setValue("recent", recent)
        self.recent_menu.clear()
        for p in recent:
            self._action(self.recent_menu, p, lambda _=False, p=p: self._open_path(p))

    def show_view(self, name: str) -> None:
        self.tabs.setCurrentIndex(self.VIEWS.index(name))

    def open_week(self, rep: str, year: int, week: int) -> None:
        """The Week view on ``rep``'s week (a click in the Quarter)."""
        self.week.rep_box.setCurrentText(rep)
        self.session.set_week(year, week)
        self.tabs.setCurrentWidget(self.week)

    # --- file actions ---
    def _open_path(self, path: str, create: bool = False) -> bool:
        try:
            store = open_store(path, source="app") if create else Store(path, create=False, source="app")
            store.load()
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Cannot open"), str(exc))
            return False
        self._open(store)
        return True

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a Rep Planner database"), "",
                                              self.tr("Rep Planner databases (*.db);;All files (*)"))
        if path:
            self._open_path(path)

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Rep Planner database"), "",
                                              self.tr("Rep Planner databases (*.db)"))
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(self, self.tr("Cannot create"), self.tr("{path} exists already; choose a new name.")
                                .format(path=path))
            return
        try:
            store = open_store(path, seed_demo=False, source="app")
            store.save(new_plan(), text="New plan")
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Cannot create"), str(exc))
            return
        self._open(store)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy as"), "",
                                              self.tr("Rep Planner databases (*.db)"))
        if path:
            self.copy_to(path)

    def copy_to(self, path: str) -> bool:
        """A consistent copy through SQLite's backup API, then work on the copy."""
        if self.session.store.on_server:  # File > Export scenario writes the team's plan to a file
            QMessageBox.warning(self, self.tr("Cannot save"), self.tr(
                "Save As copies a plan's file; a team plan on a server is exported with File > Export scenario."))
            return False
        try:
            target = sqlite3.connect(path)
            with target:
                self.session.store.db.conn.backup(target)
            target.close()
        except sqlite3.Error as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), f"{path}: {exc}")
            return False
        return self._open_path(path)

    def import_scenario(self, path: str | None = None) -> QMessageBox | None:
        """Import a scenario file. Over a plan with reps or markets, a question first (returned,
        open): the plan is only replaced after Replace, and a backup of it is kept."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a scenario"), "",
                                                  self.tr("Scenario files (*.json)"))
        if not path:
            return None
        try:
            scenario = scenario_file.load(path)
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
            return None
        current = self.session.scenario
        if not self.session.store.holds_plan or scenario == current:
            self._replace_plan(scenario, path)
            return None
        box = QMessageBox(QMessageBox.Question, self.tr("Replace the plan?"), self.tr(
            "Replace \u201c{current}\u201d ({reps} reps, {markets} markets, {assignments} assignments) with "
            "\u201c{new}\u201d from {file}?\n\nA backup of the current plan is kept first: File > Restore "
            "backup... brings it back, and so does Undo.").format(
                current=current.name, reps=len(current.reps), markets=len(current.markets),
                assignments=len(current.assignments), new=scenario.name, file=Path(path).name),
            QMessageBox.Cancel, self)
        replace = box.addButton(self.tr("Replace"), QMessageBox.AcceptRole)
        box.setDefaultButton(QMessageBox.Cancel)
        box.buttonClicked.connect(lambda button: self._replace_plan(scenario, path) if button is replace else None)
        box.open()
        return box

    def _replace_plan(self, scenario: Scenario, path: str) -> None:
        kept = None
        if not self.session.store.is_empty and scenario != self.session.scenario:
            try:
                kept = self.session.store.backup(f"before import of {Path(path).name}")
            except PlannerError as exc:
                QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
                return
        if self.session.do(commands.ReplaceScenario(scenario, self.tr("Import {name}").format(name=scenario.name)),
                           source="import"):
            return  # refused: the session said why
        text = self.tr("Imported {name}").format(name=scenario.name)
        if kept:
            text = self.tr("Imported {name}; the plan it replaced is kept as backup {backup}").format(
                name=scenario.name, backup=kept.name)
        self.statusBar().showMessage(text, 15000)

    def restore_dialog(self) -> RestoreDialog:
        dialog = RestoreDialog(self.session.store.backups(), self)
        dialog.chosen.connect(self.restore_backup)
        dialog.open()
        return dialog

    def restore_backup(self, name: str) -> bool:
        """Bring back the backup ``name``; the plan it replaces is backed up first, so a restore
        can itself be restored away. Undo history starts afresh (it belonged to the plan replaced)."""
        path = self.session.store.path
        try:
            done = backups.restore(path, name, now=dt.datetime.now(dt.timezone.utc))
            store = Store(path, create=False, source="app")
            store.load()
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), str(exc))
            return False
        self._open(store)
        text = self.tr("Restored the backup {name} ({cause})").format(name=done.backup.name, cause=done.backup.cause)
        if done.before:
            text = self.tr("Restored the backup {name} ({cause}); the plan it replaced is kept as backup {before}"
                           ).format(name=done.backup.name, cause=done.backup.cause, before=done.before.name)
        self.statusBar().showMessage(text, 15000)
        return True

    def export_scenario(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the scenario"), "scenario.json",
                                              self.tr("Scenario files (*.json)"))
        if path:
            try:
                scenario_file.save(self.session.scenario, path)
                self.statusBar().showMessage(self.tr("Wrote {path}").format(path=path), 8000)
            except PlannerError as exc:
                QMessageBox.warning(self, self.tr("Cannot export"), str(exc))

    def import_sheet(self, kind: str, path: str | None = None) -> SpreadsheetImportDialog | None:
        """File > Import reps or markets: a CSV file or an Excel workbook, previewed before anything changes."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import from CSV or Excel"), "", ";;".join((
                    self.tr("Spreadsheets (*.csv *.xlsx)"), self.tr("CSV files (*.csv)"),
                    self.tr("Excel workbooks (*.xlsx)"))))
        if not path:
            return None
        dialog = SpreadsheetImportDialog(self.session, kind, path, self)
        dialog.open()
        return dialog

    def export_report(self):
        from .report_dialog import ReportDialog  # Qt's PDF writer is loaded only when it is used
        return ReportDialog.ask(self.session, self)

    def import_busy(self) -> None:
        reps = [r.name for r in self.session.scenario.reps]
        if not reps:
            return
        rep, ok = QInputDialog.getItem(self, self.tr("Import busy times"), self.tr("Whose calendar is it?"), reps, 0,
                                       False)
        if not ok:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Calendar file"), "", self.tr("iCalendar files (*.ics)"))
        if not path:
            return
        start = dt.datetime.combine(self.today - dt.timedelta(days=7), dt.time(), dt.timezone.utc)
        try:
            count = import_busy(self.session.store, rep, path, start, start + dt.timedelta(days=372))
        except PlannerError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
            return
        self.session.reload()
        self.statusBar().showMessage(self.tr("Imported {n} busy times for {rep}").format(n=count, rep=rep), 8000)

    def export_calendar(self) -> None:
        ExportDialog(self.session, self).exec()

    def publish_dialog(self):
        from .publish_dialog import PublishDialog  # the CalDAV client is loaded only when it is used

        dialog = PublishDialog(self.session, self.settings, self)
        dialog.open()
        return dialog

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Rep Planner"), self.tr(
            "<b>Rep Planner</b><p>Plans sales reps' weeks across time zones: territories, schedules, "
            "burnout flags and calendars.</p>"))

    def closeEvent(self, event):
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.live.stop()
        self.session.figures.stop()
        self.session.quarter.stop()
        self.territories.search.stop_and_wait(5000)
        super().closeEvent(event)

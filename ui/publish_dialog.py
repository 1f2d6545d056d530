"""File > Publish to calendar server...: ``rep-planner publish`` with its options, progress and summary.

The publish runs off the GUI thread (:class:`PublishWorker`, its own database connection). The
password is typed here or comes from where the command line takes it (the environment, the system
keyring); it is kept in the keyring only when asked, and never in the plan database. The address
and user are remembered in the app's settings.
"""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QVBoxLayout)

from planner.caldav_client import Account, check_url
from planner.caldav_password import password_for, remember
from planner.errors import PlannerError
from planner.storage import Store


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class _Stopped(Exception):
    """Raised from the progress callback to stop a publish; what was done is recorded first."""


class PublishWorker(QThread):
    """Runs :func:`planner.caldav_publish.publish`; ``progress`` (done, total), then ``done`` (the
    calendars' results) or ``failed`` (a message)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: str, account: Account, reps, week: tuple[int, int], options: dict, parent=None):
        super().__init__(parent)
        self.db_path, self.account, self.reps, self.week, self.options = db_path, account, reps, week, options
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)
        if self._stop.is_set():
            raise _Stopped

    def run(self) -> None:
        from planner.caldav_publish import publish

        store = None
        try:
            store = Store(self.db_path, create=False)
            results = publish(store, self.account, self.reps, *self.week, progress=self._progress,
                              now=dt.datetime.now(dt.timezone.utc), **self.options)
            self.done.emit(results)
        except _Stopped:
            self.failed.emit(tr("Stopped. What was published is recorded; publish again to complete it."))
        except PlannerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # the app must survive a server that misbehaves; say what happened
            self.failed.emit(tr("The publish failed: {problem}").format(problem=exc))
        finally:
            if store is not None:
                store.close()


def summary_lines(results, dry_run: bool) -> list[str]:
    """What the publish did (or would do), calendar by calendar, in the reader's language."""
    lines = []
    for r in results:
        text = (tr("{url}: {created} to create, {updated} to update, {deleted} to delete, {unchanged} unchanged")
                if dry_run else
                tr("{url}: {created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged"))
        lines.append(text.format(url=r.url, created=r.created, updated=r.updated, deleted=r.deleted,
                                 unchanged=r.unchanged))
        if r.made_calendar:
            lines.append(tr("The calendar was created.") if not dry_run else tr("The calendar would be created."))
        for o in r.kept:
            lines.append(tr("Kept as it is in the calendar (changed there since): {event}").format(
                event=o.change.record.summary if o.change.record else o.change.uid))
        for o in r.failed:
            lines.append(tr("Not published: {event} ({problem})").format(
                event=o.change.record.summary if o.change.record else o.change.uid, problem=o.problem))
        if r.unplaced:
            lines.append(tr("{n} blocks ({hours} h of work) could not be placed").format(
                n=r.unplaced, hours=f"{r.unplaced_hours:g}"))
        if r.interrupted:
            lines.append(r.interrupted)
    return lines


class PublishDialog(QDialog):
    """The calendar's address, the user and password, whose weeks and how many; Publish shows progress
    and then what changed."""

    def __init__(self, session, settings, parent=None):
        super().__init__(parent)
        self.session, self.settings = session, settings
        self.worker: PublishWorker | None = None
        self.results = None
        self.setWindowTitle(tr("Publish to a calendar server (CalDAV)"))
        self.url = QLineEdit(str(settings.value("publish/url", "")))
        self.url.setPlaceholderText("https://calendar.example.com/dav/laura/work/")
        self.user = QLineEdit(str(settings.value("publish/user", "")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(tr("empty: from the system keyring"))
        self.keep_password = QCheckBox(tr("Remember the password in the system keyring"))
        self.ca_cert = QLineEdit(str(settings.value("publish/ca_cert", "")))
        self.ca_cert.setPlaceholderText(tr("only for a server with its own certificate"))
        browse = QPushButton(tr("Browse..."))
        browse.clicked.connect(self._browse)
        certificate = QHBoxLayout()
        certificate.addWidget(self.ca_cert)
        certificate.addWidget(browse)
        self.rep = QComboBox()
        self.rep.addItem(tr("All reps"), None)
        for rep in session.scenario.reps:
            self.rep.addItem(rep.name, rep.name)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 104)
        self.weeks.setValue(4)
        self.per_rep = QCheckBox(tr("One calendar per rep, inside this address"))
        self.create = QCheckBox(tr("Create the calendar if it is not there"))
        self.stretch = QCheckBox(tr("Include work placed outside working hours (stretch)"))
        self.dry_run = QCheckBox(tr("Dry run: only say what would change"))
        form = QFormLayout()
        form.addRow(tr("Calendar address:"), self.url)
        form.addRow(tr("User:"), self.user)
        form.addRow(tr("Password:"), self.password)
        form.addRow(self.keep_password)
        form.addRow(tr("Certificate to trust:"), certificate)
        form.addRow(tr("Reps:"), self.rep)
        form.addRow(tr("From week:"), QLabel(session.week_name))
        form.addRow(tr("Weeks:"), self.weeks)
        for box in (self.per_rep, self.create, self.stretch, self.dry_run):
            form.addRow(box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.publish_button = self.buttons.addButton(tr("Publish"), QDialogButtonBox.ActionRole)
        self.stop_button = self.buttons.addButton(tr("Stop"), QDialogButtonBox.ActionRole)
        self.stop_button.setEnabled(False)
        self.publish_button.clicked.connect(self.publish)
        self.stop_button.clicked.connect(self.stop)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, 0)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Certificate to trust"), self.ca_cert.text(),
                                                tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if chosen:
            self.ca_cert.setText(chosen)

    def _account(self) -> Account:
        url, user = check_url(self.url.text().strip(), tr("Calendar address")), self.user.text().strip()
        if not user:
            raise PlannerError(tr("User: give the user name on the calendar server"))
        password = self.password.text()
        if not password:
            try:
                password, _ = password_for(url, user)
            except PlannerError:
                raise PlannerError(tr("Password: type it, or store it in the system keyring")) from None
        return Account(url, user, password, self.ca_cert.text().strip() or None)

    def publish(self) -> None:
        try:
            account = self._account()
        except PlannerError as exc:
            self.status.setText(str(exc))
            return
        self.settings.setValue("publish/url", account.url)
        self.settings.setValue("publish/user", account.user)
        self.settings.setValue("publish/ca_cert", account.ca_cert or "")
        rep = self.rep.currentData()
        reps = [rep] if rep else [r.name for r in self.session.scenario.reps]
        options = {"weeks": self.weeks.value(), "per_rep": self.per_rep.isChecked(),
                   "create": self.create.isChecked(), "dry_run": self.dry_run.isChecked(),
                   "stretch": self.stretch.isChecked()}
        self.worker = PublishWorker(self.session.store.path, account, reps, self.session.week, options, self)
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(lambda results: self._done(results, account))
        self.worker.failed.connect(self._failed)
        self.publish_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the calendar is read and the changes are known
        self.status.setText(tr("Reading the calendar..."))
        self.worker.start()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.status.setText(tr("Stopping after the requests under way..."))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(tr("Publishing: {done} of {total} changes").format(done=done, total=total))

    def _finished(self) -> None:
        self.publish_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self.worker.wait()
        self.worker = None

    def _done(self, results, account: Account) -> None:
        self._finished()
        self.results = results
        self.progress.setValue(self.progress.maximum())
        lines = summary_lines(results, self.dry_run.isChecked())
        if self.keep_password.isChecked() and self.password.text():
            lines.append(tr("The password is kept in the system keyring.") if remember(
                account.url, account.user, account.password) else
                tr("There is no system keyring on this computer: the password was not kept."))
        self.status.setText("\n".join(lines))

    def _failed(self, message: str) -> None:
        self._finished()
        self.status.setText(message)

    def reject(self) -> None:
        if self.worker is not None:  # closing stops the publish; what was done is recorded
            self.worker.stop()
            self.worker.wait()
        super().reject()

"""File > Open team plan...: the team's plan on a PostgreSQL server, in the same window.

The URL names the server, the database and the login (postgresql://ana@db.example.com/plans). The
password, when libpq's own places (PGPASSWORD, ~/.pgpass, a service file) do not give it, is typed
into a password field and handed to psycopg for this session only: never stored, never shown.
A failure says what failed under the fields and leaves them as typed, so the user can correct them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from planner.engines import is_server
from planner.engines import postgres
from planner.errors import PlannerError


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def open_team_plan(url: str):
    """The store of the plan at ``url``, as the app opens a database: a new plan where none is yet."""
    from planner.storage import Store

    from .main_window import new_plan

    store = Store(url, source="app")
    try:
        if store.is_empty:
            store.save(new_plan(), text="New plan")
        store.load()
    except PlannerError:
        store.close()
        raise
    return store


def member_text(member) -> str:
    """Who the user is on the team's plan, in the status bar: "ray: rep (Laura)"."""
    if member.role == "planner":
        return tr("{login}: planner of {regions}").format(login=member.login, regions=", ".join(member.regions))
    if member.role == "rep":
        return tr("{login}: rep ({rep})").format(login=member.login, rep=member.rep)
    if member.role == "director":
        return tr("{login}: director").format(login=member.login)
    return tr("{login}: read-only").format(login=member.login)


def show_member(window) -> None:
    """At the status bar's right, who the user is on a team's plan and their role (the server
    decides what they may change); nothing on a file."""
    label = window.findChild(QLabel, "member")
    if label is None:
        label = QLabel(window)
        label.setObjectName("member")
        window.statusBar().addPermanentWidget(label)
    member = window.session.member
    label.setVisible(member is not None)
    label.setText(member_text(member) if member is not None else "")
    label.setToolTip(tr("Your role on this team's plan; the server refuses any change it does not allow"))


class TeamPlanDialog(QDialog):
    """Asks for the server's URL (and a password if need be); ``opened`` carries the store once open."""

    opened = Signal(object)

    def __init__(self, parent=None, url: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Open team plan"))
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql://user@host:5432/plans")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(tr("from PGPASSWORD or ~/.pgpass when empty"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(tr("Server URL:"), self.url)
        form.addRow(tr("Password:"), self.password)
        note = QLabel(tr("A plan the team shares on a PostgreSQL server. The password is used for this session "
                         "only and never stored."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.open_button = self.buttons.addButton(tr("Open"), QDialogButtonBox.AcceptRole)
        self.open_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.Cancel).setAutoDefault(False)  # Return opens, whatever has the focus
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, window) -> "TeamPlanDialog":
        """File > Open team plan... over ``window``: the plan opened replaces the window's, as File > Open."""
        store = window.session.store
        dialog = cls(window, store.path if store.on_server else "")
        dialog.opened.connect(window._open)
        dialog.open()
        return dialog

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _open(self) -> None:
        url = self.url.text().strip()
        if not is_server(url):
            self._say(tr("Give the server's URL: postgresql://user@host:port/database"))
            self.url.setFocus()
            return
        typed = self.password.text()
        if typed:
            postgres.remember_password(url, typed)
        try:
            store = open_team_plan(url)
        except PlannerError as exc:
            if typed:
                postgres.forget_password(url)
            self._say(str(exc))
            self.password.clear()
            (self.password if "password" in str(exc) else self.url).setFocus()
            return
        self.password.clear()
        self.opened.emit(store)
        self.accept()

"""The app in French speaks French throughout: the chrome (Qt's catalogue) and the core's sentences
it shows (planner.i18n), from the one choice ui.app makes."""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt

from planner import i18n
from planner.storage import open_store
from ui.app import use_language
from ui.main_window import MainWindow

from .user_input import bring_to_front, go_to

TODAY = dt.date(2027, 3, 17)  # 2027-W11
NOW = dt.datetime(2027, 3, 17, 10, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def french(qapp):
    locale, core = QLocale(), i18n.current()
    translator = use_language(qapp, "fr")
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    i18n.use(core)


def test_the_workload_view_shows_french_flags_with_french_dates(french, qtbot, tmp_path):
    window = MainWindow(open_store(tmp_path / "app.db"), TODAY, now=NOW,
                        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    bring_to_front(qtbot, window)
    go_to(qtbot, window, "workload")
    view = window.workload
    assert view.stretch.text().startswith("Étirer")  # the chrome is French
    if not view.stretch.isChecked():  # every block placed: the long weeks' flags, with their days
        qtbot.mouseClick(view.stretch, Qt.LeftButton)
    qtbot.waitUntil(lambda: "weekly_hours" in view.flags.toPlainText(), timeout=60_000)
    text = view.flags.toPlainText()
    assert "h planifiées cette semaine" in text and "CRITIQUE" in text
    assert "h de travail le lun. 15 mars, au-delà de 10 h" in text
    assert "Loi suisse sur le travail (LTr)" in text or "Directive européenne" in text
    for english in ("planned this week", "of work on", "Mon 15 Mar", "Working Time Directive", "CRITICAL"):
        assert english not in text
    model = view.team.model()
    flags = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index("Alertes")
    assert all(model.index(r, flags).data().endswith("(critique)") for r in range(model.rowCount()))


def test_every_tr_in_ui_reaches_the_catalogue():
    """Every tr("...") written in ui/ is in the shipped catalogue. Qt's lupdate skips a tr() inside an
    f-string, and such a string stayed English in the French app (the report's headings, "no flags.")."""
    import ast
    import re
    from pathlib import Path

    from ui.app import TRANSLATIONS

    shipped = set(re.findall(r"<source>(.*?)</source>", (TRANSLATIONS / "rep_planner_fr.ts").read_text("utf-8"), re.S))
    unescape = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}
    shipped = {re.sub("|".join(unescape), lambda m: unescape[m.group(0)], s) for s in shipped}
    missing = []
    for path in sorted((Path(__file__).parent.parent / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                    and node.args[0].value not in shipped):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value}")
    assert missing == []


def test_a_tab_that_is_not_current_keeps_its_capitals_accent(french, qtbot, tmp_path):
    """Fusion drew the tabs behind the current one lower and cut the top of their text: "Équipe"
    read "Equipe". The tab drawn with its accent differs from the same tab without it."""
    window = MainWindow(open_store(tmp_path / "app.db"), TODAY, now=NOW,
                        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    bring_to_front(qtbot, window)
    go_to(qtbot, window, "workload")
    bar = window.tabs.tabBar()
    assert bar.tabText(0) == "Équipe"

    def drawn():
        return bar.grab(bar.tabRect(0)).toImage()

    accented = drawn()
    bar.setTabText(0, "Equipe")
    assert drawn() != accented

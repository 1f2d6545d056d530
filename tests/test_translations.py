import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.app import TRANSLATIONS, install_translator

ROOT = Path(__file__).parent.parent


def test_french_is_shipped_and_used(qapp):
    from PySide6.QtCore import QDate, QLocale

    before = QLocale()
    translator = install_translator(qapp, "fr")
    try:
        assert translator is not None
        assert QCoreApplication.translate("", "Optimise") == "Optimiser"
        assert QCoreApplication.translate("MainWindow", "Territories") == "Territoires"
        assert QLocale().toString(QDate(2027, 3, 29), "ddd d MMM") == "lun. 29 mars"
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(before)
    assert QCoreApplication.translate("", "Optimise") == "Optimise"


def test_every_visible_string_has_a_french_translation(tmp_path):
    """lupdate over today's ui/ finds no string the shipped catalogue lacks."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sorted(str(p) for p in (ROOT / "ui").glob("*.py")), "-ts", str(fresh)],
                   check=True, capture_output=True)
    sources = set(re.findall(r"<source>(.*?)</source>", fresh.read_text(encoding="utf-8"), re.S))
    shipped = (TRANSLATIONS / "rep_planner_fr.ts").read_text(encoding="utf-8")
    assert sources <= set(re.findall(r"<source>(.*?)</source>", shipped, re.S))
    assert 'type="unfinished"' not in shipped
    # The compiled catalogue the app loads is the one built from this .ts.
    qm = tmp_path / "fr.qm"
    subprocess.run([str(lupdate.with_name("pyside6-lrelease")), str(TRANSLATIONS / "rep_planner_fr.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    assert qm.read_bytes() == (TRANSLATIONS / "rep_planner_fr.qm").read_bytes()


def test_each_english_string_is_translated_once():
    """A key written twice in fr.py keeps only its last French text: two helpers adding the same string
    with different translations would silently lose one."""
    import ast
    from collections import Counter

    tree = ast.parse((TRANSLATIONS / "fr.py").read_text(encoding="utf-8"))
    table = next(node.value for node in tree.body if isinstance(node, ast.Assign) and node.targets[0].id == "FR")
    twice = [key for key, n in Counter(k.value for k in table.keys).items() if n > 1]
    assert twice == []

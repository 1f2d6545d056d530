"""The core's sentences in the reader's language: the French catalogue is complete and compiled,
and `check` speaks French with French dates and numbers when asked (--lang or LANG)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from planner import i18n
from planner.cli import main

ROOT = Path(__file__).parent.parent
PO = ROOT / "planner" / "locale" / "fr" / "LC_MESSAGES" / "rep_planner.po"
# Words written the same in French: a msgstr equal to its msgid is a forgotten translation otherwise.
SAME_IN_FRENCH = {"INFO", "optimal", "minutes", "Source", "subdivision", "Date", "Total", "plan", "minute", "options"}


def _catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="fr")


def _forms(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_every_sentence_has_its_french():
    """No msgid left untranslated, fuzzy, or copied in English (but for a few words that are French too)."""
    untranslated = [m.id for m in _catalogue() if m.id and (m.fuzzy or not all(_forms(m)))]
    assert untranslated == []
    english = [m.id for m in _catalogue() if m.id and m.string == m.id and m.id not in SAME_IN_FRENCH]
    assert english == []


def test_extraction_finds_no_sentence_the_catalogue_lacks():
    """A new English sentence marked in planner/ without its French fails here (docs/languages.md says
    how to update the catalogue)."""
    found = {message for _file, _line, message, _comments, _context in
             extract_from_dir(str(ROOT / "planner"), method_map=[("**.py", "python")])}
    shipped = {m.id for m in _catalogue() if m.id}
    assert found - shipped == set()
    assert shipped - found == set(), "the catalogue keeps sentences the code no longer has: run pybabel update"


def test_the_compiled_catalogue_is_the_one_built_from_the_po():
    with (PO.with_suffix(".mo")).open("rb") as f:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
    assert compiled == {_key(m.id): _key(m.string) for m in _catalogue() if m.id}


def _key(text):
    return tuple(text) if isinstance(text, (list, tuple)) else text


def test_placeholders_are_the_same_in_french():
    """A French sentence naming a placeholder the English lacks would raise KeyError when shown."""
    import string

    def names(text):
        return {field for _lit, field, _spec, _conv in string.Formatter().parse(text) if field is not None}

    for m in _catalogue():
        if m.id:
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            for form in _forms(m):
                assert names(form) <= set().union(*map(names, ids)), (m.id, form)


def test_french_numbers_dates_and_plurals():
    fr = i18n.Translator("fr_CH.UTF-8")
    assert (fr.language, fr.number(78.5), fr.day(dt.date(2027, 3, 15))) == ("fr_CH", "78,5", "lun. 15 mars")
    # Swiss French groups thousands with an apostrophe (Babel alone dropped it); French with a narrow space.
    assert (fr.amount(5_060_000), fr.percent(0.87), fr.percent(0.0125, 1)) == ("5'060'000", "87%", "1,2%")
    france = i18n.Translator("fr_FR")
    assert (france.amount(5_060_000), france.percent(0.87)) == ("5\u202f060\u202f000", "87\xa0%")
    assert fr.ngettext("{n} block", "{n} blocks", 1) == "{n} bloc"
    assert fr.ngettext("{n} block", "{n} blocks", 3) == "{n} blocs"
    english = i18n.Translator("C.UTF-8")
    assert (english.number(78.5), english.day(dt.date(2027, 3, 15)), english.amount(1234567)) == \
        ("78.5", "Mon 15 Mar", "1,234,567")
    # No catalogue for German: English throughout, never an English sentence with a German date.
    german = i18n.Translator("de_CH")
    assert (german.language, german.day(dt.date(2027, 3, 15))) == ("en", "Mon 15 Mar")


def test_the_language_comes_from_the_environment_in_gettexts_order():
    assert i18n.from_environment({"LANG": "fr_CH.UTF-8"}) == "fr_CH.UTF-8"
    assert i18n.from_environment({"LANG": "fr_CH.UTF-8", "LC_ALL": "C"}) == "C"
    assert i18n.from_environment({"LC_MESSAGES": "fr_FR", "LANG": "en_GB"}) == "fr_FR"
    assert i18n.from_environment({}) is None


def _check(capsys, db, *options, environ=None, monkeypatch=None):
    if environ is not None:
        for name in i18n.ENVIRONMENT:
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
    code = main(["--db", db, *options, "check", "--week", "2027-W11", "--stretch"], today=dt.date(2027, 3, 17))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_check_in_french_with_lang(capsys, demo_db):
    before = i18n.current()
    out = _check(capsys, demo_db, "--lang", "fr")
    assert "Laura : 70 h de temps de travail en 2027-W11, tout le travail est placé" in out
    assert "  CRITIQUE      weekly_hours: 70 h planifiées cette semaine : 55 h ou plus mettent la santé en danger" in out
    assert "daily_hours: 14 h de travail le lun. 15 mars, au-delà de 10 h" in out
    assert "daily_rest: 9 h de repos quotidien entre le lun. 15 mars et le mar. 16 mars, moins de 11 h" in out
    assert "night_work: 2,5 h de travail entre 23:00 et 06:00 sur 5 jours" in out
    assert "[Loi suisse sur le travail (LTr), art. 9 :" in out
    for english in ("planned", "working time", "Mon ", "rest between", "Swiss Labour Act"):
        assert english not in out
    # The process's language is what it was before the command ran.
    assert i18n.current() is before


def test_check_in_french_from_lang_variable(capsys, demo_db, monkeypatch):
    out = _check(capsys, demo_db, environ={"LANG": "fr_CH.UTF-8"}, monkeypatch=monkeypatch)
    assert "daily_hours: 14 h de travail le lun. 15 mars, au-delà de 10 h" in out
    assert out == _check(capsys, demo_db, "--lang", "fr_CH")
    # --lang wins over the environment.
    assert "14 h of work on Mon 15 Mar, above 10 h" in _check(capsys, demo_db, "--lang", "en")


def test_json_stays_english_whatever_the_language(capsys, demo_db):
    """--json is for programs: codes, numbers and messages as they always were."""
    main(["--db", demo_db, "check", "--week", "2027-W11", "--stretch", "--json"], today=dt.date(2027, 3, 17))
    english = capsys.readouterr().out
    main(["--db", demo_db, "--lang", "fr", "check", "--week", "2027-W11", "--stretch", "--json"],
         today=dt.date(2027, 3, 17))
    assert capsys.readouterr().out == english
    assert '"message": "70 h planned this week: 55 h or more is a health risk"' in english


def test_errors_in_french(capsys, demo_db):
    code = main(["--db", demo_db, "--lang", "fr", "check", "--week", "2027-W11", "--weeks", "60"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "erreur : --weeks : indiquez de 1 à 52 semaines (reçu 60)\n"


def test_the_command_in_a_french_shell(tmp_path):
    """`LANG=fr_CH.UTF-8 rep-planner check`, as a person runs it: a process of its own."""
    env = {k: v for k, v in os.environ.items() if k not in i18n.ENVIRONMENT} | {
        "LANG": "fr_CH.UTF-8", "PYTHONPATH": str(ROOT)}
    db = str(tmp_path / "demo.db")
    subprocess.run([sys.executable, "-m", "planner.cli", "--db", db, "demo"], env=env, check=True,
                   capture_output=True)
    run = subprocess.run([sys.executable, "-m", "planner.cli", "--db", db, "check", "--week", "2027-W11",
                          "--stretch", "--rep", "Marco"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Marco : 73,5 h de temps de travail en 2027-W11" in run.stdout
    assert "daily_hours: 14,75 h de travail le lun. 15 mars, au-delà de 10 h" in run.stdout


def test_a_sentence_without_french_reads_english():
    """A sentence missing from an old catalogue shows its English, never a crash or an empty line."""
    with i18n.using(i18n.Translator("fr")):
        assert i18n._("A sentence no catalogue has") == "A sentence no catalogue has"


def test_no_module_hides_its_translation_function():
    """A module that translates with ``_`` never binds ``_`` itself (``_, x = ...``, ``for _ in``):
    in a function, that makes every ``_()`` there fail with UnboundLocalError, on a path tests may miss."""
    import ast

    hiding = []
    for path in sorted((ROOT / "planner").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        imports = any(isinstance(n, ast.ImportFrom) and (n.module or "").endswith("i18n")
                      and any(a.name == "_" for a in n.names) for n in ast.walk(tree))
        if imports:
            hiding += [f"{path.relative_to(ROOT)}:{n.lineno}" for n in ast.walk(tree)
                       if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)]
    assert hiding == []


@pytest.mark.parametrize("argv, french", [
    (["chek"], "erreur : rep-planner: argument command : choix invalide : 'chek' (choisissez parmi 'demo', "),
    (["check", "--weeks", "x"], "erreur : rep-planner check: argument --weeks : valeur invalide, nombre entier "
                                "attendu : 'x'\n"),
    (["check", "--bogus"], "erreur : rep-planner: arguments non reconnus : --bogus\n"),
])
def test_the_command_lines_own_refusals_in_french(capsys, demo_db, argv, french):
    """argparse's English, said again in French: a typo gets its one line in the reader's language."""
    assert main(["--db", demo_db, "--lang", "fr", *argv]) == 2
    assert capsys.readouterr().err.startswith(french)

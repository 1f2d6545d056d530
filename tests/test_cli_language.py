"""Commands beyond `check` in French: the database's lifecycle (demo, import, backups, restore),
undo's row-by-row lines, storage and calendar-server errors. The English of each is guarded by
the tests of its command (tests/test_cli.py and others); here, that French reaches the reader."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from planner import i18n
from planner.cli import build_parser, main


def _run(capsys, *argv):
    code = main(["--lang", "fr", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _other_scenario(capsys, db, tmp_path) -> Path:
    """The demo under another name: a different plan, which `import` replaces only with --replace."""
    other = tmp_path / "other.json"
    assert main(["--db", db, "export-scenario", str(other)]) == 0
    other.write_text(other.read_text().replace("Five continents, two reps", "Autre", 1))
    capsys.readouterr()
    return other


def test_demo_backups_and_restore_in_french(capsys, tmp_path):
    db = str(tmp_path / "plan.db")
    code, out, err = _run(capsys, "--db", db, "demo")
    assert code == 0, err
    assert out == f"Le scénario de démonstration 'Five continents, two reps' est dans {db} : 2 commerciaux, 12 marchés\n"

    code, out, _err = _run(capsys, "--db", db, "backups")
    assert out == (f"Pas encore de sauvegarde de {db} ; demo --replace, import --replace et restore en gardent une "
                   "avant de remplacer le plan.\n")

    code, out, err = _run(capsys, "--db", db, "import", str(_other_scenario(capsys, db, tmp_path)), "--replace")
    assert code == 0, err
    first, kept = out.splitlines()
    assert first.startswith(f"'Autre' importé dans {db} : 2 commerciaux, 12 marchés, ") and first.endswith(" affectations")
    assert kept.startswith("Une sauvegarde du plan remplacé a été gardée : ") and kept.endswith("' le ramène)")

    code, out, err = _run(capsys, "--db", db, "backups")
    assert code == 0, err
    head, columns = out.splitlines()[:2]
    assert head.startswith(f"Sauvegardes de {db}, les plus récentes d'abord, dans ") and head.endswith("gardées) :")
    assert columns.split() == ["Nom", "Faite", "(UTC)", "Motif", "Scénario", "Commerciaux", "Marchés", "Affectations"]

    code, out, err = _run(capsys, "--db", db, "restore", "latest")
    assert code == 0, err
    restored, before = out.splitlines()
    assert " restaurée dans " in restored and restored.endswith(
        ": 'Five continents, two reps', 2 commerciaux, 12 marchés, " + restored.rsplit(", ", 1)[1])
    assert restored.rsplit(", ", 1)[1].endswith(" affectations")
    assert before.startswith("L'état qu'elle remplace est la sauvegarde ") and before.endswith("' le ramène)")


def test_lifecycle_refusals_in_french(capsys, tmp_path):
    missing = tmp_path / "none.db"
    code, _out, err = _run(capsys, "--db", str(missing), "restore", "latest")
    assert (code, err) == (2, f"erreur : {missing} : cette base de données n'existe pas, et aucune sauvegarde "
                              "d'elle non plus\n")
    code, _out, err = _run(capsys, "--db", str(missing), "reps")
    assert (code, err) == (2, f"erreur : {missing} : cette base de données n'existe pas, et cette commande n'en "
                              "crée pas ; 'demo', 'import FICHIER' ou 'import-csv reps FICHIER' en créent une\n")
    assert not missing.exists()


def test_replacing_a_plan_is_refused_in_french(capsys, demo_db, tmp_path):
    code, _out, err = _run(capsys, "--db", demo_db, "import", str(_other_scenario(capsys, demo_db, tmp_path)))
    assert code == 2
    assert err.startswith(f"erreur : {demo_db} contient déjà 'Five continents, two reps' (2 commerciaux, 12 marchés, ")
    assert err.endswith(" affectations) ; ajoutez --replace pour le remplacer (une sauvegarde est gardée d'abord)\n")


def test_undo_says_row_by_row_in_french(capsys, tmp_path):
    db = str(tmp_path / "plan.db")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "market", "assign", "Brazil", "Marco"]) == 0
    assert main(["--db", db, "rep", "set", "Laura", "max-hours", "42"]) == 0
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db, "history")
    assert code == 0, err
    assert out.splitlines()[-1].endswith("3 réglages, 5 activités, 2 commerciaux, 12 marchés, 60 nombres par semaine, "
                                         "12 affectations")
    code, out, err = _run(capsys, "--db", db, "undo")
    assert code == 0, err
    assert out.splitlines()[1] == "  le commercial Laura : heures max par semaine 42 -> 45"
    code, out, err = _run(capsys, "--db", db, "undo", "--revision", "2", "--dry-run")
    assert out.splitlines()[1] == "  l'affectation de Brazil : commercial Marco -> Laura"
    assert main(["--db", db, "rep", "set", "Laura", "max-hours", "40"]) == 0
    capsys.readouterr()
    code, _out, err = _run(capsys, "--db", db, "undo", "--revision", "3")
    assert code == 2
    assert err == ("erreur : la révision 3 (Change Laura's max weekly hours) ne peut pas être annulée : la révision 5 "
                   "(cli : Change Laura's max weekly hours) a modifié le commercial Laura depuis ; annulez d'abord "
                   "la révision 5\n")


def test_storage_errors_in_french(capsys, tmp_path, demo_db):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a plan, not a database\n" * 200)
    code, _out, err = _run(capsys, "--db", str(damaged), "reps")
    assert (code, err) == (2, f"erreur : {damaged} : impossible d'ouvrir la base de données (file is not a database) ; "
                              "ouvrez une autre base ou importez un fichier de scénario\n")
    code, _out, err = _run(capsys, "--db", demo_db, "restore", "latest")
    assert (code, err) == (2, f"erreur : {demo_db} : pas encore de sauvegarde (dans {demo_db}.backups)\n")


def test_calendar_server_errors_in_french(capsys, demo_db, monkeypatch):
    from tests.caldav_servers import free_port

    monkeypatch.setenv("REP_PLANNER_CALDAV_PASSWORD", "pw")
    base = ["--db", demo_db, "publish", "--user", "laura"]
    code, _out, err = _run(capsys, *base, "--url", "cal.example.com")
    assert (code, err) == (2, "erreur : --url : indiquez l'adresse du calendrier commençant par https:// ou http:// "
                              "(reçu 'cal.example.com')\n")
    port = free_port()  # nothing listens there
    code, _out, err = _run(capsys, *base, "--url", f"http://127.0.0.1:{port}/laura/work/")
    assert (code, err) == (2, f"erreur : http://127.0.0.1:{port}/laura/work/ : impossible de joindre le serveur "
                              "([Errno 111] Connection refused)\n")
    monkeypatch.delenv("REP_PLANNER_CALDAV_PASSWORD")
    monkeypatch.setattr("planner.caldav_password.from_keyring", lambda url, user: None)
    code, _out, err = _run(capsys, *base, "--url", f"http://127.0.0.1:{port}/w/")
    assert (code, err) == (2, f"erreur : pas de mot de passe pour laura sur 127.0.0.1:{port} : définissez "
                              "REP_PLANNER_CALDAV_PASSWORD, enregistrez-le dans le trousseau du système (keyring set "
                              f"rep-planner:http://127.0.0.1:{port} laura) ou lancez la commande dans un terminal pour "
                              "qu'il soit demandé\n")


def test_file_refusals_in_french(capsys, tmp_path, demo_db):
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(30 * 2**20)  # refused by its size, before a byte is read
    code, _out, err = _run(capsys, "--db", str(tmp_path / "new.db"), "import", str(big))
    assert (code, err) == (2, f"erreur : {big} : 30,0 Mo, c'est trop pour un scénario (limite 20 Mo)\n")

    ics = tmp_path / "busy.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:tick\r\n"
                   "DTSTART:20270315T090000Z\r\nDTEND:20270315T090100Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:Tick\r\n"
                   "END:VEVENT\r\nEND:VCALENDAR\r\n")
    code, _out, err = _run(capsys, "--db", demo_db, "import-busy", str(ics), "--rep", "Laura")
    assert (code, err) == (2, f"erreur : {ics} : ligne 8 : l'événement 'tick' se répète chaque minute ; "
                              "ce n'est pas une réunion\n")


def _help(capsys, *argv, **kwargs) -> str:
    """What `rep-planner ARGV --help` prints (argparse exits 0 after printing it)."""
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--help"], **kwargs)
    assert exited.value.code == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _parsers(parser, path=()):
    """Every parser of the command line with its command words: (), ("assign",), ("rep", "add")..."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_help_in_french(capsys):
    out = _help(capsys, "--lang", "fr")
    assert out.startswith("utilisation : rep-planner [-h] [--db DB] [--read-only] [--lang LANG]")
    for french in ("Planifier les semaines des commerciaux à travers les fuseaux horaires.",
                   "\narguments positionnels :\n", "\noptions :\n", "afficher cette aide et quitter",
                   "afficher la version du programme et quitter", "afficher les sauvegardes de la base (les 20 plus",
                   "choisir quel commercial couvre quel marché (HiGHS), et"):
        assert french in out
    for english in ("usage:", "options:", "positional arguments", "show this help message", "version number",
                    "Plan sales reps", "list reps", "database file", "language of the messages"):
        assert english not in out

    out = _help(capsys, "--lang", "fr", "assign")
    assert out.startswith("utilisation : rep-planner assign [-h] [--json]")
    assert "\nchoisir quel commercial couvre quel marché (HiGHS), et expliquer pourquoi\n" in out
    for french in ("semaine planifiée, comme 2027-W11 (par défaut : cette", "secondes de recherche (par défaut 30)",
                   "enregistrer le plan (les attributions verrouillées", "afficher en JSON"):
        assert french in out
    for english in ("usage:", "options:", "planning week", "seconds to search", "store the plan", "print JSON"):
        assert english not in out


def test_every_help_text_has_its_french():
    """A help= left out of _() reads English among the French: every command's texts differ in French."""
    with i18n.using(i18n.ENGLISH):
        english = {path: p for path, p in _parsers(build_parser())}
    with i18n.using(i18n.Translator("fr")):
        french = {path: p for path, p in _parsers(build_parser())}
    assert french.keys() == english.keys() and len(french) > 50
    for path, parser in french.items():
        assert parser.description != english[path].description or parser.description is None, path
        for fr_action, en_action in zip(parser._actions, english[path]._actions, strict=True):
            assert fr_action.option_strings == en_action.option_strings and fr_action.metavar == en_action.metavar
            assert list(fr_action.choices or ()) == list(en_action.choices or ()), (path, fr_action.dest)
            if en_action.help not in (None, argparse.SUPPRESS):
                assert fr_action.help != en_action.help, (path, en_action.help)


def test_help_without_lang_is_argparse_own_english(capsys, monkeypatch):
    """English --help is what argparse itself writes for the command line, byte for byte: our headings,
    usage prefix and -h text are argparse's, and every command's text is the English source."""
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    with i18n.using(i18n.ENGLISH):
        parsers = dict(_parsers(build_parser()))
    for path in [(), ("assign",), ("rep", "add"), ("alternatives", "save"), ("team", "add-member"), ("whatif",)]:
        parser = parsers[path]
        parser.formatter_class = argparse.HelpFormatter  # argparse's own, in its own (English) words
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "show this help message and exit"
        parser._positionals.title, parser._optionals.title = "positional arguments", "options"
        expected = parser.format_help()
        assert _help(capsys, *path) == expected
        assert _help(capsys, "--lang", "en", *path) == expected
        assert _help(capsys, *path, translator=i18n.ENGLISH) == expected
    out = _help(capsys)
    assert out.startswith("usage: rep-planner [-h]") and "\noptions:\n" in out and "\npositional arguments:\n" in out
    assert "  --version             show program's version number and exit\n" in out
    assert "    reps                list reps\n" in out

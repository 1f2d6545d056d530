import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).parent.parent


def test_importing_the_core_loads_no_qt():
    modules = [p.stem for p in (ROOT / "planner").glob("*.py") if p.stem != "__init__"]
    code = ("import sys\n"
            + "".join(f"import planner.{m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
            + "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
    assert len(modules) >= 8


def test_zones_are_built_in_one_place():
    """Every zone comes from planner.timezones.zone (the tzdata package): ``ZoneInfo(name)``,
    pendulum, pytz and dateutil look in the machine's own zoneinfo first."""
    import ast

    offenders = []
    files = [p for folder in ("planner", "ui", "benchmarks", "tests") for p in (ROOT / folder).rglob("*.py")]
    for path in files + [ROOT / "main.py"]:
        if path == ROOT / "planner" / "timezones.py":
            continue
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
                if name in ("ZoneInfo", "gettz"):
                    offenders.append(f"{where}: {name}(...)")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                offenders += [f"{where}: import {n}" for n in names if n.split(".")[0] in ("pendulum", "pytz")]
    assert not offenders, "build zones with planner.timezones.zone:\n" + "\n".join(offenders)


def test_the_core_reaches_qt_only_from_the_report_command_when_it_runs():
    """planner/ never imports Qt or ui/ at module level. One exception, inside a function: the
    ``report`` command (planner/cli_report.py) imports ui.report_pdf when it runs, because each rep's
    week in the PDF is the Week view's own drawing (ui/week_canvas.py), not a second one in the core.
    Every other command, and any import of the core, loads no Qt (the test above)."""
    import ast

    allowed = {("planner/cli_report.py", "ui")}
    offenders, found = [], set()
    for path in (ROOT / "planner").rglob("*.py"):
        name = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(), name)
        inside = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                  for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                roots = [(node.module or "").split(".")[0]]
            else:
                continue
            for root in roots:
                if root not in ("ui", "PySide6", "shiboken6", "PyQt5", "PyQt6"):
                    continue
                if (name, root) in allowed and id(node) in inside:
                    found.add((name, root))
                else:
                    offenders.append(f"{name}:{node.lineno}: import {root}")
    assert not offenders, "the core must not import Qt or ui:\n" + "\n".join(offenders)
    assert found == allowed  # the report command still draws with the app's drawing

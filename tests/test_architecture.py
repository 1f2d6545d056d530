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

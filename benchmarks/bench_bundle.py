"""The installable bundle against the installed app, measured in the same run.

``python -m benchmarks.bench_bundle [--bundle dist/rep-planner] [--build] [--runs 5]``

``--build`` builds the bundle first (``bundle/build.sh``) and times it. Then: the bundle's size as
a folder and as .tar.gz; the command line's start (``rep-planner --version``, nothing but starting)
and a real command (``assign`` on the demo); the app from start to its window saved as a PNG
(``--screenshot``, the Week view). Each from an empty environment (``env -i``: PATH and HOME only),
the bundle's executables against the installed ones of this Python (the baseline); best of
``--runs``, wall clock, ratio bundle / installed (below 1: the bundle is quicker).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def installed(name: str, module: str) -> list[str]:
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


def best(command: list[str], home: Path, runs: int, **extra: str) -> float:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, cwd=home)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path,
                        default=Path(os.environ.get("REP_PLANNER_BUNDLE", ROOT / "dist" / "rep-planner")))
    parser.add_argument("--build", action="store_true", help="build the bundle first and time it")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    if args.build:
        start = time.perf_counter()
        subprocess.run(["bash", str(ROOT / "bundle" / "build.sh")], check=True, capture_output=True,
                       env={**os.environ, "PYTHON": sys.executable})
        print(f"build (bundle/build.sh):        {time.perf_counter() - start:6.1f} s")
    bundle = args.bundle.resolve()
    if not (bundle / "rep-planner").is_file():
        print(f"no bundle in {bundle}: build one with bundle/build.sh, or pass --build", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        archive = tmp / "rep-planner.tar.gz"
        start = time.perf_counter()
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:  # gzip and tar czf default to 6
            tar.add(bundle, arcname="rep-planner")
        packed = time.perf_counter() - start
        print(f"bundle size:                    {folder_size(bundle) / 1e6:6.0f} MB as a folder, "
              f"{archive.stat().st_size / 1e6:.0f} MB as .tar.gz (packed in {packed:.1f} s)")

        home = tmp / "home"
        home.mkdir()
        venv_cli = installed("rep-planner", "planner.cli")
        bundle_cli = [str(bundle / "rep-planner")]
        subprocess.run(bundle_cli + ["demo"], env={"PATH": "/usr/bin:/bin", "HOME": str(home)}, check=True,
                       capture_output=True)
        venv_app = [sys.executable, str(ROOT / "main.py")]
        bundle_app = [str(bundle / "rep-planner-app")]
        shot = ["--screenshot", str(tmp / "week.png"), "--view", "week", "--week", "2027-W11"]
        cases = [
            ("CLI start (--version)", ["--version"], venv_cli, bundle_cli, args.runs),
            ("CLI assign (demo)", ["assign", "--week", "2027-W11"], venv_cli, bundle_cli, args.runs),
            ("app start to screenshot", shot, venv_app, bundle_app, max(3, args.runs // 2)),
        ]
        print(f"{'':32}{'installed':>10}{'bundle':>10}{'ratio':>8}")
        for label, options, venv, bundled, runs in cases:
            baseline = best(venv + options, home, runs, PYTHONPATH=str(ROOT))  # this checkout's code
            measured = best(bundled + options, home, runs)
            print(f"{label + ':':32}{baseline:9.2f}s{measured:9.2f}s{measured / baseline:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Before Qt starts: can it open a window here? If not, say which system packages to install.

Qt aborts with "Could not load the Qt platform plugin "xcb" in "" even though it was found" when
a system library its X11 plugin needs is missing (on a fresh Debian desktop: libxcb-cursor0,
libxcb-icccm4, ...). This module looks first, without importing Qt: it reads the libraries that
PySide6's Qt libraries and the platform plugin Qt will use need (the ELF ``DT_NEEDED`` entries,
following the libraries the wheel bundles), asks the dynamic loader for each one that must come
from the system (``dlopen``, exactly as Qt will), and maps the missing ones to Debian/Ubuntu and
Fedora package names through ``LIBRARIES``.

It uses only the standard library and nothing from ``planner``. ``REP_PLANNER_SKIP_PLATFORM_CHECK=1``
turns it off.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package). Every library PySide6's Qt (QtCore, QtGui,
# QtWidgets, QtDBus) and its xcb and wayland platform plugins take from the system.
# tests/test_startup.py checks that this table knows every one the installed wheel needs.
LIBRARIES: dict[str, tuple[str, str]] = {
    # the X11 (xcb) platform plugin
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    # the Wayland platform plugin
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    # QtGui, QtCore, QtDBus (needed on every platform, offscreen too)
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc"),
}

# The C library itself: present wherever Python runs.
GLIBC = ("libc.so.", "libm.so.", "libdl.so.", "libpthread.so.", "librt.so.", "ld-linux")

PLUGINS = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}
PLUGIN_NAMES = {"xcb": "X11 (xcb)", "wayland": "Wayland"}
QT_CORE = "libQt6Widgets.so.6"  # pulls in QtGui, QtCore and QtDBus
EXIT_CODE = 2


@dataclass
class Problem:
    """Why Qt cannot open a window here: no display, or libraries missing (soname -> why)."""

    no_display: bool = False
    missing: dict[str, str] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)  # the platform plugins that need them


def qt_dir() -> Path | None:
    """PySide6's bundled Qt (``.../PySide6/Qt``), found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    return path if path.is_dir() else None


def elf_needed(path: Path) -> list[str]:
    """The ``DT_NEEDED`` entries of an ELF file (the libraries it asks the loader for)."""
    with open(path, "rb") as f:
        ident = f.read(64)
        if ident[:4] != b"\x7fELF":
            raise ValueError(f"{path}: not an ELF file")
        wide, order = ident[4] == 2, "<" if ident[5] == 1 else ">"
        if wide:
            phoff, = struct.unpack_from(order + "Q", ident, 0x20)
            phentsize, phnum = struct.unpack_from(order + "HH", ident, 0x36)
        else:
            phoff, = struct.unpack_from(order + "I", ident, 0x1C)
            phentsize, phnum = struct.unpack_from(order + "HH", ident, 0x2A)
        f.seek(phoff)
        table = f.read(phentsize * phnum)
        loads, dynamic = [], None
        for i in range(phnum):
            if wide:
                p_type, _, offset, vaddr, _, filesz = struct.unpack_from(order + "IIQQQQ", table, i * phentsize)
            else:
                p_type, offset, vaddr, _, filesz = struct.unpack_from(order + "IIIII", table, i * phentsize)
            if p_type == 1:  # PT_LOAD
                loads.append((vaddr, offset, filesz))
            elif p_type == 2:  # PT_DYNAMIC
                dynamic = (offset, filesz)
        if dynamic is None:
            return []
        f.seek(dynamic[0])
        data = f.read(dynamic[1])
        entry = struct.Struct(order + ("qQ" if wide else "iI"))
        needed, strtab, strsz = [], None, 0
        for tag, value in entry.iter_unpack(data[: len(data) - len(data) % entry.size]):
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                needed.append(value)
            elif tag == 5:  # DT_STRTAB
                strtab = value
            elif tag == 10:  # DT_STRSZ
                strsz = value
        if strtab is None:
            return []
        for vaddr, offset, filesz in loads:  # the string table's address, as a place in the file
            if vaddr <= strtab < vaddr + filesz:
                f.seek(strtab - vaddr + offset)
                break
        else:
            raise ValueError(f"{path}: string table outside the file")
        strings = f.read(strsz)
    return [strings[i:strings.index(b"\0", i)].decode() for i in needed]


def system_libraries(start: Iterable[Path], bundled_dir: Path) -> list[str]:
    """Every library the files in ``start`` need from the system, through the bundled ones."""
    seen, found, todo = set(), [], list(start)
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        for name in elf_needed(path):
            if (bundled_dir / name).exists():
                todo.append(bundled_dir / name)
            elif not name.startswith(GLIBC) and name not in found:
                found.append(name)
    return found


def dlopen(soname: str) -> str | None:
    """None when the dynamic loader finds ``soname`` and everything it needs, else its error."""
    try:
        ctypes.CDLL(soname)
    except OSError as exc:
        return str(exc)
    return None


def missing_name(soname: str, error: str) -> str:
    """The library the loader could not find: ``soname`` itself, or one it needs."""
    name = error.split(":", 1)[0].strip()
    return os.path.basename(name) if name and "cannot open shared object file" in error else soname


def candidates(environ: Mapping[str, str]) -> list[str] | None:
    """The platform plugins Qt will try, in order; None when there is no display to open."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    x11 = bool(environ.get("DISPLAY"))
    wayland = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    if chosen:
        names = [name.split(":")[0].strip() for name in chosen.split(";") if name.strip()]
        windowed = {"xcb": x11, "wayland": wayland}
        if all(windowed.get(name) is False for name in names):  # QT_QPA_PLATFORM=xcb, no X server
            return None
        return names
    if not x11 and not wayland:
        return None
    # QGuiApplication's order: Wayland first in a Wayland session; xcb needs an X server (DISPLAY)
    return (["wayland"] if wayland else []) + (["xcb"] if x11 else [])


def check(environ: Mapping[str, str] = os.environ, load: Callable[[str], str | None] | None = None,
          qt: Path | None = None, platform: str = sys.platform) -> Problem | None:
    """What stops Qt from opening a window, or None when nothing does (as far as we can tell).

    ``load(soname)`` returns None when the library loads, else the loader's error (default: dlopen).
    """
    load = load or dlopen
    if not platform.startswith("linux") or environ.get("REP_PLANNER_SKIP_PLATFORM_CHECK"):
        return None
    plugins = candidates(environ)
    if plugins is None:
        return Problem(no_display=True)
    qt = qt or qt_dir()
    if qt is None:  # Qt from the distribution: its package manager installed what it needs
        return None
    bundled = qt / "lib"
    plugin_dir = Path(environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or qt / "plugins" / "platforms")

    def missing(files):
        try:
            needs = system_libraries(files, bundled)
        except (OSError, ValueError):
            return {}  # cannot read Qt's files: let Qt speak for itself
        out = {}
        for soname in needs:
            error = load(soname)
            if error is not None:
                out.setdefault(missing_name(soname, error), error)
        return out

    base = missing([bundled / QT_CORE])
    if base:
        return Problem(missing=base)
    checked = [p for p in plugins if p in PLUGINS and (plugin_dir / PLUGINS[p]).exists()]
    if not checked:
        return None  # offscreen, minimal, vnc...: nothing more than QtGui
    union: dict[str, str] = {}
    for plugin in checked:
        lacking = missing([plugin_dir / PLUGINS[plugin]])
        if not lacking:
            return None  # Qt will use this one
        for name, error in lacking.items():
            union.setdefault(name, error)
    return Problem(missing=union, plugins=checked)


def message(problem: Problem) -> str:
    """One message a person can act on."""
    # The bundle's app is an executable of its own (bundle/rep-planner.spec), not main.py.
    start = Path(sys.executable).name if getattr(sys, "frozen", False) else "python main.py"
    offscreen = ("To render a view to a PNG without a display: "
                 f"{start} --screenshot out.png --view team (or set QT_QPA_PLATFORM=offscreen).")
    if problem.no_display:
        return ("Rep Planner cannot open a window: no display is available (neither DISPLAY nor "
                "WAYLAND_DISPLAY is set).\nStart it from a desktop session, or over SSH with X forwarding "
                "(ssh -X).\n" + offscreen)
    what = (" and ".join(f"Qt's {PLUGIN_NAMES[p]} platform plugin" for p in problem.plugins)
            if problem.plugins else "Qt")
    names = sorted(problem.missing)
    known = [n for n in names if n in LIBRARIES]
    unknown = [n for n in names if n not in LIBRARIES]
    verb = "need" if len(problem.plugins) > 1 else "needs"
    lines = [f"Rep Planner cannot start: {what} {verb} system libraries that are not installed:",
             "  " + ", ".join(names)]
    if known:
        debian = list(dict.fromkeys(LIBRARIES[n][0] for n in known))
        fedora = list(dict.fromkeys(LIBRARIES[n][1] for n in known))
        lines += ["Install them, then start Rep Planner again:",
                  "  Debian/Ubuntu:  sudo apt install " + " ".join(debian),
                  "  Fedora:         sudo dnf install " + " ".join(fedora)]
    for name in unknown:
        lines.append(f"  {name}: find its package with `apt-file search {name}` (Debian/Ubuntu) "
                     f"or `dnf provides '*/{name}'` (Fedora)")
    if problem.plugins:
        lines.append(offscreen)
    return "\n".join(lines)


def ensure_startable(environ: Mapping[str, str] = os.environ, load: Callable[[str], str | None] | None = None,
                     qt: Path | None = None, platform: str = sys.platform, stream=None) -> int | None:
    """Print why Qt cannot start and return the exit code (2); None when it can."""
    problem = check(environ, load, qt, platform)
    if problem is None:
        return None
    print(message(problem), file=stream or sys.stderr)
    return EXIT_CODE

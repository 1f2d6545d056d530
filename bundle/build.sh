#!/usr/bin/env bash
# Build the installable bundle: dist/rep-planner/, one folder holding the desktop app (rep-planner-app)
# and the command line (rep-planner), with Python, Qt, the time-zone data, the translations and a font
# inside. See docs/install.md. Prints the build time and the bundle's size.
#
#   bundle/build.sh [--tar]     --tar also writes dist/rep-planner-VERSION-linux-ARCH.tar.gz
#
# Needs PyInstaller in the Python that runs the app (`.venv/bin/pip install -e ".[bundle]"`; PYTHON
# picks another interpreter) and DejaVu Sans (Debian/Ubuntu: fonts-dejavu-core; Fedora:
# dejavu-sans-fonts; or REP_PLANNER_FONT_DIR=a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
tar=""
[ "${1:-}" = "--tar" ] && tar=1

if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "build: PyInstaller is missing from $python: run $(dirname "$python")/pip install -e \".[bundle]\"" >&2
  exit 2
fi

# The font and its licence: Debian's fonts-dejavu-core, Fedora's dejavu-sans-fonts, or the folder given.
font_dir=${REP_PLANNER_FONT_DIR:-}
licence=""
for pair in /usr/share/fonts/truetype/dejavu:/usr/share/doc/fonts-dejavu-core/copyright \
            /usr/share/fonts/dejavu-sans-fonts:/usr/share/licenses/dejavu-sans-fonts/LICENSE; do
  if [ -z "$font_dir" ] && [ -f "${pair%%:*}/DejaVuSans.ttf" ]; then
    font_dir=${pair%%:*}
    licence=${pair#*:}
  fi
done
if [ -z "$font_dir" ] || [ ! -f "$font_dir/DejaVuSans.ttf" ] || [ ! -f "$font_dir/DejaVuSans-Bold.ttf" ]; then
  echo "build: DejaVu Sans not found: install fonts-dejavu-core (Debian/Ubuntu) or dejavu-sans-fonts" \
       "(Fedora), or set REP_PLANNER_FONT_DIR to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf" >&2
  exit 2
fi
[ -n "$licence" ] || licence=$(ls "$font_dir"/LICENSE* 2>/dev/null | head -1 || true)

started=$(date +%s%N)
REP_PLANNER_FONT_DIR=$font_dir "$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller bundle/rep-planner.spec

# Beside the executables: what a person reads and installs first.
out=dist/rep-planner
cp docs/install.md "$out/INSTALL.md"
cp bundle/rep-planner.desktop bundle/install-desktop-entry.sh resources/icons/rep-planner.svg "$out/"
if [ -n "$licence" ]; then
  cp "$licence" "$out/_internal/resources/fonts/LICENSE-DejaVu.txt"
else
  echo "build: warning: no licence file found beside the font in $font_dir (the DejaVu fonts' licence" \
       "asks to ship it)" >&2
fi
built=$(date +%s%N)
ms=$(( (built - started) / 1000000 ))
echo "build: dist/rep-planner built in $((ms / 1000)).$((ms % 1000 / 100)) s," \
     "$(du -sh "$out" | cut -f1) ($(find "$out" -type f | wc -l) files)"

if [ -n "$tar" ]; then
  version=$("$python" -c "import planner; print(planner.__version__)")
  archive="dist/rep-planner-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$archive" rep-planner
  echo "build: $archive, $(du -h "$archive" | cut -f1)"
fi

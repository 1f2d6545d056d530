#!/bin/sh
# Put Rep Planner in your desktop's application menu and `rep-planner` on your PATH, for you alone
# (nothing outside your home folder changes). Run it from the unpacked folder, wherever you keep it;
# run it again after moving the folder. Undo: rm the three files it names.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps" "$HOME/.local/bin"
sed "s|^Exec=rep-planner-app|Exec=\"$here/rep-planner-app\"|" "$here/rep-planner.desktop" \
  > "$data/applications/rep-planner.desktop"
cp "$here/rep-planner.svg" "$data/icons/hicolor/scalable/apps/rep-planner.svg"
ln -sf "$here/rep-planner" "$HOME/.local/bin/rep-planner"
echo "Installed: $data/applications/rep-planner.desktop"
echo "           $data/icons/hicolor/scalable/apps/rep-planner.svg"
echo "           $HOME/.local/bin/rep-planner -> $here/rep-planner"

#!/usr/bin/env bash
# Before `make run` on Linux: Qt's xcb platform plugin needs a few X11 libraries that
# minimal or server installs lack. Find the missing ones with ldd and install them with
# apt-get when we can (root on Debian/Ubuntu); otherwise say exactly what to install.
set -u
[ "$(uname -s)" = "Linux" ] || exit 0
venv=${1:-.venv}
plugin=$(ls "$venv"/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null | head -n1)
[ -n "$plugin" ] || exit 0
qpa=$(dirname "$plugin")/../../lib/libQt6XcbQpa.so.6
missing=$( (ldd "$plugin"; ldd "$qpa" 2>/dev/null) | awk '/not found/ {print $1}' | sort -u)
[ -z "$missing" ] && exit 0
declare -A pkg=(
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-image.so.0]=libxcb-image0
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-randr.so.0]=libxcb-randr0
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0
  [libxcb-xkb.so.1]=libxcb-xkb1 [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
  [libxcb-xinerama.so.0]=libxcb-xinerama0 [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1
  [libfontconfig.so.1]=libfontconfig1 [libdbus-1.so.3]=libdbus-1-3 [libX11-xcb.so.1]=libx11-xcb1
)
wanted=""
for lib in $missing; do wanted+=" ${pkg[$lib]:-}"; done
wanted=$(echo $wanted | xargs -n1 | sort -u | xargs)
echo "Qt needs system libraries that are missing: $(echo $missing | xargs)"
if [ -n "$wanted" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing: $wanted"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $wanted >/dev/null && exit 0
fi
echo "Install them with:  sudo apt-get install -y $wanted"
exit 1

#!/usr/bin/env bash
# Make the standalone procmodeler (this folder) a desktop application for this user:
# a menu entry, the icon, and .procm files opening in it. Run from the unpacked
# folder: `bash install-desktop.sh` (`bash install-desktop.sh --remove` undoes it).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APPS=$DATA/applications
ICONS=$DATA/icons/hicolor/scalable/apps
MIME=$DATA/mime
if [ "${1:-}" = --remove ]; then
    rm -f "$APPS/procmodeler.desktop" "$ICONS/procmodeler.svg" "$MIME/packages/procmodeler-mime.xml"
else
    mkdir -p "$APPS" "$ICONS" "$MIME/packages"
    # The entry starts this folder's executable by its full path (quoted for spaces).
    sed -e "s|^Exec=procmodeler |Exec=\"$HERE/procmodeler\" |" \
        -e "s|^TryExec=procmodeler$|TryExec=$HERE/procmodeler|" \
        "$HERE/procmodeler.desktop" >"$APPS/procmodeler.desktop"
    cp "$HERE/procmodeler.svg" "$ICONS/procmodeler.svg"
    cp "$HERE/procmodeler-mime.xml" "$MIME/packages/procmodeler-mime.xml"
fi
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$MIME" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" || true
echo "procmodeler: desktop entry ${1:+removed}${1:-installed} in $APPS"

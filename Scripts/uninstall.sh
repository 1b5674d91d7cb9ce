#!/usr/bin/env bash
# Removes what Scripts/install.sh installed:  Scripts/uninstall.sh [PREFIX]   (default: ~/.local)
# Reads PREFIX/share/spool/installed-files and removes exactly those files, then the folders
# Spool alone used. Read state and config (~/.local/state/spool, ~/.config/spool) are yours:
# they stay.
set -euo pipefail
prefix="${1:-${PREFIX:-$HOME/.local}}"
root="${DESTDIR:-}$prefix"
list="$root/share/spool/installed-files"
[ -f "$list" ] || { echo "uninstall.sh: $list not found; nothing of Spool's is installed under $prefix." >&2; exit 1; }
removed=0
while IFS= read -r file; do
    case "$file" in "" | /* | *..*) continue ;; esac  # only plain paths under the prefix
    if [ -e "$root/$file" ] || [ -L "$root/$file" ]; then
        rm -f "$root/$file"
        removed=$((removed + 1))
    fi
done <"$list"
rmdir "$root/share/spool/Themes" "$root/share/spool" 2>/dev/null || true
echo "Removed $removed files of Spool from $prefix (your config and read state are kept)."

#!/usr/bin/env bash
# Fails when a target imports across the layer rules of ARCHITECTURE.md: every arrow
# points down (Core <- Import, State; Screen <- Reader <- View; Terminal knows only Screen).
# Usage: Scripts/check-layers.sh   (from anywhere; exit 1 and a line per violation)
set -euo pipefail
cd "$(dirname "$0")/.."

# target: the modules it may import (system modules and Foundation are listed too).
declare -A allowed=(
    [SpoolCore]=""
    [SpoolScreen]="Foundation"
    [SpoolImport]="SpoolCore Foundation CSpoolZlib CLibXML2 CCMark ZIPFoundation"
    [SpoolState]="SpoolCore Foundation GRDB"
    [SpoolRemote]="Foundation CSpoolCurl"
    [SpoolReader]="SpoolCore SpoolScreen Foundation"
    [SpoolView]="SpoolCore SpoolScreen SpoolReader"
    [SpoolTerminal]="SpoolScreen CNCursesW CSpoolSignals Glibc"
)

status=0
for target in "${!allowed[@]}"; do
    folder="Sources/$target"
    [ -d "$folder" ] || { echo "check-layers: $folder is missing; update Scripts/check-layers.sh"; status=1; continue; }
    while IFS=: read -r file line text; do
        module=$(echo "$text" | sed -E 's/^(@[a-zA-Z]+ )*import (class |struct |enum |func )?([A-Za-z0-9_]+).*/\3/')
        case " ${allowed[$target]} " in
            *" $module "*) ;;
            *) echo "$file:$line: $target may not import $module (allowed: ${allowed[$target]:-nothing})"; status=1 ;;
        esac
    done < <(grep -rnE '^(@[a-zA-Z]+ )*import ' "$folder" --include='*.swift' || true)
done

# Only the terminal target talks to ncurses.
if grep -rlE '^(@[a-zA-Z]+ )*import CNCursesW' Sources --include='*.swift' | grep -v '^Sources/SpoolTerminal/'; then
    echo "check-layers: only SpoolTerminal may import CNCursesW"
    status=1
fi
[ "$status" -eq 0 ] && echo "check-layers: every import follows the layer rules"
exit "$status"

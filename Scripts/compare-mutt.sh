#!/usr/bin/env bash
# Side-by-side opening times for one mbox: grep, mutt (threaded, read-only, no header
# cache) and spool (for any other file, a web page's text say, spool alone), each drawing its first screen in a 120x40 tmux pane and quitting, plus
# `spool render` without a terminal. Prints the median of RUNS runs (default 5) and the
# peak RSS of each, and the floor of every pane row: a shell echoing a line in the same pane.
# The pane is looked at every 20 ms (COMPARE_POLL=seconds changes it), so a first screen is
# seen up to 20 ms late, alike for every program.
#
#   swift run -c release spool-bench --generate-mbox 100000 --output /tmp/list-100k.mbox
#   swift build -c release && Scripts/compare-mutt.sh /tmp/list-100k.mbox
#
# SPOOL_BIN=/path/to/spool measures another build; SPOOL_BEFORE=/path/to/spool adds an older
# build's row. The first run of each spool is a first visit, the rest are revisits. Needs tmux, mutt, GNU time and bc (apt-get install -y tmux mutt time bc).
set -euo pipefail
file=$(realpath "${1:?usage: compare-mutt.sh MBOX [RUNS]}")
runs=${2:-5}
# SPOOL_BIN names another spool binary (an older build, to compare two in one run).
spool=$(realpath "${SPOOL_BIN:-$(dirname "$0")/../.build/release/spool}")
[ -x "$spool" ] || { echo "build first: swift build -c release" >&2; exit 2; }
for tool in tmux mutt /usr/bin/time bc; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'tmux -L spoolcmp kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/Mail" "$work/state"

# Runs COMMAND in a fresh 120x40 pane under GNU time; prints the seconds until PATTERN
# shows in the pane (its first screen, polled every 10 ms), when `q` is sent; the seconds
# until it exited; its peak RSS in KiB; and the seconds from `q` to the exit.
in_pane() {
    local pattern=$1 command=$2 out="$work/time.$RANDOM"
    tmux -L spoolcmp kill-server 2>/dev/null || true
    local start
    # A server still going away after kill-server refuses a new session now and then.
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        tmux -L spoolcmp new-session -d -x 120 -y 40 \
            "export TERM=xterm-256color HOME=$work; /usr/bin/time -f '%e %M' -o $out $command; sleep 60" \
            2>/dev/null && break
        sleep 0.2
    done
    local shown="" quit=""
    for _ in $(seq 1 6000); do
        if [ -z "$shown" ] && tmux -L spoolcmp capture-pane -p 2>/dev/null | grep -q -E -- "$pattern"; then
            shown=$(printf '%.2f' "$(echo "$(date +%s.%N) - $start" | bc)")
            tmux -L spoolcmp send-keys q
            quit=$(date +%s.%N)
        fi
        [ -s "$out" ] && break
        # Until the first screen, a look every 20 ms: each look runs tmux and grep, which
        # at 5 ms took a core's share from the program measured (spool's import, on both
        # cores, ran 0.40 s instead of 0.26 s); after `q`, only the file is looked at.
        if [ -z "$shown" ]; then sleep "${COMPARE_POLL:-0.02}"; else sleep 0.005; fi
    done
    local left; left=$(printf '%.3f' "$(echo "$(date +%s.%N) - ${quit:-$(date +%s.%N)}" | bc)")
    read -r total kilobytes < <(tail -n 1 "$out")  # GNU time may put "Command exited…" first
    echo "${shown:-$total} $total $kilobytes $left"
}

headless() {
    local out="$work/time.$RANDOM"
    # Output to a file: grep stops at the first match when it writes to /dev/null.
    /usr/bin/time -f '%e %M' -o "$out" "$@" >"$work/output" 2>&1
    read -r total kilobytes < <(tail -n 1 "$out")
    echo "$total $total $kilobytes 0"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() {
    local name=$1; shift
    local shown=() totals=() quits=() rss=0
    for _ in $(seq 1 "$runs"); do
        read -r first total kilobytes left < <("$@")
        shown+=("$first")
        totals+=("$total")
        quits+=("$left")
        rss=$(( kilobytes > rss ? kilobytes : rss ))
    done
    printf '%-34s %9s s %9s s %8s MiB %9s s\n' "$name" "$(printf '%s\n' "${shown[@]}" | median)" \
        "$(printf '%s\n' "${totals[@]}" | median)" "$(( rss / 1024 ))" "$(printf '%s\n' "${quits[@]}" | median)"
    # The first run of a spool is its first visit (no state yet); the rest are revisits.
    first_visit=${shown[0]}
    revisits=$( [ "$runs" -gt 1 ] && printf '%s\n' "${shown[@]:1}" | median || echo -)
}

size="$(( $(stat -c %s "$file") / 1048576 )) MiB; median of $runs runs"
if [ "$(head -c 5 "$file")" = "From " ]; then
    echo "$(basename "$file"): $(grep -c '^From ' "$file") messages, $size"
    printf '%-34s %11s %11s %12s %11s\n' "" "first screen" "open to exit" "peak RSS" "q to exit"
    measure "grep -c '^From '" headless grep -c '^From ' "$file"
    measure "mutt (sort=threads, read-only)" in_pane "Mutt: " \
        "mutt -n -F /dev/null -R -f $file -e 'set sort=threads' -e 'unset header_cache' -e 'set quit=yes'"
else
    # Not a mailbox (a web page's text, a JSON export): spool alone, beside SPOOL_BEFORE.
    echo "$(basename "$file"): not an mbox, spool only, $size"
    printf '%-34s %11s %11s %12s %11s\n' "" "first screen" "open to exit" "peak RSS" "q to exit"
fi
# The floor every pane run stands on (tmux, a shell, GNU time, the polling): a shell that
# echoes a line. Its first-screen time is in every row below that runs in a pane.
measure "the pane alone (a shell's echo)" in_pane "^pane-ready" "sh -c 'echo pane-ready; sleep 0.1'"
# Spool's status line starts with the position (` 1/3161  11758 unread …`); its right end
# (`?:help`) gives way to the importer's notices, which a real archive may have.
spool_status='^ [0-9]+/[0-9]+ '
if [ -n "${SPOOL_BEFORE:-}" ]; then
    # SPOOL_BEFORE names an older build measured the same way, with a state folder of its own.
    mkdir -p "$work/state-before"
    measure "spool before (in the terminal)" in_pane "$spool_status" "$(realpath "$SPOOL_BEFORE") $file --state-dir $work/state-before"
fi
measure "spool (in the terminal)" in_pane "$spool_status" "$spool $file --state-dir $work/state"
printf '%-34s %9s s %9s s\n' "  first visit, revisits (median)" "$first_visit" "$revisits"
measure "spool render (headless, 120x40)" headless "$spool" render "$file" --size 120x40 --state-dir "$work/state"

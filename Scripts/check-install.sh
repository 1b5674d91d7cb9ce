#!/usr/bin/env bash
# CI's check of what users install: Scripts/install.sh into a temporary prefix, the installed
# binary run with no toolchain on PATH and an empty environment, each manual page rendered
# by man, the completion scripts parsed by their shells, uninstall.sh leaving nothing, and
# the Debian package's contents and binary.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
seed=Tests/Fixtures/community-care-baby-p.txt

echo "== Scripts/install.sh $prefix"
Scripts/install.sh "$prefix"
run() { env -i PATH=/usr/bin:/bin HOME="$work/home" "$prefix/bin/spool" "$@"; }
echo "== the installed binary, no toolchain on PATH"
if ldd "$prefix/bin/spool" | grep -q "libswiftCore\|libFoundation"; then
    echo "the installed binary still links the Swift runtime dynamically:" >&2
    ldd "$prefix/bin/spool" >&2
    exit 1
fi
run --version
run render --size 80x12 "$seed" | head -n 3
run render --size 80x12 --theme solarized-light "$seed" >/dev/null
[ "$(run themes | wc -l)" -ge 8 ]

echo "== manual pages"
for page in man1/spool.1 man5/spool-config.5 man7/spool-themes.7; do
    if command -v man >/dev/null 2>&1; then
        out=$(MANWIDTH=80 man -l "$prefix/share/man/$page" 2>&1)
        grep -q "SEE ALSO" <<<"$out" || { echo "$page does not render:" >&2; echo "$out" >&2; exit 1; }
        if grep -qi "warning" <<<"$out"; then echo "$page: $out" >&2; exit 1; fi
    fi
    echo "$page: $(wc -l <"$prefix/share/man/$page") lines"
done

echo "== completion scripts"
bash -n "$prefix/share/bash-completion/completions/spool" && echo "bash: parses"
if command -v zsh >/dev/null 2>&1; then zsh -n "$prefix/share/zsh/site-functions/_spool" && echo "zsh: parses"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$prefix/share/fish/vendor_completions.d/spool.fish" && echo "fish: parses"; fi

echo "== Scripts/uninstall.sh $prefix"
Scripts/uninstall.sh "$prefix"
left=$(find "$prefix" -type f | wc -l)
[ "$left" -eq 0 ] || { echo "uninstall left $left files:" >&2; find "$prefix" -type f >&2; exit 1; }

if command -v dpkg-deb >/dev/null 2>&1; then
    echo "== Scripts/package-deb.sh"
    Scripts/package-deb.sh "$work/deb"
    deb=$(ls "$work"/deb/spool_*.deb)
    dpkg-deb --info "$deb" | grep -E "Package|Version|Depends|Installed-Size"
    dpkg-deb --contents "$deb" | awk '{print $6}'
    dpkg-deb -x "$deb" "$work/root"
    env -i PATH=/usr/bin:/bin HOME="$work/home" "$work/root/usr/bin/spool" --version
    env -i PATH=/usr/bin:/bin HOME="$work/home" "$work/root/usr/bin/spool" render --size 80x12 "$seed" >/dev/null
    echo "the packaged binary runs"
fi

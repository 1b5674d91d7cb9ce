#!/usr/bin/env bash
# Installs Spool:  Scripts/install.sh [PREFIX]      (default: ~/.local)
#
# Builds a release binary with the Swift runtime linked in, so it runs without a Swift
# toolchain (it needs only libc, libstdc++, ncursesw, sqlite3, libxml2, cmark and zlib), and installs
#   PREFIX/bin/spool
#   PREFIX/share/spool/Themes/*.toml                     the shipped themes
#   PREFIX/share/man/man1/spool.1, man5/spool-config.5, man7/spool-themes.7
#   PREFIX/share/bash-completion/completions/spool
#   PREFIX/share/zsh/site-functions/_spool
#   PREFIX/share/fish/vendor_completions.d/spool.fish
# and lists them in PREFIX/share/spool/installed-files, which Scripts/uninstall.sh reads.
#
# DESTDIR=DIR puts the files under DIR/PREFIX (for packages); SPOOL_BUILD_DIR names the
# build folder (default .build-static); SPOOL_BINARY=FILE installs that binary unbuilt;
# SPOOL_STRIP=0 keeps its symbols (for backtraces with names).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-${PREFIX:-$HOME/.local}}"
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
root="${DESTDIR:-}$prefix"

binary="${SPOOL_BINARY:-}"
if [ -z "$binary" ]; then
    scratch="${SPOOL_BUILD_DIR:-.build-static}"
    echo "Building spool (release, Swift runtime linked in) in $scratch/ ..."
    # (The linker's note on Foundation's own mktemp and SwiftPM's on pkg-config flags are not ours.)
    swift build -c release --static-swift-stdlib --product spool --scratch-path "$scratch" 2>&1 |
        grep -v -e "^warning: prohibited flag" -e "the use of \`mktemp' is dangerous" || true
    binary="$scratch/release/spool"
fi
[ -x "$binary" ] || { echo "install.sh: $binary was not built; see the messages above." >&2; exit 1; }

installed=()
put() { # put MODE FILE: FILE under $root is in place
    chmod "$1" "$root/$2"
    installed+=("$2")
}
mkdir -p "$root/bin" "$root/share/spool/Themes" "$root/share/man/man1" "$root/share/man/man5" \
    "$root/share/man/man7" "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" \
    "$root/share/fish/vendor_completions.d"

cp "$binary" "$root/bin/spool.new"
# Symbols stripped: 95 MB to 65 MB (most of what is left is Foundation's ICU data).
if [ "${SPOOL_STRIP:-1}" = 1 ] && command -v strip >/dev/null 2>&1; then strip "$root/bin/spool.new"; fi
mv -f "$root/bin/spool.new" "$root/bin/spool"
put 755 bin/spool
for theme in Themes/*.toml; do
    cp "$theme" "$root/share/spool/Themes/"
    put 644 "share/spool/Themes/$(basename "$theme")"
done
for page in spool.1 spool-config.5 spool-themes.7; do
    file="share/man/man${page##*.}/$page"
    "$binary" manual "$page" >"$root/$file"
    put 644 "$file"
done
"$binary" --generate-completion-script bash >"$root/share/bash-completion/completions/spool"
put 644 share/bash-completion/completions/spool
"$binary" --generate-completion-script zsh >"$root/share/zsh/site-functions/_spool"
put 644 share/zsh/site-functions/_spool
"$binary" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/spool.fish"
put 644 share/fish/vendor_completions.d/spool.fish
printf '%s\n' "${installed[@]}" share/spool/installed-files >"$root/share/spool/installed-files"

echo "Installed $("$root/bin/spool" --version) under $prefix${DESTDIR:+ (in $DESTDIR)}:"
echo "  program       $prefix/bin/spool"
echo "  themes        $prefix/share/spool/Themes/ ($(ls Themes/*.toml | wc -l) themes)"
echo "  manual pages  $prefix/share/man/man1/spool.1, man5/spool-config.5, man7/spool-themes.7"
echo "  completions   bash: $prefix/share/bash-completion/completions/spool"
echo "                zsh:  $prefix/share/zsh/site-functions/_spool"
echo "                fish: $prefix/share/fish/vendor_completions.d/spool.fish"
echo "  file list     $prefix/share/spool/installed-files (Scripts/uninstall.sh $prefix removes them)"
if [ -z "${DESTDIR:-}" ]; then
    case ":$PATH:" in
        *":$prefix/bin:"*) ;;
        *) echo "Add $prefix/bin to PATH to run spool (man then finds its pages in $prefix/share/man too)." ;;
    esac
    echo "zsh: add $prefix/share/zsh/site-functions to fpath before compinit."
fi

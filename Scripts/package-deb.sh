#!/usr/bin/env bash
# Builds a Debian package of Spool:  Scripts/package-deb.sh [OUTPUT_FOLDER]   (default: .)
# Writes spool_VERSION_ARCH.deb from the same build Scripts/install.sh makes (Swift runtime
# linked in), installed under /usr, man pages compressed, completions where Debian's bash,
# zsh and fish look. Depends names the Debian packages of the libraries the binary links;
# Recommends names libcurl, which spool loads only to fetch an address.
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-.}"
mkdir -p "$output"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" Scripts/install.sh /usr >/dev/null
usr="$stage/usr"
rm "$usr/share/spool/installed-files" # dpkg keeps the file list
gzip -9n "$usr/share/man/man1/spool.1" "$usr/share/man/man5/spool-config.5" "$usr/share/man/man7/spool-themes.7"
mkdir -p "$usr/share/zsh/vendor-completions"
mv "$usr/share/zsh/site-functions/_spool" "$usr/share/zsh/vendor-completions/_spool"
rmdir "$usr/share/zsh/site-functions"
mkdir -p "$usr/share/doc/spool"
cp LICENSE "$usr/share/doc/spool/copyright"
gzip -9nc CHANGELOG.md >"$usr/share/doc/spool/changelog.gz"

version=$("$usr/bin/spool" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
# Each shared library the binary names itself (not those they pull in), as
# "package (>= upstream version)".
depends=$(readelf -d "$usr/bin/spool" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | while read -r name; do
    library=$(ldd "$usr/bin/spool" | awk -v name="$name" '$1 == name && $3 ~ /^\// {print $3}')
    [ -n "$library" ] || library=$(ldd "$usr/bin/spool" | awk -v name="$name" '$1 ~ name {print $1}' | head -n1)
    package=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -n1 | cut -d: -f1) || true
    [ -n "$package" ] || package=$(dpkg -S "$library" 2>/dev/null | head -n1 | cut -d: -f1) || true
    [ -n "$package" ] || { echo "package-deb.sh: no Debian package holds $library" >&2; exit 1; }
    upstream=$(dpkg-query -W -f='${Version}' "$package" | sed 's/^[0-9]*://; s/-[^-]*$//')
    echo "$package (>= $upstream)"
done | sort -u | paste -sd, - | sed 's/,/, /g')

mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: spool
Version: $version
Architecture: $arch
Maintainer: Spool developers <spool@invalid>
Installed-Size: $(du -sk "$usr" | cut -f1)
Depends: $depends
Recommends: libcurl4 | libcurl3-gnutls
Section: utils
Priority: optional
Description: full-screen terminal reader for threaded discussions
 Spool shows a discussion as a reply tree beside the selected comment: web
 pages' comment threads, mailing-list archives (mbox, Maildir, public-inbox),
 Hacker News, Reddit, Lobsters, Discourse, GitHub, Mastodon, Bluesky, Discord,
 Disqus, WordPress, Stack Exchange and Slack exports. Read marks, folds and the
 place you left are kept across runs.
CONTROL
package="$output/spool_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$package" >/dev/null
echo "$package ($(du -h "$package" | cut -f1)), Depends: $depends"

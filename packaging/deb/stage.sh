#!/usr/bin/env bash
# Lays out the tree of the mibwatch .deb for jdeb (called by Maven at prepare-package):
#   stage.sh MAVEN_VERSION DEB_REVISION OUTPUT_TIMESTAMP TARGET_DIR
# TARGET_DIR/lib (runtime jars) and TARGET_DIR/man (troff pages) must exist.
# Writes TARGET_DIR/stage (the files) and TARGET_DIR/control (control file, maintainer scripts).
set -euo pipefail

mvn_version=$1 revision=$2 timestamp=$3 target=$4
here=$(cd "$(dirname "$0")" && pwd)
src=$here/src/deb
root=$(cd "$here/../.." && pwd)
stage=$target/stage
control=$target/control

# Debian version: '-' is the revision separator and '~' sorts before everything, so
# 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT-1 and the release 0.1.0-1 upgrades it.
upstream=${mvn_version//-/\~}
deb_version=$upstream-$revision
# reproducible: the changelog date is the build's fixed output timestamp
deb_date=$(LC_ALL=C date -u -R -d "$timestamp")

fail() { echo "packaging/deb/stage.sh: $*" >&2; exit 1; }
[ -d "$target/lib" ] || fail "$target/lib missing (maven-dependency-plugin copy-dependencies runs first)"
[ -f "$target/man/mibwatch.1" ] || fail "$target/man/mibwatch.1 missing (picocli-codegen + asciidoctor run first)"

rm -rf "$stage" "$control"
mkdir -p "$stage" "$control"

# jars: everything mibwatch-app needs at run time
lib=$stage/usr/share/mibwatch/lib
install -d "$lib"
install -m 0644 "$target"/lib/*.jar "$lib/"

install -D -m 0755 "$src/mibwatch" "$stage/usr/bin/mibwatch"
install -D -m 0644 "$src/mibwatch.service" "$stage/lib/systemd/system/mibwatch.service"
install -D -m 0644 "$root/etc/mibwatch.yaml" "$stage/etc/mibwatch/mibwatch.yaml"
install -D -m 0644 "$src/default" "$stage/etc/default/mibwatch"
install -D -m 0644 "$src/sysctl.conf" "$stage/usr/lib/sysctl.d/60-mibwatch.conf"

doc=$stage/usr/share/doc/mibwatch
install -D -m 0644 "$src/copyright" "$doc/copyright"
sed -e "s/@DEB_VERSION@/$deb_version/" -e "s/@DEB_DATE@/$deb_date/" "$src/changelog" | gzip -9n > "$doc/changelog.Debian.gz"

man=$stage/usr/share/man/man1
install -d "$man"
for page in "$target"/man/*.1; do
    gzip -9n < "$page" > "$man/$(basename "$page").gz"
done

install -D -m 0644 "$src/lintian-overrides" "$stage/usr/share/lintian/overrides/mibwatch"

# Every bundled jar must be named by a Files: stanza of the copyright file (DEP-5), so a
# new dependency cannot ship without its licence being looked at.
mapfile -t patterns < <(awk '
    /^Files:/ { infiles = 1; sub(/^Files:/, "") }
    /^[A-Za-z-]+:/ && !/^Files:/ { infiles = 0 }
    infiles { for (i = 1; i <= NF; i++) if ($i ~ /^usr\/share\/mibwatch\/lib\//) print $i }
' "$src/copyright")
unlisted=()
for jar in "$lib"/*.jar; do
    rel=usr/share/mibwatch/lib/$(basename "$jar")
    case $(basename "$jar") in mibwatch-*) continue ;; esac   # the project's own: "Files: *"
    ok=
    for p in "${patterns[@]}"; do
        # shellcheck disable=SC2053
        if [[ $rel == $p ]]; then ok=1; break; fi
    done
    [ -n "$ok" ] || unlisted+=("$(basename "$jar")")
done
[ ${#unlisted[@]} -eq 0 ] || fail "jars without a Files: stanza in $src/copyright: ${unlisted[*]} (add their copyright and licence)"

# control files; jdeb adds Installed-Size, md5sums and conffiles (the /etc entries)
sed -e "s/@DEB_VERSION@/$deb_version/" "$src/control/control" > "$control/control"
for s in postinst prerm postrm; do
    install -m 0755 "$src/control/$s" "$control/$s"
done
echo "$deb_version" > "$target/deb-version"
echo "packaging/deb: staged mibwatch $deb_version ($(ls "$lib" | wc -l) jars, $(ls "$man" | wc -l) man pages)"

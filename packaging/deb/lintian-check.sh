#!/usr/bin/env bash
# Runs lintian on the built package (Maven pre-integration-test). Errors fail the build;
# warnings must be overridden in src/deb/lintian-overrides or justified in README.md.
set -euo pipefail
target=$1
deb=$(ls "$target"/mibwatch_*_all.deb)
if ! command -v lintian >/dev/null; then
    echo "packaging/deb: lintian is not installed (apt-get install lintian; scripts/test installs it)" >&2
    exit 2
fi
echo "packaging/deb: lintian $(lintian --version | awk '{print $2}') on $(basename "$deb")"
# --fail-on error: only errors fail; everything lintian says is printed (and kept for the report)
lintian --fail-on error --display-info --show-overrides "$deb" 2>&1 | tee "$target/lintian.txt"

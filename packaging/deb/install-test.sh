#!/usr/bin/env bash
# Install / run / upgrade / purge test of the mibwatch .deb on a bare Debian 12
# (Maven integration-test phase of packaging/deb; README.md of this directory says more).
#
#   install-test.sh TARGET_DIR        (TARGET_DIR holds mibwatch_<version>_all.deb)
#
# 1. A `debootstrap --variant=minbase bookworm` tree from the machine's Debian mirror, cached
#    as a tarball under ~/.cache/mibwatch/ (key: mirror + day) with the apt lists and the .debs
#    that the package pulls in (the JRE, adduser), so a warm run needs no network.
# 2. Everything inside runs in a chroot in its own network namespace that has only loopback:
#    the service's 0.0.0.0:8080 is private to the test and no port of the host is taken.
#    systemd is not PID 1 there; the unit's ExecStart is started as its User= with setpriv.
# 3. Phase 1, no systemd: apt-get install ./mibwatch_*.deb (pulls the JRE), files, modes,
#    user; the service runs as mibwatch, the web UI answers, `mibwatch --version`; remove
#    keeps config and data; purge.
# 4. Phase 2, maintainer scripts driving the service: a test double of systemctl in the
#    chroot (/run/systemd/system present) starts/stops the unit the same way and logs each
#    call. Install a copy of the package with a lower version, edit the config, let it write
#    RRD files, upgrade to the real package: stop + restart seen, config edit and RRD files
#    kept; purge: service stopped, no user, no /var/lib/mibwatch, no /etc/mibwatch.
#
# MIBWATCH_TEST_KEEP=1 keeps the tree and the logs (path printed at the end); MIBWATCH_DEBIAN_MIRROR
# overrides the mirror; MIBWATCH_TEST_CACHE the cache directory (default ~/.cache/mibwatch).
# Needs root (debootstrap, chroot, mount, ip netns). Not root: fails, unless the Maven
# property mibwatch.deb.skipInstallTest=true skipped this script (CI does not set it).
set -euo pipefail

target=${1:?usage: install-test.sh TARGET_DIR}
target=$(cd "$target" && pwd)
t_start=$(date +%s)
log() { echo "install-test [$(( $(date +%s) - t_start ))s]: $*"; }
fail() { echo "install-test FAILED: $*" >&2; exit 1; }

if [ "$(id -u)" != 0 ]; then
    fail "must run as root (debootstrap, chroot, mount, network namespace). Run the build as root
    (CI does), or skip this test explicitly: mvn verify -Dmibwatch.deb.skipInstallTest=true"
fi
for tool in debootstrap chroot dpkg-deb ip curl setpriv unshare mount; do
    command -v "$tool" >/dev/null || fail "$tool not found (scripts/test installs debootstrap, iproute2, curl)"
done

shopt -s nullglob
debs=("$target"/mibwatch_*_all.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one mibwatch_*_all.deb in $target, found ${#debs[@]}"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
upstream=${version%-*} revision=${version##*-}
old_version=${upstream}~previous-${revision}
dpkg --compare-versions "$old_version" lt "$version" || fail "$old_version does not sort before $version"

# ---- the mirror: the machine's own apt configuration (one-line .list or deb822 .sources) ----
mirror=${MIBWATCH_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list 2>/dev/null | awk '$1 == "deb" && $0 ~ /[[:space:]]bookworm[[:space:]]/ {
            for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' || true)
fi
if [ -z "$mirror" ]; then
    for f in /etc/apt/sources.list.d/*.sources; do
        mirror=$(awk -v RS= '/(^|\n)Suites:[^\n]*[[:space:]]bookworm([[:space:]]|$)/ && /(^|\n)Types:[^\n]*deb([[:space:]]|$)/ {
                if (match($0, /(^|\n)URIs:[[:space:]]*[^[:space:]]+/)) {
                    u = substr($0, RSTART, RLENGTH); sub(/^\n?URIs:[[:space:]]*/, "", u); print u; exit } }' "$f")
        [ -n "$mirror" ] && break
    done
fi
if [ -z "$mirror" ]; then
    for f in /etc/apt/sources.list.d/*.list; do
        mirror=$(awk '$1 == "deb" && $0 ~ /[[:space:]]bookworm[[:space:]]/ {
                for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' "$f")
        [ -n "$mirror" ] && break
    done
fi
[ -n "$mirror" ] || fail "no Debian bookworm mirror in /etc/apt/sources.list{,.d}; set MIBWATCH_DEBIAN_MIRROR"

# ---- base tree: cached tarball, one per mirror and day ----
cache_dir=${MIBWATCH_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mibwatch}
mkdir -p "$cache_dir"
mirror_key=$(printf '%s' "$mirror" | sha256sum | cut -c1-12)
day=$(date -u +%Y%m%d)
base_tar=$cache_dir/bookworm-minbase-$mirror_key-$day.tar.gz

work=$(mktemp -d /var/tmp/mibwatch-install-test.XXXXXX)
root=$work/root
netns=mibwatch-test-$$
mounts=()

cleanup() {
    local rc=$?
    set +e
    # processes left in the chroot (service, simulator): TERM, then KILL
    for sig in TERM KILL; do
        for p in /proc/[0-9]*; do
            [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -s "$sig" "${p#/proc/}" 2>/dev/null
        done
        [ "$sig" = TERM ] && sleep 2
    done
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null
    done
    ip netns del "$netns" 2>/dev/null
    # nothing may be mounted below the tree before it is deleted
    if [ -n "${MIBWATCH_TEST_KEEP:-}" ]; then
        echo "install-test: MIBWATCH_TEST_KEEP set, tree and logs kept in $work" >&2
    elif grep -q " $work/" /proc/mounts; then
        echo "install-test: mounts left below $work, not deleting it" >&2
    else
        rm -rf "$work"
    fi
    if [ $rc -eq 0 ]; then
        log "PASSED in $(( $(date +%s) - t_start ))s (base tree: $cache_state)"
    else
        echo "install-test: FAILED after $(( $(date +%s) - t_start ))s (exit $rc)" >&2
        if [ -f "$root/var/log/mibwatch-test/mibwatch.service.log" ]; then
            echo "install-test: last lines of the service's output:" >&2
            tail -n 40 "$root/var/log/mibwatch-test/mibwatch.service.log" >&2
        fi
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_in() {   # mount_in ARGS... TARGET (last argument is the mount point)
    mount "$@"
    mounts+=("${@: -1}")
}

# Runs a command in the chroot; in the loopback-only namespace once it exists.
in_root() {
    local env=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
               DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 HOME=/root TERM=dumb)
    if ip netns list | grep -qw "$netns"; then
        ip netns exec "$netns" chroot "$root" "${env[@]}" "$@"
    else
        chroot "$root" "${env[@]}" "$@"
    fi
}

setup_mounts() {
    mount_in -t proc proc "$root/proc"
    # a minimal /dev: the few nodes the JVM, apt and the shell use, bound from the host
    mount_in -t tmpfs -o mode=0755,size=64k tmpfs "$root/dev"
    for d in null zero full random urandom; do
        touch "$root/dev/$d"
        mount_in --bind "/dev/$d" "$root/dev/$d"
    done
    ln -s /proc/self/fd "$root/dev/fd"
    # a private pty instance, so dpkg/apt can log through a terminal (optional)
    mkdir -p "$root/dev/pts"
    if mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts" 2>/dev/null; then
        mounts+=("$root/dev/pts")
        ln -s pts/ptmx "$root/dev/ptmx"
    fi
    mkdir -p "$root/dev/shm" && chmod 1777 "$root/dev/shm"
}

if [ -f "$base_tar" ]; then
    cache_state="warm cache $base_tar"
    log "base tree from $base_tar"
    mkdir -p "$root"
    tar -xzf "$base_tar" -C "$root"
else
    cache_state="cold cache, built $base_tar"
    log "debootstrap --variant=minbase bookworm from $mirror (cold cache)"
    # the one step that needs the mirror: a second try on a network hiccup
    if ! debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1; then
        log "debootstrap failed, trying once more: $(tail -n 1 "$work/debootstrap.log")"
        rm -rf "$root"
        debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
            || { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    setup_mounts
    in_root apt-get update -qq || { sleep 5; in_root apt-get update -qq; }
    # the packages a mibwatch install pulls in, downloaded now so warm runs are offline
    cp "$deb" "$root/tmp/"
    in_root apt-get install -y -qq --download-only "/tmp/$(basename "$deb")" > "$work/download.log" 2>&1 \
        || { cat "$work/download.log" >&2; fail "downloading the dependencies failed"; }
    rm -f "$root/tmp/$(basename "$deb")"
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[i]}"; done
    mounts=()
    rm -rf "${root:?}/dev/"*
    tmp_tar=$(mktemp "$cache_dir/.base.XXXXXX")
    tar -czf "$tmp_tar" -C "$root" .
    mv "$tmp_tar" "$base_tar"
    # keep only today's tree for this mirror
    for old in "$cache_dir"/bookworm-minbase-"$mirror_key"-*.tar.gz; do
        [ "$old" = "$base_tar" ] || rm -f "$old"
    done
fi

cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
setup_mounts

# the lower-version copy: same payload, Version lowered
log "building the lower-version copy $old_version"
mkdir -p "$work/old"
dpkg-deb -R "$deb" "$work/old/tree"
sed -i "s/^Version: .*/Version: $old_version/" "$work/old/tree/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 -b "$work/old/tree" "$work/old/mibwatch_${old_version}_all.deb" >/dev/null
cp "$deb" "$work/old/mibwatch_${old_version}_all.deb" "$root/tmp/"
new_deb=/tmp/$(basename "$deb")
old_deb=/tmp/mibwatch_${old_version}_all.deb

# dependencies missing from the cached tree (Depends changed since): fetch now, still online
in_root apt-get install -y -qq --download-only "$new_deb" >/dev/null

# ---- from here on: only loopback ----
ip netns add "$netns"
ip netns exec "$netns" ip link set lo up

# The test's stand-in for systemd: runs the unit's ExecStart as its User=/Group= with setpriv,
# in the background, output to /var/log/mibwatch-test/UNIT.log; logs every call. Installed as
# /usr/sbin/systemctl (phase 2) it is what deb-systemd-invoke calls.
mkdir -p "$root/usr/local/sbin"
cat > "$root/usr/local/sbin/mibwatch-test-unit" <<'RUNNER'
#!/bin/sh
# test double of systemctl for one simple unit (install-test.sh); not part of the package
set -e
state=/run/mibwatch-test
mkdir -p "$state" /var/log/mibwatch-test
action= unit=
for a in "$@"; do
    case "$a" in
        --*|-q) ;;
        *) if [ -z "$action" ]; then action=$a; elif [ -z "$unit" ]; then unit=$a; fi ;;
    esac
done
echo "$action $unit" >> "$state/calls.log"
file=/lib/systemd/system/$unit
pidfile=$state/$unit.pid
active() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
key() { sed -n "s/^$1=//p" "$file" | tail -n 1; }
start() {
    active && return 0
    [ -f "$file" ] || { echo "unit $unit not found" >&2; return 5; }
    user=$(key User); group=$(key Group)
    # the parts of the sandbox setpriv can give: NoNewPrivileges=yes, an empty CapabilityBoundingSet=
    set --
    [ "$(key NoNewPrivileges)" = yes ] && set -- "$@" --no-new-privs
    if grep -qx 'CapabilityBoundingSet=' "$file"; then set -- "$@" --bounding-set=-all --inh-caps=-all; fi
    # ExecStart is a plain command line in this unit: no quoting, no specifiers
    setsid setpriv --reuid="$user" --regid="${group:-$user}" --init-groups "$@" \
        sh -c "cd / && exec $(key ExecStart)" >> "/var/log/mibwatch-test/$unit.log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
}
stop() {
    active || return 0
    pid=$(cat "$pidfile")
    kill -TERM "$pid"
    i=0
    while kill -0 "$pid" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 600 ] || { echo "$unit did not stop in 60 s" >&2; return 1; }
        sleep 0.1
    done
    echo "$unit stopped $((i / 10)).$((i % 10)) s after SIGTERM" >> "$state/stop-times.log"
    rm -f "$pidfile"
}
case "$action" in
    --version|version) echo "systemd 252 (mibwatch install-test double)" ;;
    daemon-reload) ;;
    is-enabled) if [ -e "/etc/systemd/system/multi-user.target.wants/$unit" ]; then echo enabled; else echo disabled; exit 1; fi ;;
    is-active) active ;;
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    main-pid) active && cat "$pidfile" ;;
    *) echo "mibwatch-test-unit: $action not supported" >&2; exit 1 ;;
esac
RUNNER
chmod 0755 "$root/usr/local/sbin/mibwatch-test-unit"

unit_pid() { in_root mibwatch-test-unit main-pid mibwatch.service; }
# user of a process, by the chroot's user database (uids are shared with the host's /proc)
proc_user() { in_root getent passwd "$(stat -c %u "/proc/$1")" | cut -d: -f1; }

# Waits for the web UI on the port of http.listen (HTTP 200 or 302 on /login, else /).
wait_web() {
    local port=$1 code i
    for ((i = 0; i < 180; i++)); do
        for path in /login /; do
            code=$(ip netns exec "$netns" curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$path" || true)
            if [ "$code" = 200 ] || [ "$code" = 302 ]; then
                log "web UI answers: GET $path -> $code"
                return 0
            fi
        done
        sleep 1
    done
    fail "no web UI on 127.0.0.1:$port after 180 s (last HTTP code: $code)"
}

# Waits for the daemon's start-up line (the poll scheduler is running).
wait_started() {
    local i
    for ((i = 0; i < 180; i++)); do
        grep -q "mibwatch starting" "$root/var/log/mibwatch-test/mibwatch.service.log" 2>/dev/null && return 0
        active_or_fail
        sleep 1
    done
    fail "mibwatch did not log 'mibwatch starting' within 180 s"
}
active_or_fail() {
    in_root mibwatch-test-unit is-active mibwatch.service \
            || fail "mibwatch.service is not running"
}

# The web UI's port from the installed config (http.listen: HOST:PORT); empty if the config has no web UI.
web_port() {
    awk '/^http:/ {h = 1; next} /^[^[:space:]#]/ {h = 0} h && /^[[:space:]]+listen:/ {
        v = $2; gsub(/["'\'']/, "", v); sub(/.*:/, "", v); print v; exit }' "$root/etc/mibwatch/mibwatch.yaml"
}

mode_owner() { in_root stat -c '%a %U:%G' "$1"; }   # names from the chroot's passwd/group
expect_eq() { [ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"; }

assert_purged() {
    if in_root dpkg-query -W -f='${Status}' mibwatch 2>/dev/null | grep -Eq "ok (installed|config-files)"; then
        fail "mibwatch still installed after purge"
    fi
    ! in_root getent passwd mibwatch >/dev/null || fail "user mibwatch left after purge"
    ! in_root getent group mibwatch >/dev/null || fail "group mibwatch left after purge"
    for p in /var/lib/mibwatch /etc/mibwatch /etc/default/mibwatch /usr/share/mibwatch \
             /etc/systemd/system/multi-user.target.wants/mibwatch.service; do
        [ ! -e "$root$p" ] && [ ! -L "$root$p" ] || fail "$p left after purge"
    done
}

# ======================= phase 1: plain chroot, no systemd =======================
log "phase 1: apt-get install $new_deb (no systemd in the chroot)"
in_root apt-get install -y -q "$new_deb" > "$work/install.log" 2>&1 \
    || { tail -n 40 "$work/install.log" >&2; fail "apt-get install failed"; }
grep -E "^(Setting up|Unpacking) (openjdk|default-jre|adduser)" "$work/install.log" | sed 's/^/    /' || true
in_root dpkg-query -W -f='${Status}\n' default-jre-headless | grep -q "install ok installed" \
    || fail "the JRE (default-jre-headless) was not pulled in"
expect_eq "installed version" "$(in_root dpkg-query -W -f='${Version}' mibwatch)" "$version"

# user and group
pw=$(in_root getent passwd mibwatch) || fail "no user mibwatch"
IFS=: read -r _ _ uid gid _ home shell <<< "$pw"
[ "$uid" -lt 1000 ] || fail "mibwatch is not a system user (uid $uid)"
expect_eq "primary group of mibwatch" "$(in_root getent group "$gid" | cut -d: -f1)" mibwatch
expect_eq "home of mibwatch" "$home" /var/lib/mibwatch
expect_eq "shell of mibwatch" "$shell" /usr/sbin/nologin

# files, modes, owners
expect_eq /var/lib/mibwatch "$(mode_owner /var/lib/mibwatch)" "750 mibwatch:mibwatch"
expect_eq /etc/mibwatch/mibwatch.yaml "$(mode_owner /etc/mibwatch/mibwatch.yaml)" "640 root:mibwatch"
expect_eq /etc/mibwatch/secrets "$(mode_owner /etc/mibwatch/secrets)" "750 root:mibwatch"
expect_eq /etc/default/mibwatch "$(mode_owner /etc/default/mibwatch)" "644 root:root"
expect_eq /usr/bin/mibwatch "$(mode_owner /usr/bin/mibwatch)" "755 root:root"
for f in /lib/systemd/system/mibwatch.service /usr/share/doc/mibwatch/copyright \
         /usr/share/doc/mibwatch/changelog.Debian.gz /usr/share/man/man1/mibwatch.1.gz \
         /usr/share/man/man1/mibwatch-serve.1.gz /usr/share/lintian/overrides/mibwatch \
         /usr/lib/sysctl.d/60-mibwatch.conf; do
    [ -f "$root$f" ] || fail "$f missing"
done
grep -qx 'vm.max_map_count = 1048576' "$root/usr/lib/sysctl.d/60-mibwatch.conf" \
    || fail "/usr/lib/sysctl.d/60-mibwatch.conf does not raise vm.max_map_count"
ls "$root"/usr/share/mibwatch/lib/mibwatch-app-*.jar >/dev/null || fail "mibwatch-app jar missing"
conffiles=$(in_root dpkg-query -W -f='${Conffiles}' mibwatch)
for c in /etc/mibwatch/mibwatch.yaml /etc/default/mibwatch; do
    grep -q " $c " <<< "$conffiles" || fail "$c is not a conffile"
done
[ -L "$root/etc/systemd/system/multi-user.target.wants/mibwatch.service" ] \
    || fail "mibwatch.service not enabled (deb-systemd-helper enable)"
[ ! -d "$root/run/mibwatch-test" ] || fail "something tried to start the service without systemd"

out=$(in_root mibwatch --version) || fail "mibwatch --version failed"
grep -q "^mibwatch ${version%%[~-]*}" <<< "$out" || fail "unexpected mibwatch --version output: $out"
log "mibwatch --version: $(head -n 1 <<< "$out")"
in_root mibwatch config check > "$work/config-check.log" 2>&1 \
    || { cat "$work/config-check.log" >&2; fail "the packaged config does not pass 'mibwatch config check'"; }

log "starting the unit's ExecStart as user mibwatch: $(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/mibwatch.service")"
in_root mibwatch-test-unit start mibwatch.service
wait_started
pid=$(unit_pid)
expect_eq "user of the service process" "$(proc_user "$pid")" mibwatch
expect_eq "capability bounding set of the service" "$(awk '/^CapBnd:/ {print $2}' "/proc/$pid/status")" 0000000000000000
expect_eq "no_new_privs of the service" "$(awk '/^NoNewPrivs:/ {print $2}' "/proc/$pid/status")" 1
port=$(web_port)
[ -n "$port" ] || fail "the packaged config has no http.listen (the appliance must serve its web UI on 0.0.0.0:8080)"
expect_eq "http.listen port of the packaged config" "$port" 8080
wait_web "$port"
# README: the first start prints the admin password once, to the journal (here: the log)
grep -q "first admin password" "$root/var/log/mibwatch-test/mibwatch.service.log" \
    || fail "the first start did not print 'first admin password: ...' (README, Install on Debian)"
expect_eq "/var/lib/mibwatch while running" "$(mode_owner /var/lib/mibwatch)" "750 mibwatch:mibwatch"
in_root mibwatch-test-unit stop mibwatch.service
! kill -0 "$pid" 2>/dev/null || fail "service did not stop on SIGTERM"
grep -q "mibwatch stopped" "$root/var/log/mibwatch-test/mibwatch.service.log" || fail "no clean stop logged"

log "phase 1: apt-get remove mibwatch (keeps config and data), then purge"
in_root apt-get remove -y -q mibwatch > "$work/remove1.log" 2>&1 || { tail -n 30 "$work/remove1.log" >&2; fail "remove failed"; }
[ ! -e "$root/usr/bin/mibwatch" ] || fail "/usr/bin/mibwatch left after remove"
for p in /etc/mibwatch/mibwatch.yaml /etc/default/mibwatch /var/lib/mibwatch/web.db; do
    [ -e "$root$p" ] || fail "remove (not purge) deleted $p"
done
in_root getent passwd mibwatch >/dev/null || fail "remove (not purge) deleted the user"
in_root apt-get purge -y -q mibwatch > "$work/purge1.log" 2>&1 || { tail -n 30 "$work/purge1.log" >&2; fail "purge failed"; }
assert_purged
rm -rf "$root/run/mibwatch-test" "$root/var/log/mibwatch-test"

# ============== phase 2: maintainer scripts drive the service; upgrade ==============
log "phase 2: systemd test double; install the lower version $old_version"
mkdir -p "$root/run/systemd/system"
# apt runs dpkg with PATH=/usr/sbin:/usr/bin:/sbin:/bin (DPkg::Path): the double goes to /usr/sbin
ln -sf /usr/local/sbin/mibwatch-test-unit "$root/usr/sbin/systemctl"
in_root apt-get install -y -q "$old_deb" > "$work/install-old.log" 2>&1 \
    || { tail -n 40 "$work/install-old.log" >&2; fail "installing $old_version failed"; }
grep -qx "start mibwatch.service" "$root/run/mibwatch-test/calls.log" 2>/dev/null \
    || { tail -n 20 "$work/install-old.log" >&2; fail "postinst did not start the service"; }
wait_started
old_pid=$(unit_pid)
expect_eq "user of the service process" "$(proc_user "$old_pid")" mibwatch
wait_web "$port"

# the admin's edit: one device, served by mibwatch's own SNMP simulator on loopback
log "editing the config: device sim0 at 127.0.0.1:20161 (mibwatch simulate), polled every 10 s"
in_root sh -c 'setsid mibwatch simulate --listen 127.0.0.1:20161 > /var/log/mibwatch-test/simulate.log 2>&1 < /dev/null &'
sed -i 's/^devices: \[\]$/devices:\n  - name: sim0\n    address: 127.0.0.1\n    port: 20161\n    credentials: public-ro\n    interval: 10s\n    timeout: 2s\n    metrics: [system, interfaces]/' \
    "$root/etc/mibwatch/mibwatch.yaml"
grep -q "name: sim0" "$root/etc/mibwatch/mibwatch.yaml" || fail "could not edit the config (no 'devices: []' line)"
in_root mibwatch config check >/dev/null || fail "edited config invalid"
in_root systemctl restart mibwatch.service

rrd_dir=$root/var/lib/mibwatch
for ((i = 0; i < 120; i++)); do
    n=$(find "$rrd_dir" -name '*.rrd' 2>/dev/null | wc -l)
    [ "$n" -gt 0 ] && break
    active_or_fail
    sleep 1
done
[ "$n" -gt 0 ] || fail "no RRD file under /var/lib/mibwatch after 120 s of polling"
sleep 12   # a few more polls, so the files hold data
(cd "$rrd_dir" && find . -name '*.rrd' -printf '%i %p\n') > "$work/rrd-before"
log "RRD files before the upgrade: $(wc -l < "$work/rrd-before") ($(du -sh "$rrd_dir" | cut -f1))"
cp "$root/etc/mibwatch/mibwatch.yaml" "$work/config-before"
pid_before=$(unit_pid)

log "phase 2: upgrade $old_version -> $version"
: > "$root/run/mibwatch-test/calls.log"
in_root apt-get install -y -q "$new_deb" < /dev/null > "$work/upgrade.log" 2>&1 \
    || { tail -n 40 "$work/upgrade.log" >&2; fail "upgrade failed"; }
expect_eq "version after upgrade" "$(in_root dpkg-query -W -f='${Version}' mibwatch)" "$version"
grep -qx "stop mibwatch.service" "$root/run/mibwatch-test/calls.log" || fail "prerm upgrade did not stop the service"
grep -qx "restart mibwatch.service" "$root/run/mibwatch-test/calls.log" || fail "postinst did not restart the service"
! kill -0 "$pid_before" 2>/dev/null || fail "the old service process survived the upgrade"
active_or_fail
pid_after=$(unit_pid)
expect_eq "user of the restarted service" "$(proc_user "$pid_after")" mibwatch
cmp -s "$work/config-before" "$root/etc/mibwatch/mibwatch.yaml" || fail "the upgrade changed the edited config"
expect_eq "config after upgrade" "$(mode_owner /etc/mibwatch/mibwatch.yaml)" "640 root:mibwatch"
(cd "$rrd_dir" && find . -name '*.rrd' -printf '%i %p\n') > "$work/rrd-after"
# every file from before is still there, as the same file (same inode: not recreated)
awk 'NR == FNR { after[$2] = $1; next }
     !($2 in after) { print "lost: " $2; bad = 1; next }
     after[$2] != $1 { print "recreated: " $2; bad = 1 }
     END { exit bad }' "$work/rrd-after" "$work/rrd-before" >&2 || fail "RRD files did not survive the upgrade"
log "upgrade kept the config edit and $(wc -l < "$work/rrd-before") RRD files; service restarted (pid $pid_before -> $pid_after)"
wait_web "$port"
# web users live in /var/lib/mibwatch/web.db: the password is printed at the first start of
# phase 2 only, not again after the restart and the upgrade (the admin user was kept)
n=$(grep -c "first admin password" "$root/var/log/mibwatch-test/mibwatch.service.log" || true)
expect_eq "'first admin password' lines over install, restart and upgrade" "$n" 1
out=$(in_root mibwatch --version) || fail "mibwatch --version failed after the upgrade"

log "phase 2: apt-get purge mibwatch"
: > "$root/run/mibwatch-test/calls.log"
in_root apt-get purge -y -q mibwatch > "$work/purge2.log" 2>&1 || { tail -n 30 "$work/purge2.log" >&2; fail "purge failed"; }
grep -qx "stop mibwatch.service" "$root/run/mibwatch-test/calls.log" || fail "prerm remove did not stop the service"
! kill -0 "$pid_after" 2>/dev/null || fail "service still running after purge"
assert_purged
log "SIGTERM to exit of the service, phase 2: $(sed 's/mibwatch.service stopped //; s/ after SIGTERM//' "$root/run/mibwatch-test/stop-times.log" | paste -sd, -)"

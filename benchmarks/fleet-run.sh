#!/usr/bin/env bash
# Fleet load run: mibwatch `serve`, collectd and prometheus-snmp-exporter poll the
# same agents for the same OIDs, one after another in alternation (A B C A B C ...), and the
# OS accounts for their CPU. docs/benchmarks.md explains the set-up and every figure.
#
#   sudo benchmarks/fleet-run.sh [--devices N] [--interfaces M] [--cycles K] [options]
#
# Needs root (it creates a network namespace), Debian's snmpd, snmp, collectd-core,
# prometheus-snmp-exporter, rrdtool, curl, python3 and a JDK 17 (java, jcmd).
set -euo pipefail
# The whole script is one block, parsed before it runs: editing the file during a run is safe.
{

usage() {
  cat <<'EOF'
usage: benchmarks/fleet-run.sh [options]
  --devices N        devices (agent endpoints) polled by every poller       (default 100)
  --interfaces M     interfaces per device, including lo (>= 3)             (default 10)
  --cycles K         measured poll cycles per poller run                    (default 8)
  --interval S       poll interval in seconds, the same for all pollers     (default 5)
  --warmup W         cycles before the measurement starts                   (default 4)
  --rounds R         alternation rounds: A B C repeated R times             (default 2)
  --simulator-rounds R  rounds against the simulator                        (default: --rounds)
  --agents LIST      comma list of snmpd,simulator                          (default snmpd,simulator)
  --pollers LIST     comma list of mibwatch,collectd,snmp_exporter          (default all three)
  --agent-procs P    snmpd processes sharing the devices                    (default 2)
  --write-behind D   mibwatch's rrd.write_behind: how long rows may be held (default 60s,
                     as collectd's CacheTimeout 60 here; 0s writes every poll at once)
  --no-results       do not write benchmarks/RESULTS.md and results/latest.json
  --keep             keep the work directory (RRD files, configs, logs)
EOF
}

DEVICES=100 IFACES=10 CYCLES=8 INTERVAL=5 WARMUP=4 ROUNDS=2 AGENT_PROCS=2 WRITE_BEHIND=60s
AGENTS=snmpd,simulator POLLERS=mibwatch,collectd,snmp_exporter WRITE_RESULTS=1 KEEP=0 SIM_ROUNDS=
CMDLINE="benchmarks/fleet-run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) DEVICES=$2; shift 2 ;;
    --interfaces) IFACES=$2; shift 2 ;;
    --cycles) CYCLES=$2; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --simulator-rounds) SIM_ROUNDS=$2; shift 2 ;;
    --agents) AGENTS=$2; shift 2 ;;
    --pollers) POLLERS=$2; shift 2 ;;
    --agent-procs) AGENT_PROCS=$2; shift 2 ;;
    --write-behind) WRITE_BEHIND=$2; shift 2 ;;
    --no-results) WRITE_RESULTS=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fleet-run: unknown option '$1'" >&2; usage >&2; exit 64 ;;
  esac
done
SIM_ROUNDS=${SIM_ROUNDS:-$ROUNDS}
for v in DEVICES IFACES CYCLES INTERVAL WARMUP ROUNDS SIM_ROUNDS AGENT_PROCS; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "fleet-run: --${v,,} must be a whole number, got '${!v}'" >&2; exit 64; }
done
[ "$IFACES" -ge 3 ] || { echo "fleet-run: --interfaces must be >= 3 (lo, the hot veth and at least one bridge), got $IFACES" >&2; exit 64; }
[ "$DEVICES" -ge 1 ] && [ "$DEVICES" -le 20000 ] || { echo "fleet-run: --devices must be 1..20000, got $DEVICES" >&2; exit 64; }
[ "$(id -u)" = 0 ] || { echo "fleet-run: needs root (ip netns)" >&2; exit 77; }
for tool in ip snmpd snmpbulkwalk collectd prometheus-snmp-exporter rrdtool curl python3 java jcmd sqlite3; do
  command -v "$tool" >/dev/null || { echo "fleet-run: '$tool' not found (see docs/benchmarks.md for the Debian packages)" >&2; exit 69; }
done

HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
ROOT=$(dirname "$HERE")
NS=mwbench PEER=mwbench-peer
SNMPD_PORT=21000 SIM_PORT=31000 EXPORTER_PORT=9116
HOT_RATE_THRESHOLD=50000   # bytes/s on the hot interface; the probe's traffic makes ~280 kB/s
WORK=$(mktemp -d /var/tmp/mibwatch-fleet.XXXXXX)
RUNS="$WORK/runs.jsonl"
: > "$RUNS"
CLK_TCK=$(getconf CLK_TCK)
PIDS=()

log() { printf '%s fleet-run: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  ip netns del "$NS" 2>/dev/null || true
  ip netns del "$PEER" 2>/dev/null || true
  if [ "$KEEP" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- build
JAR="$ROOT/app/target/mibwatch-app.jar" LIB="$ROOT/app/target/lib" BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$JAR" ] || [ ! -f "$BENCH_JAR" ] || \
   [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$BENCH_JAR" -print -quit)" ]; then
  log "building (mvn -Pbenchmarks -DskipTests package -pl app,benchmarks -am)"
  (cd "$ROOT" && mvn -B -q -o -Pbenchmarks -DskipTests package -pl app,benchmarks -am) >&2
fi
MW_CP="$JAR:$LIB/*"
# The daemon as a service would run it: full JIT (the ./mibwatch launcher stops at C1 for
# short CLI commands), serial GC (two cores, a small live set).
MW_JAVA_OPTS=${MW_JAVA_OPTS:--XX:+UseSerialGC -Xms256m -Xmx2g}

# ---------------------------------------------------------------- network namespace
# Agents and pollers all live in one namespace: its loopback carries the SNMP traffic, its
# interfaces are the agents' ifTable rows. lo + bridges (no traffic, zero counters) + one
# veth whose peer lives in a second namespace so that traffic can be made to flow into it.
ip netns del "$NS" 2>/dev/null || true
ip netns del "$PEER" 2>/dev/null || true
ip netns add "$NS"
ip netns add "$PEER"
ip -n "$NS" link set lo up
for i in $(seq 1 $((IFACES - 2))); do
  ip -n "$NS" link add "mwbr$i" type bridge
  ip -n "$NS" link set "mwbr$i" up
done
ip -n "$NS" link add mwhot type veth peer name mwhotp netns "$PEER"
ip -n "$NS" addr add 10.213.0.1/30 dev mwhot
ip -n "$PEER" addr add 10.213.0.2/30 dev mwhotp
ip -n "$NS" link set mwhot up
ip -n "$PEER" link set mwhotp up
HOT_IFINDEX=$(ip -n "$NS" -o link show mwhot | cut -d: -f1)
inns() { ip netns exec "$NS" "$@"; }

# ---------------------------------------------------------------- helpers
cpu_ticks() { # utime + stime of the whole process (all threads), in clock ticks
  local f
  f=$(cut -d' ' -f14,15 "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  echo $(( ${f% *} + ${f#* } ))
}
alive() { kill -0 "$1" 2>/dev/null || { echo "fleet-run: poller pid $1 died; its output ($2):" >&2; tail -20 "$2" >&2; exit 1; }; }
thread_cpu() { # per thread: "tid name utime stime" (ticks), to see where a process spends CPU
  local t
  for t in /proc/"$1"/task/*; do
    awk -v tid="${t##*/}" '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); gsub(/ /, "_", name);
      split(substr($0, RSTART + RLENGTH + 1), f, " "); print tid, name, f[12], f[13] }' "$t/stat" 2>/dev/null
  done
}
thread_cpu_delta() { # before-file after-file -> top threads by CPU in the window (ms, user/system)
  awk -v tck="$CLK_TCK" 'NR == FNR {u[$1] = $3; s[$1] = $4; next}
    {du = $3 - u[$1]; ds = $4 - s[$1]; n[$2] += du + ds; us[$2] += du; sy[$2] += ds}
    END {for (k in n) if (n[k] > 0) printf "%8.0f ms  (user %.0f, system %.0f)  %s\n", n[k] * 1000 / tck, us[k] * 1000 / tck, sy[k] * 1000 / tck, k}' "$1" "$2" | sort -rn
}
peak_rss_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
now_ms() { date +%s%3N; }
sleep_until_ms() { local d=$(( $1 - $(now_ms) )); [ "$d" -gt 0 ] && sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))" || true; }
wait_exit() { # pid timeout_s -> CPU ticks seen last before it exited
  local pid=$1 end=$(( $(date +%s) + $2 )) last=0 t
  while kill -0 "$pid" 2>/dev/null; do
    t=$(cpu_ticks "$pid"); [ "$t" -gt 0 ] && last=$t
    [ "$(date +%s)" -ge "$end" ] && { kill -9 "$pid" 2>/dev/null || true; break; }
    sleep 0.05
  done
  echo "$last"
}
# For pollers that poll the whole fleet in one burst per interval (collectd): start measuring
# right after a burst, so the window [t0, t0 + K x interval] holds exactly K bursts.
wait_quiet_after_burst() {
  local pid=$1 prev cur busy=0 quiet=0 end=$(( $(date +%s) + 3 * INTERVAL ))
  prev=$(cpu_ticks "$pid")
  while [ "$(date +%s)" -lt "$end" ]; do
    sleep 0.05
    cur=$(cpu_ticks "$pid")
    if [ "$cur" -gt "$prev" ]; then busy=1; quiet=0; else quiet=$((quiet + 1)); fi
    prev=$cur
    [ "$busy" = 1 ] && [ "$quiet" -ge 6 ] && return 0
  done
  log "warning: no quiet moment after a burst found for pid $pid; measuring anyway"
}

# ports of device d (1-based) on each agent kind
device_port() { if [ "$1" = snmpd ]; then echo $((SNMPD_PORT + $2)); else echo $((SIM_PORT + $2 - 1)); fi; }

# The OIDs every poller asks for, per interface (RFC 2863): the eight counters of the issue,
# plus the three columns mibwatch's interface plan always polls (ifAdminStatus, ifOperStatus,
# ifCounterDiscontinuityTime), so that all pollers move the same varbinds; plus sysUpTime.0
# per device (mibwatch needs it for agent restarts, RFC 3418).
COUNTERS64="1.3.6.1.2.1.31.1.1.1.6 1.3.6.1.2.1.31.1.1.1.10 1.3.6.1.2.1.31.1.1.1.7 1.3.6.1.2.1.31.1.1.1.11"
COUNTERS32="1.3.6.1.2.1.2.2.1.14 1.3.6.1.2.1.2.2.1.20 1.3.6.1.2.1.2.2.1.13 1.3.6.1.2.1.2.2.1.19"
GAUGES="1.3.6.1.2.1.2.2.1.7 1.3.6.1.2.1.2.2.1.8 1.3.6.1.2.1.31.1.1.1.19"
VB_PER_DEVICE=$(( 11 * IFACES + 1 ))
# one timeout for all pollers; mibwatch wants it shorter than the interval
TIMEOUT_MS=$(( INTERVAL * 1000 / 3 < 2000 ? INTERVAL * 1000 / 3 : 2000 ))
VB_PER_CYCLE=$(( VB_PER_DEVICE * DEVICES ))

# ---------------------------------------------------------------- agents
start_snmpd() {
  local per=$(( (DEVICES + AGENT_PROCS - 1) / AGENT_PROCS )) p d first last addrs
  ulimit -n "$(ulimit -Hn)"
  for p in $(seq 0 $((AGENT_PROCS - 1))); do
    first=$(( p * per + 1 )); last=$(( (p + 1) * per )); [ "$last" -gt "$DEVICES" ] && last=$DEVICES
    [ "$first" -gt "$last" ] && break
    addrs=""
    for d in $(seq "$first" "$last"); do addrs+="${addrs:+,}udp:127.0.0.1:$((SNMPD_PORT + d))"; done
    mkdir -p "$WORK/snmpd$p"
    cat > "$WORK/snmpd$p/snmpd.conf" <<EOF
agentaddress $addrs
rocommunity public 127.0.0.1
EOF
    ip netns exec "$NS" /usr/sbin/snmpd -f -Lf "$WORK/snmpd$p/log" -C -c "$WORK/snmpd$p/snmpd.conf" -p "$WORK/snmpd$p/pid" \
      > "$WORK/snmpd$p/out" 2>&1 &
    PIDS+=($!)
    AGENT_PIDS+=($!)
  done
  local tries=0
  until inns snmpget -v2c -c public -r0 -t1 "127.0.0.1:$((SNMPD_PORT + DEVICES))" 1.3.6.1.2.1.1.3.0 >/dev/null 2>&1; do
    tries=$((tries + 1)); [ "$tries" -lt 60 ] || { echo "fleet-run: snmpd did not answer" >&2; exit 1; }
    sleep 0.5
  done
}

start_simulator() {
  # the simulator serves a recording of one snmpd device of this namespace, so both agent
  # kinds show the same interfaces and columns; every device is a link to that one file
  mkdir -p "$WORK/sim/devices"
  if [ ! -f "$WORK/sim/device.snmprec" ]; then
    [ "${#AGENT_PIDS[@]}" -gt 0 ] || start_snmpd
    for r in 1.3.6.1.2.1.1 1.3.6.1.2.1.2 1.3.6.1.2.1.31; do
      inns snmpbulkwalk -v2c -c public -On -Oe -Ox "127.0.0.1:$((SNMPD_PORT + 1))" "$r"
    done | python3 "$HERE/fleet/snmprec_from_walk.py" > "$WORK/sim/device.snmprec"
  fi
  stop_agents
  for d in $(seq 1 "$DEVICES"); do ln -sf ../device.snmprec "$WORK/sim/devices/dev$(printf %05d "$d").snmprec"; done
  ulimit -n "$(ulimit -Hn)"
  ip netns exec "$NS" java -Xmx1g -XX:+UseSerialGC -cp "$MW_CP" io.mibwatch.app.Main simulate --data "$WORK/sim/devices" \
    --listen "127.0.0.1:$SIM_PORT" --io-threads 1 > "$WORK/sim/log" 2>&1 &
  PIDS+=($!)
  AGENT_PIDS+=($!)
  local tries=0
  until grep -q "device(s), started" "$WORK/sim/log" 2>/dev/null; do
    tries=$((tries + 1)); [ "$tries" -lt 240 ] || { echo "fleet-run: simulator did not start: $(tail -3 "$WORK/sim/log")" >&2; exit 1; }
    sleep 0.5
  done
}

stop_agents() {
  local p
  for p in "${AGENT_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${AGENT_PIDS[@]}"; do wait_exit "$p" 10 >/dev/null; done
  AGENT_PIDS=()
}

# ---------------------------------------------------------------- pollers
mibwatch_config() { # agent dir
  {
    cat <<EOF
defaults:
  interval: ${INTERVAL}s
  timeout: ${TIMEOUT_MS}ms
  retries: 1
  credentials: public-ro
credentials:
  public-ro: {community: public}
rrd:
  write_behind: $WRITE_BEHIND
thresholds:
  rules:
    # the breach-to-alert probe: traffic into the hot veth of device 1
    - name: fleet-hot
      match: {device: dev00001, metric: interfaces/inOctets, instance: "$HOT_IFINDEX"}
      levels: {warning: $HOT_RATE_THRESHOLD, direction: high}
devices:
EOF
    for d in $(seq 1 "$DEVICES"); do
      printf '  - {name: dev%05d, address: 127.0.0.1, port: %d, metrics: [interfaces]}\n' "$d" "$(device_port "$1" "$d")"
    done
  } > "$2/mibwatch.yaml"
}

collectd_config() { # agent dir
  mkdir -p "$2/rrd"
  {
    cat <<EOF
Hostname "bench"
FQDNLookup false
Interval $INTERVAL
BaseDir "$2"
PIDFile "$2/collectd.pid"
PluginDir "/usr/lib/collectd"
TypesDB "/usr/share/collectd/types.db"
LoadPlugin logfile
<Plugin logfile>
  LogLevel warning
  File "$2/collectd.log"
</Plugin>
LoadPlugin unixsock
<Plugin unixsock>
  SocketFile "$2/sock"
</Plugin>
LoadPlugin snmp
LoadPlugin rrdtool
<Plugin rrdtool>
  DataDir "$2/rrd"
  CacheTimeout 60
  CacheFlush 120
</Plugin>
<Plugin snmp>
  <Data "uptime">
    Type "uptime"
    Table false
    Values "1.3.6.1.2.1.1.3.0"
  </Data>
  <Data "ifx_octets">
    Type "if_octets"
    Table true
    Values "1.3.6.1.2.1.31.1.1.1.6" "1.3.6.1.2.1.31.1.1.1.10"
  </Data>
  <Data "ifx_packets">
    Type "if_packets"
    Table true
    Values "1.3.6.1.2.1.31.1.1.1.7" "1.3.6.1.2.1.31.1.1.1.11"
  </Data>
  <Data "if_errors">
    Type "if_errors"
    Table true
    Values "1.3.6.1.2.1.2.2.1.14" "1.3.6.1.2.1.2.2.1.20"
  </Data>
  <Data "if_dropped">
    Type "if_dropped"
    Table true
    Values "1.3.6.1.2.1.2.2.1.13" "1.3.6.1.2.1.2.2.1.19"
  </Data>
  <Data "if_admin">
    Type "gauge"
    Table true
    TypeInstancePrefix "admin-"
    Values "1.3.6.1.2.1.2.2.1.7"
  </Data>
  <Data "if_oper">
    Type "gauge"
    Table true
    TypeInstancePrefix "oper-"
    Values "1.3.6.1.2.1.2.2.1.8"
  </Data>
  <Data "if_disc">
    Type "gauge"
    Table true
    TypeInstancePrefix "disc-"
    Values "1.3.6.1.2.1.31.1.1.1.19"
  </Data>
EOF
    for d in $(seq 1 "$DEVICES"); do
      cat <<EOF
  <Host "dev$(printf %05d "$d")">
    Address "127.0.0.1:$(device_port "$1" "$d")"
    Version 2
    Community "public"
    Timeout $(printf '%d.%03d' $((TIMEOUT_MS / 1000)) $((TIMEOUT_MS % 1000)))
    Retries 1
    Collect "uptime" "ifx_octets" "ifx_packets" "if_errors" "if_dropped" "if_admin" "if_oper" "if_disc"
    Interval $INTERVAL
  </Host>
EOF
    done
    echo "</Plugin>"
  } > "$2/collectd.conf"
}

exporter_config() { # dir
  {
    cat <<EOF
# generator output format, written by hand for the fleet run's OIDs (numeric, no MIB lookups)
bench:
  version: 2
  auth:
    community: public
  max_repetitions: 25
  retries: 1
  timeout: ${TIMEOUT_MS}ms
  get:
  - 1.3.6.1.2.1.1.3.0
  walk:
EOF
    for o in $COUNTERS64 $COUNTERS32 $GAUGES; do echo "  - $o"; done
    echo "  metrics:"
    echo "  - {name: sysUpTime, oid: 1.3.6.1.2.1.1.3, type: gauge}"
    local n=0
    for o in $COUNTERS64 $COUNTERS32; do
      n=$((n + 1))
      echo "  - {name: ifCounter$n, oid: $o, type: counter, indexes: [{labelname: ifIndex, type: gauge}]}"
    done
    for o in $GAUGES; do
      n=$((n + 1))
      echo "  - {name: ifGauge$n, oid: $o, type: gauge, indexes: [{labelname: ifIndex, type: gauge}]}"
    done
  } > "$1/snmp.yml"
}

collectd_flush() { # socket
  python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(60)
s.connect(sys.argv[1])
s.sendall(b"FLUSH\n")
print(s.recv(200).decode().strip())
EOF
}

# Runs one poller against the running agents; appends one JSON line to $RUNS.
run_poller() { # agent poller round
  local agent=$1 poller=$2 round=$3 dir="$WORK/$1-$2-$3" pid c0 c1 t0 t1 extra="{}" check="{}" scrape_ms=""
  mkdir -p "$dir"
  log "$agent / $poller / round $round: $DEVICES devices x $IFACES interfaces, $VB_PER_CYCLE varbinds per cycle"
  case "$poller" in
    mibwatch)
      mibwatch_config "$agent" "$dir"
      # shellcheck disable=SC2086
      ip netns exec "$NS" java $MW_JAVA_OPTS -cp "$MW_CP" io.mibwatch.app.Main serve --config "$dir/mibwatch.yaml" --data "$dir/data" \
        > "$dir/log" 2>&1 &
      pid=$!; PIDS+=($pid)
      # Start-up is not steady state: every device's first cycle walks the agent (discovery)
      # and creates its RRD files (the stock layout at a short interval is megabytes per file).
      # Wait until every device has stored once (all its RRD files exist), then the warm-up cycles.
      local waited=0
      until [ "$(find "$dir/data/rrd" -name '*.rrd' 2>/dev/null | wc -l)" -ge $((DEVICES * IFACES)) ]; do
        alive "$pid" "$dir/log"
        waited=$((waited + 1)); [ "$waited" -lt 3000 ] || { echo "fleet-run: mibwatch did not discover all devices in 10 min" >&2; exit 1; }
        sleep 0.2
      done
      log "mibwatch: all $DEVICES devices discovered and stored after $((waited / 5)) s; warming up"
      sleep $(( WARMUP * INTERVAL ))
      alive "$pid" "$dir/log"
      # Steady state of a long-running daemon: the JIT has compiled the hot paths. Wait (at
      # most 6 minutes) until the JIT compiler threads use under 2 % of the process's CPU in two
      # intervals in a row (at 5 % over one interval, C2 still took 10-16 % of the window in
      # profiled runs); what they still use in the window is counted like everything else.
      local settle=0 calm=0 jit total
      while [ "$settle" -lt $(( 360 / INTERVAL )) ]; do
        thread_cpu "$pid" > "$dir/jit0"; sleep "$INTERVAL"; thread_cpu "$pid" > "$dir/jit1"
        read -r jit total < <(awk 'NR == FNR {u[$1] = $3 + $4; next} {d = $3 + $4 - u[$1]; t += d; if ($2 ~ /Compiler/) j += d} END {print j + 0, t + 0}' "$dir/jit0" "$dir/jit1")
        settle=$((settle + 1))
        if [ $(( jit * 50 )) -le "$total" ]; then calm=$((calm + 1)); else calm=0; fi
        [ "$calm" -ge 2 ] && break
      done
      log "mibwatch: JIT settled after $(( settle * INTERVAL )) s more (compiler threads $jit of $total ticks in the last interval)"
      local skipped0; skipped0=$(grep -c 'cycle skipped' "$dir/log" || true)
      # MW_JFR=PREFIX records the measured window only (profiling runs; the attach costs a little CPU)
      [ -n "${MW_JFR:-}" ] && jcmd "$pid" JFR.start name=window settings=profile > /dev/null
      # MW_ASPROF=PREFIX samples the window's CPU with async-profiler (MW_ASPROF_LIB: its
      # libasyncProfiler.so; itimer works without perf_events); writes collapsed stacks
      [ -n "${MW_ASPROF:-}" ] && jcmd "$pid" JVMTI.agent_load "$MW_ASPROF_LIB" "\"start,event=itimer,interval=1ms,threads\"" > /dev/null
      thread_cpu "$pid" > "$dir/threads0"
      t0=$(now_ms); c0=$(cpu_ticks "$pid")
      sleep_until_ms $(( t0 + CYCLES * INTERVAL * 1000 ))
      t1=$(now_ms); c1=$(cpu_ticks "$pid")
      thread_cpu "$pid" > "$dir/threads1"
      # threads with the same name (pipeline-1, -2) are summed by name
      thread_cpu_delta "$dir/threads0" "$dir/threads1" | sed 's/-[0-9]*$//' > "$dir/threads.txt"
      log "mibwatch CPU by thread in the window: $(head -6 "$dir/threads.txt" | tr -s ' ' | paste -sd ';')"
      [ -n "${MW_JFR:-}" ] && jcmd "$pid" JFR.stop name=window filename="$MW_JFR-$agent-$round.jfr" > /dev/null
      [ -n "${MW_ASPROF:-}" ] && jcmd "$pid" JVMTI.agent_load "$MW_ASPROF_LIB" "\"stop,collapsed,file=$MW_ASPROF-$agent-$round.collapsed\"" > /dev/null
      local skipped=$(( $(grep -c 'cycle skipped' "$dir/log" || true) - skipped0 ))
      # RRD4J writes into memory-mapped files during the window (the kernel writes them back),
      # so the window already holds the storing; the extras below (a full GC, the alert probe)
      # must not count
      extra=$(mibwatch_extras "$pid" "$dir" "$agent" "$round")
      kill "$pid"; wait_exit "$pid" 60 > /dev/null
      # The RRD rows wholly inside the window: a row (T - step, T] is complete once a device's
      # next poll after T has arrived, so the last complete row for every phase ends a step
      # before the window's end.
      check=$(java -cp "$BENCH_JAR" io.mibwatch.benchmarks.fleet.RrdGapCheck "$dir/data/rrd" \
        $(( (t0 / 1000 / INTERVAL + 2) * INTERVAL )) $(( (t1 / 1000 / INTERVAL - 1) * INTERVAL )) "$INTERVAL" 2>/dev/null)
      check="${check%\}},\"skipped_cycles\":$skipped}"
      ;;
    collectd)
      collectd_config "$agent" "$dir"
      ip netns exec "$NS" collectd -f -C "$dir/collectd.conf" > "$dir/out" 2>&1 &
      pid=$!; PIDS+=($pid)
      sleep $(( 1 + WARMUP * INTERVAL ))
      alive "$pid" "$dir/out"
      # write what the warm-up cached, so the window pays for storing its own values only
      collectd_flush "$dir/sock" > "$dir/flush0" || true
      wait_quiet_after_burst "$pid"
      t0=$(now_ms); c0=$(cpu_ticks "$pid")
      sleep_until_ms $(( t0 + CYCLES * INTERVAL * 1000 ))
      t1=$(now_ms); c1=$(cpu_ticks "$pid")
      extra="{\"peak_rss_kb\":$(peak_rss_kb "$pid")}"
      # SIGTERM makes the rrdtool plugin write its cache: the window's values get stored now
      kill "$pid"; local cexit; cexit=$(wait_exit "$pid" 120)
      [ "$cexit" -gt "$c1" ] && c1=$cexit
      check=$(collectd_check "$dir/rrd" $(( t0 / 1000 + INTERVAL )) $(( t1 / 1000 - INTERVAL )))
      ;;
    snmp_exporter)
      exporter_config "$dir"
      ip netns exec "$NS" prometheus-snmp-exporter --config.file="$dir/snmp.yml" --web.listen-address="127.0.0.1:$EXPORTER_PORT" \
        --log.level=warn > "$dir/log" 2>&1 &
      pid=$!; PIDS+=($pid)
      sleep 1
      alive "$pid" "$dir/log"
      local d cyc start fails=0 samples=0 durations=()
      for d in $(seq 1 "$DEVICES"); do
        printf 'url = "http://127.0.0.1:%d/snmp?module=bench&target=127.0.0.1:%d"\noutput = "/dev/null"\n' \
          "$EXPORTER_PORT" "$(device_port "$agent" "$d")"
      done > "$dir/curl.cfg"
      # Prometheus scrapes targets in parallel; 4 at a time keeps both cores busy
      for cyc in $(seq 1 $((WARMUP + CYCLES))); do
        [ "$cyc" = $((WARMUP + 1)) ] && { t0=$(now_ms); c0=$(cpu_ticks "$pid"); }
        start=$(now_ms)
        inns curl -s --no-progress-meter -Z --parallel-max 4 -K "$dir/curl.cfg" -w '%{http_code}\n' > "$dir/codes" 2> /dev/null || true
        fails=$(( fails + $(grep -vc '^200$' "$dir/codes" || true) ))
        [ "$cyc" -gt "$WARMUP" ] && durations+=($(( $(now_ms) - start )))
        # one target's answer per cycle, to check that every series is there
        samples=$(inns curl -s "http://127.0.0.1:$EXPORTER_PORT/snmp?module=bench&target=127.0.0.1:$(device_port "$agent" 1)" | grep -c '^if')
        [ "$cyc" -lt $((WARMUP + CYCLES)) ] && sleep_until_ms $(( start + INTERVAL * 1000 ))
      done
      t1=$(now_ms); c1=$(cpu_ticks "$pid")
      scrape_ms=$(printf '%s\n' "${durations[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
      extra="{\"peak_rss_kb\":$(peak_rss_kb "$pid"),\"scrape_wall_ms_median\":$scrape_ms}"
      check="{\"failed_scrapes\":$fails,\"series_per_device\":$samples,\"expected_series_per_device\":$(( 11 * IFACES ))}"
      kill "$pid"; wait_exit "$pid" 10 > /dev/null
      ;;
  esac
  local us
  us=$(python3 -c "print(round(($c1 - $c0) / $CLK_TCK * 1e6 / ($VB_PER_CYCLE * $CYCLES), 3))")
  log "$agent / $poller / round $round: $(( (c1 - c0) * 1000 / CLK_TCK )) ms CPU for $CYCLES cycles = $us us/varbind; check $check"
  printf '{"agent":"%s","poller":"%s","round":%d,"cpu_ms":%d,"window_ms":%d,"cycles":%d,"varbinds_per_cycle":%d,"us_per_varbind":%s,"extra":%s,"check":%s}\n' \
    "$agent" "$poller" "$round" $(( (c1 - c0) * 1000 / CLK_TCK )) $(( t1 - t0 )) "$CYCLES" "$VB_PER_CYCLE" "$us" "$extra" "$check" >> "$RUNS"
}

collectd_check() { # rrd dir, from, to: steps without a value per file, over the measured window
  # one rrdtool in pipe mode ("rrdtool -") for all files: a process per file takes minutes
  find "$1" -name '*.rrd' | sed "s|.*|fetch & AVERAGE -r $INTERVAL -s $2 -e $3|" | rrdtool - | awk -F': ' '
    /^OK / {files++}
    NF == 2 && $1 ~ /^[0-9]+$/ {steps++; if ($2 ~ /nan/) missing++}
    END {printf "{\"files\":%d,\"steps\":%d,\"missing\":%d}\n", files, steps, missing}'
}

# Heap per series after a full GC, RRD updates, and (once) breach-to-alert latency.
mibwatch_extras() { # pid dir agent round
  local pid=$1 dir=$2 heap series files latency="null" rss
  rss=$(peak_rss_kb "$pid")
  jcmd "$pid" GC.run > /dev/null
  # young + old generation "used" after the full GC (Metaspace lines have no "total")
  heap=$(jcmd "$pid" GC.heap_info | awk '/total/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); s += v * 1024}} END {printf "%d", s}')
  # the series stored per cycle: every data source of every interface file that holds values
  # (RrdGapCheck counts them exactly; here: 10 polled per interface + utilisation where the speed is known)
  series=$(( DEVICES * (IFACES * 10 + 2) ))
  files=$(find "$dir/data/rrd" -name '*.rrd' | wc -l)
  if [ "$3" = snmpd ] && [ "$4" = 1 ]; then latency=$(breach_to_alert "$dir"); fi
  printf '{"peak_rss_kb":%s,"heap_used_bytes":%s,"series":%s,"rrd_files":%s,"alert_latency_ms":%s}' \
    "$rss" "${heap:-0}" "$series" "$files" "$latency"
}

# Traffic into the hot veth (UDP from the peer namespace, ~280 kB/s) lifts the inOctets rate
# of dev00001's hot interface past the fleet-hot rule. Latency = the moment the alert row is in
# the alert store (sqlite3 polled every 20 ms) minus the answer time of the poll that breached
# (the alert's firing_since, the sample's timestamp): decode + rate + store + evaluate + persist.
breach_to_alert() { # dir
  local db="$1/data/mibwatch.db" ping_pid end row seen
  # 1400-byte UDP datagrams every 5 ms from the peer namespace (~280 kB/s into mwhot)
  ip netns exec "$PEER" python3 -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
while True:
    s.sendto(b"x" * 1400, ("10.213.0.1", 9))
    time.sleep(0.005)' > /dev/null 2>&1 &
  ping_pid=$!; PIDS+=($ping_pid)
  end=$(( $(date +%s) + 4 * INTERVAL + 10 ))
  row=""
  while [ "$(date +%s)" -lt "$end" ]; do
    row=$(sqlite3 -readonly "$db" "SELECT firing_since FROM alerts WHERE rule LIKE '%fleet-hot%' AND firing_since IS NOT NULL LIMIT 1" 2>/dev/null || true)
    if [ -n "$row" ]; then seen=$(now_ms); break; fi
    sleep 0.02
  done
  kill "$ping_pid" 2>/dev/null || true
  if [ -n "$row" ]; then echo $(( seen - row )); else echo null; fi
}

# ---------------------------------------------------------------- the run
AGENT_PIDS=()
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "work directory $WORK; load average $LOAD_BEFORE"
IFS=, read -r -a AGENT_LIST <<< "$AGENTS"
IFS=, read -r -a POLLER_LIST <<< "$POLLERS"
for agent in "${AGENT_LIST[@]}"; do
  case "$agent" in
    snmpd) stop_agents; start_snmpd ;;
    simulator) start_simulator ;;
    *) echo "fleet-run: unknown agent '$agent' (snmpd, simulator)" >&2; exit 64 ;;
  esac
  rounds=$ROUNDS; [ "$agent" = simulator ] && rounds=$SIM_ROUNDS
  for round in $(seq 1 "$rounds"); do
    for poller in "${POLLER_LIST[@]}"; do
      case "$poller" in mibwatch|collectd|snmp_exporter) ;; *) echo "fleet-run: unknown poller '$poller'" >&2; exit 64 ;; esac
      run_poller "$agent" "$poller" "$round"
      [ "$KEEP" = 1 ] || rm -rf "$WORK/$agent-$poller-$round/data" "$WORK/$agent-$poller-$round/rrd"
    done
  done
  stop_agents
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

python3 "$HERE/fleet/summarize.py" --runs "$RUNS" --cmdline "$CMDLINE" --start "$START" \
  --load "$LOAD_BEFORE -> $LOAD_AFTER" --devices "$DEVICES" --interfaces "$IFACES" --cycles "$CYCLES" \
  --interval "$INTERVAL" --write "$WRITE_RESULTS" --results-md "$HERE/RESULTS.md" --latest-json "$HERE/results/latest.json" \
  --runs-copy "$HERE/results/fleet-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
exit
}

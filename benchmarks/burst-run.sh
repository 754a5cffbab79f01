#!/usr/bin/env bash
# Burst capacity run: the real Daemon polls a whole simulated fleet at once, cycle
# after cycle (BurstRun); the agents are the project's simulator in another process.
#
#   benchmarks/burst-run.sh [--devices 10000] [--cycles 3] [--pace 20] [--write-behind 5m] [--recording FILE] [--max-map-count N]
#
# Default fleet: 10,000 devices x 9 interfaces (truenas.snmprec: a net-snmp agent) = 100 varbinds
# per device, 1,000,000 series. RRD files use BurstRun.benchLayout (the stock archives with short
# spans); the stock layout's size per file is reported next to it. Needs ~6 GB of disk in
# /var/tmp. --write-behind is the daemon's
# rrd.write_behind (5m, rrdcached's default write timeout; 0s writes every row at once).
set -euo pipefail
# one block, parsed before it runs: editing the file during a run is safe
{
DEVICES=10000 CYCLES=3 PACE=20 RECORDING="" MAP_COUNT=262144 WRITE_BEHIND=5m
CMDLINE="benchmarks/burst-run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --devices) DEVICES=$2; shift 2 ;;
    --cycles) CYCLES=$2; shift 2 ;;
    --pace) PACE=$2; shift 2 ;;
    --write-behind) WRITE_BEHIND=$2; shift 2 ;;
    --recording) RECORDING=$2; shift 2 ;;
    --max-map-count) MAP_COUNT=$2; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "burst-run: unknown option '$1'" >&2; exit 64 ;;
  esac
done
HERE=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
ROOT=$(dirname "$HERE")
if [ -z "$RECORDING" ]; then
  d=$ROOT
  while [ "$d" != / ] && [ ! -d "$d/shared/snmpdata" ] && [ ! -d "$d/../shared/snmpdata" ]; do d=$(dirname "$d"); done
  RECORDING=$( [ -d "$d/shared/snmpdata" ] && echo "$d/shared/snmpdata" || echo "$d/../shared/snmpdata")/recordings/truenas.snmprec
fi
[ -f "$RECORDING" ] || { echo "burst-run: recording $RECORDING not found (--recording FILE)" >&2; exit 66; }
RECORDING=$(readlink -f "$RECORDING")
# varbinds per device with metrics [interfaces]: sysUpTime.0 + 11 columns per interface
IFACES=$(grep -c '^1\.3\.6\.1\.2\.1\.2\.2\.1\.2\.' "$RECORDING")
VB=$(( 11 * IFACES + 1 ))
JAR="$ROOT/app/target/mibwatch-app.jar" LIB="$ROOT/app/target/lib" BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  (cd "$ROOT" && mvn -B -q -o -Pbenchmarks -DskipTests package -pl app,benchmarks -am) >&2
fi
# An open RRD file is a mapping and no file descriptor (the store closes it after mapping), so
# the descriptor limit does not bound the files kept open; vm.max_map_count does (below).
WORK=$(mktemp -d /var/tmp/mibwatch-burst.XXXXXX)
SIM_PID=""
# Every open RRD file is one memory mapping; the daemon keeps as many open as vm.max_map_count
# allows (minus the JVM's own). 90,000 interface files need more than the default 65530, so the
# run raises it (root only; 0 = leave it) and puts the old value back at the end.
OLD_MAP_COUNT=$(cat /proc/sys/vm/max_map_count)
if [ "$MAP_COUNT" != 0 ] && [ "$(id -u)" = 0 ] && [ "$MAP_COUNT" -gt "$OLD_MAP_COUNT" ]; then
  sysctl -qw vm.max_map_count="$MAP_COUNT"
fi
cleanup() {
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null
  [ "$(cat /proc/sys/vm/max_map_count)" != "$OLD_MAP_COUNT" ] && sysctl -qw vm.max_map_count="$OLD_MAP_COUNT"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$WORK/devices"
# only what a poller of the interfaces group reads (system, interfaces, ifMIB): the simulator
# holds each device's values, and 10,000 copies of a whole walk do not fit its heap
grep -E '^1\.3\.6\.1\.2\.1\.(1|2|31)\.' "$RECORDING" > "$WORK/device.snmprec"
python3 -c 'import os, sys
for d in range(1, int(sys.argv[2]) + 1):
    os.symlink("../device.snmprec", os.path.join(sys.argv[1], "dev%05d.snmprec" % d))' "$WORK/devices" "$DEVICES"
java -Xmx3g -XX:+UseSerialGC -cp "$JAR:$LIB/*" io.mibwatch.app.Main simulate --data "$WORK/devices" \
  --listen 127.0.0.1:22000 --io-threads 1 > "$WORK/sim.log" 2>&1 &
SIM_PID=$!
until grep -q "device(s), started" "$WORK/sim.log"; do
  kill -0 "$SIM_PID" 2>/dev/null || { echo "burst-run: simulator failed: $(tail -3 "$WORK/sim.log")" >&2; exit 1; }
  sleep 0.5
done
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "burst-run: $DEVICES devices x $IFACES interfaces ($VB varbinds each) on 127.0.0.1:22000..; load $LOAD_BEFORE; vm.max_map_count $(cat /proc/sys/vm/max_map_count)" >&2
# shellcheck disable=SC2086
java ${BURST_JAVA_OPTS:--XX:+UseSerialGC -Xms1g -Xmx8g} -cp "$BENCH_JAR" io.mibwatch.benchmarks.fleet.BurstRun \
  "$DEVICES" 22000 "$CYCLES" "$PACE" "$VB" "$WORK/data" "$WRITE_BEHIND" 2> "$WORK/burst.err" | tee "$WORK/burst.jsonl" \
  || { echo "burst-run: BurstRun failed; the end of its log:" >&2; tail -40 "$WORK/burst.err" >&2; exit 1; }
DISK=$(du -sb "$WORK/data/rrd" | cut -f1)
FILES=$(find "$WORK/data/rrd" -name '*.rrd' | wc -l)
mkdir -p "$HERE/results"
python3 - "$WORK/burst.jsonl" "$HERE/results/burst-latest.json" "$START" "$CMDLINE" "$LOAD_BEFORE -> $(cut -d' ' -f1-3 /proc/loadavg)" "$DISK" "$FILES" "$WRITE_BEHIND" <<'PY'
import json, os, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
timed = [r for r in rows if "cycle" in r and not r["discovery"]]
summary = next(r for r in rows if r.get("summary"))
span = next((r for r in rows if r.get("span")), {})
# With write-behind, a file's first batch is its phase (1..n rows, n = write_behind / 60 s), so
# the first n cycles write fewer rows than the steady state; the medians use the later cycles
# (all of them if there are none).
wb = sys.argv[8]
unit = {"s": 1, "m": 60, "h": 3600}
n = int(wb[:-1]) * unit[wb[-1]] // 60 if wb[-1] in unit and wb[:-1].isdigit() else 0
cycles = [r for r in timed if r["cycle"] > n] or timed
out = {
    "date": sys.argv[3], "command": sys.argv[4], "load_average": sys.argv[5], "cores": os.cpu_count(),
    "devices": summary["devices"], "series": summary["series"], "write_behind": wb,
    "steady_cycles": [r["cycle"] for r in cycles],
    "varbinds_per_s_median": statistics.median(r["varbinds_per_s"] for r in cycles),
    "wall_ms_median": statistics.median(r["wall_ms"] for r in cycles),
    "us_cpu_per_varbind_median": statistics.median(r["us_cpu_per_varbind"] for r in cycles),
    "user_ms_median": statistics.median(r.get("user_ms", -1) for r in cycles),
    "sys_ms_median": statistics.median(r.get("sys_ms", -1) for r in cycles),
    "us_cpu_per_varbind_span": span.get("us_cpu_per_varbind"),
    "failed_or_skipped": sum(r["devices_failed"] + r["skipped"] for r in timed),
    "heap_bytes_per_series": summary["heap_bytes_per_series"],
    "rrd_files": int(sys.argv[7]), "rrd_bytes_on_disk": int(sys.argv[6]),
    "bench_layout_file_bytes": summary["bench_layout_file_bytes"],
    "stock_layout_file_bytes": summary["stock_layout_file_bytes"],
    "stock_layout_bytes_per_series": round(summary["stock_layout_file_bytes"] / summary["data_sources_per_interface_file"]),
    "cycles": rows,
}
json.dump(out, open(sys.argv[2], "w"), indent=2)
# a dated copy stays next to it, so older runs are kept
json.dump(out, open(os.path.join(os.path.dirname(sys.argv[2]), "burst-" + sys.argv[3].replace("-", "").replace(":", "") + ".json"), "w"), indent=2)
print(json.dumps({k: v for k, v in out.items() if k != "cycles"}, indent=2))
PY
exit
}

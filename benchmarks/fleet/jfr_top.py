#!/usr/bin/env python3
"""Where the CPU went, from a JFR recording: execution samples grouped by the top frame and by
the first frame in mibwatch's own code (the caller that decided to do the work).

    python3 benchmarks/fleet/jfr_top.py recording.jfr [N]

Record the daemon with MW_JAVA_OPTS="... -XX:StartFlightRecording=filename=x.jfr,settings=profile".
"""
import collections
import json
import subprocess
import sys


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    top = collections.Counter()
    own = collections.Counter()
    incl = collections.Counter()
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
        if not names:
            continue
        top[names[0]] += 1
        first_own = next((x for x in names if x.startswith("io.mibwatch")), "(no mibwatch frame)")
        own[first_own] += 1
        for x in set(names):
            if x.startswith("io.mibwatch") or x.startswith("org.rrd4j") or x.startswith("org.snmp4j"):
                incl[x] += 1
    total = sum(top.values())
    print(f"{total} execution samples")
    for title, c in [("top frame", top), ("first mibwatch frame", own), ("inclusive (mibwatch, rrd4j, snmp4j)", incl)]:
        print(f"\n== {title}")
        for k, v in c.most_common(n):
            print(f"{100.0 * v / total:6.1f}%  {k}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Summarises a fleet run (one JSON line per poller run) into benchmarks/RESULTS.md (the new
section on top, older results kept below) and benchmarks/results/latest.json.

Medians over the rounds of each (agent, poller); ratios are taken between medians of the same
run and the same agent, so machine drift that the A B C alternation cancels stays cancelled.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess

POLLERS = ["mibwatch", "collectd", "snmp_exporter"]
MARK = "<!-- fleet runs: newest first; fleet-run.sh inserts below this line -->"


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def machine():
    cores = os.cpu_count()
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"cores": cores, "memory_gib": round(mem_kb / 1024 / 1024, 1), "cpu": model,
            "kernel": platform.release(), "java": java[0] if java else "?"}


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, float) and x.is_integer() and digits != 2:
        return f"{int(x):,}"
    if isinstance(x, float) and x.is_integer() and abs(x) >= 1000:
        return f"{int(x):,}"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}"


def main():
    ap = argparse.ArgumentParser()
    for a in ["runs", "cmdline", "start", "load", "devices", "interfaces", "cycles", "interval", "write",
              "results-md", "latest-json", "runs-copy"]:
        ap.add_argument("--" + a, required=True)
    args = ap.parse_args()
    runs = [json.loads(line) for line in open(args.runs) if line.strip()]
    m = machine()
    agents = list(dict.fromkeys(r["agent"] for r in runs))
    summary = {}
    for agent in agents:
        per = {}
        for p in POLLERS:
            rs = [r for r in runs if r["agent"] == agent and r["poller"] == p]
            if not rs:
                continue
            e = {
                "runs": len(rs),
                "us_per_varbind": median([r["us_per_varbind"] for r in rs]),
                "us_per_varbind_all": [r["us_per_varbind"] for r in rs],
                "peak_rss_mib": median([r["extra"].get("peak_rss_kb", 0) / 1024 for r in rs]),
                "window_s": median([r["window_ms"] / 1000 for r in rs]),
                "varbinds_per_cycle": rs[0]["varbinds_per_cycle"],
                "checks": [r["check"] for r in rs],
            }
            e["varbinds_per_s"] = e["varbinds_per_cycle"] * rs[0]["cycles"] / e["window_s"]
            if p == "snmp_exporter":
                e["scrape_wall_ms"] = median([r["extra"].get("scrape_wall_ms_median") for r in rs])
            if p == "mibwatch":
                # RrdGapCheck counts the series that hold values; the script's estimate otherwise
                series = median([r["check"].get("series") or r["extra"].get("series") for r in rs])
                heap = median([r["extra"].get("heap_used_bytes") for r in rs])
                e["series"] = series
                e["heap_used_bytes"] = heap
                e["heap_bytes_per_series"] = round(heap / series) if series else None
                files = median([r["extra"].get("rrd_files") for r in rs])
                e["rrd_files"] = files
                e["rrd_updates_per_s"] = round(files / float(args.interval), 1) if files else None
                lat = [r["extra"].get("alert_latency_ms") for r in rs if r["extra"].get("alert_latency_ms") is not None]
                e["alert_latency_ms"] = median(lat)
            per[p] = e
        mw = per.get("mibwatch", {}).get("us_per_varbind")
        for other in ["collectd", "snmp_exporter"]:
            o = per.get(other, {}).get("us_per_varbind")
            per.setdefault("ratios", {})["mibwatch/" + other] = round(mw / o, 3) if mw and o else None
        summary[agent] = per

    # the burst run (benchmarks/burst-run.sh) measures capacity and heap at scale; its latest
    # result is reported beside the fleet run's (with its own date and command)
    burst_path = os.path.join(os.path.dirname(args.latest_json), "burst-latest.json")
    burst = json.load(open(burst_path)) if os.path.exists(burst_path) else None
    main_agent = "snmpd" if "snmpd" in summary else agents[0]
    s = summary[main_agent]
    latest = {
        "date": args.start,
        "command": args.cmdline,
        "machine": m,
        "load_average": args.load,
        "devices": int(args.devices), "interfaces": int(args.interfaces), "cycles": int(args.cycles),
        "interval_s": int(args.interval),
        "agent": main_agent,
        "us_per_varbind": {p: round(s[p]["us_per_varbind"], 2) for p in POLLERS if p in s},
        "ratio_vs_collectd": s["ratios"].get("mibwatch/collectd"),
        "ratio_vs_snmp_exporter": s["ratios"].get("mibwatch/snmp_exporter"),
        # capacity: the burst run's full-fleet cycle if there is one, else the fleet run's offered rate
        "varbinds_per_s": burst["varbinds_per_s_median"] if burst else s.get("mibwatch", {}).get("varbinds_per_s"),
        "heap_bytes_per_series": burst["heap_bytes_per_series"] if burst else s.get("mibwatch", {}).get("heap_bytes_per_series"),
        "fleet_heap_bytes_per_series": s.get("mibwatch", {}).get("heap_bytes_per_series"),
        "burst": {k: v for k, v in burst.items() if k != "cycles"} if burst else None,
        "alert_latency_ms": s.get("mibwatch", {}).get("alert_latency_ms"),
        "by_agent": summary,
    }

    lines = [f"## Fleet run {args.start}", "",
             "```", args.cmdline, "```", "",
             f"{m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, {m['java']}, kernel {m['kernel']}; "
             f"load average {args.load} (before -> after). {args.devices} devices x {args.interfaces} interfaces, "
             f"{int(args.interfaces) * 11 + 1} varbinds per device and cycle, interval {args.interval} s, "
             f"{args.cycles} measured cycles per poller run; medians over the rounds.", ""]
    for agent in agents:
        per = summary[agent]
        lines += [f"Agent: **{agent}**", "",
                  "| poller | CPU us/varbind (median) | all rounds | ratio mibwatch/x | varbinds/s (offered) | peak RSS MiB | correctness |",
                  "|---|---:|---|---:|---:|---:|---|"]
        for p in POLLERS:
            if p not in per:
                continue
            e = per[p]
            ratio = "1" if p == "mibwatch" else fmt(per["ratios"].get("mibwatch/" + p), 3)
            lines.append(f"| {p} | {fmt(e['us_per_varbind'])} | {', '.join(fmt(x) for x in e['us_per_varbind_all'])} | "
                         f"{ratio} | {fmt(round(e['varbinds_per_s']))} | {fmt(e['peak_rss_mib'], 0)} | "
                         f"{'; '.join(json.dumps(c, separators=(',', ':')) for c in e['checks'])} |")
        if "mibwatch" in per:
            e = per["mibwatch"]
            lines += ["", f"mibwatch: {fmt(e['series'])} series, heap used after full GC {fmt(e['heap_used_bytes'])} bytes = "
                          f"{fmt(e['heap_bytes_per_series'])} bytes/series (whole heap, all fixed costs included), "
                          f"{fmt(e['rrd_files'])} RRD files = {fmt(e['rrd_updates_per_s'])} RRD updates/s, "
                          + (f"breach-to-alert {fmt(e.get('alert_latency_ms'))} ms." if e.get('alert_latency_ms') is not None
                       else "breach-to-alert measured in the snmpd runs only.")]
        if "snmp_exporter" in per:
            lines += [f"snmp_exporter: median wall time of one scrape cycle of all targets (4 in parallel): "
                      f"{fmt(per['snmp_exporter'].get('scrape_wall_ms'))} ms."]
        lines.append("")

    if burst:
        lines += ["Burst run (`benchmarks/burst-run.sh`, its latest result, " + burst["date"] + ", load " + burst["load_average"] + "): "
                  f"`{burst['command']}`: {fmt(burst['devices'])} devices, {fmt(burst['series'])} series; a full cycle "
                  f"{fmt(burst['wall_ms_median'], 0)} ms wall = {fmt(round(burst['varbinds_per_s_median']))} varbinds/s, "
                  f"{fmt(burst['us_cpu_per_varbind_median'])} us CPU per varbind (process, median of the timed cycles), "
                  f"{fmt(burst['failed_or_skipped'])} device cycles failed or skipped; heap {fmt(burst['heap_bytes_per_series'])} "
                  f"bytes per series; RRD {fmt(burst['rrd_files'])} files, {fmt(burst['rrd_bytes_on_disk'])} bytes in the bench layout; "
                  f"stock layout {fmt(burst['stock_layout_file_bytes'])} bytes per interface file = "
                  f"{fmt(burst['stock_layout_bytes_per_series'])} bytes per series.", ""]
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(os.path.dirname(args.runs_copy), exist_ok=True)
    if args.write == "1":
        with open(args.runs_copy, "w") as f:
            f.write(open(args.runs).read())
        with open(args.latest_json, "w") as f:
            json.dump(latest, f, indent=2)
            f.write("\n")
        old = open(args.results_md).read() if os.path.exists(args.results_md) else ""
        if MARK in old:
            head, tail = old.split(MARK, 1)
            new = head + MARK + "\n\n" + text + tail.lstrip("\n")
        else:
            new = ("# Benchmark results\n\nWritten by `benchmarks/fleet-run.sh`; docs/benchmarks.md explains the set-up.\n\n"
                   + MARK + "\n\n" + text + ("\n" + old if old else ""))
        with open(args.results_md, "w") as f:
            f.write(new)


if __name__ == "__main__":
    main()

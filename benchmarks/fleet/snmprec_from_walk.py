#!/usr/bin/env python3
"""Turns `snmpbulkwalk -On -Oe -Ox` output (stdin) into an .snmprec recording (stdout).

The fleet run records one device of its net-snmp agent this way, so the simulator run serves
the same MIB view (same interfaces, same columns) as snmpd did. snmprec line format:
OID|TYPE|VALUE with the BER tag numbers of RFC 2578 / RFC 3416 as TYPE (2 INTEGER, 4 OCTET
STRING, '4x' = hex-encoded OCTET STRING, 6 OID, 64 IpAddress, 65 Counter32, 66 Gauge32,
67 TimeTicks, 70 Counter64).
"""
import re
import sys

TYPES = {"INTEGER": "2", "OID": "6", "IpAddress": "64", "Counter32": "65", "Gauge32": "66",
         "Timeticks": "67", "Counter64": "70"}

def main():
    rows = []
    current = None
    for raw in sys.stdin:
        line = raw.rstrip("\n")
        m = re.match(r"^\.?([0-9.]+) = (.*)$", line)
        if not m:
            # continuation of a long Hex-STRING
            if current is not None and current[1] == "4x":
                current[2] += line.replace(" ", "")
            continue
        oid, rest = m.groups()
        if rest.startswith('""'):
            current = [oid, "4", ""]
        elif rest.startswith("Hex-STRING: "):
            current = [oid, "4x", rest[len("Hex-STRING: "):].replace(" ", "")]
        elif rest.startswith("STRING: "):
            current = [oid, "4", rest[len("STRING: "):].strip('"')]
        elif ": " in rest:
            kind, value = rest.split(": ", 1)
            if kind not in TYPES:
                continue  # No Such Object etc.
            if kind == "Timeticks":
                value = value.split(")")[0].lstrip("(")  # "(12766) 0:02:07.66"
            if kind == "OID":
                value = value.lstrip(".")
            current = [oid, TYPES[kind], value.strip()]
        else:
            continue
        rows.append(current)
    for oid, kind, value in rows:
        print(f"{oid}|{kind}|{value.lower() if kind == '4x' else value}")

if __name__ == "__main__":
    main()

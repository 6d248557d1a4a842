#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Total lag of a Kafka consumer `group` via kafka-consumer-groups(.sh); unknown when the tools are absent."""
import shutil
from checklib import parameters, report, level, run, UNKNOWN

p = parameters()
tool = next((t for t in ("kafka-consumer-groups", "kafka-consumer-groups.sh") if shutil.which(t)), None)
if tool is None or not p.get("group"):
    report(UNKNOWN, "kafka-consumer-groups is not installed" if tool is None else "parameter group is required")
out = run([tool, "--bootstrap-server", p.get("bootstrap", "127.0.0.1:9092"), "--describe", "--group", p["group"]],
          timeout=30)
if out is None:
    report(UNKNOWN, f"cannot describe consumer group {p['group']}")
lag = 0
for line in out.splitlines():
    fields = line.split()
    if len(fields) >= 6 and fields[5].isdigit():
        lag += int(fields[5])
report(level(lag, p.get("warning", 1000), p.get("critical", 10000)), f"group {p['group']} lags {lag} messages",
       group=p["group"], lag=lag)

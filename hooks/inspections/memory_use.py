#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Memory in use (MemTotal - MemAvailable), percent."""
from checklib import parameters, report, level

p = parameters()
info = {}
with open("/proc/meminfo", encoding="utf-8") as meminfo:
    for line in meminfo:
        key, value = line.split(":", 1)
        info[key] = int(value.split()[0])
used = 100.0 * (info["MemTotal"] - info["MemAvailable"]) / info["MemTotal"]
report(level(used, p.get("warning", 85), p.get("critical", 95)), f"memory {used:.1f}% used",
       usedPercent=round(used, 1), availableKiB=info["MemAvailable"])

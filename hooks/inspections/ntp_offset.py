#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Clock offset from chronyc tracking, or synchronisation from timedatectl; unknown without either."""
import re
from checklib import parameters, report, level, run, CRITICAL, OK, UNKNOWN

p = parameters()
tracking = run(["chronyc", "tracking"])
if tracking:
    match = re.search(r"System time\s*:\s*([\d.]+) seconds (fast|slow)", tracking)
    if match:
        offset_ms = float(match.group(1)) * 1000
        report(level(offset_ms, p.get("warning_ms", 100), p.get("critical_ms", 500)),
               f"clock offset {offset_ms:.1f} ms ({match.group(2)})", offsetMs=round(offset_ms, 3), source="chronyc")
status = run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"])
if status is not None:
    synced = status.strip() == "yes"
    report(OK if synced else CRITICAL, "clock synchronised" if synced else "clock not synchronised",
           synchronised=synced, source="timedatectl")
report(UNKNOWN, "neither chronyc nor timedatectl is available")

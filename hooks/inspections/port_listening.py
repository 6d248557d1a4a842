#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Something listens on TCP `port` (read from /proc/net/tcp and tcp6)."""
from checklib import parameters, report, CRITICAL, OK, UNKNOWN

p = parameters()
try:
    port = int(p["port"])
except (KeyError, ValueError):
    report(UNKNOWN, "parameter port is required")
listening = False
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        with open(table, encoding="ascii") as lines:
            next(lines)
            for line in lines:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    listening = True
    except OSError:
        pass
report(OK if listening else CRITICAL, f"port {port} is {'' if listening else 'not '}listening", port=port,
       listening=listening)

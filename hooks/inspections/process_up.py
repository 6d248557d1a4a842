#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""At least `minimum` (default 1) processes whose command name is `name`."""
import os
from checklib import parameters, report, CRITICAL, OK, UNKNOWN

p = parameters()
name = p.get("name")
if not name:
    report(UNKNOWN, "parameter name is required")
count = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8") as comm:
            count += comm.read().strip() == name
    except OSError:
        pass
minimum = int(p.get("minimum", 1))
report(OK if count >= minimum else CRITICAL, f"{count} {name} process(es) running, {minimum} needed", name=name,
       processes=count)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Minutes since the newest file matching `path` (a glob) changed: backup freshness."""
import glob
import os
import time
from checklib import parameters, report, level, CRITICAL

p = parameters()
files = glob.glob(p.get("path", ""))
if not files:
    report(CRITICAL, f"no file matches {p.get('path', '')}", path=p.get("path", ""))
newest = max(files, key=os.path.getmtime)
minutes = (time.time() - os.path.getmtime(newest)) / 60
report(level(minutes, p.get("warning_minutes", 1500), p.get("critical_minutes", 2880)),
       f"{newest} is {minutes:.0f} min old", file=newest, ageMinutes=round(minutes, 1))

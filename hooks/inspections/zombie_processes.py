#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Zombie processes on the host."""
import os
from checklib import parameters, report, level

p = parameters()
zombies = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            zombies += stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        pass
report(level(zombies, p.get("warning", 5), p.get("critical", 20)), f"{zombies} zombie processes", zombies=zombies)

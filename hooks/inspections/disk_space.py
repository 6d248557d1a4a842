#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Used space of the file system holding `path`, percent, against warning/critical."""
from checklib import parameters, report, level, filesystem

p = parameters()
path = p.get("path", "/")
st = filesystem(path)
total = st.f_blocks * st.f_frsize
avail = st.f_bavail * st.f_frsize
used = 100.0 * (total - avail) / total if total else 0.0
code = level(used, p.get("warning", 80), p.get("critical", 90))
report(code, f"{path} is {used:.1f}% full ({avail // 2**20} MiB free)", path=path, usedPercent=round(used, 1),
       freeBytes=avail)

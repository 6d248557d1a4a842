#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Used inodes of the file system holding `path`, percent."""
from checklib import parameters, report, level, filesystem, OK

p = parameters()
path = p.get("path", "/")
st = filesystem(path)
if st.f_files == 0:
    report(OK, f"{path} has no inode limit", path=path)
used = 100.0 * (st.f_files - st.f_favail) / st.f_files
report(level(used, p.get("warning", 80), p.get("critical", 90)), f"{path} uses {used:.1f}% of its inodes",
       path=path, inodesUsedPercent=round(used, 1))

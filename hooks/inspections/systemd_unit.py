#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A systemd unit is active."""
import shutil
import subprocess
from checklib import parameters, report, CRITICAL, OK, UNKNOWN

p = parameters()
unit = p.get("unit")
if not unit or shutil.which("systemctl") is None:
    report(UNKNOWN, "parameter unit is required" if not unit else "systemctl is not available")
state = subprocess.run(["systemctl", "is-active", unit], capture_output=True, text=True, timeout=10,
                       check=False).stdout.strip()
report(OK if state == "active" else CRITICAL, f"{unit} is {state or 'unknown'}", unit=unit, state=state)

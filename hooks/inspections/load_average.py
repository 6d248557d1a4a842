#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""5-minute load average per CPU."""
import os
from checklib import parameters, report, level

p = parameters()
load1, load5, load15 = os.getloadavg()
cpus = os.cpu_count() or 1
per_cpu = load5 / cpus
report(level(per_cpu, p.get("warning", 1.5), p.get("critical", 3.0)), f"load {load5:.2f} on {cpus} CPUs",
       load1=load1, load5=load5, load15=load15, cpus=cpus, perCpu=round(per_cpu, 2))

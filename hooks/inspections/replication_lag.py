#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PostgreSQL replication lag in seconds, asked on the standby with psql; unknown without psql."""
from checklib import parameters, report, level, run, CRITICAL, UNKNOWN

p = parameters()
query = ("SELECT CASE WHEN pg_is_in_recovery() THEN COALESCE(EXTRACT(EPOCH FROM now() - "
         "pg_last_xact_replay_timestamp()), 0) ELSE -1 END")
arguments = ["psql", "-XAtq", "-c", query]
for flag, key in (("-h", "host"), ("-p", "port"), ("-U", "user"), ("-d", "database")):
    if p.get(key):
        arguments += [flag, str(p[key])]
out = run(arguments)
if out is None:
    report(UNKNOWN, "psql is missing or could not ask the server")
lag = float(out.strip() or -1)
if lag < 0:
    report(CRITICAL, "the server is not a standby (not in recovery)", lagSeconds=None)
report(level(lag, p.get("warning_seconds", 30), p.get("critical_seconds", 120)), f"replication lag {lag:.1f} s",
       lagSeconds=round(lag, 3))

# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the starter inspection checks (docs/inspections.md, "Starter library").

A check reads its parameters as JSON on stdin (also in HAVEN_PARAM_<NAME>), prints one summary
line and one JSON evidence line, and exits with the Nagios code: 0 ok, 1 warning, 2 critical,
3 unknown.
"""
import json
import os
import shutil
import subprocess
import sys

OK, WARNING, CRITICAL, UNKNOWN = 0, 1, 2, 3
NAMES = {OK: "OK", WARNING: "WARNING", CRITICAL: "CRITICAL", UNKNOWN: "UNKNOWN"}


def parameters():
    text = sys.stdin.read() if not sys.stdin.isatty() else ""
    try:
        value = json.loads(text) if text.strip() else {}
    except ValueError:
        report(UNKNOWN, "the parameters on stdin are not JSON")
    return value if isinstance(value, dict) else {}


def report(code, summary, **evidence):
    print(f"{NAMES[code]} - {summary}")
    print(json.dumps(evidence, sort_keys=True))
    sys.exit(code)


def filesystem(path):
    """os.statvfs of path; an unknown status when it cannot be read."""
    try:
        return os.statvfs(path)
    except OSError as error:
        report(UNKNOWN, f"cannot read {path}: {error.strerror}", path=path)
        raise  # not reached: report() exits


def level(value, warning, critical, higher_is_worse=True):
    """The code for a measured value against its thresholds."""
    if higher_is_worse:
        return CRITICAL if value >= critical else WARNING if value >= warning else OK
    return CRITICAL if value <= critical else WARNING if value <= warning else OK


def run(arguments, timeout=20):
    """stdout of a tool, or None when it is missing or fails."""
    if shutil.which(arguments[0]) is None:
        return None
    try:
        done = subprocess.run(arguments, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the two-site loopback lab in DIR: start-lab.sh DIR [--agent PATH]
exec python3 "$(dirname "$0")/lab.py" start "$@"

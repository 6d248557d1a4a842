#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Stops the lab started in DIR: stop-lab.sh DIR
exec python3 "$(dirname "$0")/lab.py" stop "$@"

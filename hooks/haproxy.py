#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""HAProxy hook: cuts and restores this site's traffic for a product group by draining or
readying the site's servers in a backend through HAProxy's runtime API (the stats socket).

    haproxy.py cut|restore --config SITE.json      (parameters as JSON on stdin)

The "haproxy" section of SITE.json: {"socket": PATH, "timeoutSeconds": 5,
"groups": {"retail": {"backend": "retail", "servers": ["site-a"]}}}."""

import csv
import io
import os
import socket
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import havenhook as h  # noqa: E402


def runtime_api(config, command):
    """Sends one command on the stats socket and returns HAProxy's answer."""
    path = config["socket"]
    if not os.path.exists(path):
        h.fail(h.UNREACHABLE, f"HAProxy runtime API socket {path} does not exist: is HAProxy running with "
                              "\"stats socket ... level admin\"?")
    timeout = config.get("timeoutSeconds", 5)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(path)
            s.sendall(command.encode() + b"\n")
            chunks = []
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
    except socket.timeout:
        h.fail(h.UNREACHABLE, f"HAProxy runtime API {path}: no answer to \"{command}\" within {timeout} s")
    except OSError as e:
        h.fail(h.UNREACHABLE, f"HAProxy runtime API {path}: {e.strerror or e}")
    return b"".join(chunks).decode(errors="replace").strip()


def show_stat(config):
    """Rows of `show stat` as dicts (pxname, svname, status, scur, weight, ...)."""
    text = runtime_api(config, "show stat")
    if not text.startswith("# "):
        h.fail(h.REFUSED, f"HAProxy answered \"show stat\" with: {text[:200]}")
    return list(csv.DictReader(io.StringIO(text[2:])))


def group_config(config, parameters):
    group = parameters["productGroup"]
    groups = config.get("groups", {})
    if group not in groups:
        h.fail(h.BAD_PARAMETER, f"parameter productGroup: no HAProxy backend for \"{group}\" at this site "
                                f"(configured: {', '.join(sorted(groups)) or 'none'})")
    return groups[group]["backend"], groups[group]["servers"]


def server_rows(config, backend, servers):
    rows = {row["svname"]: row for row in show_stat(config) if row["pxname"] == backend}
    if not rows:
        h.fail(h.REFUSED, f"HAProxy has no backend \"{backend}\"")
    missing = [s for s in servers if s not in rows]
    if missing:
        h.fail(h.REFUSED, f"backend {backend} has no server {', '.join(missing)}")
    return {s: rows[s] for s in servers}


def set_state(config, backend, server, state):
    answer = runtime_api(config, f"set server {backend}/{server} state {state}")
    if answer:  # HAProxy says nothing when a set command works
        h.fail(h.REFUSED, f"set server {backend}/{server} state {state}: HAProxy answered: {answer}")


def cut(config_path):
    config = h.load_config(config_path, "haproxy")
    parameters = h.read_parameters({
        "_required": ["productGroup"],
        "productGroup": {"type": "string"},
        "mode": {"type": "string", "enum": ["drain", "maint"], "default": "drain"},
        "drainSeconds": {"type": "integer", "minimum": 0, "maximum": 600, "default": 0},
    })
    backend, servers = group_config(config, parameters)
    record = h.Idempotency("traffic.cut", parameters)
    if record.already_done():
        return
    wanted = "DRAIN" if parameters["mode"] == "drain" else "MAINT"
    for server, row in server_rows(config, backend, servers).items():
        if row["status"].startswith(wanted):
            h.log(f"{backend}/{server} is already {wanted}; nothing to change")
            continue
        h.log(f"{backend}/{server}: {row['status']}, {row['scur']} sessions -> {parameters['mode']}")
        set_state(config, backend, server, parameters["mode"])
    deadline = time.monotonic() + parameters["drainSeconds"]
    while True:
        rows = server_rows(config, backend, servers)
        sessions = sum(int(row["scur"] or 0) for row in rows.values())
        if sessions == 0 or time.monotonic() >= deadline:
            break
        time.sleep(0.5)
    if sessions:
        h.log(f"{sessions} sessions still open after {parameters['drainSeconds']} s; they end on their own")
    summary = f"{', '.join(servers)} in {backend} set to {parameters['mode']}, {sessions} sessions left"
    h.log(f"traffic cut: {summary}")
    record.record(summary)


def restore(config_path):
    config = h.load_config(config_path, "haproxy")
    parameters = h.read_parameters({
        "_required": ["productGroup"],
        "productGroup": {"type": "string"},
        "weight": {"type": "integer", "minimum": 0, "maximum": 256},
        "upSeconds": {"type": "integer", "minimum": 0, "maximum": 600, "default": 15},
    })
    backend, servers = group_config(config, parameters)
    record = h.Idempotency("traffic.restore", parameters)
    if record.already_done():
        return
    for server, row in server_rows(config, backend, servers).items():
        h.log(f"{backend}/{server}: {row['status']} -> ready")
        set_state(config, backend, server, "ready")
        if parameters["weight"] is not None:
            answer = runtime_api(config, f"set weight {backend}/{server} {parameters['weight']}")
            if answer:
                h.fail(h.REFUSED, f"set weight {backend}/{server}: HAProxy answered: {answer}")
    # A server restarted just before needs a few health checks (HAProxy's "rise") to count as UP.
    deadline = time.monotonic() + parameters["upSeconds"]
    while True:
        rows = server_rows(config, backend, servers)
        down = [f"{s} ({row['status']})" for s, row in rows.items() if not row["status"].startswith("UP")
                and row["status"] != "no check"]
        if not down:
            break
        if time.monotonic() > deadline:
            h.fail(h.REFUSED, f"ready, but HAProxy's health check does not pass for {', '.join(down)} after "
                              f"{parameters['upSeconds']} s: the site's application does not answer")
        time.sleep(0.3)
    summary = f"{', '.join(servers)} in {backend} ready" + (
        f" with weight {parameters['weight']}" if parameters["weight"] is not None else "")
    h.log(f"traffic restored: {summary}")
    record.record(summary)


def serving(row):
    return row["status"].startswith("UP") or row["status"] == "no check"


def report(config):
    """For the topology hook: components per configured server and this site's traffic share."""
    components, traffic = [], {}
    rows = show_stat(config)
    for group, spec in config.get("groups", {}).items():
        backend = [r for r in rows if r["pxname"] == spec["backend"] and r["svname"] not in ("FRONTEND", "BACKEND")]
        total = sum(int(r["weight"] or 0) for r in backend if serving(r))
        ours = sum(int(r["weight"] or 0) for r in backend if serving(r) and r["svname"] in spec["servers"])
        traffic[group] = round(100.0 * ours / total, 1) if total else 0.0
        for r in backend:
            if r["svname"] not in spec["servers"]:
                continue
            status = "ok" if serving(r) else "warning" if r["status"].startswith(("DRAIN", "MAINT")) else "down"
            components.append({
                "id": f"lb-{spec['backend']}-{r['svname']}", "name": f"HAProxy {spec['backend']}/{r['svname']}",
                "layer": "business", "kind": "haproxy", "productGroup": group, "status": status,
                "metrics": {"sessions": int(r["scur"] or 0), "weight": int(r["weight"] or 0),
                            "serving": 1 if serving(r) else 0},
                "alerts": [] if status == "ok" else [{"id": "lb-state", "severity": "warning",
                                                      "message": f"HAProxy state {r['status']}"}]})
    return components, traffic


if __name__ == "__main__":
    sys.exit(h.main({"cut": cut, "restore": restore}))

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Application group hook: starts, stops and restarts a product group's processes in dependency
order, each checked by its HTTP health URL. Without systemd each process runs under a small
supervisor (this script's "supervise") that restarts it when it dies; with "unit" set, systemctl
does the work instead.

    appgroup.py start|stop|restart --config SITE.json     (parameters on stdin)

The "apps" section of SITE.json: {"stateDir": PATH, "groups": {"retail": [
  {"name": "api", "command": [...], "health": "http://127.0.0.1:8081/health", "after": []},
  {"name": "web", "command": [...], "health": "...", "after": ["api"]},
  {"name": "batch", "unit": "orders-batch.service", "health": "..."}]}}"""

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import havenhook as h  # noqa: E402

PARAMETERS = {"_required": ["productGroup"], "productGroup": {"type": "string"},
              "healthSeconds": {"type": "integer", "minimum": 1, "maximum": 600, "default": 30}}


def ordered(config, group):
    """The group's processes, each after those it depends on."""
    processes = config.get("groups", {}).get(group)
    if processes is None:
        h.fail(h.BAD_PARAMETER, f"parameter productGroup: no application group \"{group}\" at this site "
                                f"(configured: {', '.join(sorted(config.get('groups', {}))) or 'none'})")
    by_name = {p["name"]: p for p in processes}
    result, visiting = [], set()

    def visit(process):
        if process in result:
            return
        if process["name"] in visiting:
            h.fail(h.BAD_PARAMETER, f"apps.groups.{group}: dependency cycle through {process['name']}")
        visiting.add(process["name"])
        for name in process.get("after", []):
            if name not in by_name:
                h.fail(h.BAD_PARAMETER, f"apps.groups.{group}.{process['name']}.after: no process \"{name}\"")
            visit(by_name[name])
        result.append(process)

    for process in processes:
        visit(process)
    return result


def pid_file(config, group, process):
    return os.path.join(config["stateDir"], f"{group}-{process['name']}.pid")


def supervisor_pid(config, group, process):
    try:
        with open(pid_file(config, group, process), encoding="utf-8") as f:
            pid = int(f.read().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def healthy(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status == 200, f"HTTP {answer.status}"
    except urllib.error.HTTPError as e:
        return False, f"HTTP {e.code}: {e.read().decode(errors='replace').strip()[:200]}"
    except OSError as e:
        return False, str(getattr(e, "reason", e))


def wait_healthy(process, seconds):
    deadline = time.monotonic() + seconds
    while True:
        ok, said = healthy(process["health"])
        if ok:
            return
        if time.monotonic() > deadline:
            h.fail(h.TIMED_OUT, f"{process['name']} is not healthy after {seconds} s: {process['health']}: {said}")
        time.sleep(0.3)


def start_one(config, group, process, health_seconds):
    if "unit" in process:
        code, out = h.run_command(["systemctl", "start", process["unit"]], 120)
        if code != 0:
            h.fail(h.REFUSED, f"systemctl start {process['unit']}: {out}")
    elif supervisor_pid(config, group, process):
        h.log(f"{process['name']} is already running")
    else:
        os.makedirs(config["stateDir"], exist_ok=True)
        with open(os.path.join(config["stateDir"], f"{group}-{process['name']}.log"), "ab") as log:
            # A new session: the supervisor must outlive this hook's process group.
            subprocess.Popen([sys.executable, os.path.abspath(__file__), "supervise", config["_path"], group,
                              process["name"]], stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                             start_new_session=True)
        h.log(f"started {process['name']}: {' '.join(process['command'])}")
    if process.get("health"):
        wait_healthy(process, health_seconds)
        h.log(f"{process['name']} is healthy ({process['health']})")


def stop_one(config, group, process):
    if "unit" in process:
        code, out = h.run_command(["systemctl", "stop", process["unit"]], 120)
        if code != 0:
            h.fail(h.REFUSED, f"systemctl stop {process['unit']}: {out}")
        return
    pid = supervisor_pid(config, group, process)
    if not pid:
        h.log(f"{process['name']} is not running")
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    while supervisor_pid(config, group, process):
        if time.monotonic() > deadline:
            # The supervisor leads its own session: killing its group takes the process with it.
            # It may have ended by itself meanwhile: then there is nothing left to kill or remove.
            with contextlib.suppress(ProcessLookupError, FileNotFoundError):
                os.killpg(pid, signal.SIGKILL)
                os.remove(pid_file(config, group, process))
            h.log(f"{process['name']} did not stop within 15 s; killed it")
            break
        time.sleep(0.1)
    h.log(f"stopped {process['name']}")


def operation(name):
    def run(config_path):
        config = h.load_config(config_path, "apps")
        config["_path"] = config_path
        h.require(config, "stateDir", str, "apps")
        parameters = h.read_parameters(PARAMETERS)
        processes = ordered(config, parameters["productGroup"])
        record = h.Idempotency(f"app.{name}", parameters)
        if record.already_done():
            return
        if name in ("stop", "restart"):
            for process in reversed(processes):
                stop_one(config, parameters["productGroup"], process)
        if name in ("start", "restart"):
            for process in processes:
                start_one(config, parameters["productGroup"], process, parameters["healthSeconds"])
        summary = f"{name} of {', '.join(p['name'] for p in processes)} done"
        h.log(summary)
        record.record(summary)
    return run


def supervise(config_path, group, name):
    """Runs one process and starts it again when it dies, until SIGTERM (then stops it)."""
    config = h.load_config(config_path, "apps")
    process = next(p for p in config["groups"][group] if p["name"] == name)
    path = pid_file(config, group, process)
    with open(path, "w", encoding="utf-8") as f:
        f.write(str(os.getpid()))
    stopping = False
    child = None

    def stop(*_):
        nonlocal stopping
        stopping = True
        if child and child.poll() is None:
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    restarts = []
    while not stopping:
        child = subprocess.Popen(process["command"], env=dict(os.environ, **process.get("env", {})))
        if stopping:  # SIGTERM came between the loop's check and the start
            child.terminate()
        code = child.wait()
        if stopping:
            break
        restarts = [t for t in restarts if t > time.monotonic() - 60] + [time.monotonic()]
        h.log(f"{name} exited with {code}; restart {len(restarts)} in the last minute")
        if len(restarts) > 5:
            h.log(f"{name} keeps dying; the supervisor gives up")
            break
        time.sleep(1)
    if child:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    os.remove(path)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "supervise":
        supervise(*sys.argv[2:])
        sys.exit(0)
    sys.exit(h.main({"start": operation("start"), "stop": operation("stop"), "restart": operation("restart")}))

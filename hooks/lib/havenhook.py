# SPDX-License-Identifier: GPL-3.0-or-later
"""What every Haven reference hook shares: the command line, the site's hook configuration,
parameter checks that name the bad parameter, idempotency records and exit codes.

A hook is run by haven-agent's hooks backend (docs/hooks-backend.md): parameters arrive as one
line of JSON on stdin, the idempotency key in HAVEN_IDEMPOTENCY_KEY, and everything printed goes
to the action's log. Exit codes are the same for every hook (docs/hooks-reference.md)."""

import hashlib
import json
import os
import subprocess
import sys
import time

OK = 0
BAD_PARAMETER = 2  # a parameter, the configuration or the command line is wrong
UNREACHABLE = 3  # the target (socket, database, process) does not answer
REFUSED = 4  # the target answered but the operation failed or is unsafe now
TIMED_OUT = 5  # the hook's own wait ran out before the target reached the wanted state


class HookError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def log(message):
    stamp = time.strftime("%H:%M:%S", time.localtime())
    print(f"{stamp} {message}", flush=True)


def fail(code, message):
    raise HookError(code, message)


def load_config(path, section):
    """The site's hook configuration (one JSON file per site); returns the named section."""
    try:
        with open(path, encoding="utf-8") as f:
            config = json.load(f)
    except OSError as e:
        fail(BAD_PARAMETER, f"--config {path}: cannot read it: {e.strerror}")
    except json.JSONDecodeError as e:
        fail(BAD_PARAMETER, f"--config {path}: not JSON: line {e.lineno} column {e.colno}: {e.msg}")
    if not isinstance(config.get(section), dict):
        fail(BAD_PARAMETER, f"--config {path}: section \"{section}\" is missing")
    return config[section]


def require(config, key, kind, where):
    value = config.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        fail(BAD_PARAMETER, f"{where}.{key}: expected a {kind.__name__}, got {json.dumps(value)}")
    return value


_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool}


def read_parameters(schema):
    """Reads the JSON parameters from stdin and checks them against a small schema:
    {name: {"type": ..., "enum": [...], "minimum": n, "maximum": n, "default": v}}, plus
    "required" as a list under the key "_required"."""
    raw = "" if sys.stdin is None or sys.stdin.isatty() else sys.stdin.read()
    try:
        parameters = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError as e:
        fail(BAD_PARAMETER, f"parameters: not JSON: {e.msg} at column {e.colno}")
    if not isinstance(parameters, dict):
        fail(BAD_PARAMETER, "parameters: expected a JSON object")
    required = schema.get("_required", [])
    for name in parameters:
        if name not in schema or name == "_required":
            known = ", ".join(sorted(k for k in schema if k != "_required"))
            fail(BAD_PARAMETER, f"parameter {name}: unknown (this hook takes {known})")
    checked = {}
    for name, rule in schema.items():
        if name == "_required":
            continue
        if name not in parameters:
            if name in required:
                fail(BAD_PARAMETER, f"parameter {name}: required")
            checked[name] = rule.get("default")
            continue
        value = parameters[name]
        wanted = _TYPES[rule["type"]]
        if not isinstance(value, wanted) or isinstance(value, bool) and rule["type"] != "boolean":
            fail(BAD_PARAMETER, f"parameter {name}: expected {rule['type']}, got {json.dumps(value)}")
        if "enum" in rule and value not in rule["enum"]:
            fail(BAD_PARAMETER, f"parameter {name}: expected one of {', '.join(map(str, rule['enum']))}, "
                                f"got {json.dumps(value)}")
        if "minimum" in rule and value < rule["minimum"]:
            fail(BAD_PARAMETER, f"parameter {name}: {value} is below the minimum {rule['minimum']}")
        if "maximum" in rule and value > rule["maximum"]:
            fail(BAD_PARAMETER, f"parameter {name}: {value} is above the maximum {rule['maximum']}")
        checked[name] = value
    return checked


class Idempotency:
    """Remembers, per idempotency key, that an operation finished, so that a retry under the same
    key (an agent restarted mid-action, an operator re-running a step by hand) does nothing."""

    def __init__(self, operation, parameters):
        self.key = os.environ.get("HAVEN_IDEMPOTENCY_KEY", "")
        directory = os.path.join(os.environ.get("HAVEN_DATA_DIR", "."), "hook-runs")
        digest = hashlib.sha256(f"{operation}\n{self.key}".encode()).hexdigest()[:32]
        self.path = os.path.join(directory, digest + ".json")
        self.operation = operation
        self.parameters = parameters

    def already_done(self):
        if not self.key or not os.path.exists(self.path):
            return False
        with open(self.path, encoding="utf-8") as f:
            record = json.load(f)
        if record.get("parameters") != self.parameters:
            fail(BAD_PARAMETER, f"idempotency key {self.key!r} was used for {self.operation} with other "
                                f"parameters ({json.dumps(record.get('parameters'))}); use a new key")
        log(f"already done under idempotency key {self.key!r} at {record['finished']}: {record['summary']}; "
            "nothing to do")
        return True

    def record(self, summary):
        if not self.key:
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        record = {"operation": self.operation, "key": self.key, "parameters": self.parameters,
                  "summary": summary, "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.replace(temporary, self.path)


def run_command(command, timeout, user=None, env=None):
    """Runs a program and returns (exit code, merged output). As root, a user given runs it
    through runuser (PostgreSQL refuses to run as root)."""
    if user and os.geteuid() == 0:
        command = ["runuser", "-u", user, "--"] + command
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout, env=env, text=True)
    except FileNotFoundError:
        fail(BAD_PARAMETER, f"{command[0]}: no such program")
    except subprocess.TimeoutExpired:
        fail(TIMED_OUT, f"{' '.join(command)}: no answer within {timeout} s")
    return done.returncode, done.stdout.strip()


def main(operations, argv=None):
    """Dispatches `hook.py OPERATION --config FILE` to operations[OPERATION](config_path)."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if len(argv) != 3 or argv[1] != "--config" or argv[0] not in operations:
            names = " | ".join(sorted(operations))
            fail(BAD_PARAMETER, f"usage: {os.path.basename(sys.argv[0])} {{{names}}} --config FILE")
        operations[argv[0]](argv[2])
        return OK
    except HookError as e:
        print(f"error: {e}", flush=True)
        return e.code
    except KeyboardInterrupt:
        print("error: interrupted", flush=True)
        return REFUSED

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two-site loopback lab: HAProxy in front of one application group per site, a PostgreSQL
primary at site A streaming to a standby at site B, and one haven-agent per site driving them
through the reference hooks. Everything listens on 127.0.0.1 and lives under DIR.

    lab.py start DIR [--agent PATH]    (start-lab.sh DIR)
    lab.py stop DIR                    (stop-lab.sh DIR)

DIR/lab.json says where everything is; DIR/fleet.json is the environment (with the agents'
tokens) for `haven --environment DIR/fleet.json` and `haven --headless run --environment ...`."""

import hashlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time

LAB = os.path.dirname(os.path.abspath(__file__))
HOOKS = os.path.dirname(LAB)
BINDIR = "/usr/lib/postgresql/15/bin"
SITES = ("site-a", "site-b")
GROUP = "retail"


def say(message):
    print(f"lab: {message}", flush=True)


def die(message, code=1):
    print(f"lab: error: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def run(command, user=None, stdin=None, env=None, check=True):
    if user and os.geteuid() == 0:
        command = ["runuser", "-u", user, "--"] + command
    done = subprocess.run(command, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    if check and done.returncode != 0:
        die(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stdout}")
    return done


def hook(name, operation, config, parameters=None, data_dir=None):
    env = dict(os.environ, HAVEN_DATA_DIR=data_dir or os.path.dirname(config))
    env.pop("HAVEN_IDEMPOTENCY_KEY", None)
    return run([sys.executable, os.path.join(HOOKS, name), operation, "--config", config],
               stdin=json.dumps(parameters or {}), env=env)


def missing_packages():
    missing = [p for p, path in (("haproxy", shutil.which("haproxy") or "/usr/sbin/haproxy"),
                                 ("postgresql", os.path.join(BINDIR, "initdb"))) if not os.access(path, os.X_OK)]
    return missing


def schema(properties, required=()):
    return {"properties": properties, "required": list(required)}


def catalog(site_config):
    """The agent's catalog: each operation runs one reference hook with this site's configuration."""
    group = {"productGroup": {"type": "string", "enum": [GROUP], "description": "the product group"}}

    def op(code, name, layer, script, operation, properties, timeout, **extra):
        entry = {"code": code, "name": name, "layer": layer, "parameters": schema(properties, ["productGroup"]),
                 "command": [os.path.join(HOOKS, script), operation, "--config", site_config],
                 "timeoutSeconds": timeout}
        entry.update(extra)
        return entry

    return {
        "operations": [
            op("traffic.cut", "Cut the site's traffic for a product group", "business", "haproxy.py", "cut",
               dict(group, mode={"type": "string", "enum": ["drain", "maint"]},
                    drainSeconds={"type": "integer", "minimum": 0, "maximum": 600}), 60,
               reversible=True, inverse="traffic.restore",
               description="Drains this site's servers in the product group's HAProxy backend."),
            op("traffic.restore", "Restore the site's traffic for a product group", "business", "haproxy.py",
               "restore", dict(group, weight={"type": "integer", "minimum": 0, "maximum": 256},
                                    upSeconds={"type": "integer", "minimum": 0, "maximum": 600}), 60,
               description="Sets this site's servers ready (optionally with a weight) and checks they are UP."),
            op("db.fence", "Fence the database", "database", "postgresql.py", "fence", dict(group), 120,
               description="Stops this site's PostgreSQL cleanly so that it can no longer accept writes."),
            op("db.promote", "Promote the standby database", "database", "postgresql.py", "promote",
               dict(group, waitSeconds={"type": "integer", "minimum": 1, "maximum": 3600}), 120,
               description="pg_promote() on this site's standby, refused while the old primary still answers."),
            op("db.rejoin", "Re-attach the database as a standby", "database", "postgresql.py", "rejoin",
               dict(group, primaryHost={"type": "string"},
                    primaryPort={"type": "integer", "minimum": 1, "maximum": 65535}), 600,
               description="pg_rewind from the new primary, standby.signal, start and stream."),
            op("wait.replication", "Wait for replication to catch up", "database", "postgresql.py", "wait",
               dict(group, maxLagBytes={"type": "integer", "minimum": 0},
                    withinSeconds={"type": "integer", "minimum": 1, "maximum": 3600}), 300,
               description="Waits until the standby has replayed what the primary wrote; logs the lag (RPO)."),
            op("app.start", "Start the application group", "business", "appgroup.py", "start",
               dict(group, healthSeconds={"type": "integer", "minimum": 1, "maximum": 600}), 120),
            op("app.stop", "Stop the application group", "business", "appgroup.py", "stop", dict(group), 120),
            op("app.restart", "Restart the application group in dependency order", "business", "appgroup.py",
               "restart", dict(group, healthSeconds={"type": "integer", "minimum": 1, "maximum": 600}), 120,
               description="Stops the group's processes in reverse order, starts them in order, checks health."),
        ],
        "topology": {"command": [os.path.join(HOOKS, "topology.py"), "--config", site_config],
                     "intervalSeconds": 5, "timeoutSeconds": 15},
    }


def start(directory, agent):
    missing = missing_packages()
    if missing:
        die(f"the lab needs the Debian packages {' '.join(missing)}: apt-get install -y haproxy postgresql", 77)
    if not agent:
        die("haven-agent not found: pass --agent PATH or put it on PATH", 2)
    directory = os.path.abspath(directory)
    if os.path.exists(os.path.join(directory, "lab.json")):
        die(f"{directory} already holds a lab; stop it with stop-lab.sh and use a new directory", 2)
    os.makedirs(directory, exist_ok=True)
    os_user = None
    if os.geteuid() == 0:
        # PostgreSQL refuses to run as root; its files belong to the postgres system user.
        os_user = "postgres"
        try:
            owner = pwd.getpwnam(os_user)
        except KeyError:
            die("running as root needs the system user \"postgres\" (the postgresql package creates it)")
        os.chmod(directory, 0o711)
        parent = os.path.dirname(directory)
        while parent != "/":
            if not os.stat(parent).st_mode & 0o001:
                die(f"the postgres user cannot reach {parent} (no o+x): chmod o+x it or put the lab elsewhere", 2)
            parent = os.path.dirname(parent)
    front, pg_a, pg_b, api_a, web_a, api_b, web_b = free_ports(7)
    pg_ports = {"site-a": pg_a, "site-b": pg_b}
    app_ports = {"site-a": (api_a, web_a), "site-b": (api_b, web_b)}
    socket_path = os.path.join(directory, "haproxy", "admin.sock")
    lab = {"directory": directory, "frontend": f"http://127.0.0.1:{front}/", "haproxySocket": socket_path,
           "productGroup": GROUP, "sites": {}}

    for site in SITES:
        other = SITES[1 - SITES.index(site)]
        site_dir = os.path.join(directory, site)
        pg_dir = os.path.join(site_dir, "pg")
        os.makedirs(pg_dir, exist_ok=True)
        if os_user:
            os.chown(pg_dir, owner.pw_uid, owner.pw_gid)
        api, web = app_ports[site]
        config = {
            "site": site,
            "haproxy": {"socket": socket_path, "timeoutSeconds": 5,
                        "groups": {GROUP: {"backend": GROUP, "servers": [site]}}},
            "postgresql": {"bindir": BINDIR, "datadir": os.path.join(pg_dir, "data"), "host": "127.0.0.1",
                           "port": pg_ports[site], "user": "postgres", "osUser": os_user,
                           "logFile": os.path.join(pg_dir, "postgresql.log"), "site": site,
                           "peer": {"site": other, "host": "127.0.0.1", "port": pg_ports[other]},
                           "component": "orders-db", "productGroup": GROUP, "timeoutSeconds": 3},
            "apps": {"stateDir": os.path.join(site_dir, "apps"), "groups": {GROUP: [
                {"name": "api", "health": f"http://127.0.0.1:{api}/health", "after": [],
                 "command": [sys.executable, os.path.join(LAB, "labapp.py"), "--site", site, "--name", "api",
                             "--port", str(api), "--database", f"127.0.0.1:{pg_ports[site]}"]},
                {"name": "web", "health": f"http://127.0.0.1:{web}/health", "after": ["api"],
                 "command": [sys.executable, os.path.join(LAB, "labapp.py"), "--site", site, "--name", "web",
                             "--port", str(web), "--depends", f"http://127.0.0.1:{api}/health"]}]}},
        }
        config_path = os.path.join(site_dir, "hooks.json")
        with open(config_path, "w", encoding="utf-8") as f:
            json.dump(config, f, indent=2)
        with open(os.path.join(site_dir, "site.json"), "w", encoding="utf-8") as f:
            json.dump(catalog(config_path), f, indent=2)
        lab["sites"][site] = {"hooks": config_path, "postgresPort": pg_ports[site], "web": web, "api": api,
                              "dataDir": os.path.join(site_dir, "agent", "data")}

    # Written now so that stop-lab.sh can clean up after a start that fails half-way.
    with open(os.path.join(directory, "lab.json"), "w", encoding="utf-8") as f:
        json.dump(lab, f, indent=2)
    a, b = (lab["sites"][s]["hooks"] for s in SITES)
    a_data = read_json(a)["postgresql"]["datadir"]
    b_data = read_json(b)["postgresql"]["datadir"]
    say(f"initdb site-a's primary ({a_data})")
    run([os.path.join(BINDIR, "initdb"), "-D", a_data, "-U", "postgres", "-A", "trust", "-E", "UTF8"], user=os_user)
    with open(os.path.join(a_data, "postgresql.conf"), "a", encoding="utf-8") as f:
        # wal_log_hints lets pg_rewind re-attach an old primary; wal_keep_size keeps the WAL it needs.
        f.write("\n# Haven lab\nwal_level = replica\nwal_log_hints = on\nmax_wal_senders = 10\n"
                "wal_keep_size = '256MB'\nhot_standby = on\nwal_receiver_status_interval = 1s\n")
    hook("postgresql.py", "start", a)
    say(f"pg_basebackup site-b's standby from 127.0.0.1:{pg_a}")
    run([os.path.join(BINDIR, "pg_basebackup"), "-h", "127.0.0.1", "-p", str(pg_a), "-U", "postgres", "-D", b_data,
         "-X", "stream", "-c", "fast"], user=os_user)
    with open(os.path.join(b_data, "postgresql.auto.conf"), "a", encoding="utf-8") as f:
        f.write(f"primary_conninfo = 'host=127.0.0.1 port={pg_a} user=postgres application_name=site-b'\n")
    run(["touch", os.path.join(b_data, "standby.signal")], user=os_user)
    hook("postgresql.py", "start", b)
    hook("postgresql.py", "wait", a, {"withinSeconds": 60})

    for site in SITES:
        hook("appgroup.py", "start", lab["sites"][site]["hooks"], {"productGroup": GROUP})

    haproxy_dir = os.path.dirname(socket_path)
    os.makedirs(haproxy_dir, exist_ok=True)
    with open(os.path.join(haproxy_dir, "haproxy.cfg"), "w", encoding="utf-8") as f:
        f.write(f"""global
    stats socket {socket_path} mode 600 level admin
    log stderr format short local0 notice

defaults
    mode http
    log global
    timeout connect 2s
    timeout client 10s
    timeout server 10s

frontend {GROUP}
    bind 127.0.0.1:{front}
    default_backend {GROUP}

backend {GROUP}
    option httpchk GET /health
    default-server inter 500ms fall 2 rise 2
    server site-a 127.0.0.1:{web_a} check
    server site-b 127.0.0.1:{web_b} check
""")
    run([shutil.which("haproxy") or "/usr/sbin/haproxy", "-D", "-f", os.path.join(haproxy_dir, "haproxy.cfg"),
         "-p", os.path.join(haproxy_dir, "haproxy.pid")])
    deadline = time.monotonic() + 10
    while not os.path.exists(socket_path) and time.monotonic() < deadline:
        time.sleep(0.1)
    # Active-passive: site B stands by until a switchover readies it.
    hook("haproxy.py", "cut", b, {"productGroup": GROUP})

    environment = {"format": "haven-environment", "version": 1,
                   "regions": [{"id": "lab", "name": "Loopback lab"}], "sites": []}
    for site in SITES:
        site_dir = os.path.join(directory, site)
        agent_dir = os.path.join(site_dir, "agent")
        os.makedirs(agent_dir, exist_ok=True)
        token = secrets.token_hex(24)
        with open(os.path.join(agent_dir, "agent.conf"), "w", encoding="utf-8") as f:
            f.write(f"[agent]\nlisten_address = 127.0.0.1\nport = 0\ndata_dir = data\nport_file = endpoint.json\n\n"
                    f"[auth]\ntoken_sha256 = {hashlib.sha256(token.encode()).hexdigest()}\n\n"
                    f"[site]\nid = {site}\nname = Lab {site}\nregion = lab\ncity = Loopback\n\n"
                    f"[backend]\ntype = hooks\ncatalog = {os.path.join(site_dir, 'site.json')}\n")
        log = open(os.path.join(agent_dir, "agent.log"), "ab")
        process = subprocess.Popen([agent, "--config", os.path.join(agent_dir, "agent.conf")], cwd=agent_dir,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        endpoint_file = os.path.join(agent_dir, "endpoint.json")
        deadline = time.monotonic() + 20
        while not os.path.exists(endpoint_file):
            if process.poll() is not None or time.monotonic() > deadline:
                die(f"haven-agent for {site} did not start; see {os.path.join(agent_dir, 'agent.log')}")
            time.sleep(0.1)
        time.sleep(0.1)
        url = read_json(endpoint_file)["url"]
        lab["sites"][site].update(url=url, token=token, agentPid=process.pid)
        environment["sites"].append({"id": site, "name": f"Lab {site}", "region": "lab", "city": "Loopback",
                                     "url": url, "token": token, "refreshSeconds": 2})
        say(f"{site}: haven-agent at {url}, PostgreSQL 127.0.0.1:{pg_ports[site]}, "
            f"app 127.0.0.1:{app_ports[site][1]}")
    fleet = os.path.join(directory, "fleet.json")
    with open(os.open(fleet, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        json.dump(environment, f, indent=2)
    with open(os.path.join(directory, "lab.json"), "w", encoding="utf-8") as f:
        json.dump(lab, f, indent=2)
    say(f"HAProxy front end {lab['frontend']} (site-a serves, site-b stands by)")
    say(f"ready: haven --environment {fleet}; plan: {os.path.join(LAB, 'lab-plan.json')}; "
        f"stop: {os.path.join(LAB, 'stop-lab.sh')} {directory}")


def stop(directory):
    path = os.path.join(os.path.abspath(directory), "lab.json")
    if not os.path.exists(path):
        die(f"{directory} holds no lab (no lab.json)", 2)
    lab = read_json(path)
    for site, info in lab["sites"].items():
        if info.get("agentPid"):
            try:
                os.kill(info["agentPid"], signal.SIGTERM)
            except ProcessLookupError:
                pass
        hook("appgroup.py", "stop", info["hooks"], {"productGroup": GROUP})
        config = read_json(info["hooks"])["postgresql"]
        run([os.path.join(BINDIR, "pg_ctl"), "-D", config["datadir"], "stop", "-m", "fast", "-w"],
            user=config.get("osUser"), check=False)
        say(f"{site} stopped")
    pid_file = os.path.join(os.path.dirname(lab["haproxySocket"]), "haproxy.pid")
    if os.path.exists(pid_file):
        try:
            os.kill(int(open(pid_file).read().split()[0]), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass
    os.rename(path, path + ".stopped")
    say("HAProxy stopped; the lab's files stay in place")


def main():
    arguments = sys.argv[1:]
    if len(arguments) >= 2 and arguments[0] == "start":
        agent = shutil.which("haven-agent")
        if "--agent" in arguments:
            index = arguments.index("--agent")
            agent = arguments[index + 1] if index + 1 < len(arguments) else None
            del arguments[index:index + 2]
        start(arguments[1], os.environ.get("HAVEN_AGENT") or agent)
    elif len(arguments) == 2 and arguments[0] == "stop":
        stop(arguments[1])
    else:
        die("usage: lab.py start DIR [--agent PATH] | lab.py stop DIR", 2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PostgreSQL 15 streaming replication hook: promote the standby, fence the old primary,
re-attach a server as a standby of the new primary (pg_rewind + standby.signal), and wait until
a standby has replayed what the primary wrote.

    postgresql.py promote|fence|rejoin|wait|start --config SITE.json   (parameters on stdin)

The "postgresql" section of SITE.json: {"bindir": "/usr/lib/postgresql/15/bin", "datadir": PATH,
"host": "127.0.0.1", "port": 5433, "user": "postgres", "osUser": "postgres", "logFile": PATH,
"site": "site-a", "peer": {"site": "site-b", "host": "127.0.0.1", "port": 5434},
"component": "orders-db", "productGroup": "retail", "timeoutSeconds": 5}."""

import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import havenhook as h  # noqa: E402

GROUP = {"productGroup": {"type": "string"}}


class Server:
    def __init__(self, config, host=None, port=None):
        self.config = config
        self.host = host or config.get("host", "127.0.0.1")
        self.port = int(port or config["port"])
        self.bindir = config.get("bindir", "/usr/lib/postgresql/15/bin")
        self.timeout = int(config.get("timeoutSeconds", 5))

    def where(self):
        return f"{self.host}:{self.port}"

    def query(self, sql, quiet=False):
        """One SQL statement through psql; fails with UNREACHABLE when the server does not answer."""
        env = dict(os.environ, PGCONNECT_TIMEOUT=str(self.timeout))
        code, out = h.run_command([os.path.join(self.bindir, "psql"), "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                                   "-h", self.host, "-p", str(self.port), "-U", self.config.get("user", "postgres"),
                                   "-d", "postgres", "-c", sql], self.timeout + 5, env=env)
        if code != 0:
            if quiet:
                return None
            lines = out.splitlines() or ["no message"]
            unreachable = code == 2 or "connection" in out or "could not connect" in out
            h.fail(h.UNREACHABLE if unreachable else h.REFUSED,
                   f"database at {self.where()} {'is unreachable' if unreachable else 'refused the query'}: "
                   f"{lines[-1]}")
        return out

    def role(self):
        """"primary", "standby", or None when the server does not answer."""
        answer = self.query("SELECT pg_is_in_recovery()", quiet=True)
        return None if answer is None else ("standby" if answer == "t" else "primary")


def local(config):
    return Server(config)


def peer(config, parameters=None):
    spec = dict(config.get("peer") or {})
    if parameters and parameters.get("primaryHost"):
        spec["host"] = parameters["primaryHost"]
    if parameters and parameters.get("primaryPort"):
        spec["port"] = parameters["primaryPort"]
    if "port" not in spec:
        h.fail(h.BAD_PARAMETER, "parameter primaryPort: required (the configuration names no peer)")
    return Server(config, spec.get("host", "127.0.0.1"), spec["port"])


def pg_ctl(config, *arguments, timeout=90):
    command = [os.path.join(config.get("bindir", "/usr/lib/postgresql/15/bin"), "pg_ctl"), "-D", config["datadir"]]
    return h.run_command(command + list(arguments), timeout, user=config.get("osUser"))


def running(config):
    code, _ = pg_ctl(config, "status", timeout=10)
    return code == 0


def fence_marker(config):
    return os.path.join(os.path.dirname(os.path.abspath(config["datadir"])), "fenced")


def start_server(config):
    """Starts the local server with the site's own port and addresses on the command line, so that
    the postgresql.conf that pg_rewind copies from the other site cannot change them."""
    if running(config):
        return
    options = f"-p {int(config['port'])} -c listen_addresses={config.get('host', '127.0.0.1')} " \
              "-c unix_socket_directories=''"
    code, out = pg_ctl(config, "start", "-w", "-t", "60", "-l", config["logFile"], "-o", options)
    if code != 0:
        h.fail(h.REFUSED, f"pg_ctl start failed (exit {code}): {out.splitlines()[-1] if out else ''}; "
                          f"see {config['logFile']}")
    h.log(f"started PostgreSQL at {local(config).where()}")


def promote(config_path):
    config = h.load_config(config_path, "postgresql")
    parameters = h.read_parameters(dict(GROUP, waitSeconds={"type": "integer", "minimum": 1, "maximum": 3600,
                                                             "default": 60}))
    record = h.Idempotency("db.promote", parameters)
    if record.already_done():
        return
    server = local(config)
    role = server.role()
    if role is None:
        server.query("SELECT 1")  # fails with the server's own message
    if role == "primary":
        h.log(f"{server.where()} is already the primary; nothing to promote")
        record.record("already primary")
        return
    if config.get("peer"):
        old = peer(config)
        if old.role() == "primary":
            h.fail(h.REFUSED, f"the old primary at {old.where()} still accepts writes: fence it first "
                              "(db.fence at the failed site); promoting now would split the brain")
    before = server.query("SELECT pg_last_wal_replay_lsn(), pg_last_xact_replay_timestamp()").split("|")
    h.log(f"standby {server.where()} replayed up to {before[0]} (last transaction at {before[1] or 'none'}); "
          f"promoting with pg_promote(wait => true, {parameters['waitSeconds']} s)")
    if server.query(f"SELECT pg_promote(true, {parameters['waitSeconds']})") != "t":
        h.fail(h.TIMED_OUT, f"{server.where()} was not promoted within {parameters['waitSeconds']} s")
    position = server.query("SELECT pg_current_wal_lsn(), pg_walfile_name(pg_current_wal_lsn())").split("|")
    summary = f"{server.where()} promoted at {position[0]}, timeline {int(position[1][:8], 16)}"
    h.log(f"promoted: {summary}; it accepts writes")
    record.record(summary)


def fence(config_path):
    config = h.load_config(config_path, "postgresql")
    parameters = h.read_parameters(dict(GROUP))
    record = h.Idempotency("db.fence", parameters)
    if record.already_done():
        return
    server = local(config)
    if not running(config):
        h.log(f"PostgreSQL at {server.where()} is not running; marking it fenced")
        summary = "already stopped"
    else:
        role = server.role()
        position = server.query("SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
                                "ELSE pg_current_wal_lsn() END", quiet=True)
        h.log(f"stopping the {role or 'unanswering'} server at {server.where()} (last position {position}); "
              "a clean stop sends the remaining WAL to its standbys first")
        code, out = pg_ctl(config, "stop", "-m", "fast", "-w", "-t", "60")
        if code != 0:
            h.fail(h.REFUSED, f"pg_ctl stop failed (exit {code}): {out}")
        summary = f"stopped at {position}"
    with open(fence_marker(config), "w", encoding="utf-8") as f:
        f.write(time.strftime("%Y-%m-%dT%H:%M:%SZ\n", time.gmtime()))
    h.log(f"fenced: {summary}; only db.rejoin starts it again, as a standby")
    record.record(summary)


def streaming_from(server):
    answer = server.query("SELECT status, sender_port FROM pg_stat_wal_receiver", quiet=True)
    return answer.split("|") if answer else None


def rejoin(config_path):
    config = h.load_config(config_path, "postgresql")
    parameters = h.read_parameters(dict(GROUP, primaryHost={"type": "string"},
                                        primaryPort={"type": "integer", "minimum": 1, "maximum": 65535}))
    record = h.Idempotency("db.rejoin", parameters)
    if record.already_done():
        return
    source = peer(config, parameters)
    if source.role() != "primary":
        source.query("SELECT 1")
        h.fail(h.REFUSED, f"{source.where()} is a standby: re-attach to a primary (promote one first)")
    server = local(config)
    receiver = streaming_from(server) if running(config) else None
    if receiver and receiver[0] == "streaming" and int(receiver[1]) == source.port:
        h.log(f"{server.where()} already streams from {source.where()}; nothing to do")
        record.record("already streaming")
        return
    if running(config):
        h.log(f"stopping {server.where()} before pg_rewind")
        pg_ctl(config, "stop", "-m", "fast", "-w", "-t", "60")
    conninfo = f"host={source.host} port={source.port} user={config.get('user', 'postgres')} " \
               f"application_name={config.get('site', 'standby')}"
    h.log(f"pg_rewind --target-pgdata={config['datadir']} --source-server='{conninfo}'")
    code, out = h.run_command([os.path.join(server.bindir, "pg_rewind"), "--target-pgdata", config["datadir"],
                               "--source-server", conninfo], 600, user=config.get("osUser"))
    for line in out.splitlines():
        h.log(f"  pg_rewind: {line}")
    if code != 0:
        h.fail(h.REFUSED, f"pg_rewind failed (exit {code}); the data directory was left as it was")
    # pg_rewind copied the new primary's configuration: point this server at that primary again.
    auto = os.path.join(config["datadir"], "postgresql.auto.conf")
    with open(auto, encoding="utf-8") as f:
        kept = [line for line in f if not line.startswith("primary_conninfo")]
    with open(auto, "w", encoding="utf-8") as f:
        f.writelines(kept + [f"primary_conninfo = '{conninfo}'\n"])
    signal = os.path.join(config["datadir"], "standby.signal")
    open(signal, "w").close()
    owner = os.stat(config["datadir"])
    os.chown(signal, owner.st_uid, owner.st_gid)
    if os.path.exists(fence_marker(config)):
        os.remove(fence_marker(config))
    start_server(config)
    deadline = time.monotonic() + 60
    while (receiver := streaming_from(server)) is None or receiver[0] != "streaming":
        if time.monotonic() > deadline:
            h.fail(h.TIMED_OUT, f"{server.where()} started but does not stream from {source.where()} after 60 s")
        time.sleep(0.5)
    summary = f"{server.where()} streams from {source.where()}"
    h.log(f"re-attached: {summary}")
    record.record(summary)


def lag(server):
    """(role, lag in bytes, lag in seconds, replayed position, time of the last replayed transaction)."""
    if server.role() == "primary":
        rows = server.query("SELECT application_name, state, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), "
                            "coalesce(extract(epoch FROM replay_lag), 0), replay_lsn FROM pg_stat_replication")
        streaming = [r.split("|") for r in rows.splitlines() if r.split("|")[1] == "streaming"]
        if not streaming:
            return "primary", None, None, None, None
        worst = max(streaming, key=lambda r: float(r[2] or 0))
        return "primary", int(float(worst[2] or 0)), float(worst[3]), worst[4], None
    row = server.query("SELECT coalesce((SELECT status FROM pg_stat_wal_receiver), 'stopped'), "
                       "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), "
                       "coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0), "
                       "pg_last_wal_replay_lsn(), pg_last_xact_replay_timestamp()").split("|")
    if row[0] != "streaming":
        return "standby", None, None, row[3], row[4]
    behind = int(float(row[1] or 0))
    # Idle, the time since the last replayed transaction is not lag: nothing waits to be replayed.
    return "standby", behind, float(row[2]) if behind else 0.0, row[3], row[4]


def positions(server, role, replayed, replayed_at):
    """A link's RPO fields (docs/agent-protocol.md): WAL positions as byte numbers, times in UTC.

    The primary knows what it wrote and when; the standby knows what it applied and the commit
    time of the last transaction it replayed. Each side reports what it knows."""
    iso = "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    fields = {}
    if role == "primary":
        written, written_at = server.query(f"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), "
                                           f"{iso.format('now()')}").split("|")
        fields.update(writtenPosition=int(float(written)), writtenAt=written_at)
    if replayed:
        fields["appliedPosition"] = int(float(server.query(f"SELECT pg_wal_lsn_diff('{replayed}', '0/0')")))
    if role == "standby" and replayed_at:
        fields["appliedAt"] = server.query(f"SELECT {iso.format(repr(replayed_at) + '::timestamptz')}")
    return fields


def wait(config_path):
    config = h.load_config(config_path, "postgresql")
    parameters = h.read_parameters(dict(GROUP, maxLagBytes={"type": "integer", "minimum": 0, "default": 0},
                                        withinSeconds={"type": "integer", "minimum": 1, "maximum": 3600,
                                                       "default": 60}))
    record = h.Idempotency("wait.replication", parameters)
    if record.already_done():
        return
    server = local(config)
    deadline = time.monotonic() + parameters["withinSeconds"]
    while True:
        role, behind, seconds, position, _ = lag(server)
        if behind is not None and behind <= parameters["maxLagBytes"]:
            break
        if time.monotonic() > deadline:
            state = "no standby streams" if behind is None else f"the standby is {behind} bytes behind"
            h.fail(h.TIMED_OUT, f"{state} at {server.where()} ({role}) after {parameters['withinSeconds']} s")
        time.sleep(0.2)
    side = "its standby" if role == "primary" else "this standby"
    summary = f"{side} replayed up to {position}; lag {behind} bytes, {seconds:.3f} s"
    h.log(f"caught up: {summary}")
    h.log(f"RPO at this point: {behind} bytes ({'nothing committed would be lost' if behind == 0 else 'at risk'})")
    record.record(summary)


def start(config_path):
    """Not an operation: the lab uses it to start a server as the site's configuration says."""
    config = h.load_config(config_path, "postgresql")
    if os.path.exists(fence_marker(config)):
        h.fail(h.REFUSED, f"{config['datadir']} is fenced: re-attach it with db.rejoin instead")
    start_server(config)


def report(config):
    """For the topology hook: the database component and its replication link."""
    server = local(config)
    component_id = f"{config.get('site', 'site')}-{config.get('component', 'db')}"
    component = {"id": component_id, "name": f"PostgreSQL {server.where()}", "layer": "database",
                 "kind": "postgresql", "productGroup": config.get("productGroup", ""), "metrics": {}}
    if not running(config) or server.role() is None:
        fenced = os.path.exists(fence_marker(config))
        component.update(status="down", alerts=[{"id": "db-down", "severity": "warning" if fenced else "critical",
                                                 "message": "fenced" if fenced else "not running"}])
        return [component], []
    role, behind, seconds, position, replayed_at = lag(server)
    component["name"] += f" ({role})"
    component["status"] = "ok" if behind is not None else "warning"
    numeric = server.query(f"SELECT pg_wal_lsn_diff('{position}', '0/0')") if position else None
    component["metrics"] = {"primary": 1 if role == "primary" else 0, "lagBytes": behind or 0,
                            "lagSeconds": round(seconds or 0, 3), "appliedLsnBytes": float(numeric or 0)}
    if replayed_at:
        stamp = server.query(f"SELECT extract(epoch FROM '{replayed_at}'::timestamptz)")
        component["metrics"]["appliedAtEpoch"] = float(stamp)
    other = config.get("peer", {})
    links = []
    if other.get("site"):
        ours, theirs = (config["site"], other["site"])
        primary_site, standby_site = (ours, theirs) if role == "primary" else (theirs, ours)
        links.append({"id": f"{config.get('component', 'db')}:{primary_site}>{standby_site}",
                      "from": {"site": primary_site, "component": f"{primary_site}-{config.get('component', 'db')}"},
                      "to": {"site": standby_site, "component": f"{standby_site}-{config.get('component', 'db')}"},
                      "role": role, "lagSeconds": round(seconds or 0, 3),
                      "state": "broken" if behind is None else "healthy" if behind < 16 * 1024 * 1024 else "lagging",
                      **positions(server, role, position, replayed_at)})
    return [component], links


if __name__ == "__main__":
    sys.exit(h.main({"promote": promote, "fence": fence, "rejoin": rejoin, "wait": wait, "start": start}))

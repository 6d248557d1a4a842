#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Topology hook: reports the site's HAProxy servers, application processes and PostgreSQL
server, their dependencies, the replication link and the traffic share, in the JSON the hooks
backend expects (docs/hooks-backend.md). A part that does not answer is reported down with an
alert rather than failing the whole report.

    topology.py --config SITE.json"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import appgroup  # noqa: E402
import haproxy  # noqa: E402
import havenhook as h  # noqa: E402
import postgresql  # noqa: E402


def app_components(config, site):
    components, dependencies = [], []
    for group, processes in config.get("groups", {}).items():
        for process in processes:
            ok, said = appgroup.healthy(process["health"]) if process.get("health") else (True, "")
            component_id = f"{site}-{group}-{process['name']}"
            components.append({"id": component_id, "name": f"{group} {process['name']}", "layer": "business",
                               "kind": "app", "productGroup": group, "status": "ok" if ok else "down",
                               "alerts": [] if ok else [{"id": "health", "severity": "critical", "message": said}]})
            dependencies += [{"from": component_id, "to": f"{site}-{group}-{name}"} for name in process.get("after", [])]
    return components, dependencies


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "--config":
        print("usage: topology.py --config FILE", file=sys.stderr)
        return h.BAD_PARAMETER
    with open(sys.argv[2], encoding="utf-8") as f:
        config = json.load(f)
    site = os.environ.get("HAVEN_SITE_ID") or config.get("site", "site")
    report = {"components": [], "dependencies": [], "replication": [], "traffic": {}}
    if "haproxy" in config:
        try:
            components, report["traffic"] = haproxy.report(config["haproxy"])
            report["components"] += components
        except h.HookError as e:
            report["components"].append({"id": "lb", "name": "HAProxy", "layer": "business", "kind": "haproxy",
                                         "status": "down", "alerts": [{"id": "lb-down", "severity": "critical",
                                                                       "message": str(e)}]})
    if "apps" in config:
        components, dependencies = app_components(config["apps"], site)
        report["components"] += components
        report["dependencies"] += dependencies
    if "postgresql" in config:
        pg = dict(config["postgresql"], site=config["postgresql"].get("site", site))
        try:
            components, links = postgresql.report(pg)
        except h.HookError as e:
            components, links = [{"id": f"{site}-{pg.get('component', 'db')}", "name": "PostgreSQL",
                                  "layer": "database", "kind": "postgresql", "status": "down",
                                  "alerts": [{"id": "db-down", "severity": "critical", "message": str(e)}]}], []
        report["components"] += components
        report["replication"] += links
        # The group's applications depend on the database they write to.
        for component in report["components"]:
            if component["kind"] == "app" and not any(d["from"] == component["id"] for d in report["dependencies"]):
                report["dependencies"].append({"from": component["id"], "to": components[0]["id"]})
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lab's application instance: a small HTTP service that says which site answered.

    labapp.py --site SITE --name NAME --port PORT [--depends URL] [--database HOST:PORT]

GET / answers {"site", "instance", "pid"}; GET /health answers 200 only when the upstream
health URL (--depends) answers 200 and the database port (--database) accepts connections,
so that HAProxy's check and the app group's start order mean something."""

import argparse
import json
import os
import socket
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def problem(arguments):
    """Why this instance is not healthy, or None."""
    if arguments.depends:
        try:
            with urllib.request.urlopen(arguments.depends, timeout=2) as answer:
                if answer.status != 200:
                    return f"{arguments.depends} answered {answer.status}"
        except OSError as e:
            return f"{arguments.depends}: {e}"
    if arguments.database:
        host, port = arguments.database.rsplit(":", 1)
        try:
            socket.create_connection((host, int(port)), timeout=2).close()
        except OSError as e:
            return f"database {arguments.database}: {e.strerror or e}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--depends")
    parser.add_argument("--database")
    arguments = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/health":
                reason = problem(arguments)
                status, body = (200, b"ok\n") if reason is None else (503, reason.encode() + b"\n")
            else:
                status = 200
                body = json.dumps({"site": arguments.site, "instance": arguments.name, "pid": os.getpid()}).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass  # HAProxy checks every second; the access log would only be noise

    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    print(f"{arguments.site}/{arguments.name} listening on 127.0.0.1:{arguments.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

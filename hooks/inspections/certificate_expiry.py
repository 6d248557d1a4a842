#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Days until a certificate expires: a PEM `file`, or the one `host`:`port` presents."""
import datetime
import socket
import ssl
import subprocess
from checklib import parameters, report, level, UNKNOWN

p = parameters()
try:
    if p.get("file"):
        out = subprocess.run(["openssl", "x509", "-enddate", "-noout", "-in", p["file"]], capture_output=True,
                             text=True, timeout=10, check=True).stdout
        end = out.strip().split("=", 1)[1]
        expires = datetime.datetime.strptime(end, "%b %d %H:%M:%S %Y %Z")
        where = p["file"]
    else:
        host, port = p["host"], int(p.get("port", 443))
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the expiry is what is checked, not the chain
        with socket.create_connection((host, port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname=host) as tls:
                der = tls.getpeercert(binary_form=True)
        pem = ssl.DER_cert_to_PEM_cert(der)
        out = subprocess.run(["openssl", "x509", "-enddate", "-noout"], input=pem, capture_output=True, text=True,
                             timeout=10, check=True).stdout
        expires = datetime.datetime.strptime(out.strip().split("=", 1)[1], "%b %d %H:%M:%S %Y %Z")
        where = f"{host}:{port}"
except (KeyError, OSError, ValueError, IndexError, subprocess.SubprocessError) as error:
    report(UNKNOWN, f"cannot read the certificate: {error}")
days = (expires - datetime.datetime.utcnow()).days
report(level(days, p.get("warning_days", 30), p.get("critical_days", 7), higher_is_worse=False),
       f"the certificate of {where} expires in {days} days", where=where, daysLeft=days,
       expires=expires.isoformat() + "Z")

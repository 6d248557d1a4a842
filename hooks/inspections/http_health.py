#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GET `url`; ok when the status is `status` (default 200) and the body contains `contains`."""
import time
import urllib.error
import urllib.request
from checklib import parameters, report, CRITICAL, OK, UNKNOWN

p = parameters()
url = p.get("url")
if not url:
    report(UNKNOWN, "parameter url is required")
started = time.monotonic()
try:
    with urllib.request.urlopen(url, timeout=float(p.get("timeout", 10))) as answer:
        status, body = answer.status, answer.read(1 << 20).decode("utf-8", "replace")
except urllib.error.HTTPError as error:
    status, body = error.code, ""
except (OSError, ValueError) as error:
    report(CRITICAL, f"{url} cannot be reached: {error}", url=url)
ms = round((time.monotonic() - started) * 1000)
expected = int(p.get("status", 200))
text = p.get("contains", "")
good = status == expected and text in body
report(OK if good else CRITICAL, f"{url} answered HTTP {status} in {ms} ms" + ("" if good else ", not as expected"),
       url=url, status=status, responseMs=ms)

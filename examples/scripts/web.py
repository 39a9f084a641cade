#!/usr/bin/env python3
"""The front of examples/stack.json: it asks the api (API_PORT, default 18432) for its items every
2 s and prints what it got. It starts once the api is ready."""
import os
import sys
import time
import urllib.request

url = f"http://127.0.0.1:{os.environ.get('API_PORT', '18432')}/items"
print(f"web: using {url}", flush=True)
while True:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            print(f"web: {response.status} {response.read().decode().strip()}", flush=True)
    except OSError as error:
        print(f"web: api unreachable: {error}", file=sys.stderr, flush=True)
    time.sleep(2)

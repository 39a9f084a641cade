#!/usr/bin/env python3
"""Writes to both streams: a numbered line on stdout, every third one also on stderr."""
import os
import sys
import time

count = int(os.environ.get("CHATTY_LINES", "60"))
delay = float(os.environ.get("CHATTY_DELAY", "0.25"))
for i in range(1, count + 1):
    print(f"tick {i} of {count}", flush=True)
    if i % 3 == 0:
        print(f"warning: {i} is a multiple of three", file=sys.stderr, flush=True)
    time.sleep(delay)
print("done", flush=True)

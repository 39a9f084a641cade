#!/usr/bin/env python3
"""Case 7: a long-running worker to terminate. It does not handle SIGTERM, so Terminate ends it at
once and its exit code is -15, as Python's p.exitcode reports after p.terminate()."""
import itertools
import time

for step in itertools.count(1):
    print(f"step {step}", flush=True)
    time.sleep(0.5)

#!/usr/bin/env python3
"""A worker that runs for SECONDS: cases 3 (join), 4 (join with a timeout) and 6 (three workers).

Python: Process(target=worker, args=(SECONDS,), name=NAME)
"""
import sys
import time

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3
name = sys.argv[2] if len(sys.argv) > 2 else "worker"
print(f"{name}: working for {seconds:g} s")
time.sleep(seconds)
print(f"{name}: done")

#!/usr/bin/env python3
"""Case 5: a clock worker printing the time every second until it is terminated.

Python: p = Process(target=clock, args=(1,), name="clock"); p.start(); print(p.name, p.pid, p.is_alive())
"""
import os
import time

print(f"clock: pid {os.getpid()}", flush=True)
while True:
    print(time.strftime("The time is %H:%M:%S"), flush=True)
    time.sleep(1)

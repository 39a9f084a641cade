#!/usr/bin/env python3
"""A pretend web server: coloured log lines (ANSI SGR, as many real tools print) and a progress
bar redrawn in place with a carriage return. ProcDeck shows the colours and keeps one line for the
bar; it never acts on any other escape sequence."""
import itertools
import os
import random
import sys
import time

GREEN, YELLOW, RED, CYAN, DIM, BOLD, RESET = (
    "\033[32m", "\033[33m", "\033[31m", "\033[36m", "\033[2m", "\033[1m", "\033[0m")

port = os.environ.get("PORT", "8000")
print(f"{BOLD}server{RESET} listening on {CYAN}http://127.0.0.1:{port}{RESET}", flush=True)

for step in range(0, 101, 10):  # a progress bar: one line, rewritten
    bar = "#" * (step // 5) + " " * (20 - step // 5)
    print(f"\rbuilding assets [{bar}] {step:3d}%", end="", flush=True)
    time.sleep(0.08)
print(flush=True)

rng = random.Random(7)
paths = ["/", "/api/items", "/api/items/42", "/login", "/static/app.js", "/missing"]
for n in itertools.count(1):
    path = rng.choice(paths)
    status = 404 if path == "/missing" else rng.choice([200, 200, 200, 201, 304, 500])
    colour = GREEN if status < 300 else YELLOW if status < 500 else RED
    ms = rng.randint(1, 120)
    stream = sys.stderr if status >= 500 else sys.stdout
    print(f"{DIM}#{n:04d}{RESET} GET {path:<16} {colour}{status}{RESET} {ms:3d} ms", file=stream, flush=True)
    time.sleep(0.4)
    if n >= 3000:
        break

#!/usr/bin/env python3
"""A one-shot migration for examples/stack.json: it talks to the database (DB_PORT, default
18431), applies three pretend migrations and exits 0. The api waits for it to have succeeded."""
import os
import socket
import sys
import time

port = int(os.environ.get("DB_PORT", "18431"))
try:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as connection:
        print(f"migrate: {connection.recv(64).decode().strip()}", flush=True)
except OSError as error:
    print(f"migrate: no database on port {port}: {error}", file=sys.stderr, flush=True)
    sys.exit(1)

for step, name in enumerate(["create table users", "create table orders", "add index on orders.user"], 1):
    print(f"migration {step}/3: {name}", flush=True)
    time.sleep(0.3)
print("migrate: done", flush=True)

#!/usr/bin/env python3
"""A pretend database for examples/stack.json: it takes 2 s to start, then listens on a real TCP
port (DB_PORT, default 18431) and answers every connection with one line. Its readiness check is
that port accepting connections."""
import os
import socket
import time

port = int(os.environ.get("DB_PORT", "18431"))
print("database: starting up (2 s)", flush=True)
time.sleep(2)

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen()
print(f"listening on 127.0.0.1:{port}", flush=True)

clients = 0
while True:
    connection, _ = server.accept()
    with connection:
        clients += 1
        connection.sendall(b"database ok\n")
    if clients <= 3 or clients % 20 == 0:
        print(f"database: connection {clients}", flush=True)

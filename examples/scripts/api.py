#!/usr/bin/env python3
"""A small HTTP api for examples/stack.json on API_PORT (default 18432): GET /health answers 200
(its readiness and liveness check), GET /items a few items as JSON. Each request is a line."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port = int(os.environ.get("API_PORT", "18432"))


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            body = b"ok\n"
        elif self.path == "/items":
            body = json.dumps([{"id": 1, "name": "tea"}, {"id": 2, "name": "cake"}]).encode() + b"\n"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        if self.path != "/health":  # the checks would drown the rest
            print(f"api: {self.command} {self.path} -> {args[1]}", flush=True)


server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
print(f"api listening on http://127.0.0.1:{port}", flush=True)
server.serve_forever()

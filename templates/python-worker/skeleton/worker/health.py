"""Liveness (/healthz) and readiness (/readyz) over HTTP, for the orchestrator."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Health:
    def __init__(self):
        self.ready = threading.Event()

    def serve(self, port):
        health = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/healthz":
                    self._answer(200, {"status": "ok"})
                elif self.path == "/readyz":
                    ok = health.ready.is_set()
                    self._answer(200 if ok else 503, {"ready": ok})
                else:
                    self._answer(404, {"error": "not found"})

            def _answer(self, code, body):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass  # requests are not worth a log line each

        server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

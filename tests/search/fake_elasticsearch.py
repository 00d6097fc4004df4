"""A local HTTP server that answers like Elasticsearch 8 and records every request, so the client's
real requests (paths, methods, JSON bodies) can be checked without an Elasticsearch server."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeElasticsearch:
    def __init__(self, *, alias_on=(), search_response=None, search_status=200):
        self.requests = []
        self.alias_on = list(alias_on)  # indexes the alias points at now
        self.search_response = search_response or {}
        self.search_status = search_status  # e.g. 404 with a published error body
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def calls(self):
        return [(method, path) for method, path, __ in self.requests]

    def answer(self, method: str, path: str, body: bytes):
        route = path.split("?")[0]
        if route.endswith("/_bulk"):
            lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
            items, i = [], 0
            while i < len(lines):
                op, meta = next(iter(lines[i].items()))
                items.append(
                    {op: {"_index": meta.get("_index", "x"), "_id": str(meta["_id"]), "status": 200}}
                )
                i += 1 if op == "delete" else 2
            return 200, {"took": 3, "errors": False, "items": items}
        if route.endswith("/_search"):
            return self.search_status, self.search_response
        if route.endswith("/_refresh"):
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if route == "/_aliases":
            return 200, {"acknowledged": True}
        if route.startswith("/_alias/"):
            if not self.alias_on:
                return 404, {"error": "alias [chohtx-products] missing", "status": 404}
            return 200, {index: {"aliases": {"chohtx-products": {}}} for index in self.alias_on}
        if method == "HEAD":
            return 404, {}
        return 200, {"acknowledged": True, "shards_acknowledged": True, "index": route.strip("/")}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append((self.command, self.path, body))
                status, payload = fake.answer(self.command, self.path, body)
                data = b"" if self.command == "HEAD" else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if data:
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

            def log_message(self, *args):
                pass

        return Handler

    def json_body(self, method: str, route: str):
        for m, path, body in self.requests:
            if m == method and path.split("?")[0] == route:
                return json.loads(body) if body else None
        raise AssertionError(f"no {method} {route} in {self.calls()}")

"""A web server for tests that count what the kiosk asks the network for: it listens on
127.0.0.1 only, on a port of the system's choosing, answers every GET with 404, counts
connections and requests, and stops itself after `lifetime` seconds whatever happens."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


class CountingServer:
    def __init__(self, lifetime: float = 300.0) -> None:
        self.requests: list[str] = []
        self.connections = 0
        counter = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 5  # a client that connects and says nothing holds no thread for long

            def do_GET(self) -> None:  # the name http.server calls
                counter.requests.append(self.path)
                self.send_error(404)

            def log_message(self, format: str, *args: object) -> None:
                pass  # counted, not printed

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request: object, client_address: object) -> bool:
                counter.connections += 1
                return True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._stop = threading.Timer(lifetime, self.stop)
        self._stop.daemon = True

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def __enter__(self) -> CountingServer:
        self._thread.start()
        self._stop.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._stop.cancel()
        if self._thread.is_alive():
            self.stop()
        self._thread.join(5)

    def probe(self) -> None:
        """Connect once, as a client would: proves the server counts (the control)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as client:
            client.sendall(b"GET /probe HTTP/1.0\r\n\r\n")
            client.recv(100)

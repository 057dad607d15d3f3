"""A throw-away HTTP server on 127.0.0.1 for the fetcher and feed tests (nothing leaves the machine)."""
from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free loopback port in a daemon thread; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()

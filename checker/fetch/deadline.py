"""One time limit over a whole exchange: connecting, the status line, the headers, every redirect, the body.

A server that trickles bytes never trips a per-read timeout, so every socket read and write here waits
no longer than the time left before the one deadline.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Iterable

import httpcore
import httpx

# The whole exchange, redirects included, gets TOTAL_TIME_FACTOR times the per-step timeout, and not a moment more.
TOTAL_TIME_FACTOR = 4


@dataclass(frozen=True)
class Deadline:
    """The monotonic time by which the whole exchange must be over."""

    at: float

    def left(self) -> float:
        return self.at - time.monotonic()


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits no longer than the time left, so trickling cannot stretch it."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def _timeout(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline.left()
        if left <= 0:
            raise error("the deadline for the whole exchange has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._timeout(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, self._timeout(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self._backend = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        left = self._deadline.left()
        if left <= 0:
            raise httpcore.ConnectTimeout("the deadline for the whole exchange has passed")
        timeout = left if timeout is None else min(timeout, left)
        stream = self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("checker fetches http(s) URLs only")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over sockets that keep `deadline`; no proxy from the environment (the address checked is
    the address connected to)."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=_DeadlineBackend(deadline))

"""A loopback TCP proxy in front of the real PostgreSQL server that can cut the line at the
worst moments: just before a COMMIT reaches the server, or just after the server has
committed but before its reply reaches the client; and can refuse new connections, as a
server that stays unreachable.  Real sockets, real server: only the network is faulty."""

from __future__ import annotations

import contextlib
import enum
import socket
import threading
from types import TracebackType


class Cut(enum.Enum):
    NONE = "none"
    BEFORE_COMMIT = "before_commit"  # the COMMIT never reaches the server
    AFTER_COMMIT = "after_commit"  # the server commits; its reply is lost


class FaultyProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self._upstream = upstream
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._cut = Cut.NONE
        self.refusing = False  # new connections are closed at once
        self.cuts_done = 0
        self._closed = False
        threading.Thread(target=self._accept_loop, daemon=True).start()

    def arm(self, cut: Cut) -> None:
        """Cut the connection that sends the next COMMIT, as ``cut`` says."""
        with self._lock:
            self._cut = cut

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            server = socket.create_connection(self._upstream)
            link = _Link(self, client, server)
            threading.Thread(target=link.client_to_server, daemon=True).start()
            threading.Thread(target=link.server_to_client, daemon=True).start()

    def take_cut(self, data: bytes) -> Cut:
        """The cut to apply to this client chunk (disarms once a COMMIT is seen)."""
        with self._lock:
            # the COMMIT statement itself (NUL-terminated in the query message), not a BEGIN
            # that names the READ COMMITTED isolation level
            if self._cut is Cut.NONE or b"COMMIT\x00" not in data:
                return Cut.NONE
            cut, self._cut = self._cut, Cut.NONE
            self.cuts_done += 1
            return cut

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def __enter__(self) -> FaultyProxy:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _Link:
    """One proxied connection: two pumps, and the cut shared between them."""

    def __init__(self, proxy: FaultyProxy, client: socket.socket, server: socket.socket) -> None:
        self._proxy, self._client, self._server = proxy, client, server
        self._drop_next_reply = threading.Event()

    def client_to_server(self) -> None:
        while data := self._recv(self._client):
            cut = self._proxy.take_cut(data)
            if cut is Cut.BEFORE_COMMIT:
                self._hang_up()
                return
            if cut is Cut.AFTER_COMMIT:
                self._drop_next_reply.set()
            try:
                self._server.sendall(data)
            except OSError:
                break
        self._hang_up()

    def server_to_client(self) -> None:
        while data := self._recv(self._server):
            if self._drop_next_reply.is_set():
                # The server has answered the COMMIT, so it has committed; the client never
                # hears it.
                self._hang_up()
                return
            try:
                self._client.sendall(data)
            except OSError:
                break
        self._hang_up()

    @staticmethod
    def _recv(sock: socket.socket) -> bytes:
        try:
            return sock.recv(65536)
        except OSError:
            return b""

    def _hang_up(self) -> None:
        for sock in (self._client, self._server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

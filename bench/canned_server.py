"""A minimal HTTP/1.1 server that answers every request with one canned response.

Run as its own process by the benchmarks, so that what is measured is the client side: it
parses just enough HTTP to find the end of each request (keep-alive, Content-Length bodies)
and writes a response prepared once at start-up.

    python bench/canned_server.py PORT_FILE
"""

from __future__ import annotations

import asyncio
import json
import sys


def canned_body(scores: int = 3, buckets: int = 10) -> bytes:
    data = [
        {
            "name": f"score-{i}",
            "distribution": [
                {"lower": b * 10.0, "upper": b * 10.0 + 10.0, "value": float(b + 1)}
                for b in range(buckets)
            ],
        }
        for i in range(scores)
    ]
    return json.dumps({"data": data, "error": None}).encode()


BODY = canned_body()
RESPONSE = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
    + f"content-length: {len(BODY)}\r\n\r\n".encode()
    + BODY
)


class Canned(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            length = 0
            marker = head.find(b"content-length:")
            if marker >= 0:
                length = int(head[marker + 15 :].split(b"\r\n", 1)[0])
            total = end + 4 + length
            if len(self.buffer) < total:
                return
            self.buffer = self.buffer[total:]
            self.transport.write(RESPONSE)


async def main(port_file: str) -> None:
    server = await asyncio.get_running_loop().create_server(Canned, "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    with open(port_file, "w") as f:
        f.write(str(port))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))

#!/usr/bin/env python3
"""Nomination writes at a fixed rate, for measuring reads while the platform takes writes.

wrk sends as fast as the server answers; this client sends on a schedule instead (open loop):
write k is due at start + k / rate, whatever the answers before it, over a pool of keep-alive
connections. Each write saves a new draft nomination of the open 2027 demo cycle through the
API, with an id of its own (PREFIX and a counter), as the token's account. Latency is counted
from the moment a write was due, so a server that falls behind shows it (no coordinated
omission). Prints one line:

    answered N, non-2xx N, errors N, rate R/s, p50 X ms, p99 Y ms

Usage: paced-writes.py HOST PORT TOKEN [--rate 500] [--seconds 30] [--connections 32] [--prefix P]
"""
import argparse
import asyncio
import json
import time


async def write(connection, host, token, nomination_id):
    """Sends one write on an open connection and returns its HTTP status."""
    reader, writer = connection
    body = json.dumps({
        "id": nomination_id, "community": f"Paced write {nomination_id} (synthetic)", "country": "Kenya", "region": "Africa",
        "year": 2027, "answers": {}, "evidence": [], "state": "draft", "optOut": False,
    }).encode()
    writer.write((
        f"POST /api/v1/cycles/2027/nominations HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("token")
    parser.add_argument("--rate", type=float, default=500)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--prefix", default="P")
    options = parser.parse_args()

    idle = asyncio.Queue()
    for _ in range(options.connections):
        idle.put_nowait(await asyncio.open_connection(options.host, options.port))
    latencies, statuses, errors = [], [], [0]
    total = int(options.rate * options.seconds)
    start = time.monotonic() + 0.1

    async def one(k):
        due = start + k / options.rate
        connection = await idle.get()
        try:
            statuses.append(await asyncio.wait_for(write(connection, options.host, options.token, f"{options.prefix}-{k:07d}"), 30))
            latencies.append(time.monotonic() - due)
            idle.put_nowait(connection)
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError, asyncio.TimeoutError):
            errors[0] += 1
            connection[1].close()
            idle.put_nowait(await asyncio.open_connection(options.host, options.port))

    tasks = []
    for k in range(total):
        delay = start + k / options.rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(k)))
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    latencies.sort()

    def percentile(p):
        return 1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    print(f"answered {len(statuses)}, non-2xx {sum(1 for s in statuses if not 200 <= s < 300)}, errors {errors[0]}, "
          f"rate {len(statuses) / elapsed:.0f}/s, p50 {percentile(0.5):.2f} ms, p99 {percentile(0.99):.2f} ms")


asyncio.run(main())

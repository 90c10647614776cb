"""Issue 9: what a call costs through the wrapper, against the layers under it; first use."""

from __future__ import annotations

import asyncio
import functools
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import END, HERE, KEY, START, Figure, child_env, interleave, ratio_figure

PATH = "/v1/evals/score-distributions/query"
# The fastest plain httpx: headers set once on the client, the body pre-serialised.
RAW_HEADERS = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}


def start_canned_server() -> tuple[subprocess.Popen[bytes], str]:
    """``bench/canned_server.py`` in its own process, so the server is not what is measured."""
    port_file = Path(tempfile.mkdtemp()) / "port"
    proc = subprocess.Popen([sys.executable, str(HERE / "canned_server.py"), str(port_file)])
    deadline = time.monotonic() + 10
    while not (port_file.exists() and port_file.read_text()):
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("the canned server did not start")
        time.sleep(0.02)
    return proc, f"http://127.0.0.1:{port_file.read_text()}"


def the_query() -> tuple[Any, dict[str, Any], bytes]:
    """The query every variant sends: (the Filter, its request body, that body as bytes)."""
    from helicone_evals import F

    flt = F.model.equals("gpt-4o") & F.cost.gt(0.01)
    payload = {
        "filter": flt.to_dict(),
        "timeFilter": {"start": START.isoformat(), "end": END.isoformat()},
    }
    return flt, payload, json.dumps(payload).encode()


def bench_sync(url: str, rounds: int, calls: int) -> list[Figure]:
    import httpx

    from helicone_evals import HeliconeEvals
    from helicone_evals_generated.client import AuthenticatedClient
    from helicone_evals_generated.client.api.evals import query_score_distributions as endpoint
    from helicone_evals_generated.client.models import EvalQueryParams

    flt, payload, body = the_query()
    raw = httpx.Client(base_url=url, headers=RAW_HEADERS)
    detailed = AuthenticatedClient(base_url=url, token=KEY)
    raw_endpoint = AuthenticatedClient(base_url=url, token=KEY)
    wrapper = HeliconeEvals(KEY, base_url=url)

    def run_raw() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            raw.post(PATH, content=body)
        return (time.perf_counter() - t) / calls

    # What a user of the generated layer writes: an attrs body, a parsed attrs answer.
    def run_detailed() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            endpoint.sync_detailed(client=detailed, body=EvalQueryParams.from_dict(payload))
        return (time.perf_counter() - t) / calls

    # What the wrapper sends through: a pre-encoded body, the httpx.Response as received.
    def run_sync_raw() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            endpoint.sync_raw(client=raw_endpoint, content=body)
        return (time.perf_counter() - t) / calls

    def run_wrapper() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            wrapper.query_score_distributions(flt, start=START, end=END)
        return (time.perf_counter() - t) / calls

    variants = {
        "raw httpx": run_raw,
        "sync_detailed": run_detailed,
        "sync_raw": run_sync_raw,
        "wrapper": run_wrapper,
    }
    for run in variants.values():  # warm up connections and caches
        run()
    times = interleave(variants, rounds)
    raw.close()
    detailed.get_httpx_client().close()
    raw_endpoint.get_httpx_client().close()
    wrapper.close()
    return [
        ratio_figure("9", "sync call: wrapper / raw httpx", times, "wrapper", "raw httpx", 1.10),
        ratio_figure(
            "9",
            "sync call: wrapper / generated sync_detailed",
            times,
            "wrapper",
            "sync_detailed",
            1.05,
        ),
        ratio_figure(
            "9",
            "sync call: wrapper / generated sync_raw (its transport)",
            times,
            "wrapper",
            "sync_raw",
            None,
        ),
    ]


def bench_async(url: str, rounds: int, concurrency: int) -> list[Figure]:
    import httpx

    from helicone_evals import AsyncHeliconeEvals

    flt, _, body = the_query()

    async def main() -> dict[str, list[float]]:
        limits = httpx.Limits(max_connections=concurrency)
        async with (
            httpx.AsyncClient(base_url=url, limits=limits, headers=RAW_HEADERS) as raw,
            AsyncHeliconeEvals(KEY, base_url=url) as wrapper,
        ):

            async def run_raw() -> float:
                t = time.perf_counter()
                await asyncio.gather(*(raw.post(PATH, content=body) for _ in range(concurrency)))
                return (time.perf_counter() - t) / concurrency

            async def run_wrapper() -> float:
                t = time.perf_counter()
                await asyncio.gather(
                    *(
                        wrapper.query_score_distributions(flt, start=START, end=END)
                        for _ in range(concurrency)
                    )
                )
                return (time.perf_counter() - t) / concurrency

            variants = {"raw httpx": run_raw, "wrapper": run_wrapper}
            for run in variants.values():
                await run()
            results: dict[str, list[float]] = {name: [] for name in variants}
            names = list(variants)
            for r in range(rounds):
                for name in names[r % 2 :] + names[: r % 2]:
                    results[name].append(await variants[name]())
            return results

    times = asyncio.run(main())
    return [
        ratio_figure(
            "9",
            f"async, {concurrency} concurrent: wrapper / raw httpx",
            times,
            "wrapper",
            "raw httpx",
            1.10,
        )
    ]


def bench_first_use(url: str, runs: int) -> list[Figure]:
    """Whole fresh processes, interleaved: ``import httpx`` against a first use of the SDK."""
    env = child_env()

    def timed(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return time.perf_counter() - t

    window = f"start={START.isoformat()!r}, end={END.isoformat()!r}"
    codes = {
        "import httpx": "import httpx",
        "import helicone_evals": "import helicone_evals",
        # import, construct a client, send one query and parse its answer
        "first use": (
            "from helicone_evals import F, HeliconeEvals\n"
            f"c = HeliconeEvals({KEY!r}, base_url={url!r})\n"
            f"assert len(c.query_score_distributions(F.model.equals('gpt-4o'), {window}))"
        ),
        "httpx, one post": (
            "import httpx\n"
            f"httpx.post({url + PATH!r}, content=b'{{}}', headers={RAW_HEADERS!r}).json()"
        ),
    }
    variants = {name: functools.partial(timed, code) for name, code in codes.items()}
    for run in variants.values():
        run()  # writes the bytecode caches
    times = interleave(variants, runs)
    ms = {name: statistics.median(t) * 1e3 for name, t in times.items()}
    first = ratio_figure(
        "9",
        "first use (import, client, one answer) / import httpx",
        times,
        "first use",
        "import httpx",
        1.5,
        (1e3, "ms"),
    )
    first.detail += f" per process; httpx importing and posting once {ms['httpx, one post']:.0f} ms"
    bare = ratio_figure(
        "9",
        "import helicone_evals / import httpx",
        times,
        "import helicone_evals",
        "import httpx",
        1.3,
        (1e3, "ms"),
    )
    bare.detail += " per process"
    return [first, bare]

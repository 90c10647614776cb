"""What the SDK costs over the HTTP call it makes, and how it scales: `nox -s bench`.

Every comparison runs its variants side by side, interleaved round by round, so that the
noise of a shared machine falls on all of them alike; results are medians over rounds, with
the spread (interquartile range) beside them, and comparisons are ratios of medians. Prints
each figure with its goal and writes BENCHMARKS.md. Exit status 1 if a goal is missed.

    python bench/run.py [--quick] [--output BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PATH = "/v1/evals/score-distributions/query"
KEY = "sk-bench-not-a-real-key"
END = datetime(2026, 11, 1, tzinfo=UTC)
START = END - timedelta(days=7)


@dataclass
class Figure:
    name: str
    measured: float  # the median: a ratio, or seconds
    spread: str
    goal: float
    unit: str  # "x" for ratios, "ms" or "s" for times
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.measured <= self.goal

    def cells(self) -> list[str]:
        def fmt(v: float) -> str:
            if self.unit == "x":
                return f"{v:.3f}x"
            if self.unit == "ms":
                return f"{v * 1e3:.1f} ms"
            return f"{v:.3f} s"

        return [
            self.name,
            fmt(self.measured),
            self.spread,
            f"<= {fmt(self.goal)}",
            "met" if self.met else "MISSED",
            self.detail,
        ]


def quartiles(values: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def spread_of(values: list[float], scale: float, unit: str) -> str:
    lo, _, hi = quartiles(values)
    return f"IQR {lo * scale:.3g}-{hi * scale:.3g} {unit}"


def interleave(variants: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Run each variant once per round, in rotating order; each call returns seconds per op."""
    results: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            results[name].append(variants[name]())
    return results


def ratio_figure(
    name: str, times: dict[str, list[float]], subject: str, baseline: str, goal: float
) -> Figure:
    # The ratio of each round's pair, so a slow round slows both sides of it alike.
    ratios = [s / b for s, b in zip(times[subject], times[baseline], strict=True)]
    lo, med, hi = quartiles(ratios)
    detail = (
        f"{subject} {statistics.median(times[subject]) * 1e6:.0f} us vs "
        f"{baseline} {statistics.median(times[baseline]) * 1e6:.0f} us per call"
    )
    return Figure(name, med, f"IQR {lo:.3f}-{hi:.3f}", goal, "x", detail)


# -- 1. per-call overhead against a canned local server ----------------------------------------


def start_canned_server() -> tuple[subprocess.Popen[bytes], str]:
    port_file = Path(tempfile.mkdtemp()) / "port"
    proc = subprocess.Popen([sys.executable, str(HERE / "canned_server.py"), str(port_file)])
    deadline = time.monotonic() + 10
    while not (port_file.exists() and port_file.read_text()):
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("the canned server did not start")
        time.sleep(0.02)
    return proc, f"http://127.0.0.1:{port_file.read_text()}"


# The fastest plain httpx: headers set once on the client, the body pre-serialized.
RAW_HEADERS = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}


def the_query() -> tuple[Any, dict[str, Any], bytes]:
    """The query every variant sends: (the Filter, its request body, that body as bytes)."""
    from helicone_evals import F

    flt = F.model.equals("gpt-4o") & F.cost.gt(0.01)
    payload = {
        "filter": flt.to_dict(),
        "timeFilter": {"start": START.isoformat(), "end": END.isoformat()},
    }
    return flt, payload, json.dumps(payload).encode()


def bench_sync_overhead(url: str, rounds: int, calls: int) -> list[Figure]:
    import httpx

    from helicone_evals import HeliconeEvals
    from helicone_evals_generated.client import AuthenticatedClient
    from helicone_evals_generated.client.api.evals import query_score_distributions
    from helicone_evals_generated.client.models import EvalQueryParams

    flt, payload, body = the_query()
    raw = httpx.Client(base_url=url, headers=RAW_HEADERS)
    generated = AuthenticatedClient(base_url=url, token=KEY)
    wrapper = HeliconeEvals(KEY, base_url=url)

    def run_raw() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            raw.post(PATH, content=body)
        return (time.perf_counter() - t) / calls

    def run_generated() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            query_score_distributions.sync_detailed(
                client=generated, body=EvalQueryParams.from_dict(payload)
            )
        return (time.perf_counter() - t) / calls

    def run_wrapper() -> float:
        t = time.perf_counter()
        for _ in range(calls):
            wrapper.query_score_distributions(flt, start=START, end=END)
        return (time.perf_counter() - t) / calls

    variants = {"raw httpx": run_raw, "generated": run_generated, "wrapper": run_wrapper}
    for run in variants.values():  # warm up connections and caches
        run()
    times = interleave(variants, rounds)
    raw.close()
    generated.get_httpx_client().close()
    wrapper.close()
    return [
        ratio_figure("sync call: wrapper / raw httpx", times, "wrapper", "raw httpx", 1.10),
        ratio_figure("sync call: wrapper / generated layer", times, "wrapper", "generated", 1.05),
    ]


def bench_async_overhead(url: str, rounds: int, concurrency: int) -> list[Figure]:
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
            f"async, {concurrency} concurrent: wrapper / raw httpx",
            times,
            "wrapper",
            "raw httpx",
            1.10,
        )
    ]


# -- 2. import cost ----------------------------------------------------------------------------


def bench_import(runs: int) -> list[Figure]:
    # Bytecode caching on, as on a user's machine (some environments turn it off, which
    # would time the compilation of every module instead of importing it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def timed(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return time.perf_counter() - t

    codes = {
        "httpx": "import httpx",
        "helicone_evals": "import helicone_evals",
        # first use of the client loads httpx, pydantic and the generated layer
        "client": "import helicone_evals; helicone_evals.HeliconeEvals",
    }
    variants = {name: (lambda code=code: timed(code)) for name, code in codes.items()}
    for run in variants.values():
        run()  # writes the bytecode caches
    times = interleave(variants, runs)
    figure = ratio_figure(
        "import helicone_evals / import httpx", times, "helicone_evals", "httpx", 1.3
    )
    ms = {name: statistics.median(t) * 1e3 for name, t in times.items()}
    figure.detail = (
        f"per process: helicone_evals {ms['helicone_evals']:.0f} ms, httpx {ms['httpx']:.0f} ms"
        f"; with the client loaded (first use) {ms['client']:.0f} ms"
    )
    return [figure]


# -- 3. builder and parsing ----------------------------------------------------------------------


def median_time(fn: Callable[[], object], runs: int) -> list[float]:
    fn()
    out = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_builder_and_parsing(runs: int) -> list[Figure]:
    import httpx

    from helicone_evals import F
    from helicone_evals._response import parse_result

    def build() -> object:
        expr = F.all_of(*(F.user_id.equals(f"user-{i}") for i in range(10_000)))
        return expr.to_dict()

    # JSON encoding is httpx's work on every path (raw httpx pays it too), so it is shown
    # beside the builder's figure rather than inside it.
    wire = build()
    dumps_times = median_time(lambda: json.dumps(wire), runs)

    sys.path.insert(0, str(HERE))
    from canned_server import canned_body

    body = canned_body(scores=200, buckets=85)
    size = len(body)

    build_times = median_time(build, runs)

    # What the client does with a 200: bytes -> validated -> ScoreDistributions, every bucket.
    def parse() -> int:
        result = parse_result(httpx.Response(200, content=body), KEY)
        return sum(len(d.distribution) for d in result)

    parse_times = median_time(parse, runs)
    return [
        Figure(
            "build + serialize (to_dict) a 10,000-term conjunction",
            statistics.median(build_times),
            spread_of(build_times, 1e3, "ms"),
            0.050,
            "ms",
            f"json.dumps of that wire form: {statistics.median(dumps_times) * 1e3:.1f} ms more",
        ),
        Figure(
            f"parse a {size / 1e6:.2f} MB response of 200 score names",
            statistics.median(parse_times),
            spread_of(parse_times, 1e3, "ms"),
            0.050,
            "ms",
        ),
    ]


# -- 4. the emulator -----------------------------------------------------------------------------


def bench_emulator(runs: int, rows: int) -> list[Figure]:
    from helicone_evals import F, HeliconeEvals
    from helicone_evals.emulator import Emulator

    t = time.perf_counter()
    with Emulator(rows=rows, seed=7) as emu:
        startup = time.perf_counter() - t
        flt = F.model.equals("gpt-4o") & F.cost.gt(0.0005)
        with HeliconeEvals(emu.api_key, base_url=emu.url, timeout=60) as client:
            result: list[int] = []

            def query() -> None:
                dists = client.query_score_distributions(flt, start=timedelta(days=30))
                result[:] = [len(dists)]

            times = median_time(query, runs)
    return [
        Figure(
            f"emulator: filtered query over {rows:,} rows",
            statistics.median(times),
            spread_of(times, 1.0, "s"),
            0.5,
            "s",
            f"HTTP end to end through HeliconeEvals; {result[0]} score names; "
            f"start-up with data generation {startup:.1f} s",
        )
    ]


# -- report ------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def render(figures: list[Figure], settings: str) -> str:
    header = ["benchmark", "median", "spread", "goal", "", "detail"]
    rows = [header, ["---"] * len(header)] + [f.cells() for f in figures]
    table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    met = sum(f.met for f in figures)
    return f"""# Benchmarks

What helicone-evals costs over the HTTP call it makes, and how it scales. Produced by
`bench/run.py`; reproduce with:

    pip install 'nox[uv]' && nox -s bench

Ran {datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")} on {machine()}; {settings}.
Variants run interleaved round by round; figures are medians over rounds with the
interquartile range, and ratios are the median of per-round ratios. The machine is shared
and noisy, so absolute times do not carry from run to run; the ratios do.

{table}

{met} of {len(figures)} goals met.

## What is measured
- **Per-call overhead**: the same query against a canned local HTTP server (a separate
  process, `bench/canned_server.py`, so the server is not what is measured): a bare
  `httpx.Client.post` of the pre-serialized body; the generated layer's
  `query_score_distributions.sync_detailed` with an attrs body built per call; and
  `HeliconeEvals.query_score_distributions` with a prebuilt `Filter`, which also validates
  the arguments, parses the response with the generated pydantic models and returns
  `ScoreDistributions`. Async: rounds of 100 concurrent queries through
  `AsyncHeliconeEvals` against raw `httpx.AsyncClient`.
- **Import cost**: whole `python -c "import ..."` processes, interleaved.
- **Builder**: `F.all_of(*10,000 terms)` then `to_dict()`, the wire form; the time
  `json.dumps` adds (httpx's work on every path) is shown beside it. Measured first, in a
  fresh process, like the parser.
- **Parsing**: response bytes to `ScoreDistributions` (the wrapper's parser).
- **Emulator**: a filtered query over synthetic rows, HTTP end to end.

{(HERE / "findings.md").read_text()}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    rounds, calls, runs = (5, 50, 5) if args.quick else (21, 200, 15)
    settings = f"{rounds} rounds of {calls} sync calls, {runs} runs elsewhere"

    # The builder and the parser first, in a fresh process: what the HTTP benchmarks leave on
    # the heap would otherwise slow the collector during their 10,000s of allocations.
    figures = bench_builder_and_parsing(runs)
    server, url = start_canned_server()
    try:
        figures += bench_sync_overhead(url, rounds, calls)
        figures += bench_async_overhead(url, rounds, 100)
    finally:
        server.kill()
        server.wait()
    figures += bench_import(runs * 2 + 1)
    figures += bench_emulator(max(3, runs // 2), args.rows)
    order = ["sync", "async", "import", "build", "parse", "emulator"]
    figures.sort(key=lambda f: next(i for i, k in enumerate(order) if k in f.name))

    width = max(len(f.name) for f in figures)
    for f in figures:
        cells = f.cells()
        print(f"{cells[0]:<{width}}  {cells[1]:>10}  goal {cells[3]:<12} {cells[4]:<6} {cells[5]}")
    args.output.write_text(render(figures, settings))
    print(f"wrote {args.output}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())

"""What the SDK costs over the HTTP call it makes, and how it scales: `nox -s bench`.

Every comparison runs its variants side by side, interleaved round by round, so that the
noise of a shared machine falls on all of them alike; results are medians over rounds, with
the spread (interquartile range) beside them, and comparisons are ratios of medians. Prints
each figure with its goal (the bars of issues 9, 10 and 11) and writes BENCHMARKS.md. Exit
status 1 if a goal is missed.

    python bench/run.py [--quick [--stress]] [--skip-generation] [--output BENCHMARKS.md]

``--quick`` (a smoke run, under 2 minutes) takes fewer rounds, makes 200 writes instead of
1,000 and skips the whole-API generation (about a minute) unless ``--stress`` is given.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from measure import HERE, ROOT, Figure

SECTIONS = {
    "9": "Issue 9: the spec drives every layer",
    "10": "Issue 10: the eval loop against the emulator",
    "11": "Issue 11: comparing two distributions",
}


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


def tables(figures: list[Figure]) -> str:
    header = ["benchmark", "median", "spread", "goal", "", "detail"]
    out = []
    for key, title in SECTIONS.items():
        rows = [header, ["---"] * len(header)]
        rows += [f.cells() for f in figures if f.section == key]
        out.append(f"### {title}\n\n" + "\n".join("| " + " | ".join(r) + " |" for r in rows))
    return "\n\n".join(out)


def render(figures: list[Figure], settings: str) -> str:
    goals = [f for f in figures if f.met is not None]
    waiting = [f for f in figures if f.measured is None]
    summary = f"{sum(bool(f.met) for f in goals)} of {len(goals)} goals met"
    if waiting:
        summary += f"; {len(waiting)} figure(s) pending (see the table)"
    return f"""# Benchmarks

What helicone-evals costs over the HTTP call it makes, and how it scales. Produced by
`bench/run.py`; reproduce with:

    pip install 'nox[uv]' && nox -s bench

Ran {datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")} on {machine()}; {settings}.
Variants run interleaved round by round; figures are medians over rounds with the
interquartile range, and ratios are the median of per-round ratios. The machine is shared
and noisy, so absolute times do not carry from run to run; the ratios do.

{tables(figures)}

{summary}.

## What is measured
- **Per call** (issue 9): the same query against a canned local HTTP server (a separate
  process, `bench/canned_server.py`, so the server is not what is measured): a bare
  `httpx.Client.post` of the pre-serialised body; the generated endpoint as a user of the
  generated layer calls it, `query_score_distributions.sync_detailed` with an attrs body
  built per call (it also parses the answer into attrs models); the generated `sync_raw`
  with the pre-encoded body (the endpoint function the wrapper's transport sends through,
  shown for the wrapper's own share); and `HeliconeEvals.query_score_distributions` with a
  prebuilt `Filter`, which also checks the arguments, validates the answer against the
  generated shape and returns `ScoreDistributions`. Async: rounds of 100 concurrent queries
  through `AsyncHeliconeEvals` against raw `httpx.AsyncClient`.
- **First use**: whole `python -c` processes, interleaved: `import httpx` against importing
  helicone_evals, constructing a client and running one query (connect, send, parse the
  answer) against the canned server; bytecode caches warm, as on a user's machine.
- **Builder**: `F.all_of(*10,000 terms)` then `to_dict()` (the wire form; the bar), and the
  same encoded into the request body the wrapper sends (stdlib JSON encoding on top).
  **Parsing**: answer bytes to `ScoreDistributions` through the transport's parser, every
  bucket read; the answer is over 1 MB of score names with ten bins each (histogram(10) gives
  at most ten). Both are measured first, in a fresh process.
- **Generation**: `scripts/regenerate.py --check` (the selection through both pinned
  generators, the templates and the emitters, compared with `generated/`) and
  `scripts/stress.py` (every operation of the published spec, into a temporary directory),
  each one whole process.
- **Eval loop** (issue 10): the emulator in a process of its own, on a DuckDB file
  (`bench/emulator_proc.py`). 1,000 `client.scores.add` calls one after the other (one request
  each), then 1,000 from 32 concurrent tasks of `AsyncHeliconeEvals` (four score names per
  request, so writes to one request race). Then read back: `client.evals.score_names()` and
  `client.evals.query` counts and means must equal what was written, and after `kill -9` of
  the emulator every acknowledged (request, name, value) must be in the file.
- **Emulator start**: a 1,000,000-row database file made once (cached per emulator version
  and day), then fresh processes timed from launch to serving, and a filtered query over it.
- **Compare** (issue 11): `compare_distributions` on two parsed answers of 200 scores each
  (1-5 scales, booleans and 0-100 scores, binned by the emulator's histogram(10)), warm;
  the first call of a process, which imports SciPy, is shown beside it.

{(HERE / "findings.md").read_text()}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument(
        "--skip-generation", action="store_true", help="skip regenerate --check and stress.py"
    )
    parser.add_argument(
        "--stress", action="store_true", help="with --quick, generate the whole API too"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    rounds, calls, runs = (5, 50, 5) if args.quick else (21, 200, 15)
    # The bar is 1,000 writes; a smoke run makes fewer (the emulator commits each to disk).
    writes = 200 if args.quick else 1000
    stress = not args.skip_generation and (args.stress or not args.quick)
    settings = (
        f"{rounds} rounds of {calls} sync calls, {runs} runs elsewhere, {writes:,} writes"
        + ("" if stress or args.skip_generation else "; whole-API generation not run (--quick)")
    )
    began = time.perf_counter()

    import comparison
    import eval_loop
    import generation
    import overhead
    import payloads

    # The builder, the parser and compare first, in a fresh process: what the HTTP
    # benchmarks leave on the heap would otherwise slow the collector during their
    # 10,000s of allocations.
    figures = payloads.bench_builder_and_parsing(runs)
    figures += comparison.bench_compare(runs)
    server, url = overhead.start_canned_server()
    try:
        figures += overhead.bench_sync(url, rounds, calls)
        figures += overhead.bench_async(url, rounds, 100)
        figures += overhead.bench_first_use(url, runs * 2 + 1)
    finally:
        server.kill()
        server.wait()
    figures += eval_loop.bench_start_and_query(args.rows, 3 if args.quick else 7, runs)
    figures += eval_loop.bench_writes(writes, 32)
    if not args.skip_generation:
        figures += generation.bench_regenerate()
    if stress:
        figures += generation.bench_stress()

    order = list(SECTIONS)
    figures.sort(key=lambda f: order.index(f.section))  # stable: run order within a section
    width = max(len(f.name) for f in figures)
    for f in figures:
        cells = f.cells()
        print(f"{cells[0]:<{width}}  {cells[1]:>10}  goal {cells[3]:<12} {cells[4]:<7} {cells[5]}")
    args.output.write_text(render(figures, settings))
    print(f"wrote {args.output} in {time.perf_counter() - began:.0f} s")
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())

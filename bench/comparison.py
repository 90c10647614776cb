"""Issue 11: what ``compare`` adds to its two queries, on two parsed 200-score answers."""

from __future__ import annotations

import gc
import json
import random
import statistics
import time
from typing import Any

from measure import KEY, Figure, pending, spread_of

NAMES = 200
NAME = "compare two parsed 200-score answers"


def _answer(rng: random.Random, shift: float) -> bytes:
    """A score-distribution answer as the server gives it: each score's bins made by the
    emulator's copy of ClickHouse's histogram(10). Three kinds of score, as in real use:
    1-5 scales and booleans (at most ten distinct values: exact) and 0-100 scores (estimates)."""
    from helicone_evals.emulator import weighted_histogram

    data: list[dict[str, Any]] = []
    for i in range(NAMES):
        n = rng.randint(200, 2000)
        kind = i % 5
        if kind < 3:
            name, values = f"scale-{i}", [1, 2, 3, 4, 5]
            weights = [1.0, 2.0, 4.0 + shift, 3.0, 2.0 + shift]
        elif kind == 3:
            name, values = f"passed-{i}-hcone-bool", [0, 1]
            weights = [1.0, 3.0 + shift]
        else:
            name, values = f"quality-{i}", list(range(0, 101, 2))
            weights = [1.0 + shift * (v > 50) for v in values]
        counts: dict[int, int] = {}
        for v in rng.choices(values, weights, k=n):
            counts[v] = counts.get(v, 0) + 1
        bins = weighted_histogram((float(v), float(c)) for v, c in sorted(counts.items()))
        data.append(
            {
                "name": name,
                "distribution": [{"lower": lo, "upper": up, "value": w} for lo, up, w in bins],
            }
        )
    return json.dumps({"data": data, "error": None}).encode()


def bench_compare(runs: int) -> list[Figure]:
    try:
        from helicone_evals._compare import compare_distributions
    except ImportError as exc:
        return [pending("11", NAME, f"helicone_evals._compare (STATS) not importable: {exc}")]
    try:
        import scipy  # noqa: F401
    except ImportError:
        return [pending("11", NAME, "SciPy (the stats extra) is not installed")]
    import httpx

    from helicone_evals._response import parse_data
    from helicone_evals.resources.evals import parse_distributions
    from helicone_evals_generated.operations import OPERATIONS

    rng = random.Random(11)
    bodies = (_answer(rng, 0.0), _answer(rng, 0.5))
    shape = OPERATIONS["QueryScoreDistributions"].success_shape

    def parsed() -> list[Any]:
        # Fresh objects each time: a result caches what it computes.
        return [
            parse_distributions(parse_data(httpx.Response(200, content=b), shape, KEY))
            for b in bodies
        ]

    def timed() -> float:
        base, cand = parsed()
        gc.collect()
        t = time.perf_counter()
        result = compare_distributions(base, cand)
        elapsed = time.perf_counter() - t
        verdicts.update(row.verdict for row in result)
        exact[:] = [sum(row.exact for row in result), len(result)]
        return elapsed

    verdicts: set[str] = set()
    exact: list[int] = []
    cold = timed()  # the first comparison of the process imports SciPy
    times = [timed() for _ in range(runs)]
    parse_times = []
    for _ in range(runs):
        t = time.perf_counter()
        parsed()
        parse_times.append(time.perf_counter() - t)
    return [
        Figure(
            "11",
            NAME,
            statistics.median(times),
            spread_of(times, 1e3, "ms"),
            0.010,
            "ms",
            f"compare_distributions, warm; the first call of a process (imports SciPy) "
            f"{cold * 1e3:.0f} ms; parsing both answers {statistics.median(parse_times) * 1e3:.1f}"
            f" ms more; {exact[0]} of {exact[1]} scores exact; verdicts seen: "
            f"{', '.join(sorted(verdicts))}",
        )
    ]

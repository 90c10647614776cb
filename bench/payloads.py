"""Issue 9: building a large filter, and parsing a large answer (in a fresh process, first)."""

from __future__ import annotations

import json
import statistics

from canned_server import canned_body
from measure import END, KEY, START, Figure, median_time, spread_of

TERMS = 10_000
MEGABYTE = 1_000_000


def megabyte_answer() -> tuple[bytes, int]:
    """A success answer of at least 1 MB shaped like the server's: histogram(10) gives at most
    ten bins per score, so it is many score names of ten bins each. Returns (body, names)."""
    per_name = len(canned_body(scores=1, buckets=10)) - len(canned_body(scores=0))
    names = MEGABYTE // per_name + 1
    return canned_body(scores=names, buckets=10), names


def bench_builder_and_parsing(runs: int) -> list[Figure]:
    import httpx

    from helicone_evals import F
    from helicone_evals._query import encode_body
    from helicone_evals._response import parse_data
    from helicone_evals.resources.evals import parse_distributions
    from helicone_evals_generated.operations import OPERATIONS

    # Build the filter, then the request body the wrapper sends (filter JSON encoded once).
    def build() -> bytes:
        flt = F.all_of(*(F.user_id.equals(f"user-{i}") for i in range(TERMS)))
        return encode_body(flt, START, END, None, None, None)

    def build_dict() -> object:
        return F.all_of(*(F.user_id.equals(f"user-{i}") for i in range(TERMS))).to_dict()

    dict_times = median_time(build_dict, runs)
    build_times = median_time(build, runs)

    body, names = megabyte_answer()
    shape = OPERATIONS["QueryScoreDistributions"].success_shape

    # What the transport does with a 200: bytes -> validated data -> ScoreDistributions; then
    # every bucket read, as a user reading the answer does.
    def parse() -> int:
        result = parse_distributions(parse_data(httpx.Response(200, content=body), shape, KEY))
        return sum(len(d.distribution) for d in result)

    parse_times = median_time(parse, runs)
    # How fast this machine is right now: the JSON decoding alone of the same bytes.
    loads_times = median_time(lambda: json.loads(body), runs)
    return [
        Figure(
            "9",
            f"build + serialise a {TERMS:,}-term filter (to_dict, the wire form)",
            statistics.median(dict_times),
            spread_of(dict_times, 1e3, "ms"),
            0.025,
            "ms",
            "F.all_of(*terms).to_dict()",
        ),
        Figure(
            "9",
            f"build + serialise a {TERMS:,}-term filter (to the request body bytes)",
            statistics.median(build_times),
            spread_of(build_times, 1e3, "ms"),
            None,
            "ms",
            "what the wrapper sends: the above plus JSON encoding (stdlib json)",
        ),
        Figure(
            "9",
            f"parse a {len(body) / 1e6:.2f} MB answer ({names:,} score names x 10 bins)",
            statistics.median(parse_times),
            spread_of(parse_times, 1e3, "ms"),
            0.015,
            "ms",
            "validated against the generated shape, every bucket read; json.loads of the same "
            f"bytes alone {statistics.median(loads_times) * 1e3:.1f} ms",
        ),
    ]

"""Comparing many scores reads all their bins in one vectorised pass (numpy, with SciPy): each
side's figures must be exactly those the distribution's own methods give, one at a time."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helicone_evals import Bucket, NotExactError, ScoreDistribution
from helicone_evals._compare import Side, compare_distributions
from helicone_evals.emulator import histogram

pytest.importorskip("scipy")

# Enough scores per side for the vectorised pass (it starts at 16).
MANY = 20


def parsed(name: str, bins: list[tuple[float, float, float]]) -> ScoreDistribution:
    """As a query answer gives it: validated wire dicts of floats, bins made on first read."""
    wire = [{"lower": float(lo), "upper": float(up), "value": float(v)} for lo, up, v in bins]
    return ScoreDistribution._from_wire(name, wire)


def expected(d: ScoreDistribution) -> tuple[object, ...]:
    """What one distribution says of itself, computed on its own."""
    n = round(d.total)
    try:
        counts: object = d.counts()
    except NotExactError as exc:
        counts = str(exc)
    return (n, d.mean(), d.std() if n >= 2 else None, d.is_exact, *d.mean_bounds(), counts)


def seen(side: Side | None, d: ScoreDistribution) -> tuple[object, ...]:
    assert side is not None
    try:
        counts: object = d.counts()
    except NotExactError as exc:
        counts = str(exc)
    return (side.n, side.mean, side.std, side.exact, side.mean_low, side.mean_high, counts)


scores = st.one_of(
    # At most ten distinct values (exact), small or wide apart.
    st.lists(st.integers(-50, 50), min_size=1, max_size=10, unique=True).flatmap(
        lambda pool: st.lists(st.sampled_from(pool), min_size=1, max_size=200)
    ),
    st.lists(st.integers(-(10**6), 10**6), min_size=1, max_size=10, unique=True).flatmap(
        lambda pool: st.lists(st.sampled_from(pool), min_size=1, max_size=60)
    ),
    # Many distinct values: merged bins, estimates and bounds.
    st.lists(st.integers(0, 100), min_size=1, max_size=300),
    st.lists(st.floats(-1e3, 1e3, allow_nan=False).map(lambda x: round(x, 2)), max_size=80),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(scores.filter(bool), min_size=MANY, max_size=MANY + 10), st.data())
def test_many_scores_get_the_figures_each_gives_alone(
    samples: list[list[float]], data: st.DataObject
) -> None:
    names = [f"score-{i}" for i in range(len(samples))]
    bins = [histogram(s) for s in samples]
    # Some sides built by hand from Bucket objects, as a user may.
    by_hand = data.draw(st.sets(st.integers(0, len(samples) - 1)))
    side = [
        ScoreDistribution(name, [Bucket(*b) for b in bs]) if i in by_hand else parsed(name, bs)
        for i, (name, bs) in enumerate(zip(names, bins, strict=True))
    ]
    alone = [parsed(name, bs) for name, bs in zip(names, bins, strict=True)]

    result = compare_distributions(side, side)

    assert len(result) == len(alone)
    for d in alone:
        assert seen(result[d.name].baseline, d) == expected(d)


def test_bins_no_server_sends_get_the_same_figures_too() -> None:
    odd = [
        [Bucket(0, 2, 1), Bucket(2, 5, 3)],  # ints, and not the smoothing of whole counts
        [Bucket(0.0, 2.0, 1.5), Bucket(2.0, 5.0, 3.0)],  # floats, not whole counts either
        [Bucket(1.0, 1.0, 0.0), Bucket(2.0, 2.0, 4.0)],  # a bin that weighs nothing
        [Bucket(0.0, 1.0, 2.0), Bucket(3.0, 4.0, 2.0)],  # whole counts, edges not chained
        [Bucket(5.0, 5.0, 3.0)],
    ]
    side = [ScoreDistribution(f"odd-{i}", b) for i, b in enumerate(odd)]
    side += [parsed(f"fill-{i}", histogram(range(i + 1))) for i in range(MANY)]
    result = compare_distributions(side, side)
    for d in side:
        alone = ScoreDistribution(d.name, d.distribution)
        if not math.isclose(alone.total, 0.0):
            assert seen(result[d.name].baseline, alone) == expected(alone)

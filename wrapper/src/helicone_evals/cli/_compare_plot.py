"""A comparison as a PNG (matplotlib, the ``plot`` extra): both sides' histograms overlaid.

Heights are each side's share of its scored requests, so two sides of different sizes
compare by shape; the legend gives each side's n and mean.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._compare import Comparison
    from .._results import ScoreDistribution

__all__ = ["write_comparison_png"]

_COLOURS = {"baseline": "#8c8c8c", "candidate": "#e8833a"}


def _bars(ax: Any, dist: ScoreDistribution, label: str, minimum: float) -> None:
    total = dist.total
    if total <= 0:
        return
    for index, bucket in enumerate(dist.distribution):
        width = max(bucket.upper - bucket.lower, minimum)
        left = bucket.lower if bucket.upper > bucket.lower else bucket.lower - width / 2
        ax.bar(
            left,
            bucket.value / total,
            width=width,
            align="edge",
            color=_COLOURS[label],
            alpha=0.55,
            edgecolor="white",
            label=f"{label} (n={total:,.0f}, mean {dist.mean():.4g})" if index == 0 else None,
        )


def write_comparison_png(
    result: Comparison,
    baseline: Iterable[ScoreDistribution],
    candidate: Iterable[ScoreDistribution],
    path: str | Path,
) -> Path:
    """One chart per compared score, the baseline's and the candidate's bins overlaid.

    Raises ImportError when matplotlib is not installed, OSError when ``path`` cannot be
    written.
    """
    import matplotlib

    matplotlib.use("Agg")  # no display needed, and no GUI toolkit imported
    import matplotlib.pyplot as plt

    sides = {"baseline": {d.name: d for d in baseline}, "candidate": {d.name: d for d in candidate}}
    rows = list(result)
    count = max(1, len(rows))
    columns = min(2, count)
    height = math.ceil(count / columns)
    fig, axes = plt.subplots(height, columns, figsize=(6 * columns, 3.4 * height), squeeze=False)
    flat: list[Any] = [ax for line in axes for ax in line]
    try:
        for ax, row in zip(flat, rows, strict=False):
            present = [(label, sides[label].get(row.name)) for label in ("baseline", "candidate")]
            edges = [
                edge
                for _, dist in present
                if dist is not None
                for bucket in dist.distribution
                for edge in (bucket.lower, bucket.upper)
            ]
            span = (max(edges) - min(edges)) if edges else 1.0
            minimum = (span or 1.0) / 60  # a single-value bin still shows as a bar
            for label, dist in present:
                if dist is not None:
                    _bars(ax, dist, label, minimum)
            ax.set_title(f"{row.name}: {row.verdict}", fontsize=10)
            ax.set_ylabel("share of requests")
            ax.grid(axis="y", alpha=0.3)
            ax.legend(fontsize=8)
        for ax in flat[len(rows) :]:
            ax.set_visible(False)
        if not rows:
            flat[0].set_visible(True)
            flat[0].text(0.5, 0.5, "No scored requests on either side", ha="center")
            flat[0].set_axis_off()
        fig.suptitle("baseline (grey) against candidate (orange)", fontsize=11)
        fig.tight_layout()
        out = Path(path)
        fig.savefig(out, format="png", dpi=110)
    finally:
        plt.close(fig)
    return out

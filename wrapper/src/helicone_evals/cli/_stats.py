"""``helicone-evals stats``: one row per score (n, mean, min, max) and an hourly sparkline.

The summaries are what ``client.evals.query`` returns: objects with ``name``, ``count``,
``mean``, ``min_score``, ``max_score``, hourly ``over_time`` (date, count) and
``average_over_time`` (date, value).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ._render import fmt

__all__ = ["hourly", "render_stats", "sparkline", "summaries_to_json"]

_SPARKS = "▁▂▃▄▅▆▇█"
_MAX_SPARK = 48


def _get(item: Any, name: str, position: int | None = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name)
    if hasattr(item, name):
        return getattr(item, name)
    if position is not None and isinstance(item, Sequence) and len(item) > position:
        return item[position]
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def hourly(summary: Any) -> list[tuple[Any, float, float | None]]:
    """(hour, count, mean of that hour or None when empty), from a summary's two series."""
    counts = list(_get(summary, "over_time") or ())
    averages = list(_get(summary, "average_over_time") or ())
    points: list[tuple[Any, float, float | None]] = []
    for index, entry in enumerate(counts):
        count = _number(_get(entry, "count", 1)) or 0.0
        average = _number(_get(averages[index], "value", 1)) if index < len(averages) else None
        points.append((_get(entry, "date", 0), count, average if count > 0 else None))
    return points


def sparkline(points: Sequence[tuple[Any, float, float | None]], width: int) -> str:
    """The hourly means in at most ``width`` cells, each merging an equal share of the hours
    (weighted by their counts); a blank cell has no scores. Levels span the lowest to the
    highest cell.
    """
    if not points or width <= 0:
        return ""
    size = min(width, len(points))
    cells: list[float | None] = []
    for index in range(size):
        share = points[index * len(points) // size : (index + 1) * len(points) // size]
        group = [(c, m) for _, c, m in share if m is not None and c > 0]
        weight = sum(c for c, _ in group)
        cells.append(sum(c * m for c, m in group) / weight if weight else None)
    present = [value for value in cells if value is not None]
    if not present:
        return " " * len(cells)
    low, high = min(present), max(present)
    top = len(_SPARKS) - 1
    return "".join(
        " "
        if value is None
        else _SPARKS[top // 2 if high == low else round((value - low) / (high - low) * top)]
        for value in cells
    )


def _cell(value: Any) -> str:
    number = _number(value)
    return "\u2013" if number is None else fmt(number)


def _extreme(value: Any, has_gaps: bool) -> str:
    # The server takes min/max over every hour of the window, an hour without the score
    # counting as 0: a 0 is then not a score anyone wrote.
    text = _cell(value)
    return text + "*" if has_gaps and _number(value) == 0 else text


def render_stats(console: Console, summaries: Iterable[Any]) -> None:
    """A table with a row per score, its sparkline fitted to the console's width."""
    items = list(summaries)
    if not items:
        console.print(Text("No scores in this window.", style="yellow"))
        return
    series = [hourly(s) for s in items]
    rows = []
    for summary, points in zip(items, series, strict=True):
        gaps = any(count == 0 for _, count, _ in points)
        rows.append(
            [
                str(_get(summary, "name")),
                _cell(_get(summary, "count")),
                _cell(_get(summary, "mean")),
                _extreme(_get(summary, "min_score"), gaps),
                _extreme(_get(summary, "max_score"), gaps),
            ]
        )
    headers = ["score", "n", "mean", "min", "max"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    # Two cells of padding per column, six columns: the sparkline takes what is left.
    room = console.width - sum(widths) - 2 * 6
    longest = max((len(points) for points in series), default=0)
    spark_width = max(1, min(_MAX_SPARK, room, longest or 1))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=True, padding=(0, 1))
    for header, width in zip(headers, widths, strict=True):
        justify: Any = "left" if header == "score" else "right"
        table.add_column(header, justify=justify, no_wrap=True, min_width=width)
    table.add_column("hourly mean", style="green", no_wrap=True, width=spark_width)
    for row, points in zip(rows, series, strict=True):
        table.add_row(*row, sparkline(points, spark_width))
    console.print(table)
    if any(row[3].endswith("*") or row[4].endswith("*") for row in rows):
        console.print(
            Text(
                "* the server counts hours without this score as 0",
                style="dim",
            )
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def summaries_to_json(summaries: Iterable[Any]) -> list[dict[str, Any]]:
    """The summaries as JSON-ready dicts: the API's fields, ``mean``, and both hourly series."""
    out: list[dict[str, Any]] = []
    for summary in summaries:
        item = {
            key: _jsonable(_get(summary, key))
            for key in ("name", "count", "mean", "average_score", "min_score", "max_score")
        }
        item["over_time"] = [
            {"date": _jsonable(_get(e, "date", 0)), "count": _get(e, "count", 1)}
            for e in _get(summary, "over_time") or ()
        ]
        item["average_over_time"] = [
            {"date": _jsonable(_get(e, "date", 0)), "value": _jsonable(_get(e, "value", 1))}
            for e in _get(summary, "average_over_time") or ()
        ]
        out.append(item)
    return out

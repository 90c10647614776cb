"""What every benchmark shares: a figure with its goal, interleaved rounds, medians and spreads."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KEY = "sk-bench-not-a-real-key"
END = datetime(2026, 11, 1, tzinfo=UTC)
START = END - timedelta(days=7)


@dataclass
class Figure:
    """One measured figure. ``goal`` None: reported without a bar. ``measured`` None: not
    measured (``detail`` says why: a piece another engineer is still writing)."""

    section: str  # "9", "10" or "11": the issue whose bar it is
    name: str
    measured: float | None  # the median: a ratio, seconds, a count or a rate
    spread: str
    goal: float | None
    unit: str  # "x" ratio, "ms"/"s" seconds, "n" count, "/s" rate
    detail: str = ""

    @property
    def met(self) -> bool | None:
        if self.measured is None or self.goal is None:
            return None
        return self.measured <= self.goal

    def fmt(self, v: float) -> str:
        if self.unit == "x":
            return f"{v:.3f}x"
        if self.unit == "ms":
            return f"{v * 1e3:.1f} ms"
        if self.unit == "n":
            return f"{v:,.0f}"
        if self.unit == "/s":
            return f"{v:,.0f}/s"
        return f"{v:.3f} s"

    def cells(self) -> list[str]:
        status = {True: "met", False: "MISSED", None: ""}[self.met]
        if self.measured is None:
            status = "pending"
        return [
            self.name,
            "-" if self.measured is None else self.fmt(self.measured),
            self.spread,
            "" if self.goal is None else f"<= {self.fmt(self.goal)}",
            status,
            self.detail,
        ]


def pending(section: str, name: str, why: str) -> Figure:
    return Figure(section, name, None, "", None, "", why)


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def spread_of(values: list[float], scale: float, unit: str) -> str:
    lo, _, hi = quartiles(values)
    return f"IQR {lo * scale:.3g}-{hi * scale:.3g} {unit}"


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by the nearest-rank method."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def interleave(variants: Mapping[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Run each variant once per round, in rotating order; each call returns seconds per op."""
    results: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            results[name].append(variants[name]())
    return results


def ratio_figure(
    section: str,
    name: str,
    times: dict[str, list[float]],
    subject: str,
    baseline: str,
    goal: float | None,
    scale: tuple[float, str] = (1e6, "us"),
) -> Figure:
    # The ratio of each round's pair, so a slow round slows both sides of it alike.
    ratios = [s / b for s, b in zip(times[subject], times[baseline], strict=True)]
    lo, med, hi = quartiles(ratios)
    factor, unit = scale
    detail = (
        f"{subject} {statistics.median(times[subject]) * factor:.0f} {unit} vs "
        f"{baseline} {statistics.median(times[baseline]) * factor:.0f} {unit}"
    )
    return Figure(section, name, med, f"IQR {lo:.3f}-{hi:.3f}", goal, "x", detail)


def median_time(fn: Callable[[], object], runs: int, warm: bool = True) -> list[float]:
    """``runs`` timings of ``fn()`` (after one untimed call when ``warm``), each after a GC."""
    if warm:
        fn()
    out = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def child_env() -> dict[str, str]:
    """The environment of timed child processes: bytecode caching on, as on a user's machine
    (some environments turn it off, which would time compiling every module, not importing)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed_process(
    args: list[str], timeout: float = 600
) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall seconds of a child process run to completion, and its outcome (never raises)."""
    t = time.perf_counter()
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    return time.perf_counter() - t, done


def python(*args: str) -> list[str]:
    return [sys.executable, *args]

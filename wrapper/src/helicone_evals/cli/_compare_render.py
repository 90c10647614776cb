"""A comparison as people read it: a coloured terminal table, or a GitHub Markdown table.

Both show, per score, each side's n and mean ± standard deviation, the difference
(candidate - baseline), its confidence interval, the p-value and the verdict. Boolean scores
show as pass rates in percent and their differences in percentage points (pp). ``~`` marks
an estimate: the server merged the bins of a score with more than ten distinct values.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from .._compare import Comparison, ScoreComparison, Side

__all__ = ["comparison_markdown", "render_comparison", "table_cells"]

_DASH = "\u2013"
_STYLES = {
    "better": "bold green",
    "worse": "bold red",
    "no change": "dim",
    "only in baseline": "yellow",
    "only in candidate": "yellow",
}
_MARKS = {
    "better": "\U0001f7e2",  # green circle
    "worse": "\U0001f534",  # red circle
    "no change": "\u26aa",  # white circle
    "only in baseline": "\U0001f7e1",  # yellow circle
    "only in candidate": "\U0001f7e1",
}
ESTIMATE_NOTE = "~ estimate: more than 10 distinct scores, so the server merged bins"


def _number(value: float, *, signed: bool = False) -> str:
    sign = "+" if signed else ""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    size = abs(value)
    if size >= 10_000:
        return f"{value:{sign},.0f}"
    if size >= 1:
        return f"{value:{sign}.4g}"
    return f"{value:{sign}.3g}"


def _figure(value: float | None, proportion: bool, *, signed: bool = False) -> str:
    if value is None:
        return _DASH
    if proportion:
        text = f"{100 * value:{'+' if signed else ''}.1f}"
        return text + (" pp" if signed else "%")
    return _number(value, signed=signed)


def _mean(side: Side | None, proportion: bool) -> str:
    if side is None:
        return _DASH
    mark = "" if side.exact else "~"
    if proportion:
        return f"{mark}{_figure(side.mean, True)}"
    spread = "" if side.std is None else f" \u00b1 {_number(side.std)}"
    return f"{mark}{_number(side.mean)}{spread}"


def _p(value: float | None) -> str:
    if value is None:
        return _DASH
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def table_cells(row: ScoreComparison) -> list[str]:
    """One row's cells: score, n, mean ± std (twice), difference, interval, p, verdict."""
    proportion = row.kind == "proportion"
    mark = "" if row.exact else "~"
    interval = _DASH
    if row.ci_low is not None and row.ci_high is not None:
        low = _figure(row.ci_low, proportion, signed=True).removesuffix(" pp")
        interval = f"{mark}[{low}, {_figure(row.ci_high, proportion, signed=True)}]"
    difference = _figure(row.difference, proportion, signed=True)
    return [
        row.name,
        _DASH if row.baseline is None else f"{row.baseline.n:,}",
        _mean(row.baseline, proportion),
        _DASH if row.candidate is None else f"{row.candidate.n:,}",
        _mean(row.candidate, proportion),
        difference if row.difference is None else mark + difference,
        interval,
        _p(row.p_value),
        row.verdict + (" (lower is better)" if row.lower_is_better else ""),
    ]


def _terminal_cells(cells: list[str]) -> list[str]:
    """The flat cells folded for the terminal: score, baseline, candidate, difference."""
    name, base_n, base_mean, cand_n, cand_mean, difference, interval, p, _ = cells
    tested = [
        part for part in (interval, f"p{p}" if p.startswith("<") else f"p={p}") if _DASH not in part
    ]
    return [
        name,
        base_mean if base_n == _DASH else f"{base_mean}\nn={base_n}",
        cand_mean if cand_n == _DASH else f"{cand_mean}\nn={cand_n}",
        "\n".join([difference, *tested]),
    ]


def _lines(cell: str) -> Text:
    """The first line plain, the next ones dim (n, the interval, p)."""
    from rich.text import Text

    first, *rest = cell.split("\n")
    text = Text(first)
    for line in rest:
        text.append("\n" + line, style="dim")
    return text


def _headers(result: Comparison) -> list[str]:
    level = f"{100 * (1 - result.alpha):g}% CI"
    return [
        "score",
        "baseline n",
        "baseline mean \u00b1 std",
        "candidate n",
        "candidate mean \u00b1 std",
        "difference",
        level,
        "p",
        "verdict",
    ]


def _notes(result: Comparison) -> list[str]:
    """The rows' and the comparison's notes; estimates are marked ``~`` and footnoted once."""
    notes = []
    for row in result:
        kept = [n for n in (row.note or "").split("; ") if n and not n.startswith("estimated")]
        if kept:
            notes.append(f"{row.name}: {'; '.join(kept)}")
    return notes + list(result.notes)


Label = tuple[str, str]  # a side's (filter, window), as the header shows them


def render_comparison(
    console: Console, result: Comparison, baseline: Label, candidate: Label
) -> None:
    """Print the header naming both sides, the table, the notes and a one-line summary."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    for title, (filter_label, window_label) in (
        ("Baseline   ", baseline),
        ("Candidate  ", candidate),
    ):
        console.print(
            Text.assemble((title, "bold"), filter_label, ("  \u00b7  ", "dim"), window_label)
        )
    if result.empty:
        console.print(Text(f"No scored requests: {result.message}.", style="yellow"))
        return
    # Two lines a cell (n under the mean, the interval under the difference) keep the table
    # within 80 columns; numbers never wrap, the score name and the verdict may.
    headers = _headers(result)
    lines = [_terminal_cells(table_cells(row)) for row in result]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1))
    longest = max((len(row.name) for row in result), default=5)
    table.add_column("score", overflow="fold", min_width=min(longest, 24))
    titles = ("baseline", "candidate", f"difference\n{headers[6]}\np")
    for index, header in enumerate(titles, start=1):
        widest = max(len(part) for cells in lines for part in cells[index].split("\n"))
        table.add_column(header, justify="right", no_wrap=True, min_width=widest)
    table.add_column("verdict", overflow="fold")
    for row, cells in zip(result, lines, strict=True):
        name = Text(row.name)
        if row.lower_is_better:
            name.append(" \u2193", style="bold")
        table.add_row(
            name,
            *(_lines(cell) for cell in cells[1:4]),
            Text(row.verdict, style=_STYLES[row.verdict]),
        )
    console.print(table)
    for note in _notes(result):
        console.print(Text(note, style="dim"))
    if any(not row.exact for row in result):
        console.print(Text(ESTIMATE_NOTE, style="dim"))
    if any(row.lower_is_better for row in result):
        console.print(Text("\u2193 lower is better", style="dim"))
    console.print(result.message)


def _md(text: str) -> str:
    """Text safe in a Markdown table cell (GitHub reads ``\\|`` as a pipe, even in code)."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def comparison_markdown(result: Comparison, baseline: Label, candidate: Label) -> str:
    """The comparison as GitHub-flavoured Markdown: a heading, both sides, a table, notes."""
    lines = [
        "### Score comparison",
        "",
        f"**Baseline:** {_code(baseline[0])} \u00b7 {baseline[1]}  ",
        f"**Candidate:** {_code(candidate[0])} \u00b7 {candidate[1]}",
        "",
    ]
    if result.empty:
        lines.append(f"No scored requests: {result.message}.")
        return "\n".join(lines)
    lines.append("| " + " | ".join(_headers(result)) + " |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for row in result:
        cells = [_md(cell) for cell in table_cells(row)]
        cells[0] = f"`{cells[0]}`"
        strong = row.verdict in ("better", "worse")
        verdict = f"**{cells[-1]}**" if strong else cells[-1]
        cells[-1] = f"{_MARKS[row.verdict]} {verdict}"
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(f"{result.message} (alpha {result.alpha:g})")
    notes = _notes(result)
    if any(not row.exact for row in result):
        notes.append(ESTIMATE_NOTE)
    if notes:
        lines.append("")
        lines.extend("- " + note.replace("\n", " ") for note in notes)
    return "\n".join(lines)

"""What mypy --strict (and so an editor) sees of the methods written once: four typed variants."""

from __future__ import annotations

from pathlib import Path

from mypy import api

SNIPPET = """
from datetime import timedelta
from helicone_evals import AsyncHeliconeEvals, HeliconeEvals

async def use(c: HeliconeEvals, a: AsyncHeliconeEvals) -> None:
    reveal_type(c.evals.score_distributions(start=timedelta(days=1)))
    reveal_type(c.query_score_distributions(start=timedelta(days=1)))
    reveal_type(await a.evals.query(start=timedelta(days=1)))
    reveal_type(c.with_raw_response.evals.query(start=timedelta(days=1)))
    reveal_type(await a.with_raw_response.scores.add("id", {"a": 1}))
    reveal_type(c.request("GetEvalScores"))
    reveal_type(c.scores.wait_until_visible("id", ["a"]))
    reveal_type(await a.evals.score_names())
    c.evals.score_distributions(start=timedelta(days=1), nope=2)
    c.scores.feedback("id", rating="yes")
    c.with_raw_response.scores.wait_until_visible("id", ["a"])
"""


SUMMARIES = "helicone_evals._evals.EvalSummaries"


def test_mypy_sees_each_variant_with_the_one_signature(tmp_path: Path) -> None:
    source = tmp_path / "snippet.py"
    source.write_text(SNIPPET)
    out, _, _ = api.run(["--strict", "--no-incremental", "--config-file", "/dev/null", str(source)])
    lines = [line.split(": ", 2)[-1] for line in out.splitlines() if "snippet.py:" in line]
    assert lines[:8] == [
        'Revealed type is "helicone_evals._results.ScoreDistributions"',
        'Revealed type is "helicone_evals._results.ScoreDistributions"',
        f'Revealed type is "{SUMMARIES}"',
        f'Revealed type is "helicone_evals._response.RawResponse[{SUMMARIES}]"',
        'Revealed type is "helicone_evals._response.RawResponse[None]"',
        'Revealed type is "Any"',
        'Revealed type is "helicone_evals._results.ScoreDistributions"',
        'Revealed type is "list[str]"',
    ], out
    errors = "\n".join(lines[8:])
    assert 'Unexpected keyword argument "nope"' in errors
    assert 'Argument "rating" has incompatible type "str"; expected "bool"' in errors
    # a method of several requests has no raw-response variant
    assert (
        'Argument 1 to "__get__" of "composite" has incompatible type "Scores[SyncRaw]"' in errors
    )
    assert len(lines) == 11, out

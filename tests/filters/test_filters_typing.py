"""What mypy --strict (and so an IDE) sees of F: every field typed, unknown names flagged."""

from __future__ import annotations

from pathlib import Path

from mypy import api

SNIPPET = """
from datetime import datetime, timezone
from helicone_evals import F, Filter

reveal_type(F.model)
reveal_type(F.cost)
reveal_type(F.request_created_at)
reveal_type(F.helicone_score_feedback)
reveal_type(F.properties["env"])
reveal_type(F["helicone-score-feedback"])
reveal_type(F["latency"])
reveal_type(F.cost > 0.01)
reveal_type(F.model.equals("x") & F.cached.equals(True))
reveal_type(Filter.from_dict("all").to_dict())
ok: Filter = F.request_created_at.gte(datetime.now(timezone.utc)) | ~F.model.contains("mini")

reveal_type(F.cached != True)

F.cost.contains("x")
F.nosuchfield
F.latency.gt("fast")
F.model.like(1)
F.model = F.cost
"""


def test_mypy_sees_typed_fields_and_flags_mistakes(tmp_path: Path) -> None:
    source = tmp_path / "snippet.py"
    source.write_text(SNIPPET)
    out, _, _ = api.run(["--strict", "--no-incremental", "--config-file", "/dev/null", str(source)])
    lines = [line.split(": ", 2)[-1] for line in out.splitlines() if "snippet.py:" in line]
    assert lines[:11] == [
        'Revealed type is "helicone_evals.filters._fields.TextField"',
        'Revealed type is "helicone_evals.filters._fields.NumberField"',
        'Revealed type is "helicone_evals.filters._fields.TimestampField"',
        'Revealed type is "helicone_evals.filters._fields.BooleanField"',
        'Revealed type is "helicone_evals.filters._fields.TextField"',
        'Revealed type is "helicone_evals.filters._fields.BooleanField"',
        'Revealed type is "helicone_evals.filters._fields.NumberField"',
        'Revealed type is "helicone_evals.filters._expr.Filter"',
        'Revealed type is "helicone_evals.filters._expr.Filter"',
        'Revealed type is "dict[str, Any] | str"',
        'Revealed type is "helicone_evals.filters._expr.Filter"',
    ]
    errors = "\n".join(lines[11:])
    assert '"NumberField" has no attribute "contains"' in errors
    assert '"FilterBuilder" has no attribute "nosuchfield"' in errors
    # The operator methods come from the generated mixins, so mypy names them.
    assert 'Argument 1 to "gt" of "NumberOperators" has incompatible type "str"' in errors
    assert 'Argument 1 to "like" of "TextOperators" has incompatible type "int"' in errors
    assert 'Property "model" defined in "LeafFields" is read-only' in errors
    assert len(lines) == 17, out  # nothing else: the valid lines type-check

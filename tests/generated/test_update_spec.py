"""scripts/update_spec.py: vendoring a new spec, and refusing what the SDK cannot use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import update_spec

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "openapi"
DOCS_PAGE = ROOT / "tests" / "fixtures" / "docs-page.md"
VENDORED = OPENAPI / "helicone-public-api.json"
OLDER = ROOT / "tests" / "fixtures" / "helicone-public-api-2026-03-27.json"
TITLE_PATCHES = """overlay: 1.0.0
info: {title: titles only, version: 1.0.0}
actions:
  - target: $.components.schemas.EvalFilterNode.anyOf[2]
    update: {title: EvalFilterAll}
"""


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A vendored spec with the project's selection and patches beside it."""
    folder = tmp_path / "openapi"
    folder.mkdir()
    for name in ("selection.toml", "patches.yaml"):
        shutil.copy(OPENAPI / name, folder / name)
    path = folder / "helicone-public-api.json"
    path.write_bytes(b'{"openapi": "3.0.0"}\n')  # stands for the previously vendored spec
    return path


def run(source: Path | str, target: Path) -> int:
    return update_spec.main([str(source), "--target", str(target)])


def test_the_full_published_spec_is_vendored_byte_for_byte_despite_defects_elsewhere(
    target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It reuses 7 operationIds (invalid OpenAPI), none of them selected: that must not block.
    assert run(OLDER, target) == 0
    assert target.read_bytes() == OLDER.read_bytes()
    assert run(VENDORED, target) == 0
    assert target.read_bytes() == VENDORED.read_bytes()
    assert "Vendored" in capsys.readouterr().out


def test_an_unchanged_spec_says_so(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(VENDORED, target) == 0
    assert run(VENDORED, target) == 0
    assert "already this spec" in capsys.readouterr().out


def test_a_yaml_spec_is_vendored_as_served(target: Path, tmp_path: Path) -> None:
    import yaml

    source = tmp_path / "spec.yaml"
    source.write_text(yaml.safe_dump(json.loads(VENDORED.read_text()), sort_keys=False))
    assert run(source, target) == 0
    assert target.read_text() == source.read_text()


def test_a_docs_page_is_vendored_as_the_text_of_its_spec_block(target: Path) -> None:
    # The docs page has one operation: usable with a selection of just that one.
    (target.parent / "selection.toml").write_text('operations = ["QueryScoreDistributions"]\n')
    (target.parent / "patches.yaml").write_text(TITLE_PATCHES)
    assert run(DOCS_PAGE, target) == 0
    assert target.read_text().startswith("openapi: 3.0.0\ninfo:\n  title: helicone-api\n")


def test_a_docs_page_lacking_selected_operations_is_refused_naming_them(
    target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = target.read_bytes()
    assert run(DOCS_PAGE, target) == 2
    err = capsys.readouterr().err
    assert "unknown operationId in openapi/selection.toml: QueryEvals, GetEvalScores," in err
    assert "left untouched" in err
    assert target.read_bytes() == before


def test_a_spec_whose_selected_subset_is_invalid_is_refused(
    target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = json.loads(VENDORED.read_text())
    spec["paths"]["/v1/evals/scores"]["get"]["responses"]["200"].pop("description")
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(spec))
    before = target.read_bytes()
    assert run(source, target) == 2
    err = capsys.readouterr().err
    assert "the selected subset is not valid OpenAPI 3.0.0 at paths//v1/evals/scores" in err
    assert target.read_bytes() == before


def test_a_spec_where_a_patch_no_longer_applies_is_refused(
    target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = json.loads(VENDORED.read_text())
    spec["components"]["schemas"]["ScoreDistribution"]["properties"].pop("distribution")
    source = tmp_path / "changed.json"
    source.write_text(json.dumps(spec))
    assert run(source, target) == 2
    assert "ScoreDistribution.properties.distribution.items' selects nothing" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("# Just a page\n\nNo spec here.\n", "no spec found"),
        ("title: x\npaths: {}\n", "not an OpenAPI 3 document (no 'openapi' key)"),
        (
            "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n",
            "a Swagger 2.0 document; expected OpenAPI 3",
        ),
        ("openapi: 3.0.0\ninfo: {title: x}\n", "no 'paths' mapping"),
        ("openapi: 3.0.0\npaths: {\n", "not YAML or JSON"),
        ('{"openapi": "3.0.0", "paths": {', "not valid JSON"),
        ("- a\n- b\n", "expected a mapping"),
    ],
)
def test_input_that_is_not_an_openapi_3_document_is_refused_and_nothing_changes(
    target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, reason: str
) -> None:
    before = target.read_bytes()
    source = tmp_path / "input.md"
    source.write_text(content)
    assert run(source, target) == 2
    err = capsys.readouterr().err
    assert reason in err
    assert "left untouched" in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "helicone-public-api.json",
        "patches.yaml",
        "selection.toml",
    ]


def test_an_unreadable_source_is_refused(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("/no/such/file.yaml", target) == 2
    assert "cannot read /no/such/file.yaml" in capsys.readouterr().err

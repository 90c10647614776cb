"""scripts/update_spec.py: vendoring a new spec, and refusing what is not one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import update_spec
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS_PAGE = ROOT / "tests" / "fixtures" / "docs-page.md"
VENDORED = ROOT / "openapi" / "helicone-api.yaml"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "openapi" / "helicone-api.yaml"
    path.parent.mkdir()
    path.write_bytes(b"openapi: 3.0.0 # the previously vendored spec\n")
    return path


def run(source: Path | str, target: Path) -> int:
    return update_spec.main([str(source), "--target", str(target)])


def test_a_docs_page_is_vendored_as_the_text_of_its_spec_block(target: Path) -> None:
    assert run(DOCS_PAGE, target) == 0
    assert target.read_bytes() == VENDORED.read_bytes()
    assert target.read_text().startswith("openapi: 3.0.0\ninfo:\n  title: helicone-api\n")


def test_a_plain_yaml_spec_is_vendored_byte_for_byte(target: Path, tmp_path: Path) -> None:
    source = tmp_path / "spec.yaml"
    source.write_bytes(VENDORED.read_bytes().replace(b"version: 1.0.0", b"version: 1.1.0"))
    assert run(source, target) == 0
    assert target.read_bytes() == source.read_bytes()


def test_a_json_spec_is_vendored_as_served(target: Path, tmp_path: Path) -> None:
    source = tmp_path / "spec.json"
    source.write_text(json.dumps(yaml.safe_load(VENDORED.read_text()), indent=2))
    assert run(source, target) == 0
    assert target.read_text() == source.read_text()


def test_an_unchanged_spec_says_so(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(DOCS_PAGE, target) == 0
    assert run(DOCS_PAGE, target) == 0
    assert "already this spec" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("# Just a page\n\nNo spec here.\n", "no spec found"),
        ("title: x\npaths: {}\n", "not an OpenAPI 3 document (no 'openapi' key)"),
        (
            "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n",
            "a Swagger 2.0 document; expected OpenAPI 3",
        ),
        ("openapi: 3.0.0\ninfo: {title: x}\npaths: {}\n", "invalid OpenAPI 3.0.0 at info"),
        ("openapi: 3.0.0\npaths: {\n", "not YAML or JSON"),
        ("- a\n- b\n", "expected a mapping"),
        (
            "```yaml\nopenapi: 3.0.0\ninfo: {title: x, version: '1'}\n"
            "paths:\n  /a: {get: {}}\n```\n",
            "invalid OpenAPI 3.0.0 at paths/",
        ),
    ],
)
def test_input_that_is_not_a_valid_openapi_3_document_is_refused_and_nothing_changes(
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
    assert sorted(p.name for p in target.parent.iterdir()) == ["helicone-api.yaml"]


def test_an_unreadable_source_is_refused(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("/no/such/file.yaml", target) == 2
    assert "cannot read /no/such/file.yaml" in capsys.readouterr().err

"""Issue 9's proofs across the layers: a spec change flows through `regenerate` alone.

On a temporary copy of the whole project, a scripted edit of the vendored spec (or of the
selection), then the real regenerate, then the wrapper from that copy in a fresh process:
(a) a new text field on the leaf schema is a typed field of `F`, with no file under wrapper/
changed; (c) an operation added to the selection is callable through the wrapper's transport,
with retries and typed errors, against a local server.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path("openapi/helicone-public-api.json")
LEAF = "Partial_RequestResponseRMTToOperators_"

pytestmark = pytest.mark.regen


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project: what regeneration reads and writes, and the wrapper."""
    ignore = shutil.ignore_patterns("__pycache__", ".*", "*.egg-info")
    for part in ("openapi", "generated", "scripts", "requirements", "wrapper"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=ignore)
    return tmp_path


def regen(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(root / "scripts" / "regenerate.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def env_for(root: Path) -> dict[str, str]:
    """Imports come from the copy: PYTHONPATH is searched before the editable installs."""
    path = os.pathsep.join([str(root / "generated/src"), str(root / "wrapper/src")])
    return {**os.environ, "PYTHONPATH": path, "MYPYPATH": path}


def run_python(root: Path, code: str) -> subprocess.CompletedProcess[str]:
    check_origin = (
        "import helicone_evals, helicone_evals_generated\n"
        f"assert helicone_evals.__file__.startswith({str(root)!r}), helicone_evals.__file__\n"
        f"assert helicone_evals_generated.__file__.startswith({str(root)!r})\n"
    )
    return subprocess.run(
        [sys.executable, "-c", check_origin + textwrap.dedent(code)],
        env=env_for(root),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_new_text_field_on_the_leaf_is_a_typed_field_of_F_with_no_wrapper_edit(
    project: Path,
) -> None:
    wrapper_src = tree_hashes(project / "wrapper/src")
    spec = json.loads((project / SPEC).read_text())
    spec["components"]["schemas"][LEAF]["properties"]["zz_region"] = {
        "$ref": "#/components/schemas/Partial_TextOperators_"
    }
    (project / SPEC).write_text(json.dumps(spec, indent=2))
    regen(project)

    result = run_python(
        project,
        """
        from helicone_evals import F, Filter
        f = F.zz_region.equals("x")
        assert f.to_dict() == {"request_response_rmt": {"zz_region": {"equals": "x"}}}, f.to_dict()
        assert F.parse("zz_region == 'x'") == f
        assert F.parse(str(f)) == f
        assert Filter.from_dict(f.to_dict()) == f
        """,
    )
    assert result.returncode == 0, result.stderr

    (project / "uses_ok.py").write_text(
        'from helicone_evals import F\n\nok = F.zz_region.equals("x")\n'
    )
    (project / "uses_bad.py").write_text(
        "from helicone_evals import F\n\nbad = F.zz_region.gt(1)\n"
    )
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",
            "--no-incremental",
            "uses_ok.py",
            "uses_bad.py",
        ],
        cwd=project,
        env=env_for(project),
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in mypy.stdout.splitlines() if ": error:" in line]
    assert errors, mypy.stdout + mypy.stderr
    assert all(line.startswith("uses_bad.py:3:") for line in errors), mypy.stdout
    assert '"gt"' in mypy.stdout

    # Nothing under wrapper/src changed; regenerate only re-pinned the generated layer.
    assert tree_hashes(project / "wrapper/src") == wrapper_src
    pyproject = (project / "wrapper/pyproject.toml").read_text().splitlines()
    original = (ROOT / "wrapper/pyproject.toml").read_text().splitlines()
    changed = [new for old, new in zip(original, pyproject, strict=True) if old != new]
    assert all("helicone-evals-generated==" in line for line in changed), changed


class _Canned(BaseHTTPRequestHandler):
    """Answers each request with the next canned (status, body); records what it got."""

    answers: ClassVar[list[tuple[int, Any]]] = []
    seen: ClassVar[list[tuple[str, str, str | None]]] = []

    def do_GET(self) -> None:
        self.seen.append(("GET", self.path, self.headers.get("Authorization")))
        status, body = self.answers.pop(0)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, type[_Canned]]]:
    handler = type("Handler", (_Canned,), {"answers": [], "seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_an_operation_added_to_the_selection_is_callable_through_the_transport(
    project: Path, server: tuple[str, type[_Canned]]
) -> None:
    base_url, handler = server
    selection = project / "openapi/selection.toml"
    selection.write_text(
        selection.read_text().replace(
            '"FeedbackRequest",', '"FeedbackRequest",\n    "GetPrompt2025Tags",'
        )
    )
    regen(project)
    handler.answers.extend(
        [
            (503, {"error": "try again"}),
            (200, {"data": ["production", "staging"], "error": None}),
            (404, {"error": "Not found"}),
        ]
    )
    result = run_python(
        project,
        f"""
        import helicone_evals
        from helicone_evals import HeliconeEvals
        with HeliconeEvals("sk-test-key", base_url={base_url!r}) as client:
            assert client.request("GetPrompt2025Tags") == ["production", "staging"]
            try:
                client.request("GetPrompt2025Tags")
            except helicone_evals.NotFoundError as e:
                assert e.status_code == 404
            else:
                raise AssertionError("a 404 must raise NotFoundError")
        """,
    )
    assert result.returncode == 0, result.stderr
    # The 503 was retried: three requests for two calls, all to the generated path, with auth.
    assert [(m, p) for m, p, _ in handler.seen] == [("GET", "/v1/prompt-2025/tags")] * 3
    assert {auth for _, _, auth in handler.seen} == {"Bearer sk-test-key"}

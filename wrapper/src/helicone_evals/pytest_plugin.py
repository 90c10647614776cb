"""pytest plugin (registered through the ``pytest11`` entry point): a local Helicone emulator.

    def test_my_app(helicone_emulator_clean):
        emu = helicone_emulator_clean
        client = HeliconeEvals(emu.api_key, base_url=emu.url)

``helicone_emulator`` is session-scoped: one emulator on a free 127.0.0.1 port, with
deterministic synthetic rows (10,000 by default; set ``helicone_emulator_rows`` /
``helicone_emulator_seed`` in the pytest ini to change them), shared by every test that asks
for it. ``helicone_emulator_clean`` is the same emulator, reset before the test to its initial
rows (requests added and scores written by earlier tests are gone): a clean state for the price
of copying the initial rows back, milliseconds for 10,000 rows. The emulator (and DuckDB) are
imported only when a test asks for a fixture; without the ``emulator`` extra the fixture fails
with the command that installs it, and the rest of the session runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from helicone_evals.emulator import Emulator


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "helicone_emulator_rows",
        "synthetic rows in the helicone_emulator fixture (default 10000)",
        default="10000",
    )
    parser.addini(
        "helicone_emulator_seed", "seed of the helicone_emulator fixture's rows", default="0"
    )


def _emulator_class() -> type[Emulator]:
    try:
        from helicone_evals.emulator import Emulator
    except ImportError as exc:  # MissingExtraError: the message says what to install
        pytest.fail(str(exc), pytrace=False)
    return Emulator


@pytest.fixture(scope="session")
def helicone_emulator(pytestconfig: pytest.Config) -> Iterator[Emulator]:
    """A running emulator with deterministic synthetic rows, shared by the test session.

    ``.url`` is its base URL and ``.api_key`` a key it accepts; ``.add_requests(rows)`` adds
    requests and ``.reset()`` goes back to the initial rows. Scores written by one test stay
    visible to the next: ask for ``helicone_emulator_clean`` for a fresh state.
    """
    emulator_class = _emulator_class()
    rows = int(pytestconfig.getini("helicone_emulator_rows"))
    seed = int(pytestconfig.getini("helicone_emulator_seed"))
    with emulator_class(rows=rows, seed=seed) as emulator:
        yield emulator


@pytest.fixture
def helicone_emulator_clean(helicone_emulator: Emulator) -> Emulator:
    """The session's emulator, reset to its initial rows before this test."""
    helicone_emulator.reset()
    return helicone_emulator

"""pytest plugin (registered through the ``pytest11`` entry point): a local Helicone emulator.

    def test_my_app(helicone_emulator):
        client = HeliconeEvals(helicone_emulator.api_key, base_url=helicone_emulator.url)

The fixture is session-scoped: one emulator on a free 127.0.0.1 port, with deterministic
synthetic rows (10,000 by default; set ``helicone_emulator_rows`` / ``helicone_emulator_seed``
in the pytest ini to change them), shared by every test that asks for it. The emulator (and
DuckDB) are imported only when a test asks for the fixture.
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


@pytest.fixture(scope="session")
def helicone_emulator(pytestconfig: pytest.Config) -> Iterator[Emulator]:
    """A running emulator with deterministic synthetic rows, shared by the test session.

    ``.url`` is its base URL and ``.api_key`` a key it accepts; ``.store.connection`` is the
    DuckDB connection behind it, should a test want to look at or add rows.
    """
    from helicone_evals.emulator import Emulator

    rows = int(pytestconfig.getini("helicone_emulator_rows"))
    seed = int(pytestconfig.getini("helicone_emulator_seed"))
    with Emulator(rows=rows, seed=seed) as emulator:
        yield emulator

"""pytest plugin (registered through the ``pytest11`` entry point): a local Helicone emulator.

    def test_my_app(helicone_emulator):
        client = HeliconeEvals(helicone_emulator.api_key, base_url=helicone_emulator.url)

The emulator (and DuckDB) are imported only when a test asks for the fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from helicone_evals.emulator import Emulator


@pytest.fixture(scope="session")
def helicone_emulator() -> Iterator[Emulator]:
    """A running emulator with deterministic synthetic rows, shared by the test session."""
    from helicone_evals.emulator import Emulator

    with Emulator() as emulator:
        yield emulator

"""Smoke test of the installed wheels (`nox -s wheels`), run outside the source tree.

Not collected by pytest: it checks what `pip install` gives a user, not the checkout. It exits
non-zero (with the assertion) on the first thing that is wrong.
"""

from __future__ import annotations

import importlib.metadata as metadata
from datetime import timedelta
from pathlib import Path

import helicone_evals
import helicone_evals_generated
from helicone_evals import F, HeliconeEvals
from helicone_evals.emulator import Emulator


def main() -> None:
    # Installed from the wheels, not from a source checkout.
    for module in (helicone_evals, helicone_evals_generated):
        assert "site-packages" in Path(module.__file__ or "").parts, module.__file__
    # The wrapper pins exactly the generated version that was installed beside it.
    requires = metadata.requires("helicone-evals") or []
    pin = next(r for r in requires if r.startswith("helicone-evals-generated"))
    assert pin == f"helicone-evals-generated=={helicone_evals_generated.__version__}", pin
    # The pytest plugin is registered, so users' suites get the emulator fixture.
    plugins = {ep.name for ep in metadata.entry_points(group="pytest11")}
    assert "helicone_evals" in plugins, plugins
    # The typed marker ships, so users' type checkers read the annotations.
    assert (Path(helicone_evals.__file__).parent / "py.typed").exists()

    with (
        Emulator(rows=2_000, seed=3) as emu,
        HeliconeEvals(emu.api_key, base_url=emu.url) as client,
    ):
        scores = client.query_score_distributions(F.all, start=timedelta(days=30))
        assert len(scores) > 0
        total = sum(s.total for s in scores)
        assert total > 0
        names = client.evals.score_names()
        assert sorted(names) == sorted(names), names
    print(f"smoke: ok ({len(scores)} scores, {total:.0f} scored values)")


if __name__ == "__main__":
    main()

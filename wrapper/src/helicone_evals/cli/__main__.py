"""``python -m helicone_evals.cli``: the same as the ``helicone-evals`` command."""

from . import main

main()

"""The client's resources, one module each: ``client.evals`` and ``client.scores``.

Each method is written once (see ``_resource``) and is then a synchronous method, an awaitable
one on ``AsyncHeliconeEvals``, and, for single-request methods, a raw-response variant under
``client.with_raw_response``.
"""

from __future__ import annotations

from .evals import Evals
from .scores import Scores

__all__ = ["Evals", "Scores"]
